module.exports = () => {
  let a = 1, b = 2, c = 3;
  [a, b, c] = [c, a, b];
  const obj = {};
  ({ x: obj.first, y: obj.second = "dflt" } = { x: 10 });
  const arr = [];
  [arr[1], arr[0]] = ["one", "zero"];
  let m, n;
  ({ m, n = m * 2 } = { m: 4 });
  return { a, b, c, obj, arr, m, n };
};
