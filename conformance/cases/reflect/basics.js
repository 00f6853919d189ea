// Reflect: the 13 methods on plain objects, arrays, classes and functions.
export default function () {
  const sym = Symbol("s");
  const obj = { b: 1, 2: "two", a: 2, [sym]: 3, 1: "one" };
  Object.defineProperty(obj, "hidden", { value: 4, enumerable: false });
  const frozen = Object.freeze({ x: 1 });
  const arr = [10, 20];
  class Point {
    constructor(x, y) { this.x = x; this.y = y; }
    get sum() { return this.x + this.y; }
  }
  function plus(a, b) { return (this ? this.base : 0) + a + b; }
  const proto = { greet() { return "hi " + this.name; } };
  const child = Object.create(proto);
  child.name = "kid";
  return {
    get: [Reflect.get(obj, "a"), Reflect.get(obj, sym), Reflect.get(arr, 1), Reflect.get(arr, "length"), Reflect.get(obj, "missing"), Reflect.get(child, "greet") === proto.greet],
    set: [Reflect.set(obj, "c", 5), obj.c, Reflect.set(frozen, "x", 2), frozen.x, Reflect.set(frozen, "y", 2), Reflect.set(arr, 2, 30), arr],
    has: [Reflect.has(obj, "a"), Reflect.has(obj, "zz"), Reflect.has(obj, sym), Reflect.has(child, "greet"), Reflect.has(arr, 0), Reflect.has(arr, "length"), Reflect.has(obj, "hidden")],
    ownKeys: [Reflect.ownKeys(obj).map(String), Reflect.ownKeys(arr), Reflect.ownKeys({})],
    defineProperty: [Reflect.defineProperty(obj, "d", { value: 6 }), obj.d, Reflect.defineProperty(obj, "d", { value: 7 }), obj.d, Reflect.defineProperty(frozen, "z", { value: 1 }), Reflect.defineProperty(frozen, "x", { value: 1 })],
    deleteProperty: [Reflect.deleteProperty(obj, "b"), "b" in obj, Reflect.deleteProperty(obj, "hidden"), Reflect.deleteProperty(frozen, "x"), Reflect.deleteProperty(obj, "nothing")],
    descriptors: [Reflect.getOwnPropertyDescriptor(obj, "a"), Reflect.getOwnPropertyDescriptor(obj, "hidden"), Reflect.getOwnPropertyDescriptor(obj, "nope"), Reflect.getOwnPropertyDescriptor(arr, "length")],
    prototypes: [Reflect.getPrototypeOf(child) === proto, Reflect.getPrototypeOf(Object.create(null)), Reflect.setPrototypeOf(child, null), Reflect.getPrototypeOf(child), Reflect.setPrototypeOf(frozen, {}), Reflect.setPrototypeOf(frozen, Object.prototype)],
    extensible: [Reflect.isExtensible(obj), Reflect.isExtensible(frozen), Reflect.preventExtensions(obj), Reflect.isExtensible(obj), Reflect.set(obj, "late", 1), "late" in obj],
    apply: [Reflect.apply(Math.max, undefined, [1, 5, 3]), Reflect.apply(plus, { base: 100 }, [1, 2]), Reflect.apply(plus, null, { length: 2, 0: 3, 1: 4 }), Reflect.apply(function () { return typeof this; }, "s", [])],
    construct: (() => {
      const p = Reflect.construct(Point, [1, 2]);
      const d = Reflect.construct(Date, [0]);
      return [p instanceof Point, p.sum, JSON.stringify(p), d.toISOString(), Reflect.construct(Array, [3]).length];
    })(),
  };
}
