// `queueMicrotask`: its order among promise jobs and `process.nextTick` ticks, microtasks
// queued by microtasks, arguments it ignores, its return value, and Node's ERR_INVALID_ARG_TYPE
// (with its `code`) for a callback that is not a function, as timers and `nextTick` give it.
module.exports = async function handler() {
  const order = [];
  const returned = queueMicrotask(() => order.push("micro 1"));
  Promise.resolve().then(() => order.push("promise 1"));
  process.nextTick(() => order.push("tick 1"));
  queueMicrotask(() => {
    order.push("micro 2");
    queueMicrotask(() => order.push("micro from micro"));
    process.nextTick(() => order.push("tick from micro"));
    Promise.resolve().then(() => order.push("promise from micro"));
  });
  queueMicrotask((...args) => order.push(["micro args", args.length]), "ignored");
  order.push("sync");
  await new Promise((resolve) => setTimeout(resolve, 1));
  const errors = [];
  for (const value of [undefined, "f", { call() {} }, null, 3]) {
    try {
      queueMicrotask(value);
    } catch (error) {
      errors.push([error.name, error.code, error.message, Object.keys(error)]);
    }
  }
  for (const attempt of [() => setTimeout("code", 1), () => process.nextTick(42)]) {
    try {
      attempt();
    } catch (error) {
      errors.push([error.name, error.code, error.message]);
    }
  }
  return { order, returned: returned === undefined, errors };
};
