// Type-checked by tests/tests/typed_client.rs (tsc --strict): every operation of
// hand-validated, whose request types come from what its handlers check by hand.
import { createClient } from "@hand-validated/client";

export async function consume(): Promise<void> {
  const client = createClient({ baseUrl: "http://127.0.0.1:3000" });
  const issues = await client.issuesGet({ status: "open", limit: "20", offset: "0" });
  if (issues.status === 200) void issues.data.total;
  // @ts-expect-error: the handler accepts only open, in_progress and done
  await client.issuesGet({ status: "closed" });
  const opened = await client.issuesPost({ body: { title: "Crash", priority: "high" } });
  if (opened.status === 201) void opened.data.title;
  if (opened.status === 422) void opened.data.message;
  // @ts-expect-error: the handler refuses a body without a title
  await client.issuesPost({ body: { priority: "low" } });
  // @ts-expect-error: unknown member of the body
  await client.issuesPost({ body: { title: "Crash", severity: 1 } });
  const issue = await client.issueGet({ id: "1" });
  // @ts-expect-error: `data` is an error only once `status` says so
  void issue.data.message;
  if (issue.status === 404) void issue.data.message;
  // @ts-expect-error: the id is required
  await client.issueGet({});
  await client.issuePatch({ id: "1", body: { status: "done" } });
  // @ts-expect-error: the status must be one the handler lists
  await client.issuePatch({ id: "1", body: { status: "later" } });
  const removed = await client.issueDelete({ id: "1" });
  if (removed.status === 204) void removed.data;
  await client.comments({ id: "1", body: { author: "Ada", text: "Seen it" } });
  await client.labels({ id: "1", body: { labels: ["bug"] } });
  // @ts-expect-error: labels are a list
  await client.labels({ id: "1", body: { labels: "bug" } });
  const found = await client.search.orThrow({ q: "crash", limit: 3 });
  void found.count;
  // @ts-expect-error: q is required
  await client.search({ limit: 3 });
  await client.activity({ days: "7" });
  await client.activity();
  const converted = await client.convert({ hours: "16", unit: "days" });
  if (converted.status === 200) void converted.data.value;
  // @ts-expect-error: the unit must be days or weeks
  await client.convert({ hours: "16", unit: "months" });
  await client.settings({ body: { notify: true, theme: "dark", page_size: 20 } });
  // @ts-expect-error: notify is a boolean
  await client.settings({ body: { notify: "yes", theme: "dark", page_size: 20 } });
}
