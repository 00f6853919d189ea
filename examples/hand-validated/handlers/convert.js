// GET /convert?hours=12&unit=days — hours is a number 0 or more, unit is days or weeks.
module.exports = function convert(req) {
  const hours = parseFloat(req.query_params.hours);
  const unit = req.query_params.unit;
  if (isNaN(hours) || hours < 0) {
    return { status: 400, body: { error: "invalid_hours", message: "hours must be a number, 0 or more" } };
  }
  if (unit !== "days" && unit !== "weeks") {
    return { status: 400, body: { error: "invalid_unit", message: "unit must be days or weeks" } };
  }
  const perUnit = unit === "days" ? 8 : 40;
  return { body: { hours, unit, value: Math.round((hours / perUnit) * 100) / 100 } };
};
