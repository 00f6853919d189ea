// An ES module whose evaluation throws: Node keeps the error and never evaluates it again.
import log from "./flaky-log.js";
log.esmAttempts += 1;
export const never = 1;
throw new TypeError("esm-throws cannot be loaded");
