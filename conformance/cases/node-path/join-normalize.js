// `path.join` and `path.normalize`: `.` and `..` segments, repeated and trailing slashes,
// empty arguments, `..` above a relative start, the root.
const path = require("path");

module.exports = function handler() {
  return {
    join: [
      path.join("/a", "b/../c", "./d"),
      path.join("a", "", "b/"),
      path.join(),
      path.join(""),
      path.join("..", "x", "../../y"),
      path.join("/", ".."),
      path.join("a//b", "/c"),
      path.join(".", "."),
    ],
    normalize: [
      path.normalize(""),
      path.normalize("./"),
      path.normalize("//a//b/./c/.."),
      path.normalize("a/../.."),
      path.normalize("/../a/"),
      path.normalize("x/y/../../.."),
      path.normalize("..."),
    ],
  };
};
