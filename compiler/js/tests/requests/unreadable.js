// What inference leaves open: conditions about several inputs at once, refusals after the
// handler may have answered, checks behind a helper, and statuses that say nothing about shape.
function valid(text) {
  return typeof text === "string" && text.length > 2;
}

export function GET(req) {
  const { a, b } = req.query_params;
  if (!a && !b) return { status: 400, body: { error: "a or b" } };
  if (!valid(req.query_params.c)) return { status: 400, body: { error: "c" } };
  if (!req.query_params.d) return { status: 404, body: { error: "d" } };
  if (req.query_params.e === "x") return { body: "early" };
  if (!req.query_params.f) return { status: 400, body: { error: "f" } };
  return { body: { a, b } };
}

// A name given twice or reassigned is not followed.
export function POST(req) {
  let title = req.body.title;
  title = title ?? "untitled";
  if (!title) return { status: 400, body: { error: "title" } };
  return { status: 201, body: { title } };
}
