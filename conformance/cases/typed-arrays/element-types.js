// The other typed arrays on the same storage: conversions on write (wraparound, clamping,
// single precision), views of one buffer in different types, alignment errors, statics.
module.exports = () => {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  };
  const values = [0, 1.5, -1, 128, 255.5, 256, 40000, -40000, 3e9, NaN, Infinity, -0.4];
  const classes = { Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array };
  const converted = Object.fromEntries(Object.entries(classes).map(([name, Class]) => [name, Array.from(new Class(values), String)]));
  const buffer = new ArrayBuffer(8);
  const words = new Uint32Array(buffer);
  words[0] = 0x01020304;
  const halves = new Uint16Array(buffer);
  const floats = new Float64Array([1.5, -2.25, NaN, 0]);
  return {
    converted,
    shared: [Array.from(new Uint8Array(buffer)), Array.from(halves), words.byteLength, halves.length],
    sub: (() => { const s = words.subarray(1); s[0] = 7; return [s.byteOffset, s.length, Array.from(new Uint8Array(buffer))]; })(),
    float: [floats.join(), floats.includes(NaN), floats.indexOf(NaN), Array.from(floats.slice().sort()), JSON.stringify(floats), String(new Float32Array([0.1]))],
    sorted: Array.from(new Int16Array([5, -3, 100, -300]).sort()),
    mapped: Array.from(new Int8Array([100, 27]).map((x) => x + 100)),
    statics: [Int32Array.BYTES_PER_ELEMENT, Float64Array.BYTES_PER_ELEMENT, words.BYTES_PER_ELEMENT, Array.from(Int16Array.from([1, 2], (x) => -x)), Array.from(Float32Array.of(0.5, 1))],
    tags: [Object.prototype.toString.call(floats), floats instanceof Float64Array, floats instanceof Int32Array, ArrayBuffer.isView(halves)],
    errors: [
      attempt(() => new Int32Array(new ArrayBuffer(8), 2)),
      attempt(() => new Int32Array(new ArrayBuffer(6))),
      attempt(() => new Float64Array(new ArrayBuffer(16), 8, 2)),
      attempt(() => new Uint16Array(-1)),
    ],
  };
};
