// CommonJS per-method exports with a shared in-memory store.
// @request POST {"key": "a", "value": 1}
// @request POST {"key": "b", "value": 2}
// @request GET
// @request PATCH {"key": "a", "value": 10}
// @request GET
const store = new Map();
module.exports = {
  GET: () => Object.fromEntries(store),
  POST: (req) => {
    store.set(req.body.key, req.body.value);
    return { status: 201, body: { size: store.size } };
  },
  PATCH(req) {
    if (!store.has(req.body.key)) return { status: 404 };
    store.set(req.body.key, req.body.value);
    return { updated: req.body.key };
  },
};
