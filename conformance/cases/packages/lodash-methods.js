// `lodash` (4.18.1) one method per module (`lodash/chunk`, `lodash/get`…), as bundle-minded
// code requires it: each file CommonJS with its internal `_base*` helpers.
// @request GET
const chunk = require("lodash/chunk");
const get = require("lodash/get");
const groupBy = require("lodash/groupBy");
const camelCase = require("lodash/camelCase");
const isEqual = require("lodash/isEqual");
const merge = require("lodash/merge");
const cloneDeep = require("lodash/cloneDeep");
const isPlainObject = require("lodash/isPlainObject");
const isArguments = require("lodash/isArguments");
const memoize = require("lodash/memoize");
const uniqBy = require("lodash/uniqBy");
const set = require("lodash/set");
const omit = require("lodash/omit");
const pick = require("lodash/pick");
const debounce = require("lodash/debounce");
const throttle = require("lodash/throttle");
const isNative = require("lodash/isNative");
const toArray = require("lodash/toArray");
const kebabCase = require("lodash/kebabCase");

module.exports = function handler() {
  return {
    chunk: chunk(["a", "b", "c", "d", "e"], 2),
    get: [get({ a: { b: [{ c: 3 }] } }, "a.b[0].c"), get({}, "x.y", "default")],
    groupBy: groupBy([6.1, 4.2, 6.3], Math.floor),
    camelCase: [camelCase("Foo Bar"), camelCase("--foo-bar--"), camelCase("__FOO_BAR__")],
    isEqual: [isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), isEqual(NaN, NaN), isEqual([1, 2], [2, 1])],
    merge: merge({ a: [{ b: 1 }], d: { e: 1 } }, { a: [{ c: 2 }], d: { f: 2 } }),
    cloneDeep: (() => {
      const original = { list: [1, { deep: true }], when: new Date(0), pattern: /x/g, map: new Map([["k", 1]]) };
      const copy = cloneDeep(original);
      return [copy.list[1] !== original.list[1], copy.when.toISOString(), String(copy.pattern), copy.map.get("k")];
    })(),
    isPlainObject: [isPlainObject({ a: 1 }), isPlainObject(Object.create(null)), isPlainObject([]), isPlainObject(new Date())],
    isArguments: [isArguments((function () { return arguments; })(1)), isArguments([1])],
    memoize: (() => {
      let calls = 0;
      const double = memoize((n) => { calls += 1; return n * 2; });
      return [double(2), double(2), double(3), calls, double.cache.has(2)];
    })(),
    uniqBy: uniqBy([2.1, 1.2, 2.3], Math.floor),
    set: set({ a: [{ b: { c: 3 } }] }, "a[0].b.c", 4),
    omit: omit({ a: 1, b: "2", c: 3 }, ["a", "c"]),
    pick: pick({ a: 1, b: "2", c: 3 }, ["a", "c"]),
    timers: [typeof debounce(() => {}, 5).cancel, typeof throttle(() => {}, 5).flush],
    isNative: [isNative(Array.prototype.push), isNative(() => {})],
    toArray: [toArray({ a: 1 }), toArray("hi"), toArray(new Set([1, 2]))],
    kebabCase: kebabCase("Foo Bar"),
  };
};
