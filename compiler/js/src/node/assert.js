// Node's `assert` module, in JavaScript of our own: `AssertionError` is a class users catch
// and inspect, and `throws`/`rejects` call user functions and await promises.
//
//   assert.strictEqual(1, 2)   → AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n1 !== 2\n
//   assert.ok(0, "nope")       → AssertionError [ERR_ASSERTION]: nope
//
// Messages match Node's for primitives (the short `a !== b` form and the one-line
// `+ actual - expected` diff with its `^` marker). Node shows objects in the diff as
// multi-line inspections, which the runtime's inspector does not produce, and `assert.ok`
// without a message quotes the failing call's source text; those messages differ (the error's
// `code`, `name`, `operator`, `actual` and `expected` are Node's).
"use strict";

const { invalidArgType, validateObject } = require("node:internal/errors");
const { isDeepStrictEqual, isDeepEqual } = require("node:internal/comparisons");

const headers = {
  strictEqual: "Expected values to be strictly equal:",
  deepStrictEqual: "Expected values to be strictly deep-equal:",
};

function show(value) {
  return __node.inspect(value, 1000);
}

function isPrimitive(value) {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

// Node's message for a failed `strictEqual`/`deepStrictEqual` of two values.
function difference(actual, expected, operator, message) {
  const header = message === undefined ? headers[operator] : String(message);
  const left = show(actual);
  const right = show(expected);
  if (isPrimitive(actual) && isPrimitive(expected)) {
    if (left.length + right.length <= 12 && (actual !== 0 || expected !== 0)) {
      return `${header}\n\n${left} !== ${right}\n`;
    }
    let marker = "";
    if (left.length + right.length < 80) {
      let same = 0;
      while (same < left.length && left[same] === right[same]) {
        same++;
      }
      if (same > 2) {
        marker = `\n  ${" ".repeat(same)}^`;
      }
    }
    return `${header}\n+ actual - expected\n\n+ ${left}\n- ${right}${marker}`;
  }
  return `${header}\n+ actual - expected\n\n+ ${left}\n- ${right}`;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, "options");
    const { message, operator, actual, expected } = options;
    let text;
    if (message !== undefined && message !== null) {
      text = operator === "strictEqual" || operator === "deepStrictEqual"
        ? difference(actual, expected, operator, message)
        : String(message);
    } else if (operator === "strictEqual" || operator === "deepStrictEqual") {
      text = difference(actual, expected, operator, undefined);
    } else if (operator === "notStrictEqual") {
      text = `Expected "actual" to be strictly unequal to: ${show(expected)}`;
    } else if (operator === "notDeepStrictEqual") {
      text = `Expected "actual" not to be strictly deep-equal to:\n\n${show(expected)}\n`;
    } else if (operator === "deepEqual") {
      text = `Expected values to be loosely deep-equal:\n\n${show(actual)}\n\nshould loosely deep-equal\n\n${show(expected)}`;
    } else if (operator === "notDeepEqual") {
      text = `Expected values not to be loosely deep-equal:\n\n${show(actual)}\n\nshould not loosely deep-equal\n\n${show(expected)}`;
    } else {
      text = `${show(actual)} ${operator} ${show(expected)}`;
    }
    super(text);
    Object.defineProperty(this, "name", {
      value: "AssertionError",
      writable: true,
      configurable: true,
      enumerable: false,
    });
    this.generatedMessage = message === undefined || message === null;
    this.code = "ERR_ASSERTION";
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

// An AssertionError whose text we made (not the caller's), as Node marks it.
function generated(options, userMessage) {
  const error = new AssertionError(options);
  error.generatedMessage = userMessage === undefined || userMessage === null || userMessage === "";
  return error;
}

// A failure: the caller's own Error is thrown as it is.
function fail(actual, expected, message, operator) {
  if (message instanceof Error) {
    throw message;
  }
  throw new AssertionError({ actual, expected, message, operator });
}

function ok(...args) {
  if (args.length === 0) {
    throw generated(
      {
        message: "No value argument passed to `assert.ok()`",
        actual: undefined,
        expected: true,
        operator: "==",
      },
      undefined,
    );
  }
  const [value, message] = args;
  if (!value) {
    fail(value, true, message, "==");
  }
}

function assert(...args) {
  ok(...args);
}

function equal(actual, expected, message) {
  if (!(actual == expected || (actual !== actual && expected !== expected))) {
    fail(actual, expected, message, "==");
  }
}

function notEqual(actual, expected, message) {
  if (actual == expected || (actual !== actual && expected !== expected)) {
    fail(actual, expected, message, "!=");
  }
}

function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    fail(actual, expected, message, "strictEqual");
  }
}

function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) {
    fail(actual, expected, message, "notStrictEqual");
  }
}

function deepStrictEqual(actual, expected, message) {
  if (!isDeepStrictEqual(actual, expected)) {
    fail(actual, expected, message, "deepStrictEqual");
  }
}

function notDeepStrictEqual(actual, expected, message) {
  if (isDeepStrictEqual(actual, expected)) {
    fail(actual, expected, message, "notDeepStrictEqual");
  }
}

function deepEqual(actual, expected, message) {
  if (!isDeepEqual(actual, expected)) {
    fail(actual, expected, message, "deepEqual");
  }
}

function notDeepEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected)) {
    fail(actual, expected, message, "notDeepEqual");
  }
}

function failWith(message) {
  if (message instanceof Error) {
    throw message;
  }
  throw generated({ message: message === undefined ? "Failed" : message, operator: "fail" }, message);
}

// Whether the thrown `error` is what `expected` (a RegExp, a class, a validation function or
// an object of properties) describes; throws Node's AssertionError when it is not.
function checkExpected(error, expected, message, operator) {
  if (expected === undefined) {
    return;
  }
  if (__node.kind(expected) === "RegExp") {
    const text = String(error);
    if (!expected.test(text)) {
      throw generated(
        {
          actual: error,
          expected,
          message: message || `The input did not match the regular expression ${String(expected)}. Input:\n\n${show(text)}\n`,
          operator,
        },
        message,
      );
    }
    return;
  }
  if (typeof expected === "function") {
    let instance = false;
    try {
      instance = error instanceof expected;
    } catch {
      instance = false;
    }
    if (instance) {
      return;
    }
    const errorClass =
      __node.isErrorClass(expected) ||
      (expected.prototype !== undefined && expected.prototype instanceof Error);
    if (errorClass) {
      const received = error !== null && typeof error === "object" && error.constructor ? error.constructor.name : typeof error;
      throw generated(
        {
          actual: error,
          expected,
          message: message || `The error is expected to be an instance of "${expected.name}". Received "${received}"\n\nError message:\n\n${error && error.message}`,
          operator,
        },
        message,
      );
    }
    const result = expected.call({}, error);
    if (result !== true) {
      throw generated(
        {
          actual: error,
          expected,
          message: message || `The ${expected.name ? `"${expected.name}" validation function` : "validation function"} is expected to return "true". Received ${show(result)}\n\nCaught error:\n\n${String(error)}`,
          operator,
        },
        message,
      );
    }
    return;
  }
  if (expected !== null && typeof expected === "object") {
    for (const key of Object.keys(expected)) {
      const wanted = expected[key];
      const got = error === null || error === undefined ? undefined : error[key];
      const matches = __node.kind(wanted) === "RegExp" && typeof got === "string"
        ? wanted.test(got)
        : isDeepStrictEqual(got, wanted);
      if (!matches) {
        throw generated(
          {
            actual: error,
            expected,
            message: message || `Expected values to be strictly deep-equal: the "${key}" property differs`,
            operator,
          },
          message,
        );
      }
    }
    return;
  }
  throw invalidArgType("expected", "of type function or an instance of Error, RegExp, or Object", expected);
}

function missing(expected, message, operator, what) {
  let text = `Missing expected ${what}`;
  if (typeof expected === "function" && expected.name) {
    text += ` (${expected.name})`;
  }
  text += message ? `: ${message}` : ".";
  // Node counts these texts as given, not generated.
  throw new AssertionError({ actual: undefined, expected, message: text, operator });
}

function throws(fn, expected, message) {
  if (typeof fn !== "function") {
    throw invalidArgType("fn", "of type function", fn);
  }
  if (typeof expected === "string") {
    message = expected;
    expected = undefined;
  }
  let threw = false;
  let error;
  try {
    fn();
  } catch (caught) {
    threw = true;
    error = caught;
  }
  if (!threw) {
    missing(expected, message, "throws", "exception");
  }
  checkExpected(error, expected, message, "throws");
}

function unwanted(error, message, operator, what) {
  const details = message ? `: ${message}` : ".";
  const actualMessage = error !== null && typeof error === "object" ? error.message : undefined;
  throw new AssertionError({
    actual: error,
    expected: undefined,
    message: `Got unwanted ${what}${details}\nActual message: "${actualMessage}"`,
    operator,
  });
}

function doesNotThrow(fn, expected, message) {
  if (typeof fn !== "function") {
    throw invalidArgType("fn", "of type function", fn);
  }
  if (typeof expected === "string") {
    message = expected;
    expected = undefined;
  }
  try {
    fn();
  } catch (error) {
    unwanted(error, message, "doesNotThrow", "exception");
  }
}

function promiseOf(promiseFn) {
  if (typeof promiseFn === "function") {
    return promiseFn();
  }
  if (__node.kind(promiseFn) === "Promise") {
    return promiseFn;
  }
  throw invalidArgType("promiseFn", "of type function or an instance of Promise", promiseFn);
}

async function rejects(promiseFn, expected, message) {
  const promise = promiseOf(promiseFn);
  if (typeof expected === "string") {
    message = expected;
    expected = undefined;
  }
  let rejected = false;
  let error;
  try {
    await promise;
  } catch (caught) {
    rejected = true;
    error = caught;
  }
  if (!rejected) {
    missing(expected, message, "rejects", "rejection");
  }
  checkExpected(error, expected, message, "rejects");
}

async function doesNotReject(promiseFn, expected, message) {
  const promise = promiseOf(promiseFn);
  if (typeof expected === "string") {
    message = expected;
    expected = undefined;
  }
  try {
    await promise;
  } catch (error) {
    unwanted(error, message, "doesNotReject", "rejection");
  }
}

function matching(string, regexp, message, operator, wanted) {
  if (__node.kind(regexp) !== "RegExp") {
    throw invalidArgType("regexp", "an instance of RegExp", regexp);
  }
  if (message instanceof Error) {
    if (typeof string !== "string" || regexp.test(string) !== wanted) {
      throw message;
    }
    return;
  }
  let text;
  if (typeof string !== "string") {
    text = `The "string" argument must be of type string. Received ${__node.received(string)}`;
  } else if (regexp.test(string) !== wanted) {
    const verb = wanted ? "did not match" : "was expected to not match";
    text = `The input ${verb} the regular expression ${String(regexp)}. Input:\n\n${show(string)}\n`;
  } else {
    return;
  }
  throw generated({ actual: string, expected: regexp, message: message || text, operator }, message);
}

function match(string, regexp, message) {
  matching(string, regexp, message, "match", true);
}

function doesNotMatch(string, regexp, message) {
  matching(string, regexp, message, "doesNotMatch", false);
}

function ifError(value) {
  if (value !== null && value !== undefined) {
    let text = "ifError got unwanted exception: ";
    if (typeof value === "object" && typeof value.message === "string") {
      text += value.message.length === 0 && value.constructor ? value.constructor.name : value.message;
    } else {
      text += show(value);
    }
    throw new AssertionError({ actual: value, expected: null, message: text, operator: "ifError" });
  }
}

function strict(...args) {
  ok(...args);
}

const members = {
  AssertionError,
  ok,
  equal,
  notEqual,
  strictEqual,
  notStrictEqual,
  deepEqual,
  notDeepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  throws,
  doesNotThrow,
  rejects,
  doesNotReject,
  match,
  doesNotMatch,
  fail: failWith,
  ifError,
};

for (const key of Object.keys(members)) {
  assert[key] = members[key];
  strict[key] = members[key];
}
strict.equal = strictEqual;
strict.notEqual = notStrictEqual;
strict.deepEqual = deepStrictEqual;
strict.notDeepEqual = notDeepStrictEqual;
assert.strict = strict;
strict.strict = strict;


module.exports = assert;
