// `fs.readFileSync` of a template at module load, as text: `"utf8"`, `"utf-8"`,
// `{ encoding }` and `latin1` of a UTF-8 file, the path built with `path.join(__dirname, …)`.
// @request GET ?name=Ada
// @request GET ?name=%3Cb%3E
const fs = require("fs");
const path = require("path");

const TEMPLATE = fs.readFileSync(path.join(__dirname, "_files", "templates", "welcome.html"), "utf8");

module.exports = function handler(req) {
  const file = path.join(__dirname, "_files/templates/../templates/welcome.html");
  const again = fs.readFileSync(file, { encoding: "utf-8" });
  const latin = fs.readFileSync(file, "latin1");
  const flagged = fs.readFileSync(file, { encoding: "utf8", flag: "r" });
  return {
    page: TEMPLATE.replace("{{name}}", req.query_params.name),
    same: again === TEMPLATE && flagged === TEMPLATE,
    length: TEMPLATE.length,
    latinLength: latin.length,
    latinTail: latin.slice(-12),
    lines: TEMPLATE.split("\n").length,
  };
};
