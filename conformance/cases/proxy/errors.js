// Proxy: creation errors, revocation, and the invariants V8 enforces (deliberate TypeErrors).
const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };

module.exports = function handler() {
  const creation = [attempt(() => new Proxy(1, {})), attempt(() => new Proxy({}, null)), attempt(() => new Proxy({}, "h"))];

  const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
  const before = [proxy.a, typeof revoke];
  revoke();
  revoke();
  const revoked = [
    attempt(() => proxy.a),
    attempt(() => { proxy.a = 2; }),
    attempt(() => "a" in proxy),
    attempt(() => Object.keys(proxy)),
    attempt(() => delete proxy.a),
    attempt(() => Object.getPrototypeOf(proxy)),
    typeof proxy,
  ];

  const fixed = {};
  Object.defineProperty(fixed, "c", { value: 1 });
  const liar = new Proxy(fixed, {
    get: () => 2,
    has: () => false,
    deleteProperty: () => true,
    getOwnPropertyDescriptor: () => undefined,
    ownKeys: () => [],
  });
  const invariants = [
    attempt(() => liar.c),
    attempt(() => "c" in liar),
    attempt(() => delete liar.c),
    attempt(() => Object.getOwnPropertyDescriptor(liar, "c")),
    attempt(() => Object.keys(liar)),
  ];

  const bad = [
    attempt(() => Object.keys(new Proxy({}, { ownKeys: () => 1 }))),
    attempt(() => Object.keys(new Proxy({}, { ownKeys: () => [1] }))),
    attempt(() => Object.keys(new Proxy({}, { ownKeys: () => ["a", "a"] }))),
    attempt(() => new (new Proxy(function F() {}, { construct: () => 1 }))()),
    attempt(() => new (new Proxy(() => 1, {}))()),
    attempt(() => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 }))),
    attempt(() => new Proxy({}, { get: 1 }).x),
    attempt(() => Object.defineProperty(new Proxy({}, { defineProperty: () => false }), "z", { value: 1 })),
    Reflect.defineProperty(new Proxy({}, { defineProperty: () => false }), "z", { value: 1 }),
  ];

  const refusing = new Proxy({}, { set: () => false, deleteProperty: () => false });
  const sloppy = (function () { refusing.x = 1; return delete refusing.x; })();
  const thrownByTrap = attempt(() => new Proxy({}, { get() { throw new RangeError("trap says no"); } }).anything);
  // Proxies of proxies forward through each other; a chain too long for the stack is V8's RangeError.
  let short = { x: "end" };
  for (let i = 0; i < 300; i++) short = new Proxy(short, {});
  let long = { x: "end" };
  for (let i = 0; i < 100000; i++) long = new Proxy(long, {});
  console.log(short);
  const selfish = new Proxy({ own: 1 }, { getPrototypeOf: () => selfish });
  const chains = [short.x, attempt(() => long.x), attempt(() => { const keys = []; for (const key in selfish) keys.push(key); return keys; })];
  return { creation, before, revoked, invariants, bad, sloppy, thrownByTrap, chains };
};
