module.exports = () => {
  const prices = [0.1, 0.2, 0.7, 1.005, 2.675, 19.99];
  const roundTo = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
  const epsRound = (x, d) => Math.round((x + Number.EPSILON) * 10 ** d) / 10 ** d;
  return prices.map((p) => [p * 3, roundTo(p * 3, 2), epsRound(p, 2), roundTo(p, 2), (p * 3).toFixed(2), Math.floor(p * 100), Math.trunc(-p * 100)]);
};
