// Type-checked by tests/tests/typed_client.rs (tsc --strict, also with exactOptionalPropertyTypes):
// notes-auth's live events, its framework-free stores, and its React, Vue and Svelte packages,
// with the misuses their declarations must reject.
import { createElement } from "react";
import { createApp, ref } from "vue";
import { QueryClient } from "@tanstack/query-core";
import { createClient, createMutation, createQuery, invoke } from "@notes-auth/client";
import type { Note, QueryState, RequestEntry } from "@notes-auth/client";
import * as react from "@notes-auth/react";
import * as vue from "@notes-auth/vue";
import * as svelte from "@notes-auth/svelte";

const client = createClient({ baseUrl: "http://127.0.0.1:3000", auth: { token: () => "t" } });

export function live(): void {
  const stop = client.subscribe({ resource: "notes", filter: { shared: { is: true }, title: { like: "*x*" } } }, (event) => {
    if (event.type === "change") {
      const id: number = event.id;
      if (event.action === "create" || event.action === "update" || event.action === "enter") {
        const note: Note = event.record;
        void note;
      }
      // @ts-expect-error: a row that left view or was deleted comes without its contents
      if (event.action === "leave") void event.record;
      void id;
    } else if (event.type === "error") {
      const status: number = event.status;
      void status;
    }
  });
  stop();
  client.subscribe({ resource: "notes", id: 7, since: 12 }, () => {});
  client.subscribe({ event: "note-shared" }, (event) => {
    if (event.type === "event") void (event.payload as { id: number });
  });
  // @ts-expect-error: notes' ids are numbers
  client.subscribe({ resource: "notes", id: "7" }, () => {});
  // @ts-expect-error: no resource of that name
  client.subscribe({ resource: "posts" }, () => {});
  // @ts-expect-error: the filter is typed per field: shared is a boolean
  client.subscribe({ resource: "notes", filter: { shared: { eq: "yes" } } }, () => {});
  // @ts-expect-error: an unknown member of the target
  client.subscribe({ resource: "notes", filtr: {} }, () => {});
  createClient({ baseUrl: "http://x", WebSocket: class { constructor(readonly url: string) {} } });
}

export function requestStream(): void {
  const stop = client.subscribe({ stream: "requests" }, (event) => {
    if (event.type === "request") {
      const entry: RequestEntry = event.entry;
      const line: string = `${entry.method} ${entry.path} ${entry.status} ${entry.duration_ms} ms`;
      const endpoint: string | null = entry.endpoint;
      const user: string | null = entry.user;
      for (const log of entry.logs) {
        const level: "info" | "warn" | "error" | "debug" = log.level;
        void level;
      }
      if (entry.body !== null) void (entry.body.kind === "json" && entry.body.preview);
      // @ts-expect-error: a request's user may be unknown
      const id: string = entry.user;
      // @ts-expect-error: the entry is as the server sent it, read-only
      entry.status = 200;
      // @ts-expect-error: an entry has no record
      void entry.record;
      void [line, endpoint, user, id];
    } else if (event.type === "error") {
      const status: number = event.status;
      void status;
    } else if (event.type === "subscribed" || event.type === "reset") {
      // @ts-expect-error: only a request carries an entry
      void event.entry;
    }
  });
  stop();
  // @ts-expect-error: the one stream is "requests"
  client.subscribe({ stream: "responses" }, () => {});
  // @ts-expect-error: a stream keeps no history to replay
  client.subscribe({ stream: "requests", since: 3 }, () => {});
}

export async function stores(): Promise<void> {
  const notes = createQuery(client, "listNotes", { title: "ilike.*x*", limit: 5 });
  const unsubscribe = notes.subscribe(() => {
    const state = notes.getSnapshot();
    if (state.status === "success") {
      const first = state.data.items[0];
      void first?.["title"];
    } else if (state.status === "error") {
      // The failures getNote documents, or 0 for a timeout or the network.
      const status: 0 | 400 | 401 | 429 | 503 = state.error.status;
      void status;
    }
    // @ts-expect-error: data is undefined until the query succeeds
    void state.data.items;
  });
  unsubscribe();
  await notes.refetch();
  createQuery(client, "getNote", { id: 1 });
  createQuery(client, "status");
  createQuery(client, "status", undefined, { live: false });
  // @ts-expect-error: getNote needs its id
  createQuery(client, "getNote");
  // @ts-expect-error: createNote writes: it is a mutation, not a query
  createQuery(client, "createNote", { body: { title: "t" } });
  const write = createMutation(client, "createNote");
  const created: Note = await write.mutateAsync({ body: { title: "t" } });
  // @ts-expect-error: the title is text
  write.mutate({ body: { title: 1 } });
  const status: string = (await invoke(client, "status")).ok ? "up" : "down";
  void [created, status];
  // TanStack Query takes the options objects as they are.
  const tanstack = new QueryClient();
  const page = await tanstack.fetchQuery(react.listNotesQueryOptions(client, { limit: 5 }));
  const firstTitle: unknown = page.items[0]?.["title"];
  const one = await tanstack.fetchQuery(react.getNoteQueryOptions(client, { id: 1 }));
  const ok: boolean = (await tanstack.fetchQuery(react.statusQueryOptions(client))).ok;
  void [firstTitle, one.title, ok, react.listNotesQueryKey({ limit: 5 }), react.statusQueryKey()];
}

export function ReactNotes(props: { shared: boolean }) {
  const notes = react.useListNotes({ shared: props.shared ? "is.true" : "is.false" });
  const create = react.useCreateNote();
  const me = react.useMe();
  if (notes.status === "error") return createElement("p", null, String(notes.error.status));
  // @ts-expect-error: data may be undefined before the status says success
  void notes.data.items;
  if (notes.status !== "success") return createElement("p", null, "…");
  void notes.refetch();
  create.mutate({ body: { title: "t" } });
  if (create.status === "success") void create.data.id;
  // @ts-expect-error: the body of createNote is required
  create.mutate({});
  // @ts-expect-error: listNotes has no parameter `titel`
  react.useListNotes({ titel: "eq.x" });
  // @ts-expect-error: getNote needs an id
  react.useGetNote({});
  void me;
  return createElement(
    react.BackworksProvider,
    { client },
    notes.data.items.map((note) => createElement("li", { key: String(note["id"]) }, String(note["title"]))),
  );
}

export function vueNotes(): void {
  createApp({}).use(vue.createBackworks(client));
  const shared = ref("is.true");
  const notes = vue.useListNotes(() => ({ shared: shared.value }));
  const byRef = vue.useGetNote(ref({ id: 1 }));
  const plain = vue.useGetNote({ id: 1 });
  const items = notes.data.value?.items ?? [];
  // @ts-expect-error: data is a ref of data or undefined
  void notes.data.value.items;
  const state = notes.state.value;
  if (state.status === "success") void state.data.items;
  const create = vue.useCreateNote();
  void create.mutateAsync({ body: { title: "t" } });
  // @ts-expect-error: the title is text
  create.mutate({ body: { title: false } });
  // @ts-expect-error: getNote's id is a number
  vue.useGetNote(() => ({ id: "1" }));
  void [items, byRef.isLoading.value, plain.refetch()];
}

export function svelteNotes(): void {
  svelte.setBackworksClient(client);
  let shared = true;
  const notes = svelte.createListNotes(() => ({ shared: shared ? "is.true" : "is.false" }));
  shared = false;
  const current: QueryState<unknown, unknown>["status"] = notes.status;
  if (notes.current.status === "success") void notes.current.data.items;
  // @ts-expect-error: data may be undefined
  void notes.data.items;
  // The store contract: `$notes` in a component.
  const stop = notes.subscribe((state) => void state.isLoading);
  stop();
  const one = svelte.createGetNote(() => ({ id: 1 }), { client });
  const fixed = svelte.createGetNote({ id: 2 });
  const create = svelte.createCreateNote();
  void create.mutateAsync({ body: { title: "t" } });
  // @ts-expect-error: getNote needs its params
  svelte.createGetNote();
  // @ts-expect-error: an unknown member of the body
  create.mutate({ body: { title: "t", colour: "red" } });
  void [current, one.data, fixed.refetch()];
}
