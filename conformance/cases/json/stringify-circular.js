exports.handler = () => {
  const a = { name: "a" };
  const b = { name: "b", a };
  a.b = b;
  const arr = [1];
  arr.push(arr);
  const out = [];
  for (const v of [a, arr]) {
    try { JSON.stringify(v); } catch (e) { out.push(`${e.name}: ${e.message}`); }
  }
  return out;
};
