// Built-in prototypes as values: identity with what values inherit, `constructor`, methods
// read from them (named as V8 names them), `hasOwnProperty` on them, and `instanceof`.
// @request GET
"use strict";

function attempt(run) {
  try {
    return run();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

module.exports = function handler() {
  const fn = function named() {};
  return {
    identity: [
      Object.getPrototypeOf([]) === Array.prototype,
      Object.getPrototypeOf({}) === Object.prototype,
      Object.getPrototypeOf("s") === String.prototype,
      Object.getPrototypeOf(1) === Number.prototype,
      Object.getPrototypeOf(true) === Boolean.prototype,
      Object.getPrototypeOf(Symbol("x")) === Symbol.prototype,
      Object.getPrototypeOf(fn) === Function.prototype,
      Object.getPrototypeOf(new Date(0)) === Date.prototype,
      Object.getPrototypeOf(/x/) === RegExp.prototype,
      Object.getPrototypeOf(new Map()) === Map.prototype,
      Object.getPrototypeOf(new Set()) === Set.prototype,
      Object.getPrototypeOf(Promise.resolve(1)) === Promise.prototype,
      Object.getPrototypeOf(new TypeError("x")) === TypeError.prototype,
      Object.getPrototypeOf(Array.prototype) === Object.prototype,
      Object.getPrototypeOf(Function.prototype) === Object.prototype,
      Object.getPrototypeOf(Object.prototype),
      Array.prototype === Array.prototype,
      Array.prototype === Object.prototype,
    ],
    constructors: [
      [].constructor === Array,
      fn.constructor === Function,
      ({}).constructor === Object,
      "s".constructor === String,
      (1).constructor === Number,
      Array.prototype.constructor === Array,
      Object.prototype.constructor === Object,
      Function.prototype.constructor === Function,
      String.prototype.constructor === String,
      Symbol.prototype.constructor === Symbol,
      "s".constructor.name,
      (42).constructor.name,
      true.constructor === Boolean,
      typeof "s".trim,
      typeof (1).toFixed,
      "s".trim.call("  x  "),
      typeof "s".hasOwnProperty,
      "s".notThere,
    ],
    types: [
      typeof Array.prototype,
      typeof Function.prototype,
      typeof Object.prototype,
      typeof Symbol.prototype,
      Function.prototype(),
      Function.prototype.name,
    ],
    methods: [
      typeof Array.prototype.slice,
      Array.prototype.push.name,
      Array.prototype.slice.length,
      String.prototype.trim.name,
      typeof Object.prototype.hasOwnProperty,
      Function.prototype.toString.name,
      Array.prototype.push === Array.prototype.push,
      [].map === Array.prototype.map,
      typeof Array.prototype.notAMethod,
      typeof String.prototype.padStart,
      typeof Number.prototype.toFixed,
      typeof Date.prototype.getTime,
      typeof Map.prototype.get,
      typeof RegExp.prototype.test,
      typeof Error.prototype.toString,
    ],
    hasOwn: [
      Object.prototype.hasOwnProperty.call(Object.prototype, "constructor"),
      Object.prototype.hasOwnProperty.call(Object.prototype, "hasOwnProperty"),
      Object.prototype.hasOwnProperty.call(Array.prototype, "push"),
      Object.prototype.hasOwnProperty.call(Array.prototype, "hasOwnProperty"),
      Object.prototype.hasOwnProperty.call(String.prototype, "trim"),
      Object.prototype.hasOwnProperty.call(Object.prototype, "nothing"),
      Array.prototype.hasOwnProperty("slice"),
    ],
    instances: [
      [] instanceof Object,
      fn instanceof Object,
      fn instanceof Function,
      Object instanceof Object,
      Object instanceof Function,
      Array.prototype instanceof Object,
      Object.create(null) instanceof Object,
      Object.prototype instanceof Object,
      Object.prototype.isPrototypeOf([]),
      Array.prototype.isPrototypeOf([]),
      Array.prototype.isPrototypeOf({}),
    ],
    tags: [
      Object.prototype.toString.call(Array.prototype),
      Object.prototype.toString.call(Function.prototype),
      Object.prototype.toString.call(Object.prototype),
      String(Array.prototype),
    ],
    function: [typeof Function, Function.name, Function.length, attempt(() => Array.prototype.slice.call(null))],
  };
};
