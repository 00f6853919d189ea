// `this` in derived constructors: unavailable before super(), including in arrows made
// before it; super() only once; a derived constructor must call it; three-level chains.
class A { constructor(x) { this.x = x; this.kinds = ["A"]; } }
class B extends A {
  tag = "b-field";
  constructor(x) { const early = () => this.x; let before; try { before = early(); } catch (e) { before = e.name; } super(x); this.kinds.push("B"); this.before = before; this.after = early(); }
}
class C extends B { constructor() { super(3); this.kinds.push("C"); } }
class Twice extends A { constructor() { super(1); super(2); } }
class Never extends A { constructor() {} }
class Returns extends A { constructor(flag) { if (flag) return; super(0); } }
const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
module.exports = () => ({
  c: new C(),
  twice: attempt(() => new Twice()),
  never: attempt(() => new Never()),
  returnsEarly: attempt(() => new Returns(true)),
  returnsLate: attempt(() => new Returns(false)),
});
