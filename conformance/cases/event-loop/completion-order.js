// Per-method handlers of one stateful module share its state while they overlap: a write that
// awaits longer lands later, and a read in between sees neither (POST a sleeps 200 ms, the
// GET comes 50 ms later, POST b 100 ms later and sleeps 0).
// @concurrent 50
// @request POST {"item": "a", "ms": 200}
// @request GET
// @request POST {"item": "b", "ms": 0}
// @then
// @request GET
const items = [];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function POST(req) {
  const { item, ms } = req.body;
  const before = items.length;
  await sleep(ms);
  items.push(item);
  return { status: 201, body: { item, before, items: [...items] } };
}

export async function GET() {
  return { items: [...items] };
}
