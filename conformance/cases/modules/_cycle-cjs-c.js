// A module that replaces module.exports after its cycle partner took the original object.
const d = require("./_cycle-cjs-d.js");
module.exports = { name: "c", dSaw: d.seen };
