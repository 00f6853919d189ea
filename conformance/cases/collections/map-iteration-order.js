// Maps iterate in insertion order, even for integer-like keys (unlike objects).
module.exports = () => {
  const m = new Map();
  for (const k of ["z", "10", "2", "a", 1, "1"]) m.set(k, typeof k);
  m.delete("z");
  m.set("z", "re-added");
  m.set("10", "updated keeps position");
  const seen = [];
  m.forEach((v, k, map) => seen.push(`${typeof k}:${k}=${v}/${map.size}`));
  const obj = Object.fromEntries(m);
  return { seen, objectKeys: Object.keys(obj), entries: Array.from(m) };
};
