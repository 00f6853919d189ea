// `require` inside functions: the module evaluates once, when first required, and later
// requires return the same exports.
// @request GET
// @request GET ?n=5
const log = require("../_helpers/lazy-log.js");
log.push("handler module evaluated");

function compute(n) {
  log.push(`compute(${n})`);
  const heavy = require("../_helpers/lazy-heavy.js");
  return heavy(n);
}

module.exports = (req) => {
  const n = Number(req.query_params.n ?? 1);
  const first = compute(n);
  const second = (() => require("../_helpers/lazy-heavy.js"))()(n + 1);
  return { first, second, log: log.slice() };
};
