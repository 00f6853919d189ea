function handler() {
  const m = new Map([["b", 1], ["a", 2]]);
  m.set(3, "three").set("1", "string one").set(1, "number one");
  m.set("b", "updated");
  const objKey = { id: 1 };
  m.set(objKey, "object key");
  m.set(NaN, "nan");
  return {
    size: m.size, get: [m.get("b"), m.get(3), m.get("3"), m.get(1), m.get("1"), m.get(objKey), m.get({ id: 1 }), m.get(NaN)],
    has: [m.has("a"), m.has("z")], deleted: [m.delete("a"), m.delete("a")], keys: [...m.keys()].map(String), values: [...m.values()],
    json: JSON.stringify(m), entriesJson: [...m.entries()].filter(([k]) => typeof k !== "object"),
  };
}
