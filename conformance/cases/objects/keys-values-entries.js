module.exports = () => {
  const o = { name: "Ada", age: 36, 5: "five", nested: { x: 1 } };
  return { keys: Object.keys(o), values: Object.values(o), entries: Object.entries(o), arrKeys: Object.keys(["a", "b"]), strKeys: Object.keys("hi"), empty: Object.entries({}) };
};
