// BigInt literals in every base, typeof, truthiness and every way to turn one into text.
function show(value) {
  return typeof value === "bigint" ? `${value}n` : value;
}

module.exports = function handler(req) {
  const big = 123456789012345678901234567890n;
  const values = [0n, -0n, 123n, 0x1fn, 0o17n, 0b101n, 1_000_000n, 0xFFFF_FFFFn, big, -big];
  return {
    shown: values.map(show),
    types: [typeof 1n, typeof -1n, typeof (1n + 2n), typeof big],
    strings: values.map((v) => String(v)),
    templates: values.map((v) => `<${v}>`),
    concatenated: ["" + 12n, 12n + "", "x" + -5n, [1n, 2n, 3n].join("-")],
    radixes: [
      (255n).toString(16),
      (255n).toString(2),
      (-255n).toString(36),
      big.toString(36),
      (0n).toString(7),
      (10n).toString(),
    ],
    localeStrings: [(0n).toLocaleString(), (999n).toLocaleString(), (1234567n).toLocaleString(), (-1234567890123n).toLocaleString()],
    valueOf: show((42n).valueOf()),
    truthiness: [Boolean(0n), Boolean(1n), Boolean(-1n), !0n, !!big, 0n ? "yes" : "no", 0n || "fallback", 5n && "and", 0n ?? "nullish"].map(show),
    keys: Object.keys({ 1n: "a", 20n: "b" }),
    objectIs: [Object.is(0n, -0n), Object.is(1n, 1n), Object.is(1n, 1), Object.is(big, 123456789012345678901234567890n)],
    constructorName: (5n).constructor.name,
    constructorIsBigInt: (5n).constructor === BigInt,
  };
};
