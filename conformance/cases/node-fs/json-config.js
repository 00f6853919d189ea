// A JSON settings file read once at module load through a destructured `readFileSync` of
// `node:fs` and parsed; the folder is a constant built from `__dirname`, the name a template.
// @request GET
// @request GET
const { readFileSync, existsSync } = require("node:fs");
const { join } = require("node:path");

const CONFIG_DIR = join(__dirname, "_files");
const NAME = "config";
const config = JSON.parse(readFileSync(`${CONFIG_DIR}/${NAME}.json`, "utf8"));
let served = 0;

exports.handler = function (req) {
  served += 1;
  return {
    served,
    config,
    keys: Object.keys(config),
    own: Object.prototype.hasOwnProperty.call(config, "__proto__"),
    sql: readFileSync(CONFIG_DIR + "/query.sql", { encoding: "utf8" }).trim().split("\n"),
    exists: existsSync(join(CONFIG_DIR, NAME + ".json")),
  };
};
