// async function*, for await over async generators, async iterables, arrays of promises,
// return() on break, and the order in which the body and its consumers interleave.
const order = [];

async function* pages(count) {
  for (let page = 1; page <= count; page++) {
    order.push(`load ${page}`);
    const items = await Promise.resolve([page * 10, page * 10 + 1]);
    yield items;
  }
  return "no more pages";
}

async function* guarded() {
  try {
    yield "a";
    yield "b";
  } finally {
    order.push("guarded cleanup");
  }
}

const ticker = {
  [Symbol.asyncIterator]() {
    let n = 0;
    return {
      next: () => Promise.resolve(n < 3 ? { value: n++, done: false } : { value: undefined, done: true }),
      return: () => {
        order.push("ticker closed");
        return Promise.resolve({ done: true });
      },
    };
  },
};

class Feed {
  constructor(items) {
    this.items = items;
  }
  async *[Symbol.asyncIterator]() {
    for (const item of this.items) yield await item;
  }
}

function attempt(f) {
  return f().then(
    (v) => v,
    (e) => `${e.name}: ${e.message}`,
  );
}

module.exports = async function handler(req) {
  order.length = 0;
  const all = [];
  for await (const items of pages(3)) all.push(...items);

  const it = pages(2);
  order.push("created");
  const p1 = it.next();
  order.push("after next()");
  const r1 = await p1;
  const rest = [await it.next(), await it.next(), await it.next()];

  const firstOnly = [];
  for await (const x of guarded()) {
    firstOnly.push(x);
    break;
  }

  const ticks = [];
  for await (const t of ticker) {
    if (t === 1) break;
    ticks.push(t);
  }

  const awaited = [];
  for await (const v of [Promise.resolve("p1"), "plain", Promise.resolve("p2")]) awaited.push(v);

  const fed = [];
  for await (const v of new Feed([Promise.resolve(1), 2])) fed.push(v);

  const g = guarded();
  const returned = [await g.next(), await g.return("stop"), await g.next()];
  const thrower = guarded();
  const thrown = await attempt(() => thrower.throw(new Error("before start")));

  const failing = (async function* () {
    yield 1;
    throw new RangeError("page failed");
  })();
  const failures = [await failing.next(), await attempt(() => failing.next()), await failing.next()];

  return {
    all,
    r1,
    rest,
    firstOnly,
    ticks,
    awaited,
    fed,
    returned,
    thrown,
    failures,
    promiseAll: await Promise.all((function* () {
      yield 1;
      yield Promise.resolve(2);
    })()),
    notAsyncIterable: await attempt(async () => {
      for await (const x of 5);
    }),
    tags: [Object.prototype.toString.call(it), typeof it[Symbol.asyncIterator], it[Symbol.asyncIterator]() === it, typeof it[Symbol.iterator]],
    syncLoop: await attempt(async () => {
      for (const x of pages(1));
    }),
    order,
  };
};
