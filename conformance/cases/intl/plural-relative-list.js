// Intl.PluralRules (cardinal, ordinal), Intl.RelativeTimeFormat (numeric, styles) and
// Intl.ListFormat (types, styles) across locales.
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

const suffixes = { one: "st", two: "nd", few: "rd", other: "th" };

export default function handler() {
  const ordinal = new Intl.PluralRules("en-US", { type: "ordinal" });
  const rtf = (locale, options) => new Intl.RelativeTimeFormat(locale, options);
  return {
    cardinal: ["en", "fr", "de", "ja", "ar", "pl"].map((l) =>
      [0, 1, 2, 5, 1.5, 22].map((n) => new Intl.PluralRules(l).select(n)).join(" "),
    ),
    ordinals: [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => `${n}${suffixes[ordinal.select(n)]}`),
    fractionDigits: [
      new Intl.PluralRules("en").select(1),
      new Intl.PluralRules("en", { minimumFractionDigits: 1 }).select(1),
    ],
    pluralResolved: [
      new Intl.PluralRules("en", { type: "ordinal" }).resolvedOptions(),
      new Intl.PluralRules("ar").resolvedOptions().pluralCategories,
      new Intl.PluralRules("fr").resolvedOptions().pluralCategories,
    ],
    relative: [
      [-1, "day"],
      [1, "day"],
      [0, "day"],
      [-3, "hours"],
      [2, "weeks"],
      [-1, "month"],
      [1, "year"],
      [-2, "quarter"],
      [45, "seconds"],
      [-1234.5, "minutes"],
    ].map(([n, unit]) => [rtf("en").format(n, unit), rtf("en", { numeric: "auto" }).format(n, unit)]),
    relativeLocales: ["de", "fr", "es", "ja", "zh"].map((l) => [
      rtf(l, { numeric: "auto" }).format(-1, "day"),
      rtf(l).format(3, "month"),
      rtf(l, { style: "short" }).format(-5, "minute"),
    ]),
    relativeStyles: ["long", "short", "narrow"].map((style) => rtf("en", { style }).format(-2, "hour")),
    relativeParts: rtf("en").formatToParts(-1234.5, "days"),
    relativeAuto: rtf("en", { numeric: "auto" }).formatToParts(-1, "day"),
    relativeResolved: rtf("es", { style: "narrow" }).resolvedOptions(),
    lists: ["en", "en-GB", "de", "fr", "es", "ja", "zh"].map((l) => [
      new Intl.ListFormat(l).format(["a", "b", "c"]),
      new Intl.ListFormat(l, { type: "disjunction" }).format(["a", "b"]),
    ]),
    listStyles: [
      new Intl.ListFormat("en", { style: "short" }).format(["a", "b", "c"]),
      new Intl.ListFormat("en", { style: "narrow", type: "unit" }).format(["3 ft", "7 in"]),
      new Intl.ListFormat("en").format([]),
      new Intl.ListFormat("en").format(["solo"]),
    ],
    listParts: new Intl.ListFormat("en").formatToParts(["x", "y", "z"]),
    listResolved: new Intl.ListFormat("de", { type: "unit" }).resolvedOptions(),
    errors: [
      attempt(() => rtf("en").format(1, "decade")),
      attempt(() => new Intl.PluralRules("en", { type: "cardinalish" })),
      attempt(() => new Intl.ListFormat("en").format(["a", 1])),
      attempt(() => Intl.PluralRules("en")),
    ],
  };
}
