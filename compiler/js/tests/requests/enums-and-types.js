// Literal lists, chains of `!==`, typeof and Array.isArray.
const STATUSES = ["open", "in_progress", "done"];

export function GET(req) {
  const { status, order } = req.query_params;
  if (status !== undefined && !STATUSES.includes(status)) return { status: 400, body: { error: "status" } };
  if (order !== "asc" && order !== "desc") return { status: 400, body: { error: "order" } };
  return { body: [] };
}

export function POST(req) {
  const body = req.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { status: 400, body: { error: "object" } };
  if (!Array.isArray(body.tags)) return { status: 400, body: { error: "tags" } };
  if (typeof body.name !== "string" || body.name.trim().length === 0) return { status: 400, body: { error: "name" } };
  if (!["low", "high"].includes(body.priority)) return { status: 422, body: { error: "priority" } };
  return { status: 201, body };
}
