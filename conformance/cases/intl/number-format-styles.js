// Intl.NumberFormat's percent and currency styles, compact notation and signDisplay.
exports.handler = () => {
  const euro = (locale, options) =>
    new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", ...options });
  return {
    percent: ["en", "de", "fr", "es", "ja", "zh"].map((l) =>
      new Intl.NumberFormat(l, { style: "percent" }).format(0.256),
    ),
    percentDigits: new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(-0.12345),
    currency: ["en", "en-GB", "de", "fr", "es", "ja", "zh"].map((l) => euro(l).format(-1234.5)),
    usd: ["en", "de", "ja"].map((l) =>
      new Intl.NumberFormat(l, { style: "currency", currency: "USD" }).format(1234.5),
    ),
    yen: ["en", "ja"].map((l) =>
      new Intl.NumberFormat(l, { style: "currency", currency: "JPY" }).format(1234.5),
    ),
    display: ["code", "name", "narrowSymbol"].map((currencyDisplay) => euro("en", { currencyDisplay }).format(2)),
    accounting: new Intl.NumberFormat("en", { style: "currency", currency: "USD", currencySign: "accounting" }).format(-5),
    currencyNoCents: euro("en", { maximumFractionDigits: 0 }).format(1234.5),
    compactShort: [999, 1234, 12345, 123456, 999999, 1.5e9, -2500].map((x) =>
      new Intl.NumberFormat("en", { notation: "compact" }).format(x),
    ),
    compactLong: [1234, 1e6, 2.5e6].map((x) =>
      new Intl.NumberFormat("en", { notation: "compact", compactDisplay: "long" }).format(x),
    ),
    compactLocales: ["de", "fr", "es", "ja", "zh"].map((l) =>
      new Intl.NumberFormat(l, { notation: "compact" }).format(123456),
    ),
    signs: ["auto", "always", "exceptZero", "never", "negative"].map((signDisplay) =>
      [-1, 0, 1, -0].map((x) => new Intl.NumberFormat("en", { signDisplay }).format(x)).join(" "),
    ),
    signedPercent: new Intl.NumberFormat("de", { style: "percent", signDisplay: "always" }).format(0.05),
  };
};
