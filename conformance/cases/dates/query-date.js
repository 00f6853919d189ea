// @request GET ?since=2024-01-15
// @request GET ?since=2024-01-15T10:00:00Z
// @request GET ?since=yesterday
// @request GET
module.exports = (req) => {
  const since = req.query_params.since ? new Date(req.query_params.since) : new Date(Date.now() - 86400000);
  if (Number.isNaN(since.getTime())) return { status: 400, body: { error: "invalid date", input: req.query_params.since } };
  const days = Math.floor((Date.now() - since.getTime()) / 86400000);
  return { since: since.toISOString(), days };
};
