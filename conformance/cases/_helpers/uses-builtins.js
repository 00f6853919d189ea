// A helper module loading built-in modules, for `node-modules/require-forms`.
const path = require("node:path");
const EventEmitter = require("events");

exports.path = path;
exports.EventEmitter = EventEmitter;
exports.joined = (...parts) => path.join("/base", ...parts);
