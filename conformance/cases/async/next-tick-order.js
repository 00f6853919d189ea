// `process.nextTick` against promise jobs: a handler runs inside a promise job in Node's
// server, so the microtasks queued so far run first, then every tick (and the ticks they
// queue), then the microtasks the ticks queued. Arguments are passed to the callback.
// @request GET
module.exports = async function handler() {
  const order = [];
  process.nextTick(() => order.push("tick 1"));
  Promise.resolve().then(() => {
    order.push("promise 1");
    process.nextTick(() => order.push("tick from promise"));
  });
  queueMicrotask(() => order.push("microtask"));
  process.nextTick(
    (a, b) => {
      order.push(`tick 2 ${a} ${b}`);
      Promise.resolve().then(() => order.push("promise from tick"));
      process.nextTick(() => order.push("tick from tick"));
    },
    "x",
    "y",
  );
  order.push("sync");
  await new Promise((resolve) => process.nextTick(resolve));
  order.push("after await");
  await null;
  order.push("end");
  return order;
};
