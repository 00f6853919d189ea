// `Math` and `JSON` read as values, as packages do (date-fns: `Math[method]`).
// @request GET ?method=floor
// @request GET ?method=ceil
// @request GET ?method=nope
module.exports = (req) => {
  const method = req.query_params.method;
  const round = Math[method] ?? Math.trunc;
  const { max, min, PI } = Math;
  const math = Math;
  const descriptor = Object.getOwnPropertyDescriptor(Math, "PI");
  const floorDescriptor = Object.getOwnPropertyDescriptor(Math, "floor");
  return {
    rounded: round(-2.5),
    extremes: [max(1, 9, 3), min(4, -2)],
    pi: PI,
    keys: Object.keys(Math),
    json: JSON.stringify(Math),
    tag: Object.prototype.toString.call(Math),
    jsonTag: String(JSON),
    pick: ["stringify", "parse"].map((name) => typeof JSON[name]),
    parsed: JSON["parse"]("[1,2]"),
    viaAlias: math.abs(-3),
    has: ["floor" in Math, "nope" in Math, Object.hasOwn(Math, "sqrt")],
    descriptor: [descriptor.writable, descriptor.enumerable, descriptor.configurable],
    floorDescriptor: [floorDescriptor.writable, floorDescriptor.enumerable, floorDescriptor.configurable],
    names: ["floor", "hypot", "sqrt"].map((name) => Math[name].name),
  };
};
