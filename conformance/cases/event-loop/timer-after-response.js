// A timer left pending by a handler that has answered still fires, as in Node, and may change
// module state that a later request reads.
// @request GET ?op=schedule
// @request GET ?op=read
// @request GET ?op=read
let state = "initial";
let fired = 0;

module.exports = async function (req) {
  if (req.query_params.op === "schedule") {
    setTimeout(() => {
      fired++;
      state = "changed by a timer after the response";
    }, 50);
    return { state, fired };
  }
  await new Promise((resolve) => setTimeout(resolve, 150));
  return { state, fired };
};
