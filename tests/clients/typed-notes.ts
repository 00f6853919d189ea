// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of typed-notes.
import { createClient } from "@typed-notes/client";
import type { Note } from "@typed-notes/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3000" });
  const list = await client.listNotes({ priority: "high", pinned: true, limit: 5 });
  if (list.status === 200) {
    const notes: Note[] = list.data.notes;
    void notes;
  }
  // @ts-expect-error: not a priority
  await client.listNotes({ priority: "urgent" });
  const note: Note = await client.createNote.orThrow({ body: { title: "t", tags: ["a"], priority: "low" } });
  // @ts-expect-error: tags are strings
  await client.createNote({ body: { title: "t", tags: [1] } });
  const got = await client.noteGet({ id: note.id });
  if (got.status === 404) void got.data;
  await client.notePut({ id: note.id, body: { pinned: true } });
  // @ts-expect-error: ids are numbers
  await client.notePut({ id: "1", body: {} });
  const deleted = await client.noteDelete({ id: note.id });
  if (deleted.status === 204) {
    const nothing: null = deleted.data;
    void nothing;
  }
  const stats = await client.stats.orThrow();
  void stats.by_priority.high;
}
