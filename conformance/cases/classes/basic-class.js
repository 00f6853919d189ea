class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  add(other) { return new Point(this.x + other.x, this.y + other.y); }
  length() { return Math.hypot(this.x, this.y); }
  toString() { return `(${this.x}, ${this.y})`; }
}
function handler() {
  const p = new Point(3, 4).add(new Point(1, 1));
  return { p, length: new Point(3, 4).length(), str: String(p), template: `${p}`, keys: Object.keys(p), isPoint: p instanceof Point, ctorName: p.constructor.name, typeofClass: typeof Point };
}
