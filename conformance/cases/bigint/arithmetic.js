// BigInt arithmetic, bitwise operators and shifts (two's complement), ++/--, compound
// assignments, and V8's TypeErrors and RangeErrors.
function attempt(f) {
  try {
    const value = f();
    return typeof value === "bigint" ? `${value}n` : value;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

function factorial(n) {
  let result = 1n;
  for (let i = 2n; i <= n; i++) {
    result *= i;
  }
  return result;
}

function handler(req) {
  const a = 7n;
  const b = -2n;
  const pairs = [[7n, 2n], [-7n, 2n], [7n, -2n], [-7n, -2n], [0n, 5n], [2n ** 70n, 3n]];
  const arithmetic = pairs.map(([x, y]) => [x + y, x - y, x * y, x / y, x % y].map((v) => `${v}`));
  const bitwise = pairs.map(([x, y]) => [x & y, x | y, x ^ y, ~x, x << 3n, x >> 1n, x << -1n, x >> -2n].map((v) => `${v}`));
  let counter = 10n;
  const steps = [counter++, counter, ++counter, counter--, --counter].map((v) => `${v}`);
  let total = 100n;
  total += 5n;
  total -= 1n;
  total *= 3n;
  total /= 4n;
  total %= 50n;
  total **= 3n;
  total <<= 2n;
  total >>= 1n;
  total &= 0xFFFn;
  total |= 0x1000n;
  total ^= 1n;
  return {
    arithmetic,
    bitwise,
    powers: [2n ** 0n, 0n ** 0n, 2n ** 100n, (-3n) ** 3n, (-1n) ** 1000001n, 1n ** (2n ** 80n), 0n ** 99n].map((v) => `${v}`),
    unary: [`${-a}`, `${-b}`, `${-(-a)}`, `${~0n}`, `${~-1n}`],
    steps,
    total: `${total}`,
    factorial: `${factorial(30n)}`,
    shifts: [attempt(() => 1n >> 1000n), attempt(() => -1n >> 1000n), attempt(() => -5n >> 1n), attempt(() => 0n << 10000000000n)],
    errors: [
      attempt(() => 1n + 1),
      attempt(() => 1 - 1n),
      attempt(() => 2n * 1.5),
      attempt(() => 1n / 0n),
      attempt(() => 1n % 0n),
      attempt(() => 2n ** -1n),
      attempt(() => 2n ** 0.5),
      attempt(() => 1n >>> 0n),
      attempt(() => 1n >>> 1),
      attempt(() => 1n & 1),
      attempt(() => 1n << 100000000000n),
      attempt(() => 2n ** 100000000000n),
      attempt(() => +a),
      attempt(() => { let x = 1n; x += 1; return x; }),
      attempt(() => { let x = 1n; x++; return x; }),
      attempt(() => Symbol() + 1n),
      attempt(() => 1n + undefined),
      attempt(() => null * 1n),
      attempt(() => true + 1n),
      attempt(() => ({ valueOf: () => 2n }) * 3n),
      attempt(() => [5n] * 2n),
      attempt(() => "3" * 1n),
    ],
  };
}
