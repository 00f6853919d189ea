// A file that is not there: `existsSync` is false and `readFileSync` throws Node's ENOENT
// error (message, `errno`, `code`, `syscall`, `path`, own keys, JSON); an unknown encoding
// is Node's ERR_INVALID_ARG_VALUE. The folder is cut from messages so no machine path shows.
// @request GET
const fs = require("node:fs");
const path = require("node:path");

const MISSING = path.join(__dirname, "_files", "missing.txt");
const PRESENT = path.join(__dirname, "_files", "query.sql");

function describe(run) {
  try {
    return { value: run() };
  } catch (error) {
    return {
      name: error.name,
      isError: error instanceof Error,
      message: error.message.replace(__dirname, "<dir>"),
      code: error.code,
      errno: error.errno,
      syscall: error.syscall,
      path: typeof error.path === "string" ? error.path.replace(__dirname, "<dir>") : error.path,
      keys: Object.keys(error),
      json: JSON.stringify(error).replace(__dirname, "<dir>"),
      text: String(error).replace(__dirname, "<dir>"),
    };
  }
}

module.exports = function handler() {
  return {
    exists: [fs.existsSync(PRESENT), fs.existsSync(MISSING), fs.existsSync(path.join(__dirname, "_files", "templates", "welcome.html"))],
    missing: describe(() => fs.readFileSync(MISSING, "utf8")),
    missingBytes: describe(() => fs.readFileSync(MISSING)),
    badEncoding: describe(() => fs.readFileSync(PRESENT, "nope")),
    badOptions: describe(() => fs.readFileSync(PRESENT, 42)),
  };
};
