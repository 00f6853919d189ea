// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of notes-auth,
// its auth options, and the misuses the declarations must reject.
import { BackworksError, createClient } from "@notes-auth/client";
import type { Failure, GetNoteResult, Note } from "@notes-auth/client";

declare const session: { accessToken: string; renew(): Promise<string> };

export async function consume(): Promise<void> {
  const client = createClient({
    baseUrl: "http://127.0.0.1:3000",
    auth: { token: () => session.accessToken, refresh: () => session.renew() },
  });
  createClient({ baseUrl: "http://x", auth: { token: "fixed" } });
  // notes-auth declares API keys too.
  createClient({ baseUrl: "http://x", auth: { apiKey: "bwk_k" } });
  // @ts-expect-error: a token is text
  createClient({ baseUrl: "http://x", auth: { token: 42 } });

  const me = await client.me();
  if (me.status === 401) {
    const error: string = me.data.error;
    void error;
  }
  const report = await client.report();
  if (report.status === 403) void report.data.message;
  // @ts-expect-error: 403 is only documented for the admin-only report
  const forbidden: typeof me.status = 403;
  void forbidden;
  const greeting: string = (await client.greeting.orThrow()).greeting;
  const ok: boolean = (await client.status.orThrow()).ok;
  void [greeting, ok];

  const created = await client.notes.create({ title: "t", text: "x" });
  if (created.status === 201) {
    const note: Note = created.data;
    await client.notes.update(note.id, { text: null });
    await client.notes.replace(note.id, { title: "u" });
    await client.notes.delete(note.id);
  }
  // @ts-expect-error: the title is text
  await client.notes.create({ title: 1 });
  await client.notes.list({ filter: { title: { ilike: "*t*" } }, order: [["created_at", "desc"]] });
  await client.notes.get(1);
  await client.listNotes({ title: "eq.t" });
  await client.createNote({ body: { title: "t" } });
  await client.getNote({ id: 1 });
  await client.updateNote({ id: 1, body: {} });
  await client.replaceNote({ id: 1, body: { title: "t" } });
  await client.deleteNote({ id: 1 });

  try {
    await client.notes.get.orThrow(1);
  } catch (error) {
    if (error instanceof BackworksError) {
      const failure = error as BackworksError<Failure<GetNoteResult>>;
      // The statuses a failure of getNote can have (429: the service's rate limit), and 0
      // for none.
      const status: 0 | 400 | 401 | 404 | 429 | 503 = failure.status;
      void status;
    }
  }
}
