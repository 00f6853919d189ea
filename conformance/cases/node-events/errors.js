// The `error` event: thrown when no listener handles it — the Error itself, or Node's
// ERR_UNHANDLED_ERROR naming the value — handled by a listener otherwise; the listener and
// `setMaxListeners` argument errors. The second request lets an `error` event escape:
// deliberate 500.
// @request GET
// @request GET ?escape=1
import { EventEmitter } from "node:events";

export default function handler(req) {
  const emitter = new EventEmitter();
  if (req.query_params.escape) {
    emitter.emit("error", new RangeError("nobody listens"));
  }
  const out = [];
  for (const value of [undefined, "boom", { a: 1 }, 42, new TypeError("typed")]) {
    try {
      emitter.emit("error", value);
    } catch (error) {
      out.push([error.name, error.code, error.message, String(error), Object.keys(error), error.context === value, error === value]);
    }
  }
  const handled = new EventEmitter();
  handled.on("error", (error) => out.push(`handled ${error}`));
  out.push(handled.emit("error", "x"));
  for (const run of [() => emitter.on("x", 1), () => emitter.once("x", "f"), () => emitter.setMaxListeners(-1), () => emitter.setMaxListeners("a"), () => emitter.off("x", null)]) {
    try {
      run();
    } catch (error) {
      out.push([error.name, error.code, error.message, String(error)]);
    }
  }
  return out;
}
