// Run by tests/tests/typed_client.rs with node's test runner. The service (from
// tests/fixtures/clients/api-keys) is played by a Node server that records what it receives:
// the behaviour under test is what the client sends.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { test } from "node:test";
import { createClient } from "@keyed/client";

async function recording() {
  const received = [];
  const server = createServer((request, response) => {
    received.push({ path: request.url, key: request.headers["x-keyed-key"] ?? null, authorization: request.headers.authorization ?? null });
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ key: request.headers["x-keyed-key"] ?? null }));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { received, server, baseUrl: `http://127.0.0.1:${server.address().port}` };
}

test("the key goes in the declared header, to protected operations only", async () => {
  const { received, server, baseUrl } = await recording();
  try {
    let asked = 0;
    const client = createClient({ baseUrl, auth: { apiKey: async () => (asked++, "key-1") } });
    assert.deepEqual(await client.whoami.orThrow(), { key: "key-1" });
    assert.deepEqual(await client.open.orThrow(), { key: null });
    assert.equal(asked, 1);
    assert.deepEqual(received, [
      { path: "/whoami", key: "key-1", authorization: null },
      { path: "/open", key: null, authorization: null },
    ]);
  } finally {
    server.close();
  }
});
