// WeakRef and FinalizationRegistry: deref within a request, register/unregister, V8's errors.
// A cleanup callback never runs while a request is being answered (nothing is collected).
// Every target stays reachable (the handler uses `kept`), so Node cannot collect one either.
const kept = { name: "module-level" };
const keptRef = new WeakRef(kept);
const cleaned = [];
const registry = new FinalizationRegistry((held) => cleaned.push(held));

module.exports = function handler() {
  const target = { id: 1 };
  const ref = new WeakRef(target);
  const fnRef = new WeakRef(handler);
  const symbolRef = new WeakRef(Symbol("local"));
  const token = {};
  const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
  return {
    deref: [ref.deref() === target, ref.deref().id, fnRef.deref() === handler, typeof symbolRef.deref(), keptRef.deref() === kept, kept.name],
    tags: [String(ref), Object.prototype.toString.call(registry), typeof ref, ref instanceof WeakRef, registry instanceof FinalizationRegistry],
    shape: [JSON.stringify(ref), Object.keys(ref), JSON.stringify({ registry })],
    register: [registry.register(target, "held"), registry.register({}, 1, token), registry.register(target, "again", token)],
    unregister: [registry.unregister(token), registry.unregister(token), registry.unregister({})],
    cleaned,
    errors: [
      attempt(() => new WeakRef(1)),
      attempt(() => new WeakRef("s")),
      attempt(() => new WeakRef(Symbol.for("registered"))),
      attempt(() => new FinalizationRegistry(1)),
      attempt(() => registry.register(1)),
      attempt(() => registry.register(target, target)),
      attempt(() => registry.register(target, 1, 2)),
      attempt(() => registry.unregister("x")),
    ],
  };
};
