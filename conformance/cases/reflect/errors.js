// Reflect: V8's TypeErrors for non-object targets and bad arguments.
const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
exports.handler = () => ({
  nonObject: ["get", "set", "has", "ownKeys", "defineProperty", "deleteProperty", "getOwnPropertyDescriptor", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions"]
    .map((name) => attempt(() => Reflect[name](1, "a", {}))),
  primitives: [attempt(() => Reflect.get("str", "length")), attempt(() => Reflect.ownKeys(null)), attempt(() => Reflect.has(undefined, "x"))],
  apply: [attempt(() => Reflect.apply(1)), attempt(() => Reflect.apply({}, null, [])), attempt(() => Reflect.apply(() => 1, null, 1)), attempt(() => Reflect.apply(() => 1, null))],
  construct: [attempt(() => Reflect.construct(() => 1, [])), attempt(() => Reflect.construct(function () {}, [], () => 1)), attempt(() => Reflect.construct(function () {}, 2))],
  descriptors: [attempt(() => Reflect.defineProperty({}, "a", 1)), attempt(() => Reflect.setPrototypeOf({}, 1)), attempt(() => Reflect.setPrototypeOf({}, undefined))],
  thrown: attempt(() => Reflect.get({ get x() { throw new RangeError("from getter"); } }, "x")),
});
