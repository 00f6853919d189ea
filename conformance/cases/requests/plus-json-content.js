// @request POST text:{"not": "parsed"}
// @request POST {"parsed": true}
function handler(req) {
  return { typeOf: typeof req.body, value: req.body };
}
