// `path.resolve` (right to left until an absolute path; the server's working directory
// otherwise, which both servers share in the corpus) and `path.relative`.
import path from "node:path";
import { resolve, relative, isAbsolute } from "path";

export default function handler() {
  const cwd = resolve();
  return {
    absolute: [resolve("/a/b", "./c"), resolve("/a", "/b", "c/.."), resolve("x", "/y/", "z/")],
    fromCwd: [
      resolve("x") === cwd + "/x",
      path.resolve("") === cwd,
      isAbsolute(cwd),
      relative(cwd, resolve("q/r")),
      process.cwd() === cwd,
    ],
    relative: [
      relative("/a/b/c", "/a/d"),
      relative("/a/b", "/a/b/c/d"),
      relative("/a/b", "/a/b"),
      relative("/", "/x/y"),
      relative("/x/y", "/"),
      relative("/a/bc", "/a/b"),
    ],
    isAbsolute: [isAbsolute("/x"), isAbsolute("x/"), isAbsolute(""), isAbsolute("//")],
  };
}
