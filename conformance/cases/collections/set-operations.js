exports.handler = () => {
  const a = new Set([1, 2, 3, 4]);
  const b = new Set([3, 4, 5]);
  const union = new Set([...a, ...b]);
  const intersection = [...a].filter((x) => b.has(x));
  const difference = [...a].filter((x) => !b.has(x));
  const symmetric = [...union].filter((x) => !(a.has(x) && b.has(x)));
  const entries = [...new Set(["x"]).entries()];
  const dedupeObjects = [...new Map([{ id: 1, v: "a" }, { id: 2, v: "b" }, { id: 1, v: "c" }].map((o) => [o.id, o])).values()];
  return { union: [...union], intersection, difference, symmetric, isSubset: [...b].every((x) => a.has(x)), entries, dedupeObjects };
};
