// GET /issues?status=open&limit=20&offset=0 and POST /issues, validating by hand.
const { issues, newId } = require("./store.js");

const STATUSES = ["open", "in_progress", "done"];
const PRIORITIES = ["low", "normal", "high"];

export function GET(req) {
  const { status } = req.query_params;
  const limit = parseInt(req.query_params.limit ?? "20", 10);
  const offset = parseInt(req.query_params.offset ?? "0", 10);

  if (status !== undefined && !STATUSES.includes(status)) {
    return { status: 400, body: { error: "invalid_status", message: `status must be one of ${STATUSES.join(", ")}` } };
  }
  if (Number.isNaN(limit) || limit < 1 || limit > 100) {
    return { status: 400, body: { error: "invalid_limit", message: "limit must be between 1 and 100" } };
  }
  if (Number.isNaN(offset) || offset < 0) {
    return { status: 400, body: { error: "invalid_offset", message: "offset must be 0 or more" } };
  }

  const matching = issues.filter((issue) => status === undefined || issue.status === status);
  return { body: { total: matching.length, issues: matching.slice(offset, offset + limit) } };
}

export function POST(req) {
  const { title, priority = "normal", estimate } = req.body || {};

  if (typeof title !== "string" || title.trim() === "") {
    return { status: 422, body: { error: "invalid_title", message: "title is required" } };
  }
  if (!PRIORITIES.includes(priority)) {
    return { status: 422, body: { error: "invalid_priority", message: `priority must be one of ${PRIORITIES.join(", ")}` } };
  }
  if (estimate !== undefined && (!Number.isInteger(estimate) || estimate < 0 || estimate > 1000)) {
    return { status: 422, body: { error: "invalid_estimate", message: "estimate is a whole number of hours, 0 to 1000" } };
  }

  const issue = {
    id: newId(),
    title: title.trim(),
    status: "open",
    priority,
    estimate: estimate ?? null,
    labels: [],
    comments: [],
  };
  issues.push(issue);
  return { status: 201, body: issue };
}
