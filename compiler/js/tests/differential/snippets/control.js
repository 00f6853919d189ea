// Loops, labels, logical assignment, update operators and equality.
module.exports = function control(req) {
  const out = [];
  outer: for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      if (j === 2) continue outer;
      if (i === 3) break outer;
      out.push(`${i}${j}`);
    }
  }
  let k = 0;
  while (k < 10) {
    k += 3;
    if (k === 6) continue;
  }
  let d = 0;
  do {
    d++;
  } while (d < 0);
  const keys = [];
  for (const key in { b: 1, a: 2, 1: 3 }) keys.push(key);
  const chars = [];
  for (const ch of "a😀") chars.push(ch);
  let x = null;
  x ??= "default";
  let y = 0;
  y ||= 5;
  let z = 1;
  z &&= "and";
  const counter = { n: 1 };
  const post = counter.n++;
  const pre = ++counter.n;
  counter.n **= 2;
  counter["n"] -= 1;
  let total = 0;
  for (const [key, value] of Object.entries({ a: 1, b: 2 })) total += value;
  for (const { v = 10 } of [{}, { v: 1 }]) total += v;
  let w = 5;
  const seq = (w++, w++, w);
  return {
    body: {
      out,
      k,
      d,
      keys,
      chars,
      x,
      y,
      z,
      counter,
      post,
      pre,
      total,
      seq,
      voided: void 0,
      ternary: out.length > 3 ? "many" : "few",
      eq: [1 == "1", null == 0, undefined === undefined, [1] == 1, "b" != "b", NaN !== NaN],
      logical: [0 || "a", "" && "b", null ?? 0, 0 ?? 1, !"", !!{}],
    },
  };
};
