export default function () {
  const base = [0, 1, 2, 3, 4, 5];
  const a = [...base];
  const removed = a.splice(1, 2);
  const b = [...base];
  const inserted = b.splice(2, 0, "x", "y");
  const c = [...base];
  const negative = c.splice(-2);
  const d = [...base];
  const replace = d.splice(1, 1, "one");
  const e = [...base];
  const all = e.splice(0);
  return {
    slice: [base.slice(2), base.slice(1, 3), base.slice(-2), base.slice(-4, -1), base.slice(4, 2), base.slice()],
    a, removed, b, inserted, c, negative, d, replace, e, all,
  };
}
