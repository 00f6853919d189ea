// A module whose first evaluation throws: Node does not cache it, so the next require
// evaluates it again.
const log = require("./flaky-log.js");
log.attempts += 1;
if (log.attempts === 1) {
  throw new Error(`flaky module failed on attempt ${log.attempts}`);
}
module.exports = { loadedOnAttempt: log.attempts };
