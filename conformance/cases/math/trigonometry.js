module.exports = () => {
  const deg = (r) => (r * 180) / Math.PI;
  return {
    values: [Math.sin(0), Math.sin(Math.PI / 2), Math.sin(Math.PI), Math.cos(0), Math.cos(Math.PI), Math.tan(Math.PI / 4), Math.atan(1), Math.atan2(1, 1), Math.atan2(-1, -1), Math.asin(1), Math.acos(0.5), Math.sinh(1), Math.cosh(1), Math.tanh(0.5), Math.asinh(1), Math.acosh(2), Math.atanh(0.5)],
    degrees: deg(Math.atan2(0, -1)),
  };
};
