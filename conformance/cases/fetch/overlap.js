// Requests to one stateful module overlap while one awaits `fetch`: the slow upstream call
// (400 ms) starts first, the quick requests arrive 100 ms apart and finish meanwhile, so the
// slow request sees them all when its answer comes; the last GET sees the final order.
// @concurrent 100
// @request POST {"ms": 400}
// @request GET
// @request GET
// @then
// @request GET
const log = [];
const base = process.env.CONFORMANCE_UPSTREAM;

export async function POST(req) {
  log.push("slow: sent");
  const response = await fetch(`${base}/slow?ms=${req.body.ms}`);
  const text = await response.text();
  log.push(`slow: ${text}`);
  return { text, seen: [...log] };
}

export function GET() {
  log.push("quick");
  return { seen: [...log] };
}
