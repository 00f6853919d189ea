// @request POST {"job": "a"}
// @request POST {"job": "b"}
// @request GET
const processed = [];
let pending = Promise.resolve();
function enqueue(job) {
  pending = pending.then(async () => {
    await null;
    processed.push(job.toUpperCase());
  });
  return pending;
}
exports.POST = async (req) => {
  await enqueue(req.body.job);
  return { status: 202, body: { queued: req.body.job, processed: processed.length } };
};
exports.GET = () => ({ processed });
