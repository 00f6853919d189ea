// yield* inside async generators: over async generators, async iterables and sync
// iterables (whose promises are awaited), with values sent in, return() and throw().
const log = [];

async function* inner() {
  try {
    const got = yield "inner 1";
    log.push(`inner got ${got}`);
    yield await Promise.resolve("inner 2");
    return "inner result";
  } finally {
    log.push("inner cleanup");
  }
}

async function* outer() {
  const result = yield* inner();
  yield `result ${result}`;
  yield* [Promise.resolve("from array"), "plain"];
  yield* {
    [Symbol.asyncIterator]() {
      let n = 0;
      return { next: async () => (n < 2 ? { value: `custom ${n++}`, done: false } : { done: true }) };
    },
  };
}

async function collect(iterable) {
  const out = [];
  for await (const x of iterable) out.push(x);
  return out;
}

function settle(p) {
  return p.then(
    (v) => v,
    (e) => `${e.name}: ${e.message}`,
  );
}

module.exports = async function handler(req) {
  log.length = 0;
  const o = outer();
  const first = [await o.next(), await o.next("sent")];
  const rest = await collect(o);

  const r = outer();
  await r.next();
  const returned = [await r.return("stopped"), await r.next()];

  const t = outer();
  await t.next();
  const thrown = await settle(t.throw(new Error("into inner")));

  const noThrow = (async function* () {
    yield* { [Symbol.asyncIterator]: () => ({ next: async () => ({ value: 1, done: false }) }) };
  })();
  await noThrow.next();

  return {
    first,
    rest,
    returned,
    thrown,
    withoutThrowMethod: await settle(noThrow.throw(new Error("x"))),
    notIterable: await settle((async function* () { yield* 5; })().next()),
    log,
  };
};
