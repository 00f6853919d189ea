// Run by tests/tests/typed_client.rs with node's test runner against hello-world's live
// generated server (BASE_URL). Expected values come from the example's handlers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BackworksError, createClient } from "@hello-world/client";

const baseUrl = process.env.BASE_URL;
const client = createClient({ baseUrl });

/** A fetch that waits `ms` before asking the real one, and gives up when its signal aborts. */
const slowFetch = (ms) => (url, init) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fetch(url, init)), ms);
    init.signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(init.signal.reason);
    });
  });

test("getHello greets by name, and the world by default", async () => {
  const named = await client.getHello({ name: " Ada " });
  assert.equal(named.status, 200);
  assert.equal(named.data.message, "Hello, Ada!");
  assert.equal(named.headers.get("x-powered-by"), "Backworks");
  assert.match(named.data.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const world = await client.getHello.orThrow();
  assert.equal(world.message, "Hello, world!");
});

test("the query is encoded", async () => {
  const result = await client.getHello.orThrow({ name: "a&b=c?" });
  assert.equal(result.message, "Hello, a&b=c?!");
});

test("postEcho answers with what it received", async () => {
  const echo = await client.postEcho();
  assert.equal(echo.status, 200);
  assert.equal(typeof echo.data.kind, "string");
});

test("a call past its time budget throws a timeout BackworksError", async () => {
  const slow = createClient({ baseUrl, fetch: slowFetch(500), timeoutMs: 50 });
  const started = Date.now();
  await assert.rejects(slow.getHello(), (error) => {
    assert.ok(error instanceof BackworksError);
    assert.equal(error.kind, "timeout");
    assert.equal(error.operation, "getHello");
    return true;
  });
  assert.ok(Date.now() - started < 400, "the budget, not the slow fetch, ended the call");
  // A per-call budget overrides the client's.
  const answered = await slow.getHello({}, { timeoutMs: 5000 });
  assert.equal(answered.status, 200);
});

test("a caller's abort rejects with its reason", async () => {
  const slow = createClient({ baseUrl, fetch: slowFetch(500), timeoutMs: 5000 });
  const controller = new AbortController();
  const call = slow.getHello({ name: "x" }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assert.rejects(call, (error) => error.name === "AbortError" && !(error instanceof BackworksError));
});

test("an unreachable service is a network BackworksError", async () => {
  const nowhere = createClient({ baseUrl: "http://127.0.0.1:9" });
  await assert.rejects(nowhere.getHello(), (error) => error instanceof BackworksError && error.kind === "network");
});
