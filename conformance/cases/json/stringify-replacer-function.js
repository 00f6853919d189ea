exports.handler = () => {
  const data = { keep: 1, drop: 2, nested: { keep: "k", drop: "d" }, list: [1, "two", 3] };
  const calls = [];
  const out = JSON.stringify(data, (key, value) => {
    calls.push(key === "" ? "<root>" : key);
    if (key === "drop") return undefined;
    if (typeof value === "number") return value * 10;
    return value;
  });
  return { out, calls };
};
