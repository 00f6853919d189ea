// The `dayjs` package (1.11.23, a minified UMD file as "main") with its plugins from
// `dayjs/plugin/*` (utc, customParseFormat, relativeTime, duration, isBetween, advancedFormat):
// parsing, formatting, arithmetic, comparisons and durations against the frozen clock.
// @request GET ?date=2024-02-29
// @request GET ?date=not-a-date
const dayjs = require("dayjs");
const utc = require("dayjs/plugin/utc");
const customParseFormat = require("dayjs/plugin/customParseFormat");
const relativeTime = require("dayjs/plugin/relativeTime");
const duration = require("dayjs/plugin/duration");
const isBetween = require("dayjs/plugin/isBetween");
const advancedFormat = require("dayjs/plugin/advancedFormat");

dayjs.extend(utc);
dayjs.extend(customParseFormat);
dayjs.extend(relativeTime);
dayjs.extend(duration);
dayjs.extend(isBetween);
dayjs.extend(advancedFormat);

module.exports = function handler(req) {
  const given = dayjs(req.query_params.date);
  const base = dayjs.utc("2026-03-04T05:06:07.089Z");
  return {
    given: [given.isValid(), given.isValid() ? given.format("dddd D MMMM YYYY") : given.format()],
    now: dayjs().toISOString(),
    nowFormatted: dayjs.utc().format("YYYY-MM-DD HH:mm:ss.SSS Z"),
    formats: ["YYYY-MM-DD", "YY M D H h m s A a", "ddd, MMM D, YYYY h:mm A", "[Quarter] Q, Do, X, x", "ZZ"].map((f) => base.format(f)),
    arithmetic: [
      base.add(1, "month").format(),
      base.subtract(3, "day").startOf("week").format(),
      base.endOf("month").toISOString(),
      base.add(2, "hour").set("minute", 0).toISOString(),
      dayjs.utc("2024-01-31").add(1, "month").format("YYYY-MM-DD"),
    ],
    diff: [
      base.diff(dayjs.utc("2026-01-01"), "day"),
      base.diff(dayjs.utc("2025-03-04"), "month", true),
      dayjs.utc("2026-12-25").diff(base, "week"),
    ],
    comparisons: [
      base.isBefore(dayjs.utc("2026-03-05")),
      base.isSame(dayjs.utc("2026-03-04T23:00:00Z"), "day"),
      base.isBetween("2026-03-01", "2026-03-31", "day"),
    ],
    parsed: [
      dayjs.utc("04/03/2026 10:30", "DD/MM/YYYY HH:mm").toISOString(),
      dayjs("31/02/2026", "DD/MM/YYYY", true).isValid(),
      dayjs.utc(0).toISOString(),
      dayjs.unix(1700000000).utc().format(),
    ],
    relative: [base.from(dayjs.utc("2026-03-01")), base.to(dayjs.utc("2027-03-04")), dayjs.utc("2026-03-04T05:00:00Z").from(base)],
    accessors: [
      base.year(),
      base.month(),
      base.date(),
      base.day(),
      base.hour(),
      base.millisecond(),
      base.get("minute"),
      base.daysInMonth(),
      base.valueOf(),
      base.unix(),
      base.toDate().toISOString(),
      base.toJSON(),
      base.clone().isSame(base),
      dayjs.isDayjs(base),
      dayjs.isDayjs(new Date()),
      base.locale(),
      base.utcOffset(),
      base.isUTC(),
      base.local().isUTC(),
      base.startOf("day").toISOString(),
      base.endOf("year").format("YYYY-MM-DD HH:mm:ss.SSS"),
      base.format("k kk Q Do X x [escaped] YYYY"),
      dayjs.utc("2026-03-04T05:06:07Z").utcOffset(60).format(),
    ],
    invalid: [dayjs("nope").isValid(), dayjs("nope").format(), String(dayjs(NaN).toDate()), dayjs(null).isValid()],
    durations: [
      dayjs.duration(90, "minutes").humanize(),
      dayjs.duration({ hours: 1, minutes: 30 }).asMinutes(),
      dayjs.duration(3661000).format("HH:mm:ss"),
      dayjs.duration("P1DT2H").toISOString(),
    ],
  };
};
