// Run by tests/tests/typed_client.rs with node's test runner against notes-auth's live
// generated server (BASE_URL, JWT_SECRET). Tokens are HS256 JWTs signed here with Node's
// crypto (RFC 7519), an implementation independent of the server's.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { BackworksError, createClient } from "@notes-auth/client";

const baseUrl = process.env.BASE_URL;
const base64url = (text) => Buffer.from(text).toString("base64url");

function mint(sub, roles, lifetime = 600) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, name: "Ada", roles, iss: "https://id.example.com", aud: "notes-api", iat: now, exp: now + lifetime };
  const input = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac("sha256", process.env.JWT_SECRET).update(input).digest("base64url");
  return `${input}.${signature}`;
}

test("without credentials: public operations answer, protected ones are 401", async () => {
  const client = createClient({ baseUrl });
  assert.deepEqual(await client.status.orThrow(), { ok: true });
  assert.equal((await client.greeting.orThrow()).greeting, "Hello, stranger!");
  const me = await client.me();
  assert.equal(me.status, 401);
  assert.equal(me.data.error, "unauthorized");
  // The notes' rules let anonymous callers read shared notes (none yet), not write.
  const listed = await client.notes.list();
  assert.equal(listed.status, 200);
  assert.equal((await client.notes.create({ title: "drive-by" })).status, 401);
});

test("a token provider's token reaches the protected operations", async () => {
  let calls = 0;
  const token = mint("user-7", ["reader"]);
  const client = createClient({ baseUrl, auth: { token: async () => (calls++, token) } });
  const me = await client.me.orThrow();
  assert.equal(me.id, "user-7");
  assert.deepEqual(me.roles, ["reader"]);
  assert.equal((await client.greeting.orThrow()).greeting, "Hello, Ada!");
  assert.ok(calls >= 2);
  const before = calls;
  await client.status.orThrow();
  assert.equal(calls, before, "public operations are sent without credentials");
  const report = await client.report();
  assert.equal(report.status, 403);
  assert.equal(report.data.error, "forbidden");
  await assert.rejects(client.report.orThrow(), (error) => error instanceof BackworksError && error.status === 403);
});

test("an expired token is refreshed once on 401, and the refreshed one is kept", async () => {
  let refreshes = 0;
  const client = createClient({
    baseUrl,
    auth: { token: mint("admin-1", ["admin"], -3600), refresh: async () => (refreshes++, mint("admin-1", ["admin"])) },
  });
  const report = await client.report.orThrow();
  assert.equal(report.requested_by, "admin-1");
  assert.equal(refreshes, 1);
  await client.me.orThrow();
  assert.equal(refreshes, 1, "the refreshed token replaced the fixed one");
});

test("a refresh that does not help answers the 401", async () => {
  let refreshes = 0;
  const client = createClient({ baseUrl, auth: { token: "not-a-jwt", refresh: () => (refreshes++, "still-not-a-jwt") } });
  const me = await client.me();
  assert.equal(me.status, 401);
  assert.equal(refreshes, 1, "refreshed once, not in a loop");
});

test("the notes resource and its operations, as a signed-in caller", async () => {
  const client = createClient({ baseUrl, auth: { token: mint("user-7", ["reader"]) } });
  const note = await client.notes.create.orThrow({ title: "From the client", text: "hi" });
  assert.equal(note.title, "From the client");
  const listed = await client.notes.list.orThrow({ filter: { title: { eq: "From the client" } } });
  assert.deepEqual(listed.items.map((row) => row.id), [note.id]);
  assert.equal((await client.notes.get.orThrow(note.id)).text, "hi");
  assert.equal((await client.notes.update.orThrow(note.id, { text: null })).text, null);
  assert.equal((await client.notes.replace.orThrow(note.id, { title: "Again" })).title, "Again");
  const tooLong = await client.notes.create({ title: "x".repeat(201) });
  assert.equal(tooLong.status, 400);
  assert.equal((await client.getNote({ id: note.id })).status, 200);
  assert.equal((await client.listNotes({ title: "eq.Again" })).status, 200);
  const second = await client.createNote.orThrow({ body: { title: "Second" } });
  assert.equal((await client.updateNote({ id: second.id, body: { text: "t" } })).status, 200);
  assert.equal((await client.replaceNote({ id: second.id, body: { title: "S" } })).status, 200);
  assert.equal((await client.deleteNote({ id: second.id })).status, 204);
  assert.equal((await client.notes.delete(note.id)).status, 204);
  assert.equal((await client.notes.get(note.id)).status, 404);
  const admin = createClient({ baseUrl, auth: { token: mint("admin-1", ["admin"]) } });
  assert.equal(typeof (await admin.report.orThrow()).notes, "number");
});

// The framework-free stores the React, Vue and Svelte packages wrap.
import { createMutation, createQuery } from "@notes-auth/client";
import { QueryClient } from "@tanstack/query-core";
import { getNoteQueryOptions, listNotesQueryKey, listNotesQueryOptions } from "@notes-auth/react";

/** Resolves with the store's first snapshot whose status is not `idle`/`loading`. */
function settled(store) {
  return new Promise((resolve) => {
    const check = () => {
      const state = store.getSnapshot();
      if (state.status === "success" || state.status === "error") {
        unsubscribe();
        resolve(state);
      }
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

test("a query store fetches when subscribed, and identical requests in flight share one fetch", async () => {
  const sent = [];
  const counting = (url, init) => (sent.push(String(url)), fetch(url, init));
  const client = createClient({ baseUrl, fetch: counting, auth: { token: mint("user-8", ["reader"]) } });
  await client.notes.create.orThrow({ title: "Store one" });
  sent.length = 0;
  const first = createQuery(client, "listNotes", { title: "eq.Store one", limit: 5 });
  assert.equal(first.getSnapshot().status, "idle");
  assert.equal(first.getServerSnapshot().status, "idle");
  assert.equal(sent.length, 0, "nothing is fetched before a listener subscribes");
  // The same params in another order are the same request.
  const second = createQuery(client, "listNotes", { limit: 5, title: "eq.Store one" });
  const other = createQuery(client, "listNotes", { title: "eq.Store one", limit: 6 });
  const states = Promise.all([settled(first), settled(second), settled(other)]);
  assert.equal(first.getSnapshot().status, "loading");
  assert.equal(first.getSnapshot().isLoading, true);
  const [a, b, c] = await states;
  assert.equal(sent.length, 2, `one fetch per distinct request: ${sent.join(", ")}`);
  assert.equal(a.status, "success");
  assert.deepEqual(a.data.items.map((note) => note.title), ["Store one"]);
  assert.equal(a.data, b.data, "the shared fetch's data");
  assert.deepEqual(c.data.items.map((note) => note.title), ["Store one"]);
  await first.refetch();
  assert.equal(sent.length, 3, "refetch fetches again");
});

test("a query store holds a documented failure as its error", async () => {
  const client = createClient({ baseUrl, auth: { token: mint("user-8", ["reader"]) } });
  const state = await settled(createQuery(client, "getNote", { id: 987654 }));
  assert.equal(state.status, "error");
  assert.ok(state.error instanceof BackworksError);
  assert.equal(state.error.status, 404);
  const anonymous = await settled(createQuery(createClient({ baseUrl }), "me"));
  assert.equal(anonymous.error.status, 401);
});

test("a mutation store sends the write and holds its outcome", async () => {
  const client = createClient({ baseUrl, auth: { token: mint("user-8", ["reader"]) } });
  const write = createMutation(client, "createNote");
  const seen = [];
  write.subscribe(() => seen.push(write.getSnapshot().status));
  const note = await write.mutateAsync({ body: { title: "Written by a store" } });
  assert.equal(note.title, "Written by a store");
  assert.deepEqual(seen, ["loading", "success"]);
  assert.equal(write.getSnapshot().data.id, note.id);
  await assert.rejects(write.mutateAsync({ body: { title: "x".repeat(201) } }), (error) => error.status === 400);
  assert.equal(write.getSnapshot().status, "error");
  write.reset();
  assert.equal(write.getSnapshot().status, "idle");
});

test("TanStack Query takes the React package's query options as they are", async () => {
  const client = createClient({ baseUrl, auth: { token: mint("user-8", ["reader"]) } });
  const note = await client.notes.create.orThrow({ title: "For TanStack" });
  const queries = new QueryClient();
  const page = await queries.fetchQuery(listNotesQueryOptions(client, { title: "eq.For TanStack" }));
  assert.deepEqual(page.items.map((row) => row.id), [note.id]);
  assert.deepEqual(queries.getQueryData(listNotesQueryKey({ title: "eq.For TanStack" })), page);
  assert.equal((await queries.fetchQuery(getNoteQueryOptions(client, { id: note.id }))).title, "For TanStack");
  await assert.rejects(queries.fetchQuery({ ...getNoteQueryOptions(client, { id: 987654 }), retry: false }), (error) => error.status === 404);
});

test("React hooks render on a server without fetching: the server snapshot is idle", async () => {
  const { createElement } = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { BackworksProvider, useListNotes } = await import("@notes-auth/react");
  const sent = [];
  const client = createClient({ baseUrl, fetch: (url, init) => (sent.push(url), fetch(url, init)) });
  function Notes() {
    const notes = useListNotes({ limit: 5 });
    return createElement("p", null, `${notes.status} ${notes.isLoading}`);
  }
  const html = renderToString(createElement(BackworksProvider, { client }, createElement(Notes)));
  assert.equal(html, "<p>idle false</p>");
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(sent, [], "nothing is fetched while rendering on a server");
});

test("Vue composables render on a server without fetching", async () => {
  const { createSSRApp, h } = await import("vue");
  const { renderToString } = await import("vue/server-renderer");
  const { createBackworks, useListNotes } = await import("@notes-auth/vue");
  const sent = [];
  const client = createClient({ baseUrl, fetch: (url, init) => (sent.push(url), fetch(url, init)) });
  const app = createSSRApp({
    setup() {
      const notes = useListNotes(() => ({ limit: 5 }));
      return () => h("p", `${notes.status.value} ${notes.isLoading.value}`);
    },
  });
  app.use(createBackworks(client));
  assert.equal(await renderToString(app), "<p>idle false</p>");
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(sent, [], "nothing is fetched while rendering on a server");
});
