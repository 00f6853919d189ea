// GET /search?q=words&limit=5 — q must hold something besides spaces; the blueprint declares
// `limit`, so it arrives checked.
const { issues } = require("./store.js");

module.exports = function search(req) {
  const q = req.query_params.q;
  if (!q || !q.trim()) {
    return { status: 400, body: { error: "missing_query", message: "q is required" } };
  }
  const words = q.trim().toLowerCase().split(/\s+/);
  const limit = Number(req.query_params.limit ?? "10");
  const found = issues
    .filter((issue) => words.every((word) => issue.title.toLowerCase().includes(word)))
    .slice(0, limit);
  return { body: { query: q, count: found.length, ids: found.map((issue) => issue.id) } };
};
