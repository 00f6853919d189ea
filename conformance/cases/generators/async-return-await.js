// An async generator's return(value) awaits the value: at a suspended yield (a rejection is
// thrown there, where a catch can handle it), before the body starts, and once it is done.
// @request GET
export default async function handler() {
  const log = [];
  async function* guarded() {
    try {
      yield "a";
      yield "b";
    } catch (error) {
      log.push(`caught ${error.message}`);
      yield "recovered";
    } finally {
      log.push("finally");
    }
  }

  const g = guarded();
  const out = {};
  out.first = await g.next();
  out.returned = await g.return(Promise.resolve("from promise"));
  out.afterDone = await g.next();
  out.returnWhenDone = await g.return(Promise.resolve("late"));

  const h = guarded();
  await h.next();
  out.rejected = await h.return(Promise.reject(new Error("no")));
  out.rest = [await h.next(), await h.next()];

  out.notStarted = await guarded().return(Promise.resolve(5));
  out.notStartedPlain = await guarded().return(6);
  try {
    await guarded().return(Promise.reject(new Error("refused")));
    out.notStartedRejected = "resolved";
  } catch (error) {
    out.notStartedRejected = `rejected ${error.message}`;
  }
  const thenable = { then: (resolve) => resolve("thenable value") };
  out.thenable = await guarded().return(thenable);

  async function* delegating() {
    try {
      yield* guarded();
    } finally {
      log.push("outer finally");
    }
  }
  const d = delegating();
  await d.next();
  out.delegated = await d.return(Promise.resolve("through yield*"));

  const order = [];
  const tick = (n) => {
    let p = Promise.resolve();
    for (let i = 1; i <= n; i++) p = p.then(() => order.push(`tick ${i}`));
    return p;
  };
  const o = guarded();
  await o.next();
  const ret = o.return(Promise.resolve("r")).then((r) => order.push(`return ${r.value}`));
  await Promise.all([tick(6), ret]);
  out.order = order;
  out.log = log;
  return out;
}
