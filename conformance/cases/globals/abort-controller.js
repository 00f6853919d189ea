// `AbortController` and `AbortSignal`: listeners (added twice counts once, `once`, removed),
// `onabort` in its place among them, the event, `aborted`/`reason`/`throwIfAborted`, the
// AbortError DOMException, a second `abort` ignored, a custom reason, `AbortSignal.abort`,
// `AbortSignal.timeout` with a timer, and the constructor and argument errors.
export async function GET() {
  const log = [];
  const controller = new AbortController();
  const signal = controller.signal;
  const first = (event) => log.push(["first", event.type, event.target === signal, signal.aborted]);
  signal.addEventListener("abort", first);
  signal.addEventListener("abort", first);
  signal.onabort = (event) => log.push(["onabort", event.type]);
  signal.addEventListener(
    "abort",
    function (event) {
      log.push(["once", this === signal]);
    },
    { once: true },
  );
  const gone = () => log.push("removed listener ran");
  signal.addEventListener("abort", gone);
  signal.removeEventListener("abort", gone);
  log.push(signal.aborted, signal.reason === undefined, Object.keys(controller), Object.keys(signal), typeof signal.onabort);
  signal.throwIfAborted();
  controller.abort();
  const reason = signal.reason;
  log.push(signal.aborted, reason.name, reason.message, reason.code, reason instanceof Error, String(reason), Object.keys(reason));
  controller.abort("again");
  log.push(signal.reason === reason);
  try {
    signal.throwIfAborted();
  } catch (error) {
    log.push(["thrown", error === reason]);
  }
  const custom = new AbortController();
  custom.abort({ why: "custom" });
  log.push(custom.signal.reason, AbortSignal.abort("early").reason, AbortSignal.abort().reason.name);
  for (const attempt of [() => new AbortSignal(), () => AbortSignal.timeout("soon")]) {
    try {
      attempt();
    } catch (error) {
      log.push([error.name, error.code, error.message]);
    }
  }
  const timed = AbortSignal.timeout(5);
  log.push(timed.aborted, typeof AbortController, typeof AbortSignal.timeout);
  await new Promise((resolve) => timed.addEventListener("abort", resolve));
  log.push(timed.aborted, timed.reason.name, timed.reason.message, timed.reason.code);
  return log;
}
