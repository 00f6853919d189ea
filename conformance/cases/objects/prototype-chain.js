// Object.create, __proto__ in literals and JSON, getPrototypeOf, isPrototypeOf, inherited lookups.
module.exports = () => {
  const animal = { kind: "animal", describe() { return `${this.name} is an ${this.kind}`; } };
  const dog = Object.create(animal);
  dog.name = "Rex";
  const literal = { __proto__: animal, name: "Tom" };
  const computed = { ["__proto__"]: 1 };
  const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
  // A key that is only known at run time (e.g. from a request body) goes through the setter.
  const protoKey = ["__", "proto", "__"].join("");
  const viaKey = {};
  viaKey[protoKey] = 1;
  viaKey[protoKey] = animal;
  const primitiveProto = { __proto__: 5, x: 1 };
  class Base {}
  class Derived extends Base {}
  return {
    describe: dog.describe(),
    literal: literal.describe(),
    ownKeys: Object.keys(dog),
    inherited: "kind" in dog,
    hasOwn: [dog.hasOwnProperty("kind"), Object.hasOwn(dog, "name")],
    protoIs: Object.getPrototypeOf(dog) === animal,
    isProto: [animal.isPrototypeOf(dog), Object.prototype.isPrototypeOf(dog), dog.isPrototypeOf(animal)],
    computedKeys: Object.keys(computed),
    computedJson: JSON.stringify(computed),
    parsedKeys: Object.keys(parsed),
    parsedPolluted: parsed.polluted === undefined,
    viaKey: [viaKey.kind, Object.keys(viaKey).length],
    primitiveProto: [Object.getPrototypeOf(primitiveProto) === Object.prototype, Object.keys(primitiveProto)],
    classProtos: [Object.getPrototypeOf(Derived) === Base, Object.getPrototypeOf(Derived.prototype) === Base.prototype, Object.getPrototypeOf(new Derived()) === Derived.prototype],
    builtins: [Object.getPrototypeOf([]) === Object.getPrototypeOf([1]), Object.getPrototypeOf(Object.prototype), Object.getPrototypeOf({}) === Object.prototype, Object.getPrototypeOf(Object.create(null))],
    shadow: (() => { const child = Object.create(animal); child.kind = "dog"; child.name = "Fido"; return [child.describe(), animal.kind]; })(),
    createError: (() => { try { Object.create(1); } catch (e) { return `${e.name}: ${e.message}`; } })(),
    nullDict: (() => { const d = Object.create(null); d.k = 1; return ["toString" in d, "k" in d, d instanceof Object, Object.prototype.hasOwnProperty.call(d, "k")]; })(),
  };
};
