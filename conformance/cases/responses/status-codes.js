// One request deliberately answers status 500 from the handler (deliberate 500).
// @request GET ?code=201
// @request GET ?code=204
// @request GET ?code=404
// @request GET ?code=418
// @request GET ?code=500
// @request GET ?code=299
function handler(req) {
  const code = Number(req.query_params.code);
  return { status: code, body: code === 204 ? undefined : { code } };
}
