// Counts by priority. `Record<Priority, number>` lists the three keys, `… | null` is an
// `anyOf`, and `Date` is sent as an ISO 8601 string (`format: date-time`).
const store = require("./store");

type Priority = "low" | "normal" | "high";

interface Stats {
  total: number;
  by_priority: Record<Priority, number>;
  /** The newest note, if there is one. */
  newest: { id: number; title: string } | null;
  generated_at: Date;
}

export default function handler(): Stats {
  const by_priority = { low: 0, normal: 0, high: 0 };
  let newest: { id: number; title: string } | null = null;
  for (const note of store.notes) {
    by_priority[note.priority as Priority] += 1;
    if (newest === null || note.id > newest.id) {
      newest = { id: note.id, title: note.title };
    }
  }
  return { total: store.notes.length, by_priority, newest, generated_at: new Date() };
}
