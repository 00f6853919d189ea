// Loads our built-in module sources (`compiler/js/src/node/*.js`) in Node itself, with the
// `__node` intrinsics played by Node's own functions, so `check.cjs` can compare them with
// Node's real modules on many inputs. Not shipped: a test aid.
"use strict";

const fs = require("fs");
const path = require("path");
const util = require("util");

const root = path.join(__dirname, "../../src/node");

// How Node's ERR_INVALID_ARG_TYPE messages describe a value, taken from Node itself.
function received(value) {
  try {
    if (typeof value === "function") {
      path.join(value);
    } else {
      util.promisify(value);
    }
  } catch (error) {
    return error.message.replace(/^[^]*?Received /, "");
  }
  throw new Error("no description for the value");
}

const intrinsics = {
  inspect: (value, options) =>
    util.inspect(value, options !== null && typeof options === "object" ? options : { depth: options }),
  format: (...args) => util.format(...args),
  received,
  cwd: () => process.cwd(),
  kind(value) {
    if (Array.isArray(value)) return "Array";
    if (typeof value === "function") return "Function";
    if (value === null || typeof value !== "object") return "primitive";
    if (util.types.isDate(value)) return "Date";
    if (util.types.isRegExp(value)) return "RegExp";
    if (util.types.isPromise(value)) return "Promise";
    if (util.types.isMap(value)) return "Map";
    if (util.types.isSet(value)) return "Set";
    if (util.types.isWeakMap(value)) return "WeakMap";
    if (util.types.isWeakSet(value)) return "WeakSet";
    if (util.types.isNativeError(value)) return "Error";
    if (util.types.isBoxedPrimitive(value)) return "Boxed";
    return "Object";
  },
  isErrorClass: (value) =>
    [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError].includes(value),
  warnings: [],
  warn(text) {
    intrinsics.warnings.push(text);
  },
};

const cache = new Map();

function load(specifier) {
  const name = specifier.replace(/^node:/, "");
  if (cache.has(name)) return cache.get(name).exports;
  const file = path.join(root, `${name}.js`);
  const source = fs.readFileSync(file, "utf8");
  const module = { exports: {} };
  cache.set(name, module);
  const evaluate = new Function("module", "exports", "require", "__node", source);
  evaluate(module, module.exports, load, intrinsics);
  return module.exports;
}

module.exports = { load, intrinsics };
