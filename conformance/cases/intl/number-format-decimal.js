// Intl.NumberFormat's decimal style: grouping and separators per locale, fraction and
// significant digits, minimum integer digits, useGrouping, rounding of the shortest digits.
const locales = [undefined, "en", "en-GB", "de", "fr", "es", "ja", "zh"];

module.exports = function handler() {
  const n = 1234567.891;
  return {
    byLocale: locales.map((locale) => new Intl.NumberFormat(locale).format(n)),
    small: locales.map((locale) => new Intl.NumberFormat(locale).format(1234.5)),
    negative: locales.map((locale) => new Intl.NumberFormat(locale).format(-0.5)),
    fraction: [
      new Intl.NumberFormat("en", { minimumFractionDigits: 2 }).format(3),
      new Intl.NumberFormat("en", { maximumFractionDigits: 0 }).format(2.5),
      new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format(1.005),
      new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 4 }).format(3.14159),
      new Intl.NumberFormat("de", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1234),
      new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(-0.04),
    ],
    significant: [
      new Intl.NumberFormat("en", { maximumSignificantDigits: 3 }).format(123456),
      new Intl.NumberFormat("en", { maximumSignificantDigits: 2 }).format(0.012345),
      new Intl.NumberFormat("en", { minimumSignificantDigits: 5 }).format(1.5),
      new Intl.NumberFormat("fr", { maximumSignificantDigits: 1 }).format(9.99),
    ],
    integerDigits: new Intl.NumberFormat("en", { minimumIntegerDigits: 3 }).format(5),
    grouping: [
      new Intl.NumberFormat("en", { useGrouping: false }).format(1234567),
      new Intl.NumberFormat("es").format(1234),
      new Intl.NumberFormat("es").format(12345),
      new Intl.NumberFormat("es", { useGrouping: "always" }).format(1234),
      new Intl.NumberFormat("en", { useGrouping: "min2" }).format(1234),
    ],
    special: [NaN, Infinity, -Infinity, -0, 0].map((x) => new Intl.NumberFormat("en").format(x)),
    bigAndTiny: [1e21, 123456789012345680000, 1e-7].map((x) => new Intl.NumberFormat("en").format(x)),
    callable: Intl.NumberFormat("de").format(1e6),
  };
};
