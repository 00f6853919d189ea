// `__dirname` and `__filename` of a CommonJS module: the file's absolute path and its folder,
// as Node gives them when the module runs where it was built.
// @request GET
const path = require("path");

function where() {
  return [typeof __dirname, typeof __filename];
}

module.exports = function handler() {
  return {
    types: where(),
    absolute: path.isAbsolute(__dirname) && path.isAbsolute(__filename),
    folder: path.basename(__dirname),
    parent: path.basename(path.dirname(__dirname)),
    file: path.basename(__filename),
    joined: __filename === path.join(__dirname, "dirname-filename.js"),
    dirnameOf: path.dirname(__filename) === __dirname,
    relative: path.relative(__dirname, __filename),
    extension: path.extname(__filename),
  };
};
