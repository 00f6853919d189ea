// GET /activity?days=7 — a whole number of days between 1 and 90.
const { issues } = require("./store.js");

module.exports = function activity(req) {
  const days = Number.parseInt(req.query_params.days ?? "7", 10);
  if (Number.isNaN(days) || days < 1 || days > 90) {
    return { status: 400, body: { error: "invalid_days", message: "days must be between 1 and 90" } };
  }
  return { body: { days, opened: issues.length } };
};
