// `util.isDeepStrictEqual` (prototypes, -0, NaN, holes, Maps and Sets in any order, cycles,
// Dates, RegExps, Errors) and `util.types`.
const { isDeepStrictEqual, types } = require("node:util");

exports.handler = () => {
  const a = { x: 1 };
  a.self = a;
  const b = { x: 1 };
  b.self = b;
  return {
    deep: [
      isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }),
      isDeepStrictEqual([1], ["1"]),
      isDeepStrictEqual(NaN, NaN),
      isDeepStrictEqual(0, -0),
      isDeepStrictEqual(new Map([[1, { v: 2 }]]), new Map([[1, { v: 2 }]])),
      isDeepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])),
      isDeepStrictEqual(new Set([{}, 1]), new Set([1, {}])),
      isDeepStrictEqual(Object.create(null), {}),
      isDeepStrictEqual([1, , 2], [1, undefined, 2]),
      isDeepStrictEqual(new Date(1), new Date(1)),
      isDeepStrictEqual(new Date(1), new Date(2)),
      isDeepStrictEqual({ a: undefined }, {}),
      isDeepStrictEqual(new Error("a"), new Error("b")),
      isDeepStrictEqual(/a/g, /a/g),
      isDeepStrictEqual(/a/g, /a/i),
      isDeepStrictEqual(a, b),
      isDeepStrictEqual([1, 2, 3], [1, 2]),
    ],
    types: [
      types.isDate(new Date()),
      types.isDate({}),
      types.isRegExp(/x/),
      types.isRegExp("x"),
      types.isPromise(Promise.resolve()),
      types.isPromise({ then() {} }),
      types.isMap(new Map()),
      types.isSet(new Set()),
      types.isNativeError(new TypeError("x")),
    ],
  };
};
