function handler() {
  const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
  function flatten(value) { return Array.isArray(value) ? value.reduce((acc, v) => acc.concat(flatten(v)), []) : [value]; }
  function depth(o) { return typeof o === "object" && o !== null ? 1 + Math.max(0, ...Object.values(o).map(depth)) : 0; }
  const memo = new Map();
  const ways = (n) => { if (n <= 1) return 1; if (memo.has(n)) return memo.get(n); const v = ways(n - 1) + ways(n - 2); memo.set(n, v); return v; };
  return { fib: Array.from({ length: 15 }, (_, i) => fib(i)), flatten: flatten([1, [2, [3, [4]]], 5]), depth: depth({ a: { b: { c: 1 } }, d: 2 }), ways: ways(80) };
}
