// Symbol values: descriptions, String(), typeof, equality, the registry.
module.exports = function handler(req) {
  const a = Symbol("id");
  const b = Symbol("id");
  const empty = Symbol();
  const fromNumber = Symbol(42);
  const reg = Symbol.for("app.key");
  return {
    typeofs: [typeof a, typeof Symbol.iterator, typeof Symbol, typeof Symbol.for],
    strings: [String(a), a.toString(), String(empty), String(fromNumber), String(reg)],
    descriptions: [a.description, empty.description === undefined, fromNumber.description, Symbol("").description],
    equality: [a === a, a === b, a == b, a !== b, Object.is(a, a), Object.is(a, b)],
    registry: [
      Symbol.for("app.key") === reg,
      Symbol.for("app.key") === Symbol("app.key"),
      Symbol.keyFor(reg),
      Symbol.keyFor(a) === undefined,
      Symbol.keyFor(Symbol.iterator) === undefined,
      Symbol.for() === Symbol.for("undefined"),
    ],
    wellKnown: [
      String(Symbol.iterator),
      Symbol.iterator === Symbol.iterator,
      Symbol.asyncIterator.description,
      String(Symbol.toPrimitive),
      String(Symbol.toStringTag),
      String(Symbol.hasInstance),
      Symbol.iterator === Symbol.asyncIterator,
    ],
    truthy: [!!a, !!empty, a ? "yes" : "no"],
    valueOf: a.valueOf() === a,
    constructorIsSymbol: a.constructor === Symbol,
    tag: Object.prototype.toString.call(a),
    inArray: [a, 1].indexOf(a),
    includes: [b].includes(a),
  };
};
