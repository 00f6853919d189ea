export default () => ({
  eqString: [1, 2] == "1,2", nested: [[1], [2, [3]]].toString(), emptyEq: [] == false, single: [0] == false,
  plus: [1] + 1, minus: [5] - 2, mul: ["3"] * ["4"], nullJoin: [null, undefined, 1].join("-"), holes: [1, , 3].join(),
  arrayNumber: Number([" 12 "]),
});
