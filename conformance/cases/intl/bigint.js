// BigInts through Intl.NumberFormat and toLocaleString with locales: every digit kept (no
// rounding through a double), in each style; PluralRules refuses them as V8 does.
const huge = 12345678901234567890123n;
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

module.exports = () => ({
  grouped: ["en", "de", "fr", "es", "ja", "zh"].map((l) => new Intl.NumberFormat(l).format(huge)),
  negative: new Intl.NumberFormat("de").format(-huge),
  currency: new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }).format(-5n),
  percent: new Intl.NumberFormat("fr", { style: "percent" }).format(3n),
  compact: [999n, 123456n, huge].map((b) => new Intl.NumberFormat("en", { notation: "compact" }).format(b)),
  significant: new Intl.NumberFormat("en", { maximumSignificantDigits: 2 }).format(123456789n),
  fractions: new Intl.NumberFormat("en", { minimumFractionDigits: 2 }).format(0n),
  signs: ["always", "exceptZero", "never"].map((signDisplay) =>
    [-1n, 0n, 1n].map((b) => new Intl.NumberFormat("en", { signDisplay }).format(b)).join(" "),
  ),
  parts: new Intl.NumberFormat("en").formatToParts(-1234n),
  toLocaleString: [huge.toLocaleString("de"), (0n).toLocaleString("fr", { minimumFractionDigits: 2 }), huge.toLocaleString(), (123n).toLocaleString("en", { style: "currency", currency: "USD" })],
  array: [1n, 2000n, 3.5].toLocaleString("de"),
  plural: attempt(() => new Intl.PluralRules("en").select(1n)),
  number: new Intl.NumberFormat("en").format(2n ** 64n) === (2n ** 64n).toLocaleString("en"),
});
