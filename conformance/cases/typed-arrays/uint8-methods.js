// Uint8Array methods: set, fill, indexOf/includes/lastIndexOf, join, map/filter/forEach/every/
// some/find/findIndex/reduce, reverse, sort, at, from/of.
module.exports = () => {
  const bytes = new Uint8Array(6);
  bytes.set([1, 2, 3]);
  bytes.set(new Uint8Array([9, 8]), 4);
  const filled = new Uint8Array(5).fill(7, 1, -1);
  const seen = [];
  bytes.forEach((value, index) => seen.push(`${index}:${value}`));
  const mapped = bytes.map((x) => x * 100);
  return {
    bytes: Array.from(bytes),
    filled: Array.from(filled),
    fillWraps: Array.from(new Uint8Array(2).fill(257)),
    search: [bytes.indexOf(2), bytes.indexOf(200), bytes.includes(9), bytes.includes("9"), bytes.lastIndexOf(0), bytes.indexOf(0, 4)],
    join: [bytes.join(), bytes.join("-"), bytes.join("")],
    seen,
    mapped: [mapped instanceof Uint8Array, Array.from(mapped)],
    filtered: Array.from(bytes.filter((x) => x > 2)),
    predicates: [bytes.every((x) => x < 10), bytes.some((x) => x === 8), bytes.find((x) => x > 2), bytes.findIndex((x) => x > 100)],
    sum: bytes.reduce((a, b) => a + b, 0),
    sumNoInit: bytes.reduce((a, b) => a + b),
    reversed: Array.from(new Uint8Array([1, 2, 3]).reverse()),
    sorted: Array.from(new Uint8Array([30, 4, 100, 2]).sort()),
    sortedDesc: Array.from(new Uint8Array([30, 4, 100, 2]).sort((a, b) => b - a)),
    at: [bytes.at(0), bytes.at(-1), bytes.at(10)],
    from: Array.from(Uint8Array.from([1, 2, 3], (x) => x * 2)),
    fromString: Array.from(Uint8Array.from("123")),
    of: Array.from(Uint8Array.of(1, 256, -1)),
  };
};
