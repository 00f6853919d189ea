// After each timer callback the microtask queue drains before the next timer runs (Node 11+),
// and a timer set inside a callback waits for a later turn of the loop.
module.exports = async function () {
  const log = [];
  await new Promise((done) => {
    setTimeout(() => {
      log.push("timer 1");
      Promise.resolve().then(() => log.push("then from timer 1"));
      queueMicrotask(() => log.push("microtask from timer 1"));
    }, 5);
    setTimeout(() => {
      log.push("timer 2");
      setTimeout(() => {
        log.push("nested timer");
        done();
      }, 0);
      Promise.resolve().then(() => log.push("then from timer 2"));
    }, 5);
    (async () => {
      log.push("async start");
      await null;
      log.push("async after await");
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.push("async after timer");
    })();
  });
  return log;
};
