// Proxy: every common trap over a plain object, and forwarding when a trap is missing.
export default function () {
  const log = [];
  const target = { a: 1, b: 2 };
  const handler = {
    get(t, key, receiver) { log.push(`get ${String(key)}`); return Reflect.get(t, key, receiver); },
    set(t, key, value) { log.push(`set ${String(key)}=${value}`); t[key] = value; return true; },
    has(t, key) { log.push(`has ${String(key)}`); return key in t; },
    deleteProperty(t, key) { log.push(`delete ${String(key)}`); return delete t[key]; },
    ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t); },
    getOwnPropertyDescriptor(t, key) { log.push(`gopd ${String(key)}`); return Reflect.getOwnPropertyDescriptor(t, key); },
    defineProperty(t, key, desc) { log.push(`define ${String(key)}`); return Reflect.defineProperty(t, key, desc); },
    getPrototypeOf(t) { log.push("getPrototypeOf"); return Reflect.getPrototypeOf(t); },
  };
  const p = new Proxy(target, handler);
  const results = {};
  results.reads = [p.a, p["b"], p.missing];
  p.c = 3;
  p["d"] = 4;
  results.has = ["a" in p, "zzz" in p];
  results.deleted = [delete p.d, "d" in target];
  results.keys = Object.keys(p);
  results.entries = Object.entries(p);
  results.json = JSON.stringify(p);
  results.spread = { ...p };
  const forIn = [];
  for (const key in p) forIn.push(key);
  results.forIn = forIn;
  Object.defineProperty(p, "e", { value: 5, enumerable: true, configurable: true, writable: true });
  results.defined = target.e;
  results.proto = Object.getPrototypeOf(p) === Object.prototype;
  results.names = Object.getOwnPropertyNames(p);
  results.descriptor = Object.getOwnPropertyDescriptor(p, "a");
  results.typeof = typeof p;
  results.tag = Object.prototype.toString.call(p);
  results.own = [p.hasOwnProperty("a"), Object.hasOwn(p, "zz"), Object.prototype.hasOwnProperty.call(p, "b"), p.propertyIsEnumerable("a")];
  results.log = log;
  // No traps at all: everything reaches the target.
  const plain = new Proxy({ x: 1 }, {});
  plain.y = 2;
  results.forwarded = [plain.x, plain.y, Object.keys(plain), "x" in plain, delete plain.x, JSON.stringify(plain)];
  return results;
}
