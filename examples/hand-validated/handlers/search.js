// GET /search?q=words — q must hold something besides spaces.
const { issues } = require("./store.js");

module.exports = function search(req) {
  const q = req.query_params.q;
  if (!q || !q.trim()) {
    return { status: 400, body: { error: "missing_query", message: "q is required" } };
  }
  const words = q.trim().toLowerCase().split(/\s+/);
  const found = issues.filter((issue) => words.every((word) => issue.title.toLowerCase().includes(word)));
  return { body: { query: q, count: found.length, ids: found.map((issue) => issue.id) } };
};
