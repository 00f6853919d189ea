export default function () {
  return [Math.pow(2, 10), Math.pow(2, -2), Math.pow(-8, 1 / 3), Math.pow(0, 0), Math.pow(NaN, 0), Math.pow(1, Infinity), Math.sqrt(2), Math.sqrt(-1), Math.sqrt(16), Math.cbrt(27), Math.cbrt(-64), Math.cbrt(2), 2 ** 0.5, Math.hypot(3, 4), Math.hypot(), Math.hypot(1, 1, 1), Math.hypot(-3), Math.hypot(NaN, Infinity)].map(String);
}
