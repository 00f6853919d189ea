// Microtask ordering: synchronous code, then awaited continuations in order.
module.exports = async () => {
  const log = [];
  const task = async (name) => { log.push(`${name} start`); await null; log.push(`${name} resumed`); return name; };
  const a = task("a");
  const b = task("b");
  log.push("sync end");
  Promise.resolve().then(() => log.push("then1")).then(() => log.push("then2"));
  await Promise.all([a, b]);
  log.push("after all");
  await null;
  return log;
};
