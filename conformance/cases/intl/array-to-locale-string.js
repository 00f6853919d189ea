// Array.prototype.toLocaleString: each element's toLocaleString with the same locales and
// options, joined with ",".
exports.handler = () => {
  const mixed = [1234.5, null, undefined, "text", new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), [5000, 0.25]];
  return {
    plain: mixed.toLocaleString(),
    german: mixed.toLocaleString("de-DE"),
    percent: [0.1, 0.256].toLocaleString("fr", { style: "percent" }),
    empty: [].toLocaleString("ja"),
  };
};
