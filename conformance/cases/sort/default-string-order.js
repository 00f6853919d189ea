// The default sort compares elements as strings.
export default function () {
  return {
    numbers: [10, 9, 1, 100, 25, -3, -20, 0].sort(),
    mixed: [true, "b", 3, null, "a", 20, false].sort(),
    undefinedLast: [3, undefined, 1, undefined, 2].sort(),
    floats: [0.5, 1e21, 1e-7, 2, 10.5].sort(),
    nested: [[2, 1], [10], [1, 5]].sort(),
    unicode: ["é", "z", "a", "Z", "😀", "ﬀ"].sort(),
  };
}
