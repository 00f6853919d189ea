// Timers fire in order of expiry, then of creation; a delay of 0, none or below 1 is 1 ms;
// extra arguments reach the callback; a cleared timeout never fires; an interval ticks until
// cleared. Synchronous code and microtasks come first.
module.exports = async function () {
  const log = [];
  await new Promise((done) => {
    setTimeout(() => log.push("10ms"), 10);
    setTimeout(() => log.push("1ms"), 1);
    setTimeout(() => log.push("0ms"), 0);
    setTimeout(() => log.push("no delay"));
    setTimeout(() => log.push("negative"), -5);
    setTimeout(() => log.push("not a number"), "soon");
    const cancelled = setTimeout(() => log.push("cancelled"), 5);
    clearTimeout(cancelled);
    clearTimeout(cancelled);
    clearTimeout(undefined);
    clearTimeout(42);
    setTimeout((a, b) => log.push(`args ${a} ${b}`), 3, "x", 42);
    let ticks = 0;
    const interval = setInterval(() => {
      ticks++;
      log.push(`tick ${ticks}`);
      if (ticks === 3) {
        clearInterval(interval);
        setTimeout(done, 40);
      }
    }, 25);
    Promise.resolve().then(() => log.push("microtask"));
    log.push("sync");
  });
  return log;
};
