// PUT /issues/:id/labels with { labels: [...] }.
const { findIssue } = require("./store.js");

module.exports = function setLabels(req) {
  const id = parseInt(req.path_params.id, 10);
  if (isNaN(id) || id < 1) {
    return { status: 400, body: { error: "invalid_id", message: "id must be a positive integer" } };
  }
  const body = req.body ?? {};
  if (!Array.isArray(body.labels)) {
    return { status: 400, body: { error: "invalid_labels", message: "labels must be an array" } };
  }
  const issue = findIssue(id);
  if (!issue) {
    return { status: 404, body: { error: "not_found", message: `No issue ${id}` } };
  }
  issue.labels = body.labels.map((label) => String(label));
  return { body: { id, labels: issue.labels } };
};
