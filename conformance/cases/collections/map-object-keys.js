function handler() {
  const a = { name: "a" };
  const b = { name: "b" };
  const visits = new Map([[a, 0], [b, 0]]);
  for (const who of [a, b, a, a]) visits.set(who, visits.get(who) + 1);
  const fnKey = () => 1;
  const m = new Map([[fnKey, "fn"], [null, "null"], [undefined, "undef"], [true, "bool"]]);
  return { visits: [...visits].map(([k, v]) => `${k.name}:${v}`), fn: m.get(fnKey), nul: m.get(null), undef: m.get(undefined), bool: m.get(true), missing: m.get(false) };
}
