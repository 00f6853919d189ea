// String(f) and f.toString() print a function's source text as written, as V8 does; built-in
// functions print `function name() { [native code] }`.
function declared(a, b = 2) {
  return a + b; // a comment stays
}
const arrow = (x) => x * 2;
const asyncArrow = async () => { await null; };
const expression = function named() { return 1; };
const object = { method(v) { return v; }, short: () => 0 };
module.exports = () => {
  let cloneError;
  try { structuredClone({ f: () => 1 }); } catch (e) { cloneError = `${e.name}: ${e.message}`; }
  return {
    declared: String(declared),
    arrow: arrow.toString(),
    asyncArrow: `${asyncArrow}`,
    expression: "" + expression,
    method: String(object.method),
    short: String(object.short),
    inline: String((a, b) => a - b),
    builtin: String(parseInt),
    cloneError,
  };
};
