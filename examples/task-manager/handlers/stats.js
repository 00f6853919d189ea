// A second module: it keeps its own counter, separate from the tasks module's state.
let requests = 0;

export default function stats(req, ctx) {
  requests += 1;
  ctx.log(`stats requested ${requests} time(s)`);
  return {
    body: { requests, uptimeHint: "counts reset when the server restarts" },
  };
}
