// Math.random() is frozen on both sides (BACKWORKS_FROZEN_RANDOM_SEED): the values themselves
// reach the response, and each request continues the same sequence.
// @request GET
// @request GET
module.exports = () => {
  const values = [Math.random(), Math.random(), Math.random()];
  const dice = Array.from({ length: 8 }, () => Math.floor(Math.random() * 6) + 1);
  const shuffled = [1, 2, 3, 4, 5, 6].sort(() => Math.random() - 0.5);
  return { values, dice, shuffled, fixed: values.map((v) => v.toFixed(6)) };
};
