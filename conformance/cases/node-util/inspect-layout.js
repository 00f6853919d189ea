// `util.inspect`'s layout, shared with `console.log`: a container stays on one line when it
// holds at most three levels and fits in 80 columns, else one entry per line, indented;
// arrays of more than six short entries are grouped in aligned columns (numbers padded at the
// start, strings at the end); Maps and Sets likewise. (`%o` is left out: Node adds hidden
// properties such as `[length]`, which are not modelled.)
const util = require("util");

const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Empty {}

module.exports = () => {
  const values = [
    [1, 2, 3, 4, 5, 6],
    [1, 2, 3, 4, 5, 6, 7],
    range(30, (i) => i),
    range(12, (i) => i * 1000),
    range(9, (i) => "s".repeat(i)),
    ["aaaaaaaaaa", "b", "c", "d", "e", "f", "g", "h"],
    range(26, (i) => String.fromCharCode(97 + i)),
    range(120, (i) => i),
    { x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { a: 1, b: "x".repeat(70) },
    { a: { b: { c: {} } } },
    { a: { b: { c: { d: 1 } } } },
    { a: { b: { c: { d: 1 } } }, e: { f: 1 } },
    { list: [{ id: 1, tags: ["a", "b"] }, { id: 2, tags: [] }], total: 2 },
    { user: { name: "Ada", roles: ["admin", "dev"], address: { city: "London", zip: "N1" } } },
    new Map([["a", { b: { c: { d: 1 } } }], ["long key number two", range(8, (i) => i)]]),
    new Set(range(10, (i) => `item-${i}`)),
    [[1, 2, [3, 4, [5, 6]]], { deep: [{ deeper: [1] }] }],
    range(7, (i) => ({ id: i })),
    [1, , 3, , , 6, 7, 8],
    [true, false, null, undefined, 1, "two", -0],
    { "quoted-key": "it's", plain: 'say "hi"', both: `it's "x"` },
    [new Point(1, 2), new Empty(), Object.create(null), Object.assign(Object.create(null), { a: 1 })],
    { nested: { deeper: { point: new Point(0, 0), empty: new Empty() } } },
  ];
  return values.map((value) => util.inspect(value)).concat(
    values.slice(0, 12).map((value) => util.inspect(value, { depth: null })),
    values.slice(12).map((value) => util.format("%O|%s", value, value)),
  );
};
