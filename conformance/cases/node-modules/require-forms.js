// `require` of built-in modules, with and without `node:`, at the top level and lazily inside
// a function: one module object each, shared with a helper module that requires it too; the
// subpath modules `assert/strict`, `path/posix` and `util/types`.
const path = require("path");
const { join } = require("node:path");
const helper = require("../_helpers/uses-builtins.js");

module.exports = function handler() {
  const lazy = require("node:events");
  return [
    path === require("node:path"),
    join === path.join,
    helper.path === path,
    helper.EventEmitter === lazy,
    lazy === require("events").EventEmitter,
    helper.joined("x", "y"),
    require("assert/strict") === require("assert").strict,
    require("node:assert/strict").equal === require("assert").strictEqual,
    require("path/posix") === path,
    require("node:util/types") === require("util").types,
    require("util/types").isDate(new Date(0)),
  ];
};
