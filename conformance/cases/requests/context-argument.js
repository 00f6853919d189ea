// The second argument, ctx = { log, env }, reaches every handler shape that may read it:
// a named parameter, a destructured one, a rest parameter, a parameter with a default.
// @request GET
// @request POST
// @request PUT
// @request DELETE
// @request PATCH
const viaRest = (...args) => ({ count: args.length, env: typeof args[1].env });
function unused(req, ctx) {
  return { method: req.method };
}
module.exports = {
  GET: (req, ctx) => ({ log: typeof ctx.log, env: typeof ctx.env, notNull: ctx.env !== null }),
  POST: (req, { env, log }) => ({ env: typeof env, log: typeof log }),
  PUT: viaRest,
  DELETE(req, ctx = "default") {
    return { ctx: typeof ctx, keys: Object.keys(ctx).sort() };
  },
  PATCH: unused,
};
