// Date.prototype.toLocaleString / toLocaleDateString / toLocaleTimeString with locales and
// options, on the frozen clock (2026-03-04T05:06:07.089Z) and fixed instants.
export function GET() {
  const now = new Date();
  const evening = new Date(Date.UTC(2025, 11, 31, 23, 59, 30));
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP", "zh-CN"];
  return {
    all: locales.map((l) => now.toLocaleString(l)),
    dates: locales.map((l) => now.toLocaleDateString(l)),
    times: locales.map((l) => now.toLocaleTimeString(l)),
    evening: locales.map((l) => evening.toLocaleString(l, { timeZone: "UTC" })),
    withOptions: [
      now.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric" }),
      now.toLocaleDateString("de-DE", { day: "numeric", month: "long" }),
      now.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" }),
      now.toLocaleTimeString("fr-FR", { timeStyle: "short" }),
      now.toLocaleString("en-US", { timeZone: "America/Los_Angeles" }),
      evening.toLocaleDateString("en-US", { timeZone: "Asia/Tokyo", dateStyle: "full" }),
      now.toLocaleString(undefined, { dateStyle: "long" }),
    ],
    invalid: new Date(NaN).toLocaleString("de"),
  };
}
