export default function () {
  const target = { a: 1, b: 1 };
  const result = Object.assign(target, { b: 2, c: 2 }, null, { c: 3, d: undefined }, "xy");
  return { result, same: result === target, shallow: (() => { const src = { n: { v: 1 } }; const copy = Object.assign({}, src); copy.n.v = 2; return src.n.v; })() };
}
