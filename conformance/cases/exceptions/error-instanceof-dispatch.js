// A caught thrown string is answered with a deliberate 500.
// @request GET ?case=type
// @request GET ?case=range
// @request GET ?case=custom
// @request GET ?case=string
// @request GET ?case=none
class HttpError extends Error {
  constructor(status, message) { super(message); this.name = "HttpError"; this.status = status; }
}
function handler(req) {
  try {
    switch (req.query_params.case) {
      case "type": null.f(); break;
      case "range": new Array(-5); break;
      case "custom": throw new HttpError(418, "teapot");
      case "string": throw "just a string";
    }
    return { status: 204 };
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, body: { error: err.message, name: err.name } };
    if (err instanceof TypeError) return { status: 400, body: { type: err.message } };
    if (err instanceof RangeError) return { status: 422, body: { range: err.message } };
    return { status: 500, body: { other: String(err), typeof: typeof err } };
  }
}
