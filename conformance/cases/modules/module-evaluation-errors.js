// A module that throws while it evaluates: `require` throws its error and does not cache it
// (the next `require` evaluates it again); `import()` rejects with the error, which an ES
// module keeps: a second `import()` rejects with the same error, without evaluating again.
// @request GET
// @request GET
const log = require("../_helpers/flaky-log.js");

function load() {
  try {
    return require("../_helpers/flaky-module.js");
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

module.exports = async () => {
  const first = load();
  const second = load();
  const third = load();
  const errors = [];
  for (let i = 0; i < 2; i += 1) {
    try {
      await import("../_helpers/esm-throws.js");
      errors.push("loaded");
    } catch (error) {
      errors.push(error);
    }
  }
  return {
    first,
    second,
    sameAfterCaching: second === third,
    attempts: log.attempts,
    imported: `${errors[0].name}: ${errors[0].message}`,
    sameError: errors[0] === errors[1],
    esmAttempts: log.esmAttempts,
  };
};
