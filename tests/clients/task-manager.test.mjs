// Run by tests/tests/typed_client.rs with node's test runner against task-manager's live server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "@task-manager/client";

const client = createClient({ baseUrl: process.env.BASE_URL });

test("every operation of task-manager through the client", async () => {
  const a = await client.tasks.create.orThrow({ title: "Client A", priority: "high" });
  const b = await client.createTask.orThrow({ body: { title: "Client B", priority: "low", done: true } });
  const open = await client.tasks.list.orThrow({ filter: { done: { eq: false }, title: { like: "Client*" } } });
  assert.deepEqual(open.items.map((task) => task.id), [a.id]);
  const done = await client.listTasks.orThrow({ done: "eq.true", title: "like.Client*" });
  assert.deepEqual(done.items.map((task) => task.id), [b.id]);
  assert.equal((await client.tasks.get.orThrow(a.id)).title, "Client A");
  assert.equal((await client.getTask.orThrow({ id: b.id })).title, "Client B");
  assert.equal((await client.tasks.update.orThrow(a.id, { done: true })).done, true);
  assert.equal((await client.updateTask.orThrow({ id: b.id, body: { done: false } })).done, false);
  assert.equal((await client.tasks.replace.orThrow(a.id, { title: "A2" })).title, "A2");
  assert.equal((await client.replaceTask.orThrow({ id: b.id, body: { title: "B2" } })).title, "B2");
  assert.equal((await client.stats()).status, 200);
  assert.equal((await client.tasks.delete(a.id)).status, 204);
  assert.equal((await client.deleteTask({ id: b.id })).status, 204);
  assert.equal((await client.tasks.get(a.id)).status, 404);
  assert.equal((await client.tasks.create({ title: "" })).status, 400);
});
