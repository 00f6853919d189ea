function handler() {
  const out = [];
  for (const x of [1, 2]) out.push(x);
  for (const ch of "a😀") out.push(ch);
  for (const v of new Set(["s", "s", "t"])) out.push(v);
  for (const [k, v] of new Map([["k1", 1], ["k2", 2]])) out.push(k + v);
  for (const k of new Map([["mk", 0]]).keys()) out.push(k);
  for (const e of [..."xy"].entries()) out.push(e);
  for (const hole of [1, , 3]) out.push(hole === undefined ? "hole" : hole);
  return out;
}
