// Math.random is not frozen: only properties of its values reach the response.
exports.handler = () => {
  const samples = Array.from({ length: 100 }, () => Math.random());
  const dice = Array.from({ length: 100 }, () => Math.floor(Math.random() * 6) + 1);
  return { inRange: samples.every((x) => x >= 0 && x < 1), typeofRandom: typeof Math.random(), diceOk: dice.every((d) => Number.isInteger(d) && d >= 1 && d <= 6), count: samples.length };
};
