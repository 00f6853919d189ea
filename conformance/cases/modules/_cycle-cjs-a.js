// Half of Node's classic cycle: a requires b, which requires a back while a is half done.
exports.loaded = false;
exports.name = "a";
const b = require("./_cycle-cjs-b.js");
exports.sawB = { loaded: b.loaded, sawA: b.sawA };
exports.loaded = true;
