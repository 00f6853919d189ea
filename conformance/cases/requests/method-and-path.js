// @request GET
// @request POST
// @request PUT
// @request DELETE
// @request PATCH
function handler(req) {
  return { method: req.method, path: req.path, lower: req.method.toLowerCase() };
}
