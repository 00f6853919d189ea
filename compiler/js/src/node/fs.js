// Node's `fs`, read-only and over the files the build embedded: the compiler evaluated every
// path a handler hands to these functions (`compiler/js/src/fs_embed/`), read the files and
// embedded their bytes in the server, which reads nothing from disk at run time. Any other
// member of `fs` is a compile error where it is used, so only these exist here.
//
//   fs.readFileSync(path.join(__dirname, "t.html"), "utf8")   → the file's text
//   fs.readFileSync(file)                                     → a Buffer of its bytes
//   fs.readFileSync("/missing")                               → Node's ENOENT error
//
// `__node.embeddedFile(path)` answers a fresh Buffer, or undefined for a file the build did
// not find (the build warned about it).
"use strict";

const { NodeTypeError, invalidArgType } = require("node:internal/errors");

// A path as `fs` takes it: a string, a Buffer of its UTF-8 bytes, or a `file:` URL.
function pathText(path) {
  if (typeof path === "string") {
    return path;
  }
  if (path instanceof Uint8Array) {
    return Buffer.from(path).toString("utf8");
  }
  if (path instanceof URL) {
    return require("url").fileURLToPath(path);
  }
  throw invalidArgType("path", "of type string or an instance of Buffer or URL", path);
}

// The encoding `options` asks for (`"utf8"`, `{ encoding: "hex" }`), or null for bytes.
function encodingOf(options) {
  let encoding;
  if (options === undefined || options === null || typeof options === "function") {
    encoding = null;
  } else if (typeof options === "string") {
    encoding = options;
  } else if (typeof options === "object") {
    encoding = options.encoding === undefined ? null : options.encoding;
  } else {
    throw invalidArgType("options", "one of type string or object", options);
  }
  // Node lets "buffer" through here; `toString("buffer")` then throws, as Node's does.
  if (encoding !== null && encoding !== "buffer" && !Buffer.isEncoding(encoding)) {
    throw new NodeTypeError(
      "ERR_INVALID_ARG_VALUE",
      `The argument 'encoding' is invalid encoding. Received ${__node.inspect(encoding)}`,
    );
  }
  return encoding;
}

// Node's error for a file that is not there: its message and own `errno`, `code`, `syscall`
// and `path`, in that order.
function notFound(path) {
  const error = new Error(`ENOENT: no such file or directory, open '${path}'`);
  error.errno = -2;
  error.code = "ENOENT";
  error.syscall = "open";
  error.path = path;
  return error;
}

function read(path, options) {
  const text = pathText(path);
  const encoding = encodingOf(options);
  const bytes = __node.embeddedFile(text);
  if (bytes === undefined) {
    throw notFound(text);
  }
  return encoding === null ? bytes : bytes.toString(encoding);
}

function readFileSync(path, options) {
  return read(path, options);
}

function existsSync(path) {
  try {
    return __node.embeddedFile(pathText(path)) !== undefined;
  } catch {
    return false;
  }
}

// `fs.promises` (`fs/promises`): the same reads, settled as a promise.
const promises = {
  async readFile(path, options) {
    return read(path, options);
  },
};

module.exports = { existsSync, promises, readFileSync };
