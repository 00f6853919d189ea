// One note by id. `typed_params: true` in the blueprint makes `req.path_params.id` a number,
// so it compares with `===` to the stored ids. Each response union is keyed by a literal
// `status`: the document lists exactly these statuses and bodies.
const store = require("./store");

type Priority = "low" | "normal" | "high";

interface Note {
  id: number;
  title: string;
  text: string;
  tags: string[];
  priority: Priority;
  pinned: boolean;
  created_at: string;
}

interface Problem {
  error: "not_found";
  message: string;
}

type NoteChange = Partial<Pick<Note, "title" | "text" | "tags" | "priority" | "pinned">>;

type ById = { path_params: { id: number } };

type Found = { status: 200; body: Note } | { status: 404; body: Problem };

function missing(id: number): { status: 404; body: Problem } {
  return { status: 404, body: { error: "not_found", message: `No note ${id}` } };
}

export function GET(req: ById): Found {
  const note = store.notes.find((candidate: Note) => candidate.id === req.path_params.id);
  return note ? { status: 200, body: note } : missing(req.path_params.id);
}

export async function PUT(req: ById & { body: NoteChange }): Promise<Found> {
  const note = store.notes.find((candidate: Note) => candidate.id === req.path_params.id);
  if (!note) {
    return missing(req.path_params.id);
  }
  Object.assign(note, req.body);
  return { status: 200, body: note };
}

export function DELETE(req: ById): { status: 204 } | { status: 404; body: Problem } {
  const index = store.notes.findIndex((candidate: Note) => candidate.id === req.path_params.id);
  if (index < 0) {
    return missing(req.path_params.id);
  }
  store.notes.splice(index, 1);
  return { status: 204 };
}
