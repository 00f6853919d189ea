// Members of the global object read through `globalThis` and `global`: functions are the
// globals themselves, namespaces work through it, a missing member is undefined.
const parseInt = (s) => "shadowed " + s;
module.exports = () => ({
  shadowed: parseInt("1"),
  globalParse: globalThis.parseInt("42px"),
  sameFunction: globalThis.parseFloat === Number.parseFloat,
  nodeGlobal: global.encodeURIComponent("a b"),
  math: globalThis.Math.max(1, 5, 3),
  json: globalThis.JSON.stringify({ a: [1] }),
  missing: globalThis.notAGlobal === undefined,
  typeofMissing: typeof globalThis.notAGlobal,
  typeofFunction: typeof globalThis.structuredClone,
  date: new globalThis.Date(0).toISOString(),
  filtered: [0, 1, "", "x"].filter(globalThis.Boolean),
});
