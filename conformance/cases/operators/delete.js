function handler() {
  const o = { a: 1, b: 2, c: { d: 3 } };
  const r1 = delete o.a;
  const r2 = delete o.missing;
  const r3 = delete o.c.d;
  const arr = [1, 2, 3];
  const r4 = delete arr[1];
  const key = "b";
  delete o[key];
  return { o, r1, r2, r3, arr, len: arr.length, hole: 1 in arr, keys: Object.keys(arr) };
}
