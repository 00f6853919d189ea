// Required body members, one refusal per member or several in one condition.
export function POST(req) {
  const body = req.body ?? {};
  const { title, text, count } = body;
  if (!title || !text) return { status: 400, body: { error: "missing", message: "title and text are required" } };
  if (typeof title !== "string") return { status: 422, body: { error: "invalid", message: "title must be text" } };
  if (count === undefined) return { status: 400, body: { error: "missing", message: "count is required" } };
  return { status: 201, body: { title, text, count } };
}

// `!x` refuses more than absence: 0, false, null and "" too.
export function PUT(req) {
  if (!req.body.flag) return { status: 400, body: { error: "flag" } };
  if (req.body.label == null) return { status: 400, body: { error: "label" } };
  return { status: 204 };
}

// Lengths: a minimum, and a maximum in UTF-16 units.
export function PATCH(req) {
  const { nickname } = req.query_params;
  if (nickname === undefined || nickname.length < 2 || nickname.length > 20) {
    return { status: 400, body: { error: "nickname" } };
  }
  const { tags } = req.body ?? {};
  if (!Array.isArray(tags) || tags.length > 5) return { status: 400, body: { error: "tags" } };
  return { status: 204 };
}
