// `require` of built-in modules, with and without `node:`, at the top level and lazily inside
// a function: one module object each, shared with a helper module that requires it too.
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
  ];
};
