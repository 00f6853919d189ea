// @request POST {"matrix": [[1, 2, 3], [4, 5, 6]]}
exports.handler = (req) => {
  const m = req.body.matrix;
  const transpose = m[0].map((_, c) => m.map((row) => row[c]));
  const grid = Array.from({ length: 3 }, () => Array(3).fill(0));
  grid[1][1] = 5;
  return { transpose, sums: m.map((r) => r.reduce((a, b) => a + b, 0)), grid, flatSum: m.flat().reduce((a, b) => a + b) };
};
