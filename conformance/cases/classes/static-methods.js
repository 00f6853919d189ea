export default function () {
  class Temperature {
    static ZERO_K = -273.15;
    static fromFahrenheit(f) { return new Temperature((f - 32) * 5 / 9); }
    static compare(a, b) { return a.celsius - b.celsius; }
    constructor(celsius) { this.celsius = celsius; }
    toKelvin() { return this.celsius - Temperature.ZERO_K; }
  }
  const temps = [new Temperature(30), Temperature.fromFahrenheit(32), new Temperature(-5)];
  return { sorted: temps.sort(Temperature.compare).map((t) => t.celsius), kelvin: temps.map((t) => t.toKelvin()), zero: Temperature.ZERO_K, staticOnInstance: typeof temps[0].compare };
}
