// Only content-type is sent by the runner; header names are lower case.
// @request POST {"a": 1}
// @request POST text:x
// @request GET
exports.handler = (req) => ({ contentType: req.headers["content-type"] ?? null, upperMissing: req.headers["Content-Type"], typeofHeaders: typeof req.headers });
