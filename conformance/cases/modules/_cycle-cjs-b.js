// The other half: it gets a's partially filled exports.
exports.loaded = false;
const a = require("./_cycle-cjs-a.js");
exports.sawA = { loaded: a.loaded, name: a.name, keys: Object.keys(a) };
exports.later = () => a.loaded;
exports.loaded = true;
