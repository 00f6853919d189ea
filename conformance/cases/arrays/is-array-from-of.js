module.exports = () => ({
  isArray: [[], {}, "abc", new Array(2), null, { length: 0 }].map(Array.isArray),
  fromString: Array.from("héllo"),
  fromSet: Array.from(new Set([3, 1, 3, 2])),
  fromMap: Array.from(new Map([["a", 1]])),
  fromLength: Array.from({ length: 4 }, (_, i) => i * i),
  fromArrayLike: Array.from({ length: 2, 0: "x", 1: "y" }),
  fromMapFn: Array.from([1, 2, 3], (x) => x * 10),
  of: Array.of(1, "two", [3]),
  keys: [...["a", "b"].keys()],
  entries: [...["a", "b"].entries()],
  values: [...["a", "b"].values()],
});
