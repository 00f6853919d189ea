// randomBytes with a callback: bytes drawn from the frozen generator, delivered after the
// current job; a non-function callback throws at once.
const { randomBytes } = require("node:crypto");

module.exports = async () => {
  const order = [];
  const bytes = await new Promise((resolve) => {
    randomBytes(5, (error, buffer) => {
      order.push("callback");
      resolve([error, Buffer.isBuffer(buffer), buffer.length, buffer.toString("hex")]);
    });
    order.push("sync");
  });
  let thrown;
  try {
    randomBytes(4, "x");
  } catch (e) {
    thrown = `${e.name}: ${e.message} (${e.code})`;
  }
  return { order, bytes, thrown };
};
