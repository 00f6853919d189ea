// Variables that only ever hold numbers (compiled to f64 locals) must behave exactly like
// JS numbers: -0, NaN, Infinity, %, postfix/prefix results, chained assignments, logical
// assignments, closures that copy them, and their use as keys, strings and JSON.
module.exports = (req) => {
  let zero = 0;
  zero = -zero;
  let nan = 0 / 0;
  let inf = 1 / zero;
  let rem = -7 % 3;
  let remZero = -6 % 3;
  let i = 5;
  const post = i++;
  const pre = ++i;
  let down = 3;
  const seen = [];
  while (down-- > 0) seen.push(down);
  let a, b;
  a = b = 3;
  let c = 0;
  c ||= 8;
  let d = 4;
  d &&= d * 2;
  let e = 1;
  e ??= 9;
  let acc = 0;
  for (let k = 0; k < 10; k += 0.5) acc += k % 2 === 0 ? k : -k;
  const scale = 3;
  const scaled = [1, 2, 3].map((v) => v * scale);
  let big = 1;
  for (let k = 0; k < 80; k++) big *= 2;
  let mixed = 10;
  mixed = mixed / 4 + "";
  const obj = {};
  let key = 1.5;
  obj[key] = "x";
  let pow = 2;
  pow **= 10;
  let bits = 5;
  bits = (bits << 3) | 1;
  const n = Number(req.query_params.n ?? "12");
  let limit = n * 2;
  return {
    zero, isNegZero: Object.is(zero, -0), nanSelf: nan === nan, nanNe: nan !== nan, inf,
    rem, remZero, isNegRem: Object.is(remZero, -0), post, pre, i, seen, a, b, c, d, e, acc, scaled, big,
    bigString: String(big), mixed, typeofMixed: typeof mixed, keys: Object.keys(obj), pow, bits,
    limit, limitHalf: limit / 2 === n, str: `${zero}|${nan}|${inf}|${1e21 + i}`,
  };
};
