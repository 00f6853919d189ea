module.exports = () => {
  const a = ["c", "a", "b"];
  const r = a.sort();
  const objs = { b: 2, c: 3, a: 1 };
  const sortedKeys = Object.keys(objs).sort();
  const byValue = Object.fromEntries(Object.entries({ x: 3, y: 1, z: 2 }).sort(([, a1], [, b1]) => a1 - b1));
  return { a, same: r === a, sortedKeys, byValue, reverseAlpha: ["b", "a", "c"].sort().reverse() };
};
