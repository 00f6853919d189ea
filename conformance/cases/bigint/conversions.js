// BigInt(x) from numbers, strings and booleans, Number(big), parseInt, and V8's errors for the rest.
function attempt(f) {
  try {
    const value = f();
    return typeof value === "bigint" ? `${value}n` : value;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

export default function handler(req) {
  return {
    fromNumbers: [0, -0, 42, -42, 2 ** 53, 2 ** 64, 1e21, 1.5, -0.5, NaN, Infinity, -Infinity, Number.MAX_VALUE].map(
      (n) => attempt(() => BigInt(n)),
    ),
    fromStrings: [
      "", "  ", "123", "  -123  ", "+77", "0x1f", "0X1F", "0o17", "0b101", "-0x1", "1.5", "1e3", "1_000",
      "abc", "- 12", "0b", "0x", "12n", "\n\t 9 \n", "007", "99999999999999999999999999",
    ].map((s) => attempt(() => BigInt(s))),
    fromOthers: [
      attempt(() => BigInt(true)),
      attempt(() => BigInt(false)),
      attempt(() => BigInt(undefined)),
      attempt(() => BigInt(null)),
      attempt(() => BigInt(Symbol("s"))),
      attempt(() => BigInt({})),
      attempt(() => BigInt([])),
      attempt(() => BigInt([7])),
      attempt(() => BigInt({ valueOf: () => 9 })),
      attempt(() => BigInt({ valueOf: () => 9n })),
      attempt(() => BigInt({ toString: () => "11" })),
      attempt(() => BigInt(5n)),
      attempt(() => BigInt()),
      attempt(() => new BigInt(1)),
    ],
    toNumbers: [
      attempt(() => Number(5n)),
      attempt(() => Number(-5n)),
      attempt(() => Number(2n ** 64n)),
      attempt(() => Number(2n ** 53n + 1n)),
      attempt(() => Number(2n ** 1100n)),
      attempt(() => Number(-(2n ** 1100n))),
      attempt(() => Number({ valueOf: () => 3n })),
      attempt(() => parseInt(12n)),
      attempt(() => parseInt(-0x10n)),
      attempt(() => parseFloat(12345678901234567890n)),
      attempt(() => Number("1n")),
      attempt(() => +1n),
      attempt(() => Math.floor(1n)),
      attempt(() => Math.max(1n, 2n)),
      attempt(() => Math.abs(-3n)),
      attempt(() => isNaN(1n)),
      attempt(() => isFinite(1n)),
      attempt(() => Number.isInteger(1n)),
      attempt(() => Number.isSafeInteger(1n)),
    ],
    asN: [
      attempt(() => BigInt.asIntN(8, 255n)),
      attempt(() => BigInt.asIntN(8, 127n)),
      attempt(() => BigInt.asIntN(8, 128n)),
      attempt(() => BigInt.asIntN(8, -129n)),
      attempt(() => BigInt.asUintN(8, -1n)),
      attempt(() => BigInt.asUintN(8, 256n)),
      attempt(() => BigInt.asUintN(64, -1n)),
      attempt(() => BigInt.asIntN(64, 2n ** 63n)),
      attempt(() => BigInt.asIntN(64, 2n ** 63n - 1n)),
      attempt(() => BigInt.asIntN(0, 5n)),
      attempt(() => BigInt.asUintN(1, 3n)),
      attempt(() => BigInt.asIntN(1, 1n)),
      attempt(() => BigInt.asIntN(200, -5n)),
      attempt(() => BigInt.asUintN(200, 5n)),
      attempt(() => BigInt.asIntN(-1, 1n)),
      attempt(() => BigInt.asIntN(2 ** 53, 1n)),
      attempt(() => BigInt.asIntN(8, 1)),
      attempt(() => BigInt.asIntN(8, "300")),
      attempt(() => BigInt.asUintN("8", true)),
      attempt(() => BigInt.asIntN(undefined, 5n)),
    ],
    radixErrors: [
      attempt(() => (10n).toString(1)),
      attempt(() => (10n).toString(37)),
      attempt(() => (10n).toString(2.9)),
      attempt(() => (10n).toString(undefined)),
    ],
  };
}
