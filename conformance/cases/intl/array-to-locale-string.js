// Array.prototype.toLocaleString: each element's toLocaleString with the same locales and
// options, joined with ","; also borrowed from the prototype.
exports.handler = () => {
  const mixed = [1234.5, null, undefined, "text", new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), [5000, 0.25]];
  return {
    plain: mixed.toLocaleString(),
    german: mixed.toLocaleString("de-DE"),
    percent: [0.1, 0.256].toLocaleString("fr", { style: "percent" }),
    empty: [].toLocaleString("ja"),
    // Borrowed from the prototype, on an array and on array-likes.
    borrowed: [
      Array.prototype.toLocaleString.call([1234.5, 2], "de"),
      Array.prototype.toLocaleString.call({ length: 2, 0: 1234.5, 1: 0.5 }, "de"),
      Array.prototype.toLocaleString.call("ab"),
    ],
  };
};
