const c = require("./_cycle-cjs-c.js");
exports.seen = { keys: Object.keys(c), json: JSON.stringify(c) };
exports.lazy = () => require("./_cycle-cjs-c.js").name;
