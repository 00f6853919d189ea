// `import()` of a literal path: a promise of the namespace; the module evaluates once, in a
// later job, and a CommonJS module's namespace has its `module.exports` as `default`.
// @request GET
// @request GET
export async function GET() {
  const order = ["before"];
  const pending = import("../_helpers/esm-lazy.js");
  order.push(typeof pending.then);
  const ns = await pending;
  order.push("after");
  const again = await import("../_helpers/esm-lazy.js");
  const cjs = await import("../_helpers/math-utils.js");
  return {
    order,
    same: ns === again,
    keys: Object.keys(ns),
    triple: ns.triple(4),
    cjsKeys: Object.keys(cjs),
    cjsRound: cjs.default.round(1.005, 2),
    cjsNamed: cjs.sum([1, 2]),
  };
}
