// The `date-fns` package (4.4.0, an ES module package whose "exports" give CommonJS files to
// `require`), one function per subpath: formatting, arithmetic, differences, parsing and
// intervals, in UTC (the server's local time), with the frozen clock.
// @request GET ?date=2024-02-29T12:00:00Z
// @request GET ?date=garbage
const { format } = require("date-fns/format");
const { addDays } = require("date-fns/addDays");
const { addMonths } = require("date-fns/addMonths");
const { differenceInCalendarDays } = require("date-fns/differenceInCalendarDays");
const { formatDistance } = require("date-fns/formatDistance");
const { parseISO } = require("date-fns/parseISO");
const { parse } = require("date-fns/parse");
const { isValid } = require("date-fns/isValid");
const { startOfWeek } = require("date-fns/startOfWeek");
const { eachDayOfInterval } = require("date-fns/eachDayOfInterval");
const { formatISO } = require("date-fns/formatISO");

module.exports = function handler(req) {
  const given = parseISO(req.query_params.date ?? "");
  const base = new Date(Date.UTC(2026, 2, 4, 5, 6, 7, 89));
  return {
    given: isValid(given) ? format(given, "EEEE do MMMM yyyy, HH:mm") : "invalid",
    formats: ["yyyy-MM-dd", "PPpp", "EEE, MMM d", "Qo 'quarter'", "h:mm a", "t T"].map((f) => format(base, f)),
    arithmetic: [formatISO(addDays(base, 30)), formatISO(addMonths(new Date(Date.UTC(2024, 0, 31)), 1)), formatISO(startOfWeek(base))],
    difference: differenceInCalendarDays(base, new Date(Date.UTC(2026, 0, 1))),
    distance: [formatDistance(base, addDays(base, 3)), formatDistance(base, new Date(Date.UTC(2020, 0, 1)), { addSuffix: true })],
    parsed: [formatISO(parse("04/03/2026", "dd/MM/yyyy", base)), isValid(parse("31/02/2026", "dd/MM/yyyy", base))],
    days: eachDayOfInterval({ start: base, end: addDays(base, 3) }).map((day) => format(day, "d")),
  };
};
