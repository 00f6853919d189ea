module.exports = () => {
  const a = [1, 2, 3];
  const r = a.reverse();
  return { a, same: r === a, fill: new Array(4).fill(0), fillRange: [1, 2, 3, 4, 5].fill(9, 1, 3), fillNeg: [1, 2, 3, 4].fill("x", -2), fillObj: Array(2).fill({}).map((o, i, arr) => o === arr[0]) };
};
