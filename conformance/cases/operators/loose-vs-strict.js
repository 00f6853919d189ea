exports.handler = () => {
  const pairs = [[0, ""], [0, "0"], ["", "0"], [null, undefined], [null, 0], [NaN, NaN], [1, true], [2, true], ["1", true], [[], ""], [[0], 0], [[1, 2], "1,2"], [{}, "[object Object]"], [false, "false"], [false, "0"], [undefined, false], ["abc", new String("abc")]];
  return pairs.map(([a, b]) => [a == b, a === b, a != b, a !== b]);
};
