module.exports = () => {
  const m = new Map([["a", 1], ["b", 2], ["c", 3]]);
  const seen = [];
  for (const [k, v] of m) {
    seen.push(k);
    if (k === "a") { m.delete("b"); m.set("d", 4); }
  }
  const s = new Set([1, 2]);
  const setSeen = [];
  for (const v of s) { setSeen.push(v); if (v < 4) s.add(v + 2); }
  return { seen, final: [...m.keys()], setSeen };
};
