// Deep equality as Node's `util.isDeepStrictEqual` and `assert.deepStrictEqual` (strict) and
// `assert.deepEqual` (loose) compare: primitives by `Object.is` (strict) or `==` (loose);
// objects by prototype (strict), own enumerable keys and their values, recursively; arrays by
// length and items; Dates by time, RegExps by source and flags, boxed primitives by value,
// Errors by `name` and `message` too; Maps and Sets by their entries, whatever the order;
// cycles compare equal where both sides cycle at the same depth.
"use strict";

function isObject(value) {
  return value !== null && (typeof value === "object" || typeof value === "function");
}

function primitiveEqual(a, b, strict) {
  if (strict) {
    return Object.is(a, b);
  }
  // `==`, with NaN equal to NaN as Node's loose mode has it.
  return a == b || (a !== a && b !== b);
}

function keysEqual(a, b, strict, memo) {
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) {
    return false;
  }
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) {
      return false;
    }
  }
  for (const key of aKeys) {
    if (!innerEqual(a[key], b[key], strict, memo)) {
      return false;
    }
  }
  return true;
}

function setEqual(a, b, strict, memo) {
  if (a.size !== b.size) {
    return false;
  }
  const rest = [];
  for (const item of a) {
    if (!b.has(item)) {
      if (!isObject(item) && strict) {
        return false;
      }
      rest.push(item);
    }
  }
  if (rest.length === 0) {
    return true;
  }
  const candidates = [];
  for (const item of b) {
    if (!a.has(item)) {
      candidates.push(item);
    }
  }
  for (const item of rest) {
    const found = candidates.findIndex((other) => innerEqual(item, other, strict, memo));
    if (found === -1) {
      return false;
    }
    candidates.splice(found, 1);
  }
  return true;
}

function mapEqual(a, b, strict, memo) {
  if (a.size !== b.size) {
    return false;
  }
  const rest = [];
  for (const [key, value] of a) {
    if (b.has(key)) {
      if (!innerEqual(value, b.get(key), strict, memo)) {
        return false;
      }
    } else {
      rest.push([key, value]);
    }
  }
  if (rest.length === 0) {
    return true;
  }
  const candidates = [];
  for (const [key, value] of b) {
    if (!a.has(key)) {
      candidates.push([key, value]);
    }
  }
  for (const [key, value] of rest) {
    const found = candidates.findIndex(
      ([otherKey, otherValue]) =>
        innerEqual(key, otherKey, strict, memo) && innerEqual(value, otherValue, strict, memo),
    );
    if (found === -1) {
      return false;
    }
    candidates.splice(found, 1);
  }
  return true;
}

function innerEqual(a, b, strict, memo) {
  if (a === b) {
    return a !== 0 || !strict || Object.is(a, b);
  }
  if (!isObject(a) || !isObject(b)) {
    if (isObject(a) || isObject(b)) {
      return false;
    }
    return primitiveEqual(a, b, strict);
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return false;
  }
  const kind = __node.kind(a);
  if (kind !== __node.kind(b)) {
    return false;
  }
  if (Array.isArray(a) && a.length !== b.length) {
    return false;
  }
  if (kind === "Date" && a.getTime() !== b.getTime()) {
    return false;
  }
  if (kind === "RegExp" && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)) {
    return false;
  }
  if (kind === "Error" && (a.message !== b.message || a.name !== b.name)) {
    return false;
  }
  if (kind === "Boxed" && !Object.is(a.valueOf(), b.valueOf())) {
    return false;
  }
  if (kind === "Function") {
    return false;
  }
  // A pair already being compared further up is taken as equal (cycles).
  for (const [left, right] of memo) {
    if (left === a && right === b) {
      return true;
    }
  }
  memo.push([a, b]);
  let equal = keysEqual(a, b, strict, memo);
  if (equal && kind === "Set") {
    equal = setEqual(a, b, strict, memo);
  } else if (equal && kind === "Map") {
    equal = mapEqual(a, b, strict, memo);
  }
  memo.pop();
  return equal;
}

function isDeepStrictEqual(a, b) {
  return innerEqual(a, b, true, []);
}

function isDeepEqual(a, b) {
  return innerEqual(a, b, false, []);
}

module.exports = { isDeepStrictEqual, isDeepEqual };
