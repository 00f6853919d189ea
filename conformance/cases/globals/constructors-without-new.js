// Built-in classes called without `new`: V8's TypeErrors (and the classes a call constructs),
// and Proxy, Reflect, WeakRef and FinalizationRegistry read as values.
export default function () {
  const t = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
  return [
    t(() => Proxy({}, {})), t(() => WeakRef({})), t(() => FinalizationRegistry(() => 1)), t(() => Map()), t(() => Set()), t(() => Promise(() => 1)), t(() => URL("http://x")), t(() => Uint8Array(2)), t(() => TextEncoder()),
    t(() => typeof Proxy), t(() => typeof Reflect), t(() => String(Reflect)),
    t(() => Object.keys(Reflect)), t(() => typeof Reflect.get), t(() => WeakRef.name), t(() => typeof FinalizationRegistry),
    t(() => { const R = Reflect; return R.has({ a: 1 }, "a"); }), t(() => { const P = Proxy; return new P({ a: 1 }, {}).a; }),
    t(() => Object.prototype.toString.call(Reflect)), t(() => String(Symbol("q"))), t(() => Number("4")), t(() => Array(2).length),
  ];
}
