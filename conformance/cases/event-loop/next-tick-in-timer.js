// `process.nextTick` inside a timer's callback (a macrotask): Node runs the ticks before the
// promise jobs the callback queued; inside a promise job, after them.
module.exports = async function () {
  const order = [];
  await new Promise((resolve) => {
    setTimeout(() => {
      Promise.resolve().then(() => {
        order.push("promise");
        process.nextTick(() => order.push("tick from promise"));
        Promise.resolve().then(() => order.push("promise from promise"));
      });
      process.nextTick(() => order.push("tick"));
      queueMicrotask(() => order.push("microtask"));
      order.push("timer");
      setTimeout(resolve, 5);
    }, 5);
  });
  return order;
};
