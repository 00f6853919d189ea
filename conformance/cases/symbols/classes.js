// Symbols as class members, Map keys, toStringTag, toPrimitive and static symbol members.
const kind = Symbol("kind");

class Temperature {
  constructor(celsius) {
    this.celsius = celsius;
    this[kind] = "temperature";
  }
  [Symbol.toPrimitive](hint) {
    if (hint === "number") return this.celsius;
    if (hint === "string") return `${this.celsius}°C`;
    return `default:${this.celsius}`;
  }
  get [Symbol.toStringTag]() {
    return "Temperature";
  }
  static [kind]() {
    return "static member";
  }
}

class Reading extends Temperature {
  ["computed" + "Name"]() {
    return "computed";
  }
}

module.exports = function handler(req) {
  const t = new Temperature(21);
  const r = new Reading(5);
  const registry = new Map([[kind, "by symbol"], ["kind", "by string"]]);
  registry.set(Symbol.for("a"), 1);
  const set = new Set([kind, kind, Symbol("kind")]);
  const tagged = { [Symbol.toStringTag]: "Custom" };
  return {
    primitive: [+t, `${t}`, t + "", t * 2, String(t), t > 20],
    tags: [Object.prototype.toString.call(t), String(tagged), Object.prototype.toString.call(r)],
    own: [t[kind], r[kind], Object.keys(t)],
    staticMember: Temperature[kind](),
    inheritedStatic: Reading[kind](),
    mapKeys: [registry.get(kind), registry.get("kind"), registry.get(Symbol("kind")), registry.get(Symbol.for("a")), registry.size],
    setSize: set.size,
    json: JSON.stringify(t),
    computed: r.computedName(),
  };
};
