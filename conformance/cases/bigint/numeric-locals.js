// Locals written by arithmetic on values of unknown type may hold BigInts: the compiler must not
// take them for numbers (its f64 fast path), while numbers next to BigInts still throw.
function attempt(f) {
  try {
    const value = f();
    return typeof value === "bigint" ? `${value}n` : value;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

function product(a, b) {
  const p = a * b;
  let q = -a;
  let r = a;
  r++;
  let s = a;
  s -= b;
  let t = ~a;
  const u = a ** b;
  return [p, q, r, s, t, u].map((v) => `${typeof v}:${v}`);
}

function sumTo(limit) {
  let total = 0n;
  for (let i = 1n; i <= limit; i += 1n) {
    total += i * i;
  }
  return total;
}

export default function handler(req) {
  let count = 0;
  for (let i = 0; i < 10; i++) count += i;
  return {
    numbers: product(6, 7),
    bigints: product(6n, 7n),
    sum: `${sumTo(100n)}`,
    plainLoop: count,
    mixed: [
      attempt(() => { let x = 0; x += 1n; return x; }),
      attempt(() => { let y = 5; const z = y * 2n; return z; }),
      attempt(() => { const n = 2; return n - 1n; }),
      attempt(() => { let k = 1; k = -k * 3; return k; }),
      attempt(() => { let s = 0; const a = 2n, b = 3n; s += a * b; return s; }),
      attempt(() => { let s = 0; const a = 2, b = 3; s += a * b; s += -a; s += a ** b; return s; }),
      attempt(() => { let s = 1.5; for (const v of [2n, 3]) s += v * v; return s; }),
    ],
  };
}
