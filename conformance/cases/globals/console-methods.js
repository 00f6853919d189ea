// Console output goes to the server log, not the response.
exports.handler = (req, ctx) => {
  console.log("log", 1, { a: 1 });
  console.info("info");
  console.warn("warn");
  console.error("error", new Error("logged, not thrown").message);
  ctx.log("via ctx.log");
  return { logged: true, consoleLogReturns: console.log("x") === undefined };
};
