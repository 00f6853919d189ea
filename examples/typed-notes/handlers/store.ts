// The notes live in module state shared by every handler module that requires this one.
// (Types are read from each handler's own file, so this module declares none.)
const notes = [
  {
    id: 1,
    title: "Buy milk",
    text: "Two litres",
    tags: ["errand"],
    priority: "normal",
    pinned: false,
    created_at: "2026-01-05T09:30:00.000Z",
  },
  {
    id: 2,
    title: "Ship the release",
    text: "",
    tags: ["work", "urgent"],
    priority: "high",
    pinned: true,
    created_at: "2026-01-06T14:00:00.000Z",
  },
];
let lastId = 2;

function nextId(): number {
  lastId += 1;
  return lastId;
}

module.exports = { notes, nextId };
