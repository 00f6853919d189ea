// A module required only inside a function: it evaluates on the first call that reaches it.
const log = require("./lazy-log.js");
log.push("heavy evaluated");
let calls = 0;
module.exports = function heavy(x) {
  calls += 1;
  return { doubled: x * 2, calls };
};
