// Number printing, parsing and arithmetic coercions.
module.exports = function numbers(req) {
  const n = Number(req.query_params.n ?? "7");
  return {
    body: {
      sums: [0.1 + 0.2, 1e21, 1e-7, 123e-20, 2 ** 53, -0, 5 / 2, 7 % -3, -7 % 3, 2 ** -1],
      text: [String(0.1 + 0.2), `${1e21}`, "" + -0, String(1 / 3), String(100), String(-1e-7)],
      special: [1 / 0, -1 / 0, 0 / 0, Math.max(), Math.min()],
      parse: [parseInt("42px"), parseInt("0x1F"), parseInt("  -12.9"), parseInt("z", 36), parseFloat("3.5e2x"), Number(""), Number(" 12 "), Number("12px"), Number(null), Number(undefined), Number(true), Number("0b101")],
      checks: [Number.isInteger(5.0), Number.isInteger(5.5), Number.isNaN("x"), isNaN("x"), Number.isSafeInteger(2 ** 53)],
      math: [Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.floor(-1.5), Math.ceil(1.2), Math.trunc(-4.7), Math.sign(-3), Math.abs(-2), Math.sqrt(2), Math.pow(2, 10), Math.max(1, n, 3), Math.min(4, "2")],
      fixed: [(3.14159).toFixed(2), (2.5).toFixed(0), (1.005).toFixed(2), (0).toFixed(1), (255).toString(16), (255).toString(2), (-7.25).toString(2)],
      coerce: ["5" * "2", "5" - 2, "5" + 2, 5 + null, 5 + undefined, true + 1, [] + [], [1, 2] + "", {} + "", "3" > "12", 3 > "12", null >= 0, undefined == null, "1" == 1, 0 == "", NaN == NaN],
      bits: [5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 31, -16 >> 2, -16 >>> 28, 2 ** 32 | 0],
      n: n * 3,
    },
  };
};
