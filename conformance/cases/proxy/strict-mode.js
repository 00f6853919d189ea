// Proxy traps answering falsish: ignored in sloppy code, V8's TypeErrors in strict code (ES module).
const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
const sym = Symbol("tag");

export default function () {
  const refusing = new Proxy({}, { set: () => false, deleteProperty: () => false, defineProperty: () => false });
  const fixedTarget = Object.defineProperty({}, "k", { value: 1, writable: false, configurable: false });
  const lying = new Proxy(fixedTarget, { set: () => true });
  const symbols = new Proxy({ [sym]: "s" }, { get: (t, key) => (typeof key === "symbol" ? `symbol ${key.description}` : t[key]) });
  return [
    attempt(() => { refusing.x = 1; }),
    attempt(() => { refusing[sym] = 1; }),
    attempt(() => delete refusing.x),
    attempt(() => Object.defineProperty(refusing, "y", { value: 1 })),
    Reflect.set(refusing, "x", 1),
    Reflect.deleteProperty(refusing, "x"),
    attempt(() => { lying.k = 2; }),
    attempt(() => { lying.k = 1; }),
    symbols[sym],
    symbols.other,
    Object.getOwnPropertySymbols(new Proxy({ [sym]: 1, a: 2 }, {})).length,
  ];
}
