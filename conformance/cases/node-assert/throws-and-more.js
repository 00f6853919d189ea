// `assert`/`ok` with messages, `fail`, `throws` (class, RegExp, validation function, object of
// properties, and the "Missing expected exception" forms), `doesNotThrow`, `match`/
// `doesNotMatch`, `ifError`, `rejects`/`doesNotReject`, `new AssertionError(...)`, and the
// argument errors. The last request lets an assertion fail uncaught: deliberate 500.
// @request GET
// @request GET ?fail=1
const assert = require("node:assert");

function attempt(run) {
  try {
    run();
    return "passed";
  } catch (error) {
    return [error.name, error.code, error.operator, error.message, error.generatedMessage];
  }
}

async function attemptAsync(run) {
  try {
    await run();
    return "passed";
  } catch (error) {
    return [error.name, error.code, error.operator, error.message];
  }
}

module.exports = async function handler(req) {
  if (req.query_params.fail) {
    assert.strictEqual(req.query_params.fail, "2");
  }
  const thrower = () => {
    throw new TypeError("wrong type");
  };
  const sync = [
    attempt(() => assert(1)),
    attempt(() => assert(0, "custom message")),
    attempt(() => assert.ok("", "empty string")),
    attempt(() => assert()),
    attempt(() => assert.fail()),
    attempt(() => assert.fail("boom")),
    attempt(() => assert.fail(new RangeError("own"))),
    attempt(() => assert.throws(thrower)),
    attempt(() => assert.throws(thrower, TypeError)),
    attempt(() => assert.throws(thrower, /wrong/)),
    attempt(() => assert.throws(thrower, /right/)),
    attempt(() => assert.throws(thrower, RangeError)),
    attempt(() => assert.throws(thrower, (error) => error.message === "wrong type")),
    attempt(() => assert.throws(thrower, () => false)),
    attempt(() => assert.throws(thrower, { name: "TypeError", message: "wrong type" })),
    attempt(() => assert.throws(() => {})),
    attempt(() => assert.throws(() => {}, TypeError)),
    attempt(() => assert.throws(() => {}, TypeError, "should throw")),
    attempt(() => assert.throws(() => {}, "should throw")),
    attempt(() => assert.throws(1)),
    attempt(() => assert.doesNotThrow(() => 1)),
    attempt(() => assert.doesNotThrow(thrower)),
    attempt(() => assert.doesNotThrow(thrower, "why")),
    attempt(() => assert.match("abc", /b/)),
    attempt(() => assert.match("abc", /x/)),
    attempt(() => assert.match(1, /x/)),
    attempt(() => assert.match("abc", "x")),
    attempt(() => assert.doesNotMatch("abc", /b/)),
    attempt(() => assert.ifError(null)),
    attempt(() => assert.ifError(new Error("e1"))),
    attempt(() => assert.ifError("str")),
  ];
  const made = new assert.AssertionError({ message: "made", actual: 1, expected: 2, operator: "op" });
  const generated = new assert.AssertionError({ actual: 1, expected: 2, operator: "strictEqual" });
  const asynchronous = [
    await attemptAsync(() => assert.rejects(Promise.reject(new Error("no")))),
    await attemptAsync(() => assert.rejects(Promise.resolve(1))),
    await attemptAsync(() => assert.rejects(async () => {
      throw new Error("q");
    }, /z/)),
    await attemptAsync(() => assert.rejects(5)),
    await attemptAsync(() => assert.doesNotReject(Promise.resolve(1))),
    await attemptAsync(() => assert.doesNotReject(Promise.reject(new Error("late")))),
  ];
  return {
    sync,
    made: [made.message, made.generatedMessage, Object.keys(made), String(made)],
    generated: [generated.message, generated.generatedMessage],
    asynchronous,
  };
};
