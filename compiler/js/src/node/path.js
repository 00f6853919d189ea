// Node's `path` module, POSIX flavour (`path.posix` is the module itself; `path.win32` is not
// provided). Written as JavaScript because it is string work on JavaScript strings; checked
// against Node's own module by `compiler/js/tests/node_sources.rs` and the conformance cases.
//
//   path.join("/a", "b/../c", "./d")   → "/a/c/d"
//   path.resolve("x")                  → process.cwd() + "/x"
//
// `process.cwd()` is the server process's working directory (`__node.cwd()`), as in Node.
"use strict";

const { validateString, validateObject } = require("node:internal/errors");

// The segments of `path` with `.` removed and `..` applied; a `..` above the start is kept
// only when the path is relative (`allowAboveRoot`).
function normalizeSegments(path, allowAboveRoot) {
  const out = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") {
      continue;
    }
    if (segment === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") {
        out.pop();
      } else if (allowAboveRoot) {
        out.push("..");
      }
      continue;
    }
    out.push(segment);
  }
  return out.join("/");
}

function resolve(...paths) {
  let resolved = "";
  let absolute = false;
  for (let i = paths.length - 1; i >= -1 && !absolute; i--) {
    let path;
    if (i >= 0) {
      path = paths[i];
      validateString(path, `paths[${i}]`);
    } else {
      path = __node.cwd();
    }
    if (path.length === 0) {
      continue;
    }
    resolved = `${path}/${resolved}`;
    absolute = path.charCodeAt(0) === 47;
  }
  resolved = normalizeSegments(resolved, !absolute);
  if (absolute) {
    return `/${resolved}`;
  }
  return resolved.length > 0 ? resolved : ".";
}

function normalize(path) {
  validateString(path, "path");
  if (path.length === 0) {
    return ".";
  }
  const absolute = path.charCodeAt(0) === 47;
  const trailingSeparator = path.charCodeAt(path.length - 1) === 47;
  let normalized = normalizeSegments(path, !absolute);
  if (normalized.length === 0) {
    if (absolute) {
      return "/";
    }
    return trailingSeparator ? "./" : ".";
  }
  if (trailingSeparator) {
    normalized += "/";
  }
  return absolute ? `/${normalized}` : normalized;
}

function isAbsolute(path) {
  validateString(path, "path");
  return path.length > 0 && path.charCodeAt(0) === 47;
}

function join(...paths) {
  if (paths.length === 0) {
    return ".";
  }
  const parts = [];
  for (const path of paths) {
    validateString(path, "path");
    if (path.length > 0) {
      parts.push(path);
    }
  }
  if (parts.length === 0) {
    return ".";
  }
  return normalize(parts.join("/"));
}

function relative(from, to) {
  validateString(from, "from");
  validateString(to, "to");
  if (from === to) {
    return "";
  }
  const fromParts = resolve(from).split("/").filter((part) => part !== "");
  const toParts = resolve(to).split("/").filter((part) => part !== "");
  let common = 0;
  while (
    common < fromParts.length &&
    common < toParts.length &&
    fromParts[common] === toParts[common]
  ) {
    common++;
  }
  const up = [];
  for (let i = common; i < fromParts.length; i++) {
    up.push("..");
  }
  return up.concat(toParts.slice(common)).join("/");
}

function toNamespacedPath(path) {
  return path;
}

function dirname(path) {
  validateString(path, "path");
  if (path.length === 0) {
    return ".";
  }
  const hasRoot = path.charCodeAt(0) === 47;
  let end = -1;
  let matchedSlash = true;
  for (let i = path.length - 1; i >= 1; --i) {
    if (path.charCodeAt(i) === 47) {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else {
      matchedSlash = false;
    }
  }
  if (end === -1) {
    return hasRoot ? "/" : ".";
  }
  if (hasRoot && end === 1) {
    return "//";
  }
  return path.slice(0, end);
}

// The last segment, without trailing slashes: [start, end) in `path`.
function lastSegment(path) {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) {
    end--;
  }
  let start = end;
  while (start > 0 && path.charCodeAt(start - 1) !== 47) {
    start--;
  }
  return [start, end];
}

function basename(path, suffix) {
  if (suffix !== undefined) {
    validateString(suffix, "suffix");
  }
  validateString(path, "path");
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    const [start, end] = lastSegment(path);
    return path.slice(start, end);
  }
  if (suffix === path) {
    return "";
  }
  // Node matches the suffix from the end of the path, skipping the trailing slashes only for
  // where the name ends: a suffix that does not match leaves the name whole, a match that
  // consumes the name entirely leaves it too, and a path of slashes alone is returned as is.
  let start = 0;
  let end = -1;
  let suffixIndex = suffix.length - 1;
  let nameEnd = -1;
  for (let i = path.length - 1; i >= 0; --i) {
    const code = path.charCodeAt(i);
    if (code === 47) {
      if (nameEnd !== -1) {
        start = i + 1;
        break;
      }
      continue;
    }
    if (nameEnd === -1) {
      nameEnd = i + 1;
    }
    if (suffixIndex >= 0) {
      if (code === suffix.charCodeAt(suffixIndex)) {
        suffixIndex--;
        if (suffixIndex === -1) {
          end = i;
        }
      } else {
        suffixIndex = -1;
        end = nameEnd;
      }
    }
  }
  if (start === end) {
    end = nameEnd;
  } else if (end === -1) {
    end = path.length;
  }
  return path.slice(start, end);
}

// The extension of the last segment: from its last `.`, unless that dot starts the segment
// (`.profile`) or the segment is `..`.
function extensionStart(base) {
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || base === "..") {
    return -1;
  }
  return dot;
}

function extname(path) {
  validateString(path, "path");
  const [start, end] = lastSegment(path);
  const base = path.slice(start, end);
  const dot = extensionStart(base);
  return dot === -1 ? "" : base.slice(dot);
}

function format(pathObject) {
  validateObject(pathObject, "pathObject");
  const dir = pathObject.dir || pathObject.root;
  let ext = pathObject.ext || "";
  if (ext !== "" && ext[0] !== ".") {
    ext = `.${ext}`;
  }
  const base = pathObject.base || `${pathObject.name || ""}${ext}`;
  if (!dir) {
    return base;
  }
  return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
}

function parse(path) {
  validateString(path, "path");
  const parsed = { root: "", dir: "", base: "", ext: "", name: "" };
  if (path.length === 0) {
    return parsed;
  }
  const absolute = path.charCodeAt(0) === 47;
  if (absolute) {
    parsed.root = "/";
  }
  const [start, end] = lastSegment(path);
  const base = path.slice(start, end);
  if (end === 0 || base.length === 0) {
    parsed.dir = parsed.root;
    return parsed;
  }
  parsed.base = base;
  // Node's parse exempts `..` from having an extension except right after the root
  // (`path.parse("/..").ext` is "."): its scan of an absolute path starts past the root.
  const dot = absolute && start === 1 && base === ".." ? 1 : extensionStart(base);
  if (dot === -1) {
    parsed.name = base;
  } else {
    parsed.name = base.slice(0, dot);
    parsed.ext = base.slice(dot);
  }
  if (start > 0) {
    parsed.dir = path.slice(0, start - 1);
    if (parsed.dir === "" && absolute) {
      parsed.dir = "/";
    }
  } else if (absolute) {
    parsed.dir = "/";
  }
  return parsed;
}

const path = {
  resolve,
  normalize,
  isAbsolute,
  join,
  relative,
  toNamespacedPath,
  dirname,
  basename,
  extname,
  format,
  parse,
  sep: "/",
  delimiter: ":",
  posix: null,
};
path.posix = path;

module.exports = path;
