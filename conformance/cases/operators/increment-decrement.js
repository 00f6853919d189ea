exports.handler = () => {
  let i = 5;
  const a = i++;
  const b = ++i;
  const c = i--;
  const d = --i;
  const o = { n: 1 };
  o.n++;
  ++o.n;
  const arr = [0];
  arr[0]--;
  let s = "5";
  s++;
  let u;
  u++;
  return { a, b, c, d, i, n: o.n, arr, s, typeofS: typeof s, u: String(u) };
};
