// Aborting a fetch (deliberate rejections, caught): a signal aborted before the call, a custom
// reason, `AbortSignal.timeout` against the slow upstream, `AbortSignal.abort()`, aborting
// while the request is in flight, and a timeout that does not fire before the answer.
const base = process.env.CONFORMANCE_UPSTREAM;

function describe(error) {
  if (!(error instanceof Error)) {
    return ["non-error", String(error)];
  }
  return [error.name, error.message, error.code ?? null, error instanceof Error];
}

async function attempt(init, path = "/slow?ms=1500") {
  try {
    const response = await fetch(`${base}${path}`, init);
    return ["resolved", await response.text()];
  } catch (error) {
    return describe(error);
  }
}

export default async function () {
  const before = new AbortController();
  before.abort();
  const custom = new AbortController();
  custom.abort("stop now");
  const during = new AbortController();
  setTimeout(() => during.abort(), 30);
  return {
    before: await attempt({ signal: before.signal }),
    custom: await attempt({ signal: custom.signal }),
    timeout: await attempt({ signal: AbortSignal.timeout(40) }),
    aborted: await attempt({ signal: AbortSignal.abort() }),
    during: await attempt({ signal: during.signal }),
    inTime: await attempt({ signal: AbortSignal.timeout(5000) }, "/slow?ms=10"),
  };
}
