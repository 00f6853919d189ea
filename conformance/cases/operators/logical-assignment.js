export default function () {
  const o = { a: null, b: 0, c: "set", d: undefined, e: 1 };
  const r1 = (o.a ??= "filled");
  o.b ??= 99;
  o.b ||= 42;
  o.c &&= o.c.toUpperCase();
  o.d ||= "d";
  o.e &&= 0;
  o.f ??= [];
  o.f.push(1);
  let calls = 0;
  const side = () => { calls++; return "x"; };
  o.c ??= side();
  o.e ||= side();
  return { o, r1, calls };
}
