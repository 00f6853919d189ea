// Map and Set keep insertion order and compare keys by SameValueZero.
module.exports = (req) => {
  const words = "the cat and the hat and the bat".split(" ");
  const counts = new Map();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const unique = new Set(words);
  unique.add("cat");
  unique.delete("and");
  const numbers = new Set([1, "1", NaN, NaN, 0, -0]);
  const pairs = [];
  counts.forEach((value, key) => pairs.push(`${key}=${value}`));
  return {
    body: {
      counts: [...counts],
      size: [counts.size, unique.size, numbers.size],
      unique: [...unique],
      has: [unique.has("the"), unique.has("and"), numbers.has(NaN), counts.has("dog")],
      keys: [...counts.keys()],
      values: Array.from(counts.values()),
      pairs,
      asJson: JSON.stringify({ map: counts, set: unique }),
      sorted: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w),
    },
  };
};
