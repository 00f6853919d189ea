// Intl.DateTimeFormat on the frozen clock and fixed instants: default components per locale,
// date and time styles, component options, time zones, hour cycles, formatToParts.
const instant = Date.UTC(2026, 2, 4, 17, 6, 7, 89);
const locales = [undefined, "en", "en-GB", "de", "fr", "es", "ja", "zh"];
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};

module.exports = function handler() {
  const fmt = (locale, options) => new Intl.DateTimeFormat(locale, options).format(instant);
  return {
    defaults: locales.map((l) => fmt(l)),
    // format() without a date reads the clock, which Node's Intl does not take from the frozen Date.
    dateStyles: ["full", "long", "medium", "short"].map((dateStyle) =>
      locales.map((l) => fmt(l, { dateStyle })),
    ),
    timeStyles: ["medium", "short"].map((timeStyle) => locales.map((l) => fmt(l, { timeStyle }))),
    both: locales.map((l) => fmt(l, { dateStyle: "medium", timeStyle: "short" })),
    // An hour before ten: whether each locale's style pattern pads it (es and ja do not).
    earlyHours: [
      { timeStyle: "medium" },
      { timeStyle: "short" },
      { dateStyle: "short", timeStyle: "medium" },
      { dateStyle: "long", timeStyle: "short" },
      { hour: "numeric", minute: "numeric" },
    ].map((options) => locales.map((l) => fmt(l, { timeZone: "Asia/Tokyo", ...options }))),
    components: [
      { year: "numeric", month: "long", day: "numeric" },
      { month: "long", day: "numeric" },
      { year: "numeric", month: "long" },
      { weekday: "long", year: "numeric", month: "long", day: "numeric" },
      { hour: "numeric", minute: "2-digit" },
      { hour: "2-digit", minute: "2-digit", second: "2-digit" },
      { year: "numeric", month: "2-digit", day: "2-digit" },
    ].map((options) => ["en", "de", "fr", "ja"].map((l) => fmt(l, options))),
    // Abbreviated months where the locale's medium pattern has them (see the README for de, ja).
    shortMonths: [
      { year: "numeric", month: "short", day: "numeric" },
      { weekday: "short", month: "short", day: "numeric" },
    ].map((options) => ["en", "en-GB", "fr", "es"].map((l) => fmt(l, options))),
    hourCycles: [
      fmt("en", { hour: "numeric", minute: "numeric", hour12: false }),
      fmt("de", { hour: "numeric", minute: "numeric", hour12: true }),
      fmt("en", { hour: "numeric", hourCycle: "h23" }),
    ],
    zones: ["UTC", "etc/utc", "America/New_York", "US/Eastern", "Europe/Berlin", "Asia/Tokyo", "Asia/Kolkata", "australia/sydney"].map(
      (timeZone) => [fmt("en-US", { timeZone, dateStyle: "short", timeStyle: "short" }), new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone],
    ),
    summer: new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeStyle: "short" }).format(Date.UTC(2026, 6, 1, 12)),
    parts: new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" }).formatToParts(instant),
    resolved: [
      new Intl.DateTimeFormat().resolvedOptions(),
      new Intl.DateTimeFormat("de", { hour: "numeric", minute: "numeric" }).resolvedOptions(),
      new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" }).resolvedOptions(),
    ],
    errors: [
      attempt(() => new Intl.DateTimeFormat("en", { timeZone: "Mars/Olympus" })),
      attempt(() => new Intl.DateTimeFormat("en", { dateStyle: "long", year: "numeric" })),
      attempt(() => new Intl.DateTimeFormat("en", { month: "longest" })),
      attempt(() => new Intl.DateTimeFormat("en").format(NaN)),
    ],
  };
};
