// An invalid status code becomes a 500 (deliberate 500).
// @request GET ?s=99
// @request GET ?s=1000
// @request GET ?s=abc
// @request GET ?s=200.5
export default function (req) {
  return { status: req.query_params.s === "abc" ? "abc" : Number(req.query_params.s), body: "x" };
}
