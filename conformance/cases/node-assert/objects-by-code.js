// Failures whose Node messages show objects as multi-line diffs or quote the failing call's
// source (`assert.ok` without a message): the case compares what is modelled exactly — the
// error's name, code, operator, actual/expected and generatedMessage — not the message.
import assert, { deepStrictEqual, notDeepStrictEqual, ok } from "node:assert";

function attempt(run) {
  try {
    run();
    return "passed";
  } catch (error) {
    return [error.name, error.code, error.operator, error.actual, error.expected, error.generatedMessage, typeof error.message];
  }
}

export default function handler() {
  return [
    attempt(() => deepStrictEqual({ a: 1 }, { a: 2 })),
    attempt(() => deepStrictEqual([1, 2], [1, 2, 3])),
    attempt(() => deepStrictEqual({ a: 1 }, { a: "1" })),
    attempt(() => deepStrictEqual(Object.create(null), {})),
    attempt(() => notDeepStrictEqual({ a: 1 }, { a: 1 })),
    attempt(() => assert.strictEqual({}, {})),
    attempt(() => ok(0)),
    attempt(() => assert(false)),
    attempt(() => assert.deepEqual({ a: [1] }, { a: [2] })),
  ];
}
