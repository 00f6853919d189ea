export default function () {
  class AppError extends Error {}
  const e = new AppError("x");
  const t = new TypeError("t");
  const values = [new Error("e"), t, e, [], new Date(0), new Map(), new Set(), {}, "str", null, /re/, () => 1];
  return values.map((v) => [v instanceof Error, v instanceof TypeError, v instanceof AppError, v instanceof Array, v instanceof Date, v instanceof Map, v instanceof Set, v instanceof Object, v instanceof RegExp, v instanceof Function]);
}
