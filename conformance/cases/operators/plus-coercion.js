// + concatenates as soon as either side is (or converts to) a string.
module.exports = () => [
  1 + "2", "1" + 2, 1 + 2 + "3", "1" + 2 + 3, 1 + true, 1 + null, 1 + undefined, "a" + null, "a" + undefined,
  [] + [], [] + {}, ({}) + [], [1] + [2], [1, 2] + 3, true + true, "" + {}, null + null, 1 + [2],
  1 + { valueOf() { return 41; } }, "x" + { toString() { return "y"; } }, 1 + new Date(0).getTime(), "3" - 1, "3" * "4", "10" / "4", "a" - 1,
].map((v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));
