// Request bodies read by the byte parser: escapes, non-ASCII text before an error (V8 counts
// UTF-16 positions), deep nesting, and repeated records.
// @request POST json:{"text": "caf\u00e9 \ud83d\ude00", "raw": "café 😀", "n": [-0, 1.5, 1e3, 12345678901234567890]}
// @request POST json:{"é中😀": [1, 2], "bad": tru}
// @request POST json:["😀", "\x"]
// @request POST json:[{"id":1,"tags":["a"]},{"id":2,"tags":["b"]},{"tags":["c"],"id":3},{"id":4,"id":5}]
// @request POST json:[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
// @request POST json:[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
// @request POST json:"unterminated \ud83d
exports.handler = (req) => ({ body: req.body, keys: req.body && typeof req.body === "object" ? Object.keys(req.body) : null });
