export default function () {
  const out = [];
  let total = 0;
  const result = [10, 20, 30].forEach((v, i, arr) => {
    out.push(`${i}:${v}/${arr.length}`);
    total += v;
  });
  [1, , 3].forEach((v) => out.push(v));
  return { out, total, result: result === undefined };
}
