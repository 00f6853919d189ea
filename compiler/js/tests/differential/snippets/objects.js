// Object key order, spread, JSON, Object.* and property access.
module.exports = (req) => {
  const o = { b: 1, 10: "ten", a: 2, 2: "two" };
  o.z = 26;
  o["1"] = "one";
  o[-1] = "minus";
  o["01"] = "zero-one";
  delete o.a;
  const merged = { ...o, b: "overridden", extra: [1, { deep: true }] };
  const copy = Object.assign({}, { x: 1 }, null, { y: 2, x: 3 });
  const entries = Object.entries({ k1: "v1", k2: undefined });
  const fromEntries = Object.fromEntries([["p", 1], ["q", [2]]]);
  const withUndefined = { keep: 1, drop: undefined, fn: () => 1, nested: [undefined, () => 2, null, NaN, -0, Infinity] };
  const parsed = JSON.parse('{"b":1,"a":[1,2,{"c":"\\u00e9"}],"5":null,"n":-0.5e1}');
  const date = new Date(0);
  return {
    body: {
      keys: Object.keys(o),
      values: Object.values(o),
      merged,
      copy,
      entries,
      fromEntries,
      json: JSON.stringify(withUndefined),
      pretty: JSON.stringify({ a: [1, [], {}], b: { c: "d" } }, null, 2),
      prettyTabs: JSON.stringify([1, { x: 2 }], null, "\t"),
      topLevel: [JSON.stringify(undefined) === undefined, JSON.stringify("x"), JSON.stringify(null), JSON.stringify(date), JSON.stringify({ date })],
      parsed,
      parsedKeys: Object.keys(parsed),
      has: ["b" in o, "a" in o, o.hasOwnProperty("z"), Object.hasOwn(o, "nope"), 0 in [5]],
      missing: [o.nope, o.nope?.deeper, o.nope?.call(), o.z?.toString()],
      typeofs: [typeof o, typeof null, typeof [], typeof (() => 1), typeof "s", typeof 1, typeof undefined, typeof notDeclared],
      computed: { [`key_${1 + 1}`]: "computed", ["x" + "y"]: 1 },
    },
  };
};
