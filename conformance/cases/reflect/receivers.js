// Reflect.get/set with a receiver, and Reflect.construct with newTarget.
export function GET() {
  const source = {
    _v: 1,
    get value() { return this._v * 10; },
    set value(v) { this._v = v; },
  };
  const other = { _v: 7 };
  const viaProto = Object.create(source);
  const results = [Reflect.get(source, "value"), Reflect.get(source, "value", other), Reflect.get(viaProto, "value", { _v: 3 })];
  results.push(Reflect.set(source, "value", 5, other), other._v, source._v);
  const plain = { a: 1 };
  const receiver = {};
  results.push(Reflect.set(plain, "a", 2, receiver), plain.a, receiver.a, Object.keys(receiver));
  const readOnly = Object.defineProperty({}, "k", { value: 1, writable: false });
  results.push(Reflect.set(readOnly, "k", 2, {}), Reflect.set({}, "k", 2, readOnly));

  class Base { constructor() { this.made = "base"; } hello() { return "base hello"; } }
  class Other { hello() { return "other hello"; } }
  const built = Reflect.construct(Base, [], Other);
  results.push(built.made, built.hello(), built instanceof Other, built instanceof Base, Reflect.getPrototypeOf(built) === Other.prototype);
  return results;
}
