// Run by tests/tests/typed_client.rs with node's test runner against typed-notes' live server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "@typed-notes/client";

const client = createClient({ baseUrl: process.env.BASE_URL });

test("every operation of typed-notes through the client", async () => {
  const before = await client.stats.orThrow();
  const note = await client.createNote.orThrow({ body: { title: "From the client", priority: "high", pinned: true } });
  assert.equal(note.title, "From the client");
  const listed = await client.listNotes.orThrow({ priority: "high", pinned: true });
  assert.ok(listed.notes.some((row) => row.id === note.id));
  assert.equal((await client.stats.orThrow()).total, before.total + 1);
  assert.equal((await client.noteGet.orThrow({ id: note.id })).title, "From the client");
  const put = await client.notePut({ id: note.id, body: { title: "Changed" } });
  assert.equal(put.status, 200);
  assert.equal(put.data.title, "Changed");
  assert.equal((await client.noteDelete({ id: note.id })).status, 204);
  assert.equal((await client.noteGet({ id: note.id })).status, 404);
  assert.equal((await client.createNote({ body: { title: 7 } })).status, 400);
});
