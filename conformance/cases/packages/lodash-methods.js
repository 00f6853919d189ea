// `lodash` (4.18.1) one method per module (`lodash/chunk`, `lodash/get`…), as bundle-minded
// code requires it: each file CommonJS with its internal `_base*` helpers.
// @request GET
const chunk = require("lodash/chunk");
const get = require("lodash/get");
const groupBy = require("lodash/groupBy");
const camelCase = require("lodash/camelCase");
const isEqual = require("lodash/isEqual");

module.exports = function handler() {
  return {
    chunk: chunk(["a", "b", "c", "d", "e"], 2),
    get: [get({ a: { b: [{ c: 3 }] } }, "a.b[0].c"), get({}, "x.y", "default")],
    groupBy: groupBy([6.1, 4.2, 6.3], Math.floor),
    camelCase: [camelCase("Foo Bar"), camelCase("--foo-bar--"), camelCase("__FOO_BAR__")],
    isEqual: [isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), isEqual(NaN, NaN), isEqual([1, 2], [2, 1])],
  };
};
