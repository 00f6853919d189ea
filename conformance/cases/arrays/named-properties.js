// Named (non-index) properties on arrays: visible to keys, in, spread, for…in; not to JSON.
export default function () {
  const a = [10, 20];
  a.label = "pair";
  a[-1] = "minus";
  a["01"] = "not an index";
  a[1.5] = "fraction";
  const forIn = [];
  for (const key in a) forIn.push(key);
  const copy = [...a];
  const deleted = delete a.label;
  const cloned = structuredClone(Object.assign([1, , 3], { tag: "t" }));
  const own = Object.assign([1], { run: () => "own method" });
  return {
    keys: Object.keys(a), forIn, json: JSON.stringify(a), spread: { ...a },
    values: Object.values(a), entries: Object.entries(a), copyKeys: Object.keys(copy),
    inChecks: ["-1" in a, "01" in a, "label" in a, "length" in a, "map" in a, "nope" in a],
    hasOwn: [a.hasOwnProperty("-1"), Object.hasOwn(a, "01"), a.hasOwnProperty("label")],
    deleted, afterDelete: Object.keys(a), length: a.length, minus: a[-1], fraction: a["1.5"],
    cloned: { keys: Object.keys(cloned), json: JSON.stringify(cloned), tag: cloned.tag },
    ownMethod: own.run(), typeofMap: typeof a.map, sliceKeys: Object.keys(a.slice()),
    mapped: Object.keys(a.map((x) => x)),
  };
}
