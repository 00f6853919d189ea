// `exports.handler = function (req, ctx)`, and a named function assigned to module.exports.GET.
// @request GET
// @request POST
function byName(req, context) {
  return { method: req.method, env: typeof context.env };
}
exports.handler = function (req, ctx) {
  return { method: req.method, log: typeof ctx.log };
};
module.exports.GET = byName;
