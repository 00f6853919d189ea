// The issues live in module state, shared by every handler module that requires this one.
const issues = [
  { id: 1, title: "Crash on empty search", status: "open", priority: "high", estimate: 3, labels: ["bug"], comments: [] },
  { id: 2, title: "Dark mode", status: "in_progress", priority: "low", estimate: 8, labels: [], comments: [] },
];

let nextId = 3;

function findIssue(id) {
  return issues.find((issue) => issue.id === id);
}

function newId() {
  const id = nextId;
  nextId += 1;
  return id;
}

module.exports = { issues, findIssue, newId };
