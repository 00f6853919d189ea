// Where JS switches to exponent notation: 1e21 and 1e-7.
module.exports = () => ({
  strings: [1e20, 1e21, 1.5e21, 123456789e13, 1e-6, 1e-7, 1.5e-7, 0.00000123, 2e-323, 1e308 * 10, 5e-324].map((n) => String(n)),
  json: [1e20, 1e21, 1e-6, 1e-7, 12345678901234567890],
  big: 2 ** 70,
  small: 2 ** -30,
});
