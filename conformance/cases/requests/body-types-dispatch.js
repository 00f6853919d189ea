// @request POST {"kind": "object"}
// @request POST [1, 2]
// @request POST text:some text
// @request POST 3.5
// @request POST true
// @request POST
exports.handler = (req) => {
  const b = req.body;
  const kind = b === undefined ? "none" : b === null ? "null" : Array.isArray(b) ? "array" : typeof b;
  return { kind, summary: kind === "array" ? b.length : kind === "string" ? b.toUpperCase() : b ?? null };
};
