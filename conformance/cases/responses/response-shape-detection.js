// Any plain object with status, headers or body is a response.
// @request GET ?kind=status-only
// @request GET ?kind=headers-only
// @request GET ?kind=body-only
// @request GET ?kind=body-undefined
// @request GET ?kind=body-null
// @request GET ?kind=extra-keys
exports.handler = (req) => {
  switch (req.query_params.kind) {
    case "status-only": return { status: 201 };
    case "headers-only": return { headers: { "x-only": "headers" } };
    case "body-only": return { body: "only body" };
    case "body-undefined": return { body: undefined, data: "ignored" };
    case "body-null": return { status: 200, body: null };
    default: return { status: 202, body: [1], extra: "ignored", headers: {} };
  }
};
