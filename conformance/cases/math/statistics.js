// @request POST [4, 8, 15, 16, 23, 42]
// @request POST [1]
// @request POST []
function handler(req) {
  const xs = req.body;
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
  const sorted = [...xs].sort((a, b) => a - b);
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { n, mean, variance, stddev: Math.sqrt(variance), median, min: Math.min(...xs), max: Math.max(...xs), rounded: Math.round(mean * 100) / 100 };
}
