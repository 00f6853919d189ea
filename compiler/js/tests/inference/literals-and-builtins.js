// Literals, builtin results and values from `req`.
module.exports = function handler(req) {
  const items = [1, 2, 3];
  return {
    body: {
      name: "fixed",
      count: items.length,
      at: new Date().toISOString(),
      tags: ["a", "b"],
      ratio: items.length / 2,
      method: req.method,
      search: req.query_params.q,
      upper: String(req.query_params.q ?? "").toUpperCase(),
      found: items.includes(2),
      unknown: items.find((n) => n > 1),
    },
  };
};
