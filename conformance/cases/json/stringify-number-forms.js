// Numbers and strings as JSON.stringify writes them (integers take a shortcut, the rest the
// shortest round trip).
module.exports = () => {
  const numbers = [0, -0, 1, -1, 9, 10, 99, 100, 123456789, -987654321, 2 ** 31, 2 ** 32, 2 ** 53 - 1, -(2 ** 53 - 1),
    2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e21, 1e21 - 65536, 123e18, 0.1, -0.5, 1.25, 1 / 3, 5e-7, 1e-7, 1.5e-10, 1e300,
    Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, NaN, Infinity, -Infinity];
  const strings = ["", "a", "\u007f", "\u0080", "\u00ff", "\u2028", "\ud800", "\udfff", "\ud83d", "a\ud83d", "\ud83d\ude00",
    "\u0000\u0007\u000b\u001f", "quote\"back\\slash", "é\n中\t😀"];
  return { numbers: JSON.stringify(numbers), each: numbers.map((n) => JSON.stringify(n)), strings: JSON.stringify(strings), keys: JSON.stringify(Object.fromEntries(strings.map((s, i) => [s, i]))) };
};
