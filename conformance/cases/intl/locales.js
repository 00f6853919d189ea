// Locale lists: Intl.getCanonicalLocales, supportedLocalesOf, negotiation to the first
// locale with data, the default locale, and V8's errors for malformed tags.
// @request GET
// @request GET ?locale=fr-CA
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

function handler(req) {
  const asked = req.query_params.locale;
  return {
    canonical: Intl.getCanonicalLocales(["EN-us", "de-de", "zh-hans-cn", "en-US"]),
    single: Intl.getCanonicalLocales("ja-jp"),
    none: Intl.getCanonicalLocales(),
    supported: [
      Intl.NumberFormat.supportedLocalesOf(["en", "de", "xx", "zz-ZZ", "en-XX", "fr-CA"]),
      Intl.DateTimeFormat.supportedLocalesOf("es-MX"),
      Intl.Collator.supportedLocalesOf(["ja", "zh-TW"]),
      Intl.PluralRules.supportedLocalesOf([]),
      Intl.RelativeTimeFormat.supportedLocalesOf(["en-GB"]),
      Intl.ListFormat.supportedLocalesOf(["xx-YY", "de-AT"]),
    ],
    negotiated: [
      new Intl.NumberFormat(["xx", "de"]).resolvedOptions().locale,
      new Intl.NumberFormat("xx").resolvedOptions().locale,
      new Intl.NumberFormat("en-XX").resolvedOptions().locale,
      new Intl.NumberFormat("de-DE-u-co-phonebk").resolvedOptions().locale,
      new Intl.DateTimeFormat(asked).resolvedOptions().locale,
    ],
    byRequest: (1234.5).toLocaleString(asked),
    errors: [
      attempt(() => Intl.getCanonicalLocales("en_US")),
      attempt(() => Intl.getCanonicalLocales([5])),
      attempt(() => Intl.getCanonicalLocales(null)),
      attempt(() => new Intl.NumberFormat("")),
    ],
  };
}
