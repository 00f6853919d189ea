// Proxies of arrays (Array.isArray, JSON, length) and of functions (apply, construct).
export function GET() {
  const calls = [];
  const array = new Proxy([1, 2, 3], {
    get(t, key, receiver) {
      if (typeof key === "string") calls.push(key);
      return Reflect.get(t, key, receiver);
    },
  });
  function add(a, b) { return a + b; }
  const traced = new Proxy(add, {
    apply(target, thisArg, args) { calls.push(`apply ${args.join(",")}`); return target(...args) * 10; },
  });
  class User { constructor(name) { this.name = name; } }
  const Factory = new Proxy(User, {
    construct(target, args, newTarget) {
      calls.push(`construct ${args[0]} ${newTarget === Factory}`);
      return new target(args[0].toUpperCase());
    },
  });
  const Plain = new Proxy(User, {});
  const untrapped = new Proxy(add, {});
  const user = new Factory("ada");
  return {
    isArray: [Array.isArray(array), Array.isArray(new Proxy({}, {})), Object.prototype.toString.call(array)],
    array: [array.length, array[1], JSON.stringify(array), JSON.stringify({ list: array })],
    functions: [traced(2, 3), typeof traced, traced.name, traced.length, untrapped(4, 5), traced.call(null, 1, 1), traced.apply(null, [2, 2])],
    construct: [user.name, user instanceof User, new Plain("x").name, typeof Factory],
    calls,
  };
}
