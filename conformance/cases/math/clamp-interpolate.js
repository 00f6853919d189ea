export default function () {
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  const lerp = (a, b, t) => a + (b - a) * t;
  return { clamp: [-5, 5, 50].map((v) => clamp(v, 0, 10)), lerp: [0, 0.25, 0.5, 1, 1.5].map((t) => lerp(10, 20, t)), percent: [1, 3, 7].map((x) => `${((x / 7) * 100).toFixed(1)}%`), gcd: ((a, b) => { while (b) [a, b] = [b, a % b]; return a; })(1071, 462) };
}
