function handler() {
  const describe = ({ name, age = 0, tags: [first = "none", ...more] = [] } = {}) => `${name}:${age}:${first}:${more.length}`;
  const sum = ([a, b] = [1, 2], { c } = { c: 3 }) => a + b + c;
  return [describe({ name: "x", age: 3, tags: ["t1", "t2", "t3"] }), describe({ name: "y" }), describe(), sum(), sum([10, 20], { c: 30 }), sum(undefined, {})];
}
