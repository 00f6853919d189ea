// GET lists notes, POST adds one. The types below are the API's contract: `Request<NewNote>`
// is POST's request body schema (enforced before the handler runs), and the return types are
// the response schemas. `Note` is used twice, so it is a named component of the document.
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

interface NewNote {
  title: string;
  text?: string;
  tags?: string[];
  priority?: Priority;
  pinned?: boolean;
}

interface ListQuery {
  query_params: { priority?: Priority; pinned?: boolean; limit?: number };
}

export function GET(req: ListQuery): { count: number; notes: Note[] } {
  // With `typed_params: true`, `pinned` is a boolean and `limit` a number.
  const { priority, pinned, limit } = req.query_params;
  const matching = store.notes.filter(
    (note: Note) =>
      (priority === undefined || note.priority === priority) &&
      (pinned === undefined || note.pinned === pinned),
  );
  matching.sort((a: Note, b: Note) => Number(b.pinned) - Number(a.pinned) || a.id - b.id);
  const shown = matching.slice(0, limit ?? 20);
  return { count: shown.length, notes: shown };
}

export function POST(req: Request<NewNote>): { status: 201; body: Note } {
  const { title, text = "", tags = [], priority = "normal", pinned = false } = req.body;
  const note: Note = {
    id: store.nextId(),
    title,
    text,
    tags,
    priority,
    pinned,
    created_at: new Date().toISOString(),
  };
  store.notes.push(note);
  return { status: 201, body: note };
}
