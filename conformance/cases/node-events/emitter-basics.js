// EventEmitter: `on`/`addListener`, `prependListener`, `once`, `prependOnceListener`, `emit`'s
// return value and listener order, `this` in listeners, `off`, `removeAllListeners`,
// `listeners`/`rawListeners`/`listenerCount`/`eventNames`, `newListener` and
// `removeListener` events, and the emitter's own keys as JSON shows them.
const EventEmitter = require("events");

module.exports = function handler() {
  const log = [];
  const emitter = new EventEmitter();
  log.push(Object.keys(emitter), JSON.stringify(emitter));
  const a = (x) => log.push(`a${x}`);
  const b = (x) => log.push(`b${x}`);
  emitter.on("newListener", (type, listener) => log.push(`new ${type} ${listener === a}`));
  emitter.on("removeListener", (type, listener) => log.push(`removed ${type} ${listener === a}`));
  emitter.on("x", a);
  emitter.prependListener("x", b);
  emitter.once("x", a);
  emitter.prependOnceListener("x", b);
  log.push(
    emitter.listenerCount("x"),
    emitter.listeners("x").map((f) => (f === a ? "a" : "b")),
    emitter.rawListeners("x").length,
    emitter.eventNames(),
    JSON.stringify(emitter),
  );
  log.push(emitter.emit("x", 1), emitter.emit("x", 2), emitter.emit("nothing"));
  emitter.off("x", a);
  log.push(emitter.listenerCount("x"), JSON.stringify(emitter));
  emitter.removeListener("x", () => {});
  emitter.removeAllListeners("x");
  log.push(emitter.eventNames());
  emitter.removeAllListeners();
  log.push(emitter.eventNames(), JSON.stringify(emitter));

  const same = new EventEmitter();
  const f = () => {};
  same.on("y", f);
  same.addListener("y", f);
  same.removeListener("y", f);
  log.push(same.listenerCount("y"), same.listenerCount("y", f));
  const self = new EventEmitter();
  self.on("who", function () {
    log.push(this === self);
  });
  self.emit("who");
  log.push(self.getMaxListeners(), self.setMaxListeners(3) === self, self.getMaxListeners());
  log.push(EventEmitter.defaultMaxListeners, EventEmitter.EventEmitter === EventEmitter);
  return log;
};
