// `class X extends EventEmitter` (its own state and methods next to the emitter's), module
// state holding an emitter across requests, and `events.once` resolving with the event's
// arguments or rejecting on an earlier `error`.
// @request GET
// @request GET
const events = require("node:events");

class Job extends events.EventEmitter {
  constructor(name) {
    super();
    this.name = name;
    this.done = false;
  }
  finish(result) {
    this.done = true;
    return this.emit("finished", this.name, result);
  }
}

const bus = new events();
let calls = 0;
bus.on("request", () => calls++);

module.exports = async () => {
  bus.emit("request");
  const log = [];
  const job = new Job("build");
  job.on("finished", function (name, result) {
    log.push([name, result, this === job, this.done]);
  });
  log.push(job.finish("ok"), Object.keys(job), job instanceof events, job instanceof Job);

  const ready = new events.EventEmitter();
  setTimeout(() => ready.emit("ready", 1, 2), 1);
  log.push(await events.once(ready, "ready"));
  setTimeout(() => ready.emit("error", new Error("failed first")), 1);
  try {
    await events.once(ready, "ready");
  } catch (error) {
    log.push(error.message, ready.listenerCount("ready"), ready.listenerCount("error"));
  }
  log.push(calls);
  return log;
};
