// The waiting workload: each request awaits 20 ms of timer I/O before it answers, so a server
// that queued requests behind each other would serve far fewer than 64 / 0.02 s per second.
module.exports = async function handler(req) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { body: { waited: 20 } };
};
