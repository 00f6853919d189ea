// Property descriptors in sloppy code: writes to read-only properties and getter-only
// accessors are ignored, and `delete` of a non-configurable property answers false;
// `Object.create`'s descriptors.
// @request GET
module.exports = function handler() {
  const config = {};
  Object.defineProperty(config, "version", { value: "1.0", enumerable: true });
  config.version = "2.0";
  const removed = delete config.version;
  const clock = Object.defineProperty({}, "tick", { get: () => 1, enumerable: true });
  clock.tick = 5;
  const counter = { count: 0 };
  Object.defineProperty(counter, "next", {
    get() {
      this.count += 1;
      return this.count;
    },
  });
  counter.next;
  counter.next;
  const loose = Object.defineProperty({}, "open", { value: 1, writable: true, configurable: true });
  loose.open = 2;
  const looseRemoved = delete loose.open;
  const created = Object.create(
    { inherited: true },
    { shown: { value: 1, enumerable: true }, hidden: { value: 2 }, computed: { get: () => 3, enumerable: true } },
  );
  return {
    created: [Object.keys(created), created.hidden, created.inherited, JSON.stringify(created)],
    version: config.version,
    removed,
    tick: clock.tick,
    clock,
    count: counter.count,
    keys: Object.keys(counter),
    loose: [looseRemoved, "open" in loose],
  };
};
