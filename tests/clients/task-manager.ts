// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of task-manager.
import { createClient } from "@task-manager/client";
import type { Task } from "@task-manager/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3000" });
  await client.stats.orThrow();
  const page = await client.tasks.list({ filter: { done: { eq: false }, priority: { in: ["high", "normal"] } }, order: [["created_at", "desc"]] });
  if (page.status === 200) {
    const tasks: Task[] = page.data.items;
    void tasks;
  }
  // @ts-expect-error: done is a boolean
  await client.tasks.list({ filter: { done: { eq: "no" } } });
  const task: Task = await client.tasks.create.orThrow({ title: "t", priority: "low" });
  await client.tasks.get(task.id);
  await client.tasks.update(task.id, { done: true });
  await client.tasks.replace(task.id, { title: "u" });
  await client.tasks.delete(task.id);
  // @ts-expect-error: not a priority
  await client.tasks.create({ title: "t", priority: "urgent" });
  await client.listTasks({ done: "eq.true" });
  await client.createTask({ body: { title: "t" } });
  await client.getTask({ id: 1 });
  await client.updateTask({ id: 1, body: { done: true } });
  await client.replaceTask({ id: 1, body: { title: "t" } });
  await client.deleteTask({ id: 1 });
}
