// Shortest round-trip digits for doubles.
function handler() {
  return [5e-7, 123e-9, 0.1 * 0.1, 1 / 7, 100 / 3, 4.35 * 100, 1.23456789012345678, 9.995, 2 ** 31, -(2 ** 63), 1e16 + 1, 0.000001234, 1234567890123456789012].map((n) => `${n}`);
}
