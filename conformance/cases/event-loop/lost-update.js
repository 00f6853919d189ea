// Two requests to one stateful module interleave at `await`: both read the count before either
// writes it back, so one update is lost — in Node and in the compiled server alike (the second
// request starts 60 ms after the first, which sleeps 250 ms).
// @concurrent 60
// @request GET ?ms=250
// @request GET ?ms=0
// @then
// @request GET ?ms=0
let count = 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = async function (req) {
  const ms = Number(req.query_params.ms);
  const read = count;
  await sleep(ms);
  count = read + 1;
  return { read, count };
};
