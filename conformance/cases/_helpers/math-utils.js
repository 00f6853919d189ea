// Shared helper required by CommonJS cases.
const PRECISION = 2;
function round(value, digits = PRECISION) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}
module.exports = { round, sum, PRECISION };
