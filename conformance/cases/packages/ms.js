// The `ms` package (2.1.3, CommonJS, "main": "./index"), loaded from node_modules: parsing
// durations in every unit and spelling, formatting short and long, rounding, and the error
// it throws for what it cannot read.
// @request GET ?d=2%20days
// @request GET ?d=1.5h
// @request GET ?d=nonsense
const ms = require("ms");

function attempt(value, options) {
  try {
    return ms(value, options);
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

module.exports = function handler(req) {
  const parsed = {};
  for (const text of ["100", "1s", "1m", "1h", "2d", "3w", "1y", "1.5h", ".5ms", "-3 days",
    "-200", "53 milliseconds", "17 msecs", "1 sec", "10 minutes", "2 hrs", "1 week", "5 years",
    "2 DAYS", "1   h", "foo", "1 fortnight", "☃", "x".repeat(101)]) {
    parsed[text] = attempt(text);
  }
  const formatted = [];
  for (const n of [0, 500, -500, 1000, 10000, 60000, -60000, 3600000, 86400000, 1.5 * 86400000,
    2 * 3600000 + 1, 604800000, 31557600000, 2.5e12]) {
    formatted.push([n, attempt(n), attempt(n, { long: true })]);
  }
  return {
    query: attempt(req.query_params.d),
    parsed,
    formatted,
    errors: [attempt(""), attempt(NaN), attempt(Infinity), attempt(undefined), attempt(null), attempt({})],
    roundTrip: ms(ms("10 hours")),
  };
};
