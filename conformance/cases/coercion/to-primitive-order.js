// ToPrimitive: valueOf first for numbers and +, toString first for strings; fallbacks and errors.
class Money {
  constructor(cents) { this.cents = cents; }
  valueOf() { return this.cents; }
  toString() { return `$${(this.cents / 100).toFixed(2)}`; }
}
class Tag {
  constructor(name) { this.name = name; }
  toString() { return `#${this.name}`; }
}
module.exports = () => {
  const a = new Money(150);
  const b = new Money(250);
  const objValueOf = { valueOf() { return {}; }, toString() { return "fallback"; } };
  const counts = {};
  counts[new Tag("x")] = 1;
  const errors = [];
  try { `${Object.create(null)}`; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { Object.create(null) + 1; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { ({ valueOf() { return {}; }, toString() { return {}; } }) * 2; } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  return {
    sum: a + b, diff: b - a, less: a < b, sorted: [b, a].sort((x, y) => x - y).map(String),
    template: `${a}`, concat: "" + a, joined: [a, b].join(" "), eq: a == 150, strictEq: a === 150,
    fallback: objValueOf + 1, key: Object.keys(counts), tag: `${new Tag("t")}`, tagPlus: new Tag("p") + "!",
    date: [typeof (new Date(0) + 1), new Date(1000) - new Date(0), new Date(5) > new Date(4), `${new Date(0)}` === String(new Date(0)), +new Date(7)],
    arrays: [[1, [2, 3]] + "", [new Tag("in")] + "", [] == 0, [5] * 2],
    cyclic: (() => { const c = [1]; c.push(c); return [String(c), `${[c, 2]}`, c + ""]; })(),
    errors,
  };
};
