// A module without state awaiting timers: overlapping requests each see their own values, and
// the one that sleeps longer answers last with what it read first.
// @concurrent 40
// @request GET ?id=1&ms=150
// @request GET ?id=2&ms=10
// @request GET ?id=3&ms=60
export async function GET(req) {
  const id = Number(req.query_params.id);
  const ms = Number(req.query_params.ms);
  const steps = [`start ${id}`];
  await new Promise((resolve) => setTimeout(resolve, ms));
  steps.push(`slept ${ms}`);
  await null;
  steps.push("after a microtask");
  return { id, steps };
}
