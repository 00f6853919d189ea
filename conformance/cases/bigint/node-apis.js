// BigInts handed to Node APIs that take numbers or strings get Node's errors; assert compares
// them; the BigInt function itself as a value.
import assert from "node:assert";
import crypto from "node:crypto";
import path from "node:path";

function attempt(f) {
  try {
    const value = f();
    return typeof value === "bigint" ? `${value}n` : value;
  } catch (e) {
    return `${e.name}: ${e.message.split("\n")[0]}${e.code ? ` [${e.code}]` : ""}`;
  }
}

export default function handler(req) {
  return {
    randomInt: [
      attempt(() => crypto.randomInt(1n)),
      attempt(() => crypto.randomInt(0n, 5)),
      attempt(() => crypto.randomInt(1, 10n)),
    ],
    assert: [
      attempt(() => assert.strictEqual(1n, 1n)),
      attempt(() => assert.deepStrictEqual({ a: [1n, 2n] }, { a: [1n, 2n] })),
      attempt(() => assert.notStrictEqual(1n, 1)),
      attempt(() => assert.strictEqual(1n, 1)),
      attempt(() => assert.equal(1n, 1)),
    ],
    path: attempt(() => path.join("a", 1n)),
    theFunction: [typeof BigInt, [1, 2].map(BigInt).map(String), 1n instanceof BigInt],
    arraysOfBigInts: [String([1n, [2n, -3n]]), `${[4n]}`, [1n, 2n].includes(2n), [5n, 6n].indexOf(6n), [3n, 1n].toString()],
  };
}
