// Run by tests/tests/typed_client.rs with node's test runner: notes-auth's live events through
// `client.subscribe`, against servers this file starts itself from SERVER_BINARY in WORK_DIR
// (one SQLite database), so that it can kill one and start another. Node 20 has no global
// WebSocket: the client takes the `ws` package's.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import net from "node:net";
import { after, test } from "node:test";
import WebSocket from "ws";
import { createClient, createQuery } from "@notes-auth/client";

const base64url = (text) => Buffer.from(text).toString("base64url");
function mint(sub, roles = ["member"]) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, roles, iss: "https://id.example.com", aud: "notes-api", iat: now, exp: now + 600 };
  const input = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac("sha256", process.env.JWT_SECRET).update(input).digest("base64url")}`;
}

const running = new Set();
after(() => {
  for (const server of running) server.kill("SIGKILL");
  // A failed test can leave its client reconnecting for ever, which would keep this process
  // (and the run) alive: once every result is out, leave with the runner's exit code.
  setTimeout(() => process.exit(), 2000).unref();
});

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** notes-auth on `port`, once it says it listens (`env` added to the test's environment). */
function start(port, env = {}) {
  const server = spawn(process.env.SERVER_BINARY, [], {
    cwd: process.env.WORK_DIR,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(server);
  server.on("exit", () => running.delete(server));
  return new Promise((resolve, reject) => {
    let seen = "";
    server.stdout.on("data", (chunk) => {
      seen += chunk;
      if (seen.includes(`listening on http://127.0.0.1:${port}`)) resolve(server);
    });
    server.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening: ${seen}`)));
  });
}

function stop(server, signal) {
  return new Promise((resolve) => {
    server.on("exit", resolve);
    server.kill(signal);
  });
}

/** What a listener heard, and a way to wait for the first event that matches. */
function recorder() {
  const heard = [];
  const waiting = [];
  return {
    heard,
    listener(event) {
      heard.push(event);
      for (const wait of [...waiting]) {
        if (wait.predicate(event)) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.resolve(event);
        }
      }
    },
    next(predicate, what) {
      const found = heard.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const wait = { predicate, resolve };
        waiting.push(wait);
        setTimeout(() => reject(new Error(`no ${what} within 15 s; heard ${JSON.stringify(heard)}`)), 15000).unref();
      });
    },
  };
}

test("a subscriber hears a note created over HTTP with its record, and one leaving its filter by id only", async () => {
  const port = await freePort();
  const server = await start(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = mint("live-1");
  const writer = createClient({ baseUrl, auth: { token } });
  const client = createClient({ baseUrl, WebSocket, auth: { token: () => token } });

  const all = recorder();
  const filtered = recorder();
  const stopAll = client.subscribe({ resource: "notes" }, all.listener);
  const stopFiltered = client.subscribe({ resource: "notes", filter: { title: { like: "Live*" } } }, filtered.listener);
  await all.next((event) => event.type === "subscribed", "subscribed");
  await filtered.next((event) => event.type === "subscribed", "subscribed");

  const note = await writer.notes.create.orThrow({ title: "Live one", text: "hi" });
  const created = await all.next((event) => event.type === "change" && event.action === "create", "create");
  assert.equal(created.resource, "notes");
  assert.equal(created.id, note.id);
  assert.equal(typeof created.seq, "number");
  assert.equal(created.record.title, "Live one");
  assert.equal(created.record.owner, "live-1");
  await filtered.next((event) => event.type === "change" && event.action === "create" && event.id === note.id, "create in the filter");

  await writer.notes.update.orThrow(note.id, { title: "Renamed" });
  const left = await filtered.next((event) => event.type === "change" && event.action === "leave", "leave");
  assert.equal(left.id, note.id);
  assert.equal("record" in left, false, "a row that left view comes without its contents");
  const updated = await all.next((event) => event.type === "change" && event.action === "update", "update");
  assert.equal(updated.record.title, "Renamed");

  await writer.notes.delete.orThrow(note.id);
  const deleted = await all.next((event) => event.type === "change" && event.action === "delete", "delete");
  assert.deepEqual([deleted.id, "record" in deleted], [note.id, false]);
  // A subscription the server refuses is heard as an `error`, and is over.
  const refused = recorder();
  client.subscribe({ resource: "nope" }, refused.listener);
  const error = await refused.next((event) => event.type === "error", "an error");
  assert.equal(error.status, 404);
  const bad = recorder();
  client.subscribe({ resource: "notes", filter: "limit=2" }, bad.listener);
  assert.equal((await bad.next((event) => event.type === "error", "an error")).status, 400);
  stopAll();
  stopFiltered();
  await stop(server, "SIGTERM");
});

test("after the server is killed and restarted, the client reconnects and catches up on what it missed", async () => {
  const port = await freePort();
  let server = await start(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = mint("live-2");
  const client = createClient({ baseUrl, WebSocket, auth: { token } });
  const events = recorder();
  const unsubscribe = client.subscribe({ resource: "notes", filter: { title: { like: "Restart*" } } }, events.listener);
  await events.next((event) => event.type === "subscribed", "subscribed");
  const before = await createClient({ baseUrl, auth: { token } }).notes.create.orThrow({ title: "Restart before" });
  const first = await events.next((event) => event.type === "change" && event.id === before.id, "the first create");

  await stop(server, "SIGKILL");
  // A change while the subscriber is cut off, made through another instance on the same
  // database, so the subscriber can only learn of it by asking for what followed its last seq.
  const otherPort = await freePort();
  const other = await start(otherPort);
  const missed = await createClient({ baseUrl: `http://127.0.0.1:${otherPort}`, auth: { token } }).notes.create.orThrow({
    title: "Restart missed",
  });
  await stop(other, "SIGTERM");

  server = await start(port);
  const caughtUp = await events.next((event) => event.type === "change" && event.id === missed.id, "the missed create");
  assert.equal(caughtUp.action, "create");
  assert.equal(caughtUp.record.title, "Restart missed");
  assert.ok(caughtUp.seq > first.seq);
  assert.equal(events.heard.filter((event) => event.type === "subscribed").length, 2, "subscribed again after reconnecting");
  assert.equal(events.heard.filter((event) => event.type === "change" && event.id === before.id).length, 1, "nothing heard twice");

  // And it carries on live.
  const after = await createClient({ baseUrl, auth: { token } }).notes.create.orThrow({ title: "Restart after" });
  await events.next((event) => event.type === "change" && event.id === after.id, "a create after the restart");
  unsubscribe();
  await stop(server, "SIGTERM");
});

test("query stores follow live events: a row's change applied as it is, a list refetched", async () => {
  const port = await freePort();
  const server = await start(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = mint("live-3");
  const writer = createClient({ baseUrl, auth: { token } });
  const sent = [];
  const counting = (url, init) => (sent.push(new URL(url).pathname), fetch(url, init));
  const client = createClient({ baseUrl, WebSocket, fetch: counting, auth: { token } });
  const note = await writer.notes.create.orThrow({ title: "Followed" });

  const row = createQuery(client, "getNote", { id: note.id });
  const list = createQuery(client, "listNotes", { title: "like.Store*", order: "id.asc" });
  const rowStates = [];
  const listStates = [];
  const stopRow = row.subscribe(() => rowStates.push(row.getSnapshot()));
  const stopList = list.subscribe(() => listStates.push(list.getSnapshot()));
  const until = async (states, predicate, what) => {
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      const found = states.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail(`${what}: ${JSON.stringify(states)}`);
  };
  await until(rowStates, (state) => state.status === "success", "the row fetched");
  await until(listStates, (state) => state.status === "success", "the list fetched");
  // The stores' subscriptions share the client's socket, whose messages the server takes in
  // order: once a later subscription is announced, theirs have been taken.
  await new Promise((resolve) => {
    const stopProbe = client.subscribe({ resource: "notes" }, (event) => {
      if (event.type === "subscribed") resolve(stopProbe());
    });
  });
  const fetchesOfTheRow = sent.filter((path) => path === `/notes/${note.id}`).length;

  await writer.notes.update.orThrow(note.id, { title: "Followed, renamed" });
  await until(rowStates, (state) => state.data?.title === "Followed, renamed", "the row's change");
  assert.equal(sent.filter((path) => path === `/notes/${note.id}`).length, fetchesOfTheRow, "applied from the event, not refetched");

  await writer.notes.create.orThrow({ title: "Store item" });
  const refetched = await until(listStates, (state) => state.data?.items.length === 1, "the list refetched");
  assert.equal(refetched.status, "success");
  assert.equal(refetched.data.items[0].title, "Store item");
  stopRow();
  stopList();
  await stop(server, "SIGTERM");
});

test("a client that missed more than the server keeps is told to refetch, and its list store does", async () => {
  const port = await freePort();
  let server = await start(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = mint("live-4");
  const client = createClient({ baseUrl, WebSocket, auth: { token } });
  const events = recorder();
  const unsubscribe = client.subscribe({ resource: "notes", filter: { title: { like: "Window*" } } }, events.listener);
  const list = createQuery(client, "listNotes", { title: "like.Window*", order: "id.asc" });
  const states = [];
  const stopList = list.subscribe(() => states.push(list.getSnapshot()));
  await events.next((event) => event.type === "subscribed", "subscribed");
  const first = await createClient({ baseUrl, auth: { token } }).notes.create.orThrow({ title: "Window 0" });
  await events.next((event) => event.type === "change" && event.id === first.id, "the first create");

  await stop(server, "SIGKILL");
  // Five changes through another instance that keeps only two events: by the time the client
  // is back, what followed its last seq is gone from the table.
  const otherPort = await freePort();
  const other = await start(otherPort, { BACKWORKS_EVENTS_WINDOW: "2" });
  const writer = createClient({ baseUrl: `http://127.0.0.1:${otherPort}`, auth: { token } });
  for (let n = 1; n <= 5; n += 1) await writer.notes.create.orThrow({ title: `Window ${n}` });
  // The reader trims at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await stop(other, "SIGTERM");

  server = await start(port);
  await events.next((event) => event.type === "reset", "a reset");
  assert.equal(
    events.heard.filter((event) => event.type === "change" && event.action === "create").length,
    1,
    "the missed creates are not replayed one by one",
  );
  const deadline = Date.now() + 15000;
  let latest;
  while (Date.now() < deadline) {
    latest = states.at(-1);
    if (latest?.data?.items.length === 6) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.deepEqual(
    latest?.data?.items.map((note) => note.title),
    ["Window 0", "Window 1", "Window 2", "Window 3", "Window 4", "Window 5"],
    "the list refetched after the reset",
  );
  unsubscribe();
  stopList();
  await stop(server, "SIGTERM");
});

test("a client authenticated by an API key an admin issued hears a change over the socket; a revoked or unknown key is refused", async () => {
  const port = await freePort();
  const server = await start(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const session = await createClient({ baseUrl }).authLogin.orThrow({
    body: { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD },
  });
  const admin = createClient({ baseUrl, auth: { token: session.access_token } });
  const issued = await admin.createApiKey.orThrow({ body: { name: "live feed", roles: ["admin"] } });

  // The key carries the admin role, which the notes' list rule lets read every note; an
  // anonymous subscriber may read shared notes only. So hearing another's private note proves
  // the socket took the key.
  const keyed = createClient({ baseUrl, WebSocket, auth: { apiKey: issued.key } });
  const events = recorder();
  const stopKeyed = keyed.subscribe({ resource: "notes" }, events.listener);
  const anonymous = recorder();
  const stopAnonymous = createClient({ baseUrl, WebSocket }).subscribe({ resource: "notes" }, anonymous.listener);
  await events.next((event) => event.type === "subscribed", "subscribed");
  await anonymous.next((event) => event.type === "subscribed", "subscribed");
  const writer = createClient({ baseUrl, auth: { token: mint("live-5") } });
  const hidden = await writer.notes.create.orThrow({ title: "Keyed private" });
  const shared = await writer.notes.create.orThrow({ title: "Keyed shared", shared: true });
  const created = await events.next((event) => event.type === "change" && event.id === hidden.id, "the private create");
  assert.equal(created.action, "create");
  assert.equal(created.record.title, "Keyed private");
  assert.equal(created.record.owner, "live-5");
  await events.next((event) => event.type === "change" && event.id === shared.id, "the shared create");
  await anonymous.next((event) => event.type === "change" && event.id === shared.id, "the shared create, anonymously");
  assert.equal(anonymous.heard.filter((event) => event.type === "change" && event.id === hidden.id).length, 0, "a private note reached no one");
  stopKeyed();
  stopAnonymous();

  await admin.revokeApiKey.orThrow({ id: issued.id });
  for (const [what, apiKey] of [["revoked", issued.key], ["unknown", "bwk_not-a-key-the-server-issued"]]) {
    const refused = recorder();
    const stopRefused = createClient({ baseUrl, WebSocket, auth: { apiKey } }).subscribe({ resource: "notes" }, refused.listener);
    const error = await refused.next((event) => event.type === "error", `the ${what} key's error`);
    assert.equal(error.status, 401, `the ${what} key: ${JSON.stringify(error)}`);
    assert.equal(refused.heard.some((event) => event.type === "subscribed"), false, `the ${what} key subscribed`);
    stopRefused();
  }
  await stop(server, "SIGTERM");
});

test("an admin's client follows the request stream: a request made over HTTP is heard as the monitor keeps it; others are refused", async () => {
  const port = await freePort();
  const server = await start(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = createClient({ baseUrl, WebSocket, auth: { token: mint("ops-1", ["admin"]) } });
  const log = recorder();
  const stopLog = admin.subscribe({ stream: "requests" }, log.listener);
  await log.next((event) => event.type === "subscribed", "subscribed");

  const visitor = mint("visitor-1");
  const answer = await fetch(`${baseUrl}/greeting?x=1`, {
    headers: { authorization: `Bearer ${visitor}`, "x-request-id": "stream-test-1" },
  });
  assert.equal(answer.status, 200);
  const heard = await log.next((event) => event.type === "request" && event.entry.request_id === "stream-test-1", "the request");
  const { entry } = heard;
  assert.deepEqual(
    [entry.method, entry.path, entry.route, entry.endpoint, entry.status, entry.user],
    ["GET", "/greeting", "/greeting", "greeting", 200, "visitor-1"],
  );
  assert.equal(entry.headers.authorization, "[redacted]", "the token never reaches the stream");
  assert.equal(JSON.stringify(heard).includes(visitor), false);
  assert.equal(typeof entry.seq, "number");
  assert.equal(typeof entry.duration_ms, "number");
  assert.ok(!Number.isNaN(Date.parse(entry.at)));
  assert.equal(entry.client, "127.0.0.1");
  assert.deepEqual([entry.body, entry.logs, entry.logs_dropped], [null, [], 0]);
  // A write through a generated route.
  const writer = createClient({ baseUrl, auth: { token: visitor } });
  await writer.notes.create.orThrow({ title: "Streamed" }, { headers: { "x-request-id": "stream-test-2" } });
  const write = (await log.next((event) => event.type === "request" && event.entry.request_id === "stream-test-2", "the write")).entry;
  assert.deepEqual([write.method, write.route, write.status], ["POST", "/notes", 201]);
  // A password sent to log in never reaches the stream.
  await createClient({ baseUrl }).authLogin({ body: { email: "nobody@example.com", password: "a secret password" } }, {
    headers: { "x-request-id": "stream-test-3" },
  });
  const login = (await log.next((event) => event.type === "request" && event.entry.request_id === "stream-test-3", "the login")).entry;
  assert.equal(login.status, 401);
  assert.equal(JSON.stringify(login).includes("a secret password"), false, JSON.stringify(login));
  stopLog();

  for (const [who, auth, status] of [
    ["a member", { token: mint("member-1") }, 403],
    ["anyone", undefined, 401],
  ]) {
    const refused = recorder();
    const stopRefused = createClient({ baseUrl, WebSocket, auth }).subscribe({ stream: "requests" }, refused.listener);
    assert.equal((await refused.next((event) => event.type === "error", `${who}'s error`)).status, status, who);
    stopRefused();
  }
  await stop(server, "SIGTERM");
});
