// Symbol-keyed properties: set, read, computed keys in literals, hidden from keys/JSON/for…in.
const hidden = Symbol("hidden");
const secret = Symbol.for("secret");

exports.handler = function (req) {
  const o = { visible: 1, [hidden]: "h", [secret]: 2 };
  o[Symbol.for("later")] = "l";
  const keys = [];
  for (const k in o) keys.push(k);
  const copy = { ...o };
  const assigned = Object.assign({}, o);
  const symbols = Object.getOwnPropertySymbols(o);
  delete o[secret];
  return {
    read: [o[hidden], o[Symbol.for("later")], o[Symbol("hidden")]],
    keys: Object.keys(o),
    forIn: keys,
    json: JSON.stringify(o),
    entries: Object.entries(o),
    symbols: symbols.map(String),
    afterDelete: Object.getOwnPropertySymbols(o).map((s) => s.toString()),
    inOperator: [hidden in o, secret in o, Symbol() in o, Symbol.iterator in []],
    hasOwn: [Object.hasOwn(o, hidden), o.hasOwnProperty(hidden), Object.hasOwn(o, Symbol())],
    enumerable: [o.propertyIsEnumerable(hidden), o.propertyIsEnumerable(Symbol("none"))],
    spreadCopies: [copy[hidden], copy[secret], Object.keys(copy)],
    assignCopies: [assigned[hidden], Object.getOwnPropertySymbols(assigned).length],
    missing: o[Symbol.iterator],
    names: Object.getOwnPropertyNames(o),
  };
};
