// @request GET ?e=400
// @request GET ?e=401
// @request GET ?e=422
exports.handler = (req) => {
  const e = Number(req.query_params.e);
  const messages = { 400: "Bad Request", 401: "Unauthorized", 422: "Unprocessable Entity" };
  return { status: e, headers: { "x-error": messages[e] }, body: { error: messages[e].toLowerCase().replaceAll(" ", "_"), status: e } };
};
