// Run by tests/tests/typed_client.rs with node's test runner against blog-api's live server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "@blog-api/client";

const client = createClient({ baseUrl: process.env.BASE_URL });

test("every operation of blog-api through the client", async () => {
  const posts = await client.posts.orThrow();
  assert.equal(posts.total, posts.posts.length);
  assert.ok(posts.total > 0);
  const id = String(posts.posts[0].id);
  const post = await client.post({ id });
  assert.equal(post.status, 200);
  const missing = await client.post({ id: "no-such-post" });
  assert.equal(missing.status, 404);
  const before = await client.commentsGet.orThrow({ id });
  const added = await client.commentsPost({ id, body: { author: "Ada", text: "From the client" } });
  assert.equal(added.status, 201);
  assert.equal(added.data.text, "From the client");
  const after = await client.commentsGet.orThrow({ id, per_page: 50 });
  assert.equal(after.total, before.total + 1);
  const refused = await client.commentsGet({ id, page: 0 });
  assert.equal(refused.status, 400);
  const found = await client.search({ q: posts.posts[0].title.split(" ")[0], limit: 5 });
  assert.equal(found.status, 200);
  assert.ok(found.data.count >= 1);
  assert.equal((await client.search({ q: "" })).status, 400);
  assert.ok(Array.isArray(await client.authors.orThrow()));
});
