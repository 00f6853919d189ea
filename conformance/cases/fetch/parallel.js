// Several fetches of one request in flight at once: `Promise.all` keeps the argument order,
// completions arrive in the upstream's order (600 ms, 300 ms, at once), `Promise.race` takes
// the quickest and `Promise.allSettled` reports a refusal beside the answers.
const base = process.env.CONFORMANCE_UPSTREAM;

export async function GET() {
  const finished = [];
  const timed = (label, path) =>
    fetch(`${base}${path}`).then(async (response) => {
      const text = await response.text();
      finished.push(label);
      return [label, text];
    });
  const all = await Promise.all([timed("slowest", "/slow?ms=600"), timed("slow", "/slow?ms=300"), timed("now", "/text")]);
  const race = await Promise.race([fetch(`${base}/slow?ms=400`).then(() => "slow"), fetch(`${base}/json`).then(() => "json")]);
  const settled = await Promise.allSettled([
    fetch(`${base}/status/418`).then((response) => response.status),
    fetch("http://127.0.0.1:6000/").then((response) => response.status),
  ]);
  return {
    all,
    finished,
    race,
    settled: settled.map((entry) => (entry.status === "fulfilled" ? entry.value : [entry.reason.name, entry.reason.cause.message])),
  };
}
