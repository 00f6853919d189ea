// Map and Set forEach see entries added during the walk and skip deleted ones, as in V8.
module.exports = () => {
  const m = new Map([["a", 1], ["b", 2], ["c", 3]]);
  const seen = [];
  m.forEach((v, k, map) => { seen.push(k + v); if (k === "a") { map.delete("b"); map.set("d", 4); } if (k === "c") map.delete("c"); });
  const s = new Set([1, 2]);
  const setSeen = [];
  s.forEach((v) => { setSeen.push(v); if (v < 4) s.add(v + 2); });
  const t = new Set([1, 2, 3]);
  const tSeen = [];
  t.forEach((v) => { tSeen.push(v); t.delete(v); });
  return { seen, final: [...m.keys()], setSeen, tSeen, tSize: t.size };
};
