// formatToParts, resolvedOptions, toLocaleString with locales and options, and V8's errors
// for invalid options (deliberate error strings inside a 200 body).
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

export default function handler() {
  return {
    parts: new Intl.NumberFormat("en").formatToParts(-1234.5),
    currencyParts: new Intl.NumberFormat("fr", { style: "currency", currency: "EUR" }).formatToParts(-1234.5),
    percentParts: new Intl.NumberFormat("de", { style: "percent" }).formatToParts(0.5),
    compactParts: new Intl.NumberFormat("de", { notation: "compact", compactDisplay: "long" }).formatToParts(2500000),
    resolved: new Intl.NumberFormat().resolvedOptions(),
    resolvedCurrency: new Intl.NumberFormat("de-DE", { style: "currency", currency: "usd" }).resolvedOptions(),
    resolvedCompact: new Intl.NumberFormat("ja", { notation: "compact" }).resolvedOptions(),
    resolvedSignificant: new Intl.NumberFormat("en", { maximumSignificantDigits: 3 }).resolvedOptions(),
    toLocale: [
      (1234.5).toLocaleString("de-DE"),
      (0.75).toLocaleString("fr", { style: "percent" }),
      (42).toLocaleString("en-US", { style: "currency", currency: "USD" }),
      (1234.5678).toLocaleString(undefined, { maximumFractionDigits: 1 }),
      (5e6).toLocaleString(["xx", "es"], { notation: "compact", compactDisplay: "long" }),
    ],
    mapped: [1, 22, 333].map(new Intl.NumberFormat("en", { minimumFractionDigits: 1 }).format),
    errors: [
      attempt(() => new Intl.NumberFormat("en", { maximumFractionDigits: 200 })),
      attempt(() => new Intl.NumberFormat("en", { minimumFractionDigits: 3, maximumFractionDigits: 1 })),
      attempt(() => new Intl.NumberFormat("en", { style: "currency" })),
      attempt(() => new Intl.NumberFormat("en", { style: "bogus" })),
      attempt(() => new Intl.NumberFormat("en", { style: "currency", currency: "US" })),
      attempt(() => new Intl.NumberFormat("en_US")),
      attempt(() => new Intl.NumberFormat("en", { signDisplay: "sometimes" })),
      attempt(() => (1).toLocaleString("en", { maximumSignificantDigits: 0 })),
    ],
  };
}
