// `arguments` in non-arrow functions: length, indexing, spread, Array.from, borrowed slice,
// apply, arrows seeing the enclosing function's `arguments`, and default parameters.
// @request GET
// @request POST [1, "two", null]
"use strict";

function count() {
  return arguments.length;
}
function pick(i) {
  return arguments[i + 1];
}
function all() {
  return [...arguments];
}
function sum() {
  return Array.from(arguments).reduce((total, value) => total + value, 0);
}
function tail() {
  return Array.prototype.slice.call(arguments, 1);
}
function middle() {
  return [].slice.call(arguments, 1, -1);
}
function forward() {
  return all.apply(null, arguments);
}
function spreadCall() {
  return Math.max(...arguments);
}
function viaArrow() {
  const inner = () => arguments[0] + arguments.length;
  return inner("ignored");
}
function withDefaults(a, b = 2) {
  return [arguments.length, a, b, arguments[1]];
}
class Bag {
  constructor() {
    this.items = Array.from(arguments);
    this.count = arguments.length;
  }
}
const methods = {
  describe() {
    return `${arguments.length} args, last ${arguments[arguments.length - 1]}`;
  },
};

module.exports = function handler(req) {
  const body = Array.isArray(req.body) ? req.body : [];
  return {
    count: [count(), count(undefined), count(...body)],
    pick: [pick(0, "a", "b"), pick(5, "a")],
    all: all(1, 2, 3),
    sum: sum(1, 2, 3, 4),
    tail: tail("x", "y", "z"),
    middle: middle(1, 2, 3, 4),
    forward: forward(...body),
    max: spreadCall(3, 9, 4),
    arrow: viaArrow(10, 20, 30),
    defaults: [withDefaults(1), withDefaults(1, undefined), withDefaults(1, 5, 6)],
    method: methods.describe("a", "b"),
    bag: new Bag("x", "y", "z"),
    outOfRange: typeof pick(9),
  };
};
