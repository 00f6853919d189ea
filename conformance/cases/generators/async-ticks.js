// The microtask order of async generators against plain promise chains, tick for tick.
export default async function handler(req) {
  const log = [];
  const ticker = (n) => {
    let p = Promise.resolve();
    for (let i = 1; i <= n; i++) p = p.then(() => log.push(`tick ${i}`));
    return p;
  };

  async function* g() {
    log.push("g start");
    yield 1;
    log.push("g after 1");
    const v = await Promise.resolve("awaited");
    log.push(`g ${v}`);
    yield 2;
    log.push("g end");
  }
  const it = g();
  const done1 = it.next().then((r) => log.push(`r1 ${r.value}`));
  const done2 = it.next().then((r) => log.push(`r2 ${r.value}`));
  const done3 = it.next().then((r) => log.push(`r3 ${r.done}`));
  await Promise.all([ticker(8), done1, done2, done3]);

  log.push("---");
  async function* h() {
    yield "a";
    yield Promise.resolve("b");
  }
  const consumer = (async () => {
    for await (const x of h()) log.push(`got ${x}`);
    log.push("loop done");
  })();
  await Promise.all([ticker(10), consumer]);

  log.push("---");
  const syncLoop = (async () => {
    for await (const x of [Promise.resolve("p"), "q"]) log.push(`sync ${x}`);
  })();
  await Promise.all([ticker(6), syncLoop]);
  return log;
}
