module.exports = () => {
  const out = [];
  const obj = { b: 1, a: 2, 10: "ten", 2: "two" };
  for (const k in obj) out.push(k);
  for (const i in ["x", "y"]) out.push(typeof i + i);
  for (const c in "hi") out.push(c);
  class Base { constructor() { this.own = 1; } }
  const inherited = Object.create({ parent: true });
  inherited.child = true;
  for (const k in inherited) out.push(k);
  for (const k in new Base()) out.push(k);
  for (const k in null) out.push("never");
  return out;
};
