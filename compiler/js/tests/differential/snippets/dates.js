// Dates in UTC with a frozen clock.
module.exports = (req) => {
  const now = new Date();
  const fixed = new Date("2026-03-02T09:30:00.000Z");
  const dateOnly = new Date("2024-02-29");
  const parts = new Date(Date.UTC(2020, 0, 31, 23, 59, 59, 999));
  const invalid = new Date("not a date");
  return {
    body: {
      now: now.toISOString(),
      nowMs: Date.now(),
      fixed: fixed.getTime(),
      fields: [fixed.getUTCFullYear(), fixed.getUTCMonth(), fixed.getUTCDate(), fixed.getUTCDay(), fixed.getUTCHours(), fixed.getMinutes()],
      dateOnly: dateOnly.toISOString(),
      parts: parts.toISOString(),
      parsed: Date.parse("2026-03-02T10:00:00+02:00"),
      invalid: [isNaN(invalid.getTime()), JSON.stringify({ invalid })],
      diff: fixed - dateOnly,
      before: dateOnly < fixed,
      fromMs: new Date(1e12).toISOString(),
      json: JSON.stringify([fixed]),
    },
  };
};
