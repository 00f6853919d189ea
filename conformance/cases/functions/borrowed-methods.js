// Built-in methods borrowed from their prototypes and called with another receiver through
// `call`/`apply`/`bind`: array methods on array-likes and strings, `Object.prototype`'s on
// anything, `Function.prototype.toString` (native code and source text), V8's TypeErrors.
// @request GET
const attempt = (run) => {
  try {
    return run();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
};

const toTag = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
const fnToString = Function.prototype.toString;
const { slice, push, map, join } = Array.prototype;

function userFunction(a, b) { return a + b; }
const arrow = (x) => x * 2;
class Shape {}

module.exports = function handler() {
  const arrayLike = { length: 3, 0: "a", 1: "b", 2: "c" };
  const target = [1, 2];
  const pushed = Array.prototype.push.apply(target, [3, 4]);
  const grown = { length: 1, 0: "x" };
  const grownLength = push.call(grown, "y", "z");
  const spliced = { length: 3, 0: 1, 1: 2, 2: 3 };
  const removed = Array.prototype.splice.call(spliced, 0, 2);
  const reversed = Array.prototype.reverse.call({ length: 2, 0: "p", 1: "q" });
  return {
    arrays: [
      slice.call(arrayLike),
      slice.call(arrayLike, 1),
      Array.prototype.slice.call("hey"),
      map.call("abc", (c) => c.toUpperCase()),
      join.call(arrayLike, "-"),
      Array.prototype.indexOf.call(arrayLike, "b"),
      Array.prototype.filter.call(arrayLike, (c) => c !== "b"),
      Array.prototype.reduce.call(arrayLike, (all, c) => all + c, ""),
      Array.prototype.includes.call({ length: 1, 0: NaN }, NaN),
      slice.call({}),
      slice.call({ length: "2", 0: 1, 1: 2, 2: 3 }),
      slice.call(5),
      [pushed, target],
      [grownLength, grown],
      [removed, spliced],
      reversed,
      Array.prototype.concat.call([1], [2], 3),
      [].slice.call(arrayLike, -2),
      attempt(() => slice.call(null)),
      attempt(() => Array.prototype.forEach.call(undefined, () => {})),
    ],
    strings: [
      String.prototype.trim.call("  pad  "),
      String.prototype.toUpperCase.call(42),
      String.prototype.slice.call(true, 1),
      String.prototype.split.call("a,b", ","),
      String.prototype.padStart.call(7, 3, "0"),
      String.prototype.charAt.call({ toString: () => "xyz" }, 1),
      attempt(() => String.prototype.trim.call(null)),
      attempt(() => String.prototype.includes.call(undefined, "x")),
    ],
    numbers: [
      Number.prototype.toFixed.call(1.005, 2),
      Number.prototype.toString.call(255, 16),
      Number.prototype.valueOf.call(Object(3)),
      Boolean.prototype.toString.call(false),
      Boolean.prototype.valueOf.call(Object(true)),
      attempt(() => Number.prototype.toFixed.call("1", 2)),
      attempt(() => Boolean.prototype.toString.call(1)),
      attempt(() => Symbol.prototype.toString.call("x")),
      Symbol.prototype.toString.call(Symbol("desc")),
      typeof Symbol.prototype.valueOf.call(Symbol.iterator),
    ],
    tags: [
      toTag.call(null),
      toTag.call(undefined),
      toTag.call(1),
      toTag.call("s"),
      toTag.call(true),
      toTag.call([]),
      toTag.call({}),
      toTag.call(userFunction),
      toTag.call(new Date(0)),
      toTag.call(/x/),
      toTag.call(new Error("e")),
      toTag.call(new Map()),
      toTag.call(new Set()),
      toTag.call(Promise.resolve()),
      toTag.call(Symbol("s")),
      toTag.call(JSON),
      toTag.call(Math),
      toTag.call(new Uint8Array(1)),
      toTag.call(Object.create(null)),
      toTag.apply([1, 2]),
      toTag.bind("bound")(),
    ],
    hasOwn: [
      hasOwn.call({ a: 1 }, "a"),
      hasOwn.call({ a: 1 }, "b"),
      hasOwn.call([1], 0),
      hasOwn.call([1], "length"),
      hasOwn.call("abc", 1),
      hasOwn.call(Object.create({ inherited: 1 }), "inherited"),
      attempt(() => hasOwn.call(null, "a")),
      Object.prototype.propertyIsEnumerable.call([1], "length"),
      Object.prototype.propertyIsEnumerable.call({ a: 1 }, "a"),
    ],
    functionSource: [
      fnToString.call(userFunction),
      fnToString.call(arrow),
      fnToString.call(Object.prototype.hasOwnProperty),
      fnToString.call(Array.prototype.push),
      fnToString.call(Object),
      fnToString.call(Array),
      fnToString.call(parseInt),
      fnToString.call(Math.max),
      fnToString.call(Function.prototype.toString),
      userFunction.toString === fnToString,
      attempt(() => fnToString.call({})),
      attempt(() => fnToString.call("function")),
    ],
    errors: [
      Error.prototype.toString.call({ name: "Custom", message: "went wrong" }),
      Error.prototype.toString.call({ message: "only message" }),
      Error.prototype.toString.call({ name: "", message: "no name" }),
      Error.prototype.toString.call({}),
      attempt(() => Error.prototype.toString.call(1)),
      TypeError.prototype.toString.call({ name: "N", message: "m" }),
      Object.prototype.hasOwnProperty.call(TypeError.prototype, "toString"),
      Object.prototype.hasOwnProperty.call(Error.prototype, "toString"),
    ],
    bound: [
      Function.prototype.call.call(userFunction, null, 1, 2),
      Function.prototype.apply.call(userFunction, null, [3, 4]),
      userFunction.apply(null, { length: 2, 0: 5, 1: 6 }),
      attempt(() => userFunction.apply(null, 1)),
      Array.prototype.map.call([1, 2], arrow),
      slice.bind([1, 2, 3])(1),
    ],
  };
};
