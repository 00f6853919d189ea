// `assert.strictEqual`/`notStrictEqual`/`equal`/`notEqual`/`deepStrictEqual`/`deepEqual` and
// their AssertionErrors: `name`, `code`, `operator`, `actual`, `expected`, `generatedMessage`,
// own keys, `toString`, and Node's messages for primitives (the short `a !== b` form, the
// one-line diff with its `^` marker, a custom message in front of the comparison).
const assert = require("assert");

function attempt(run) {
  try {
    run();
    return "passed";
  } catch (error) {
    return [error.name, error.code, error.operator, error.message, error.generatedMessage, error.actual, error.expected, Object.keys(error), String(error), error instanceof assert.AssertionError, error instanceof Error];
  }
}

module.exports = () => [
  attempt(() => assert.strictEqual(1, 1)),
  attempt(() => assert.strictEqual(1, 2)),
  attempt(() => assert.strictEqual("a", "b")),
  attempt(() => assert.strictEqual(1, "1")),
  attempt(() => assert.strictEqual(0, -0)),
  attempt(() => assert.strictEqual(NaN, NaN)),
  attempt(() => assert.strictEqual("abcdef", "abcxef")),
  attempt(() => assert.strictEqual("hello world", "hello")),
  attempt(() => assert.strictEqual(null, undefined)),
  attempt(() => assert.strictEqual(1, 2, "totals differ")),
  attempt(() => assert.strictEqual("hello world", "hello", "greeting")),
  attempt(() => assert.notStrictEqual(1, 1)),
  attempt(() => assert.notStrictEqual("x", "x", "must differ")),
  attempt(() => assert.equal(1, "1")),
  attempt(() => assert.equal(1, 2)),
  attempt(() => assert.equal(1, 2, "mine")),
  attempt(() => assert.notEqual(1, "1")),
  attempt(() => assert.deepStrictEqual(1, 2)),
  attempt(() => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })),
  attempt(() => assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]]))),
  attempt(() => assert.deepEqual({ a: 1 }, { a: "1" })),
  attempt(() => assert.deepEqual(-0, 0)),
  attempt(() => assert.strictEqual(1, 2, new TypeError("my own error"))),
  attempt(() => assert.strict.equal(1, "1")),
];
