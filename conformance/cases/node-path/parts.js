// `dirname`, `basename` (with a suffix, Node's matching from the end included), `extname`,
// `parse` and `format`, and the constants.
const path = require("node:path");

exports.handler = () => ({
  dirname: ["/a/b/c", "/a/b/", "a", "/", "//a", "/a//b", "", "a/b//"].map((p) => path.dirname(p)),
  basename: [
    path.basename("/a/b.txt"),
    path.basename("/a/b.txt", ".txt"),
    path.basename("/a/b.txt", "b.txt"),
    path.basename("/a/b/", "b"),
    path.basename("/a/b/", "a/b"),
    path.basename("///", "x"),
    path.basename("file.js", "js"),
    path.basename(""),
  ],
  extname: ["index.html", "index.coffee.md", "index.", "index", ".index", ".index.md", "..", "a/b.c/"].map(
    (p) => path.extname(p),
  ),
  parse: ["/home/user/dir/file.txt", "./a.b.c", "/", "", "/..", "a/", ".profile"].map((p) =>
    path.parse(p),
  ),
  format: [
    path.format({ root: "/ignored", dir: "/home/user/dir", base: "file.txt" }),
    path.format({ root: "/", base: "file.txt", ext: "ignored" }),
    path.format({ root: "/", name: "file", ext: ".txt" }),
    path.format({ name: "file", ext: "txt" }),
    path.format({}),
  ],
  constants: [path.sep, path.delimiter, path.posix === path, path.posix.join("a", "b")],
});
