// POST /issues/:id/comments with { author, text }: both must be given.
const { findIssue } = require("./store.js");

module.exports = function addComment(req) {
  const issueId = parseInt(req.path_params.id, 10);
  if (isNaN(issueId) || issueId < 1) {
    return { status: 400, body: { error: "invalid_id", message: "id must be a positive integer" } };
  }
  const { author, text } = req.body || {};
  if (!author || !text) {
    return { status: 400, body: { error: "missing_fields", message: "author and text are required" } };
  }
  if (typeof author !== "string" || typeof text !== "string") {
    return { status: 400, body: { error: "invalid_fields", message: "author and text must be strings" } };
  }
  if (author.length > 40 || text.length > 500) {
    return { status: 400, body: { error: "too_long", message: "author is at most 40 characters, text at most 500" } };
  }
  const issue = findIssue(issueId);
  if (!issue) {
    return { status: 404, body: { error: "not_found", message: `No issue ${issueId}` } };
  }
  const comment = { id: issue.comments.length + 1, author, text, at: new Date().toISOString() };
  issue.comments.push(comment);
  return { status: 201, body: comment };
};
