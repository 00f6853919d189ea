// `fs/promises` and `fs.promises`: `readFile` resolves with the text or a Buffer, and
// rejects with the ENOENT error of a missing file; both modules are one object.
// @request GET
const fs = require("fs");
const fsp = require("fs/promises");
const { readFile } = require("node:fs/promises");
const path = require("path");

const DIR = path.join(__dirname, "_files");

module.exports = async function handler() {
  const sql = await fsp.readFile(path.join(DIR, "query.sql"), "utf8");
  const bytes = await fs.promises.readFile(path.join(DIR, "logo.bin"));
  const config = JSON.parse(await readFile(`${DIR}/config.json`, { encoding: "utf8" }));
  let failure;
  try {
    await fsp.readFile(path.join(DIR, "nowhere.json"), "utf8");
  } catch (error) {
    failure = [error.code, error.errno, error.syscall, error.message.replace(DIR, "<dir>"), Object.keys(error)];
  }
  const pending = fsp.readFile(path.join(DIR, "query.sql"));
  return {
    same: fsp === fs.promises,
    sql: sql.split("\n")[0],
    bytes: bytes.length,
    service: config.service,
    failure,
    isPromise: pending instanceof Promise,
    length: (await pending).length,
  };
};
