// BigInt64Array and BigUint64Array: construction, element reads and writes (modulo 2^64),
// shared buffers, their methods, iteration, JSON, and V8's TypeErrors for numbers.
const util = require("util");

function attempt(f) {
  try {
    const value = f();
    return typeof value === "bigint" ? `${value}n` : value;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

const show = (array) => Array.from(array, (v) => `${v}`);

module.exports = function handler(req) {
  const signed = new BigInt64Array([1n, -1n, 2n ** 63n, -(2n ** 63n) - 1n]);
  const unsigned = new BigUint64Array(signed.buffer);
  const sized = new BigInt64Array(3);
  sized[0] = 5n;
  sized[1] = -7n;
  sized[2] = 2n ** 64n + 9n;
  sized[5] = 1n;
  const shared = new BigInt64Array(new ArrayBuffer(32), 8, 2);
  shared.fill(3n);
  const bytes = new Uint8Array(shared.buffer);
  const iterated = [];
  for (const value of sized) iterated.push(typeof value);
  return {
    signed: show(signed),
    unsigned: show(unsigned),
    sized: show(sized),
    outside: [sized[5], sized.length, sized.byteLength, sized.BYTES_PER_ELEMENT],
    sharedBytes: Array.from(bytes),
    typeofElement: typeof signed[0],
    iterated,
    spread: [...new BigUint64Array([7n, 8n])].map(String),
    methods: {
      at: attempt(() => signed.at(-3)),
      join: signed.join("|"),
      toString: String(unsigned.subarray(0, 2)),
      includes: [signed.includes(-1n), signed.includes(1), signed.indexOf(-1n), signed.lastIndexOf(1n), signed.indexOf(5n)],
      map: show(sized.map((v) => v * 2n)),
      filter: show(sized.filter((v) => v > 0n)),
      reduce: attempt(() => sized.reduce((sum, v) => sum + v)),
      reduceInitial: attempt(() => sized.reduce((sum, v) => sum + v, 100n)),
      some: sized.some((v) => v < 0n),
      every: sized.every((v) => v < 100n),
      find: attempt(() => sized.find((v) => v < 0n)),
      findIndex: sized.findIndex((v) => v === 9n),
      sorted: show(new BigInt64Array([3n, -10n, 2n, 0n]).sort()),
      sortedDesc: show(new BigInt64Array([3n, -10n, 2n, 0n]).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))),
      reversed: show(new BigUint64Array([1n, 2n, 3n]).reverse()),
      sliced: show(signed.slice(1, 3)),
      set: (() => {
        const target = new BigInt64Array(4);
        target.set([9n, 8n], 1);
        return show(target);
      })(),
      entries: [...new BigInt64Array([4n, 5n]).entries()].map(([i, v]) => `${i}:${v}`),
    },
    inspect: util.inspect(new BigInt64Array([1n, -2n])),
    errors: [
      attempt(() => new BigInt64Array([1])),
      attempt(() => new BigUint64Array([1.5])),
      attempt(() => { sized[0] = 1; }),
      attempt(() => sized.fill(1)),
      attempt(() => sized.map((v) => Number(v))),
      attempt(() => JSON.stringify(signed)),
      attempt(() => signed.sort((a, b) => a - b)),
      attempt(() => new BigInt64Array(new ArrayBuffer(12))),
      attempt(() => new BigInt64Array(new ArrayBuffer(16), 4)),
    ],
    fromStrings: show(new BigInt64Array(["12", "0x10"])),
  };
};
