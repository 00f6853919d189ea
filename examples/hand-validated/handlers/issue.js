// GET, PATCH and DELETE /issues/:id — the id must be a positive integer.
const { issues, findIssue } = require("./store.js");

function notFound(id) {
  return { status: 404, body: { error: "not_found", message: `No issue ${id}` } };
}

export function GET(req) {
  const id = parseInt(req.path_params.id, 10);
  if (isNaN(id) || id < 1) {
    return { status: 400, body: { error: "invalid_id", message: "id must be a positive integer" } };
  }
  const issue = findIssue(id);
  if (!issue) return notFound(id);
  return { body: issue };
}

export function PATCH(req) {
  const id = Number(req.path_params.id);
  if (!Number.isInteger(id) || id <= 0) {
    return { status: 400, body: { error: "invalid_id", message: "id must be a positive integer" } };
  }
  const { status } = req.body ?? {};
  if (status !== "open" && status !== "in_progress" && status !== "done") {
    return { status: 400, body: { error: "invalid_status", message: "status must be open, in_progress or done" } };
  }
  const issue = findIssue(id);
  if (!issue) return notFound(id);
  issue.status = status;
  return { body: issue };
}

export function DELETE(req) {
  const id = +req.path_params.id;
  if (!Number.isSafeInteger(id) || id < 1) {
    return { status: 400, body: { error: "invalid_id", message: "id must be a positive integer" } };
  }
  const index = issues.findIndex((issue) => issue.id === id);
  if (index === -1) return notFound(id);
  issues.splice(index, 1);
  return { status: 204 };
}
