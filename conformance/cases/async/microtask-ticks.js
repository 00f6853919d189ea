// How many microtask ticks each form takes, observed through interleaving with a
// then-chain: await on a promise, on a value, on a thenable; returning a promise from an
// async function or a then callback; finally; Promise.all and race; queueMicrotask.
module.exports = async () => {
  const log = [];
  const ticker = (label, n) => {
    let p = Promise.resolve();
    for (let i = 1; i <= n; i++) p = p.then(() => log.push(`${label}${i}`));
    return p;
  };
  const awaitPromise = async () => { await Promise.resolve(); log.push("awaitPromise"); };
  const awaitValue = async () => { await 7; log.push("awaitValue"); };
  const awaitThenable = async () => { await { then(r) { r(1); } }; log.push("awaitThenable"); };
  const returnsPromise = async () => Promise.resolve("x");
  const chained = Promise.resolve().then(() => Promise.resolve("y"));

  const t = ticker("t", 6);
  awaitPromise();
  awaitValue();
  awaitThenable();
  returnsPromise().then(() => log.push("returnsPromise"));
  chained.then(() => log.push("chained"));
  Promise.resolve("f").finally(() => log.push("finally-cb")).then(() => log.push("finally-after"));
  Promise.all([1, Promise.resolve(2)]).then(() => log.push("all"));
  Promise.race([new Promise(() => {}), Promise.resolve(3)]).then((v) => log.push(`race${v}`));
  queueMicrotask(() => log.push("queued"));
  new Promise((resolve) => { log.push("executor"); resolve(); }).then(() => log.push("executor-then"));
  await t;
  return log;
};
