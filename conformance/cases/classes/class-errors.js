function handler() {
  class A { constructor() { this.a = 1; } }
  class B extends A { constructor() { const early = 1; super(); this.b = early; } }
  class C extends A { constructor() { try { this.c = 1; } catch (e) { super(); this.err = e.constructor.name + ": " + e.message; return; } super(); } }
  const out = [];
  try { A(); } catch (e) { out.push(`${e.name}: ${e.message}`); }
  out.push(new B());
  out.push(new C());
  return out;
}
