// A plain script: a top-level `function handler` is the handler.
const GREETING = "hello";
function shout(s) {
  return s.toUpperCase() + "!";
}
function handler(req, ctx) {
  return { message: shout(GREETING), method: req.method, hasLog: typeof ctx.log, hasEnv: typeof ctx.env };
}
