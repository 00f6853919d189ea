// JSON refuses BigInts (V8's TypeError) unless a replacer converts them; structuredClone keeps
// them; util.inspect and util.format print them with their `n`.
const util = require("util");

function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

module.exports = function handler(req) {
  const order = { id: 9007199254740993n, items: [1n, 2n], total: 3 };
  const cloned = structuredClone(order);
  return {
    stringify: [
      attempt(() => JSON.stringify(1n)),
      attempt(() => JSON.stringify({ a: 1n })),
      attempt(() => JSON.stringify([0n])),
      attempt(() => JSON.stringify(order, (key, value) => (typeof value === "bigint" ? value.toString() : value))),
      attempt(() => JSON.stringify({ a: 5n }, ["b"])),
      attempt(() => JSON.stringify({ big: 1n, toJSON() { return "custom"; } })),
    ],
    parsedBack: attempt(() => BigInt(JSON.parse('{"id":"9007199254740993"}').id) === order.id),
    cloned: [typeof cloned.id, cloned.id === order.id, String(cloned.items[1]), cloned !== order],
    inspect: [
      util.inspect(123n),
      util.inspect(-0n),
      util.inspect([1n, -2n]),
      util.inspect({ a: 10n ** 20n }),
      util.inspect(new Map([[1n, 2n]])),
      util.inspect(new Set([3n])),
    ],
    format: [util.format("%s", 5n), util.format("%d", 7n), util.format("%i", 8n), util.format(9n, "x"), util.format("%j", 1)],
  };
};
