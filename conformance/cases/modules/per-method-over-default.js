// A per-method export wins over the default handler for its method.
// @request GET
// @request POST {"x": 1}
export function POST(req) {
  return { from: "POST export", received: req.body };
}
export default function (req) {
  return { from: "default", method: req.method };
}
