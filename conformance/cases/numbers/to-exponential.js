module.exports = function () {
  return [(123456).toExponential(2), (0.00015).toExponential(1), (1).toExponential(), (0).toExponential(3), (-12.5).toExponential(0)];
};
