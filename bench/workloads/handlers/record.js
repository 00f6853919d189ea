// Module-level state under concurrent writes: every POST bumps a per-key counter and a total and
// keeps the last 64 totals in a ring, as a Node prototype would keep them in memory. Requests
// arrive on many connections at once; the counts must still add up.
const counters = {};
const recent = [];
let total = 0;

module.exports = function record(req) {
  const key = typeof req.body?.key === "string" ? req.body.key : "default";
  const amount = Number(req.body?.amount) || 1;
  total += amount;
  counters[key] = (counters[key] ?? 0) + amount;
  recent.push(total);
  if (recent.length > 64) recent.shift();
  const window = recent.reduce((sum, value) => sum + value, 0);
  return { body: { key, count: counters[key], total, keys: Object.keys(counters).length, window } };
};
