// Module state changed before and after an `await`, by requests that overlap: `a` sleeps
// 200 ms, `b` starts 60 ms later and sleeps 50 ms, so `b` finishes inside `a`'s wait.
// @concurrent 60
// @request GET ?name=a&ms=200
// @request GET ?name=b&ms=50
// @then
// @request GET ?name=c&ms=0
const events = [];
let started = 0;
let finished = 0;

export async function GET(req) {
  const { name, ms } = req.query_params;
  started++;
  events.push(`${name} start (started=${started}, finished=${finished})`);
  await new Promise((resolve) => setTimeout(resolve, Number(ms)));
  finished++;
  events.push(`${name} end (started=${started}, finished=${finished})`);
  return { name, started, finished, events: [...events] };
}
