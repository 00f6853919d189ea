export default function () {
  const a = [1, 2, 3];
  const seen = [];
  a.forEach((v, i) => {
    seen.push(v);
    if (i === 0) a.push(99);
  });
  const b = [1, 2, 3, 4];
  const mapped = b.map((v, i) => {
    if (i === 0) b.pop();
    return v;
  });
  return { seen, a, mapped, b };
}
