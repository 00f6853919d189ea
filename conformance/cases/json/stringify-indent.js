module.exports = () => {
  const value = { a: [1, { b: 2 }, []], c: {}, d: "x", e: [[]] };
  return [JSON.stringify(value, null, 2), JSON.stringify(value, null, "\t"), JSON.stringify(value, null, 20), JSON.stringify(value, null, "abcdefghijklmnop"), JSON.stringify([1, 2], null, 0), JSON.stringify(value, null, -1), JSON.stringify({ a: 1 }, null, "")];
};
