// Shorthand properties, computed keys, spread and methods.
exports.handler = (req) => {
  const name = "Ada";
  const age = 36;
  const key = "dyn";
  const base = { a: 1, b: 2 };
  const obj = {
    name,
    age,
    [key]: true,
    [`${key}_${1 + 1}`]: "computed",
    [10 * 2]: "twenty",
    ...base,
    b: "override",
    greet() { return `I am ${this.name}`; },
    arrow: () => "arrow",
    "quoted key": 1,
  };
  return { obj, greeting: obj.greet(), arrow: obj.arrow(), keys: Object.keys(obj) };
};
