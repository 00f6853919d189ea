// Node's ERR_INVALID_ARG_TYPE for arguments that are not strings: the TypeError, its `code`,
// its message naming the argument and describing what it received, and its `toString`.
// The last request lets one escape: deliberate 500.
// @request GET
// @request GET ?escape=1
const path = require("path");

function attempt(run) {
  try {
    return run();
  } catch (error) {
    return [error.name, error.code, error.message, String(error), Object.keys(error), error instanceof TypeError];
  }
}

module.exports = (req) => {
  if (req.query_params.escape) {
    return path.join("a", null);
  }
  return [
    attempt(() => path.join("a", 1)),
    attempt(() => path.resolve("/a", {})),
    attempt(() => path.resolve(5, "/a")),
    attempt(() => path.normalize(["x"])),
    attempt(() => path.basename("a", 1)),
    attempt(() => path.relative("a", undefined)),
    attempt(() => path.dirname(() => 1)),
    attempt(() => path.extname(function named() {})),
    attempt(() => path.format("x".repeat(40))),
    attempt(() => path.parse(true)),
  ];
};
