// @request POST {"name": "Ada", "nested": {"list": [1, 2, {"deep": true}]}, "n": 1.5, "nil": null}
// @request POST [1, "two", null, true]
// @request POST "just a string"
// @request POST 42
// @request POST null
function handler(req) {
  const b = req.body;
  return { received: b, type: typeof b, isArray: Array.isArray(b), contentType: req.headers["content-type"] };
}
