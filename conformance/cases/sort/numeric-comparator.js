module.exports = () => {
  const n = [10, 9, 1, 100, 25, -3, 0.5, -0.5];
  return { asc: [...n].sort((a, b) => a - b), desc: [...n].sort((a, b) => b - a), withNaN: [3, NaN, 1, 2].sort((a, b) => a - b).map(String), infinities: [Infinity, -Infinity, 0].sort((a, b) => a - b).map(String) };
};
