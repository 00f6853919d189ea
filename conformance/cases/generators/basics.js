// Generator functions: next/done semantics, values sent in, return values, laziness.
function* counter(limit) {
  let n = 0;
  while (n < limit) {
    const sent = yield n;
    n += sent === undefined ? 1 : sent;
  }
  return "finished";
}

function* naturals() {
  let n = 1;
  while (true) yield n++;
}

function* empty() {}

const log = [];
function* traced() {
  log.push("start");
  yield 1;
  log.push("after 1");
  yield 2;
  log.push("end");
}

module.exports = function handler(req) {
  const c = counter(10);
  const steps = [c.next("ignored"), c.next(), c.next(5), c.next(10), c.next(), c.next()];

  const firstFive = [];
  for (const n of naturals()) {
    if (n > 5) break;
    firstFive.push(n);
  }

  log.length = 0;
  const t = traced();
  const beforeNext = log.slice();
  t.next();
  const afterFirst = log.slice();
  const rest = [...t];

  const e = empty();
  return {
    steps,
    firstFive,
    lazy: { beforeNext, afterFirst, rest, log },
    spread: [...counter(3)],
    arrayFrom: Array.from(counter(4), (x) => x * 10),
    destructured: (() => {
      const [a, , b] = naturals();
      return [a, b];
    })(),
    empty: [e.next(), e.next()],
    types: [typeof counter, typeof c, typeof c.next, Object.prototype.toString.call(c), String(c)],
    iterableItself: c[Symbol.iterator]() === c,
    setFrom: [...new Set(counter(4))],
    mapFrom: Object.fromEntries(new Map((function* () { yield ["a", 1]; yield ["b", 2]; })())),
  };
};
