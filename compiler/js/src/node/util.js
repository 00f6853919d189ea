// Node's `util` module: `format` and `inspect` are the runtime's (the ones `console.log`
// uses, `runtime-lib/src/js/node/`), the rest is JavaScript of our own because it is about
// functions and promises: `promisify`, `callbackify`, `deprecate`, `inherits`,
// `isDeepStrictEqual` (`internal/comparisons.js`, shared with `assert`) and `types`.
//
//   util.format("%s=%d", "n", 42)               → "n=42"
//   util.promisify(fs.readFile)(…)              → a promise of the callback's value
"use strict";

const { NodeError, invalidArgType, validateFunction } = require("node:internal/errors");
const { isDeepStrictEqual } = require("node:internal/comparisons");

function format(...args) {
  return __node.format(...args);
}

// `inspect(value, { depth, compact, breakLength, sorted })` or the legacy
// `inspect(value, showHidden, depth)`. `depth` may be `null` or `Infinity` for no limit;
// `compact` a number or `false` (`true`, Node's older layout, is taken as the default 3).
function inspect(value, options, legacyDepth) {
  if (options !== null && typeof options === "object") {
    return __node.inspect(value, {
      depth: options.depth,
      compact: options.compact,
      breakLength: options.breakLength,
      sorted: options.sorted,
    });
  }
  return __node.inspect(value, legacyDepth === undefined ? 2 : legacyDepth);
}

function promisify(original) {
  validateFunction(original, "original");
  return function promisified(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (error, value) => {
        if (error) {
          reject(error);
        } else {
          resolve(value);
        }
      });
    });
  };
}

function callbackify(original) {
  validateFunction(original, "original");
  return function callbackified(...args) {
    const callback = args.pop();
    validateFunction(callback, "last argument");
    original.apply(this, args).then(
      (value) => process.nextTick(callback, null, value),
      (reason) => {
        // A falsy rejection reaches the callback as an error that carries it.
        if (!reason) {
          const wrapped = new NodeError(
            "ERR_FALSY_VALUE_REJECTION",
            "Promise was rejected with falsy value",
          );
          wrapped.reason = reason;
          reason = wrapped;
        }
        process.nextTick(callback, reason);
      },
    );
  };
}

// The deprecation codes already warned about: Node warns once per code.
const warnedCodes = new Set();

function deprecate(fn, message, code) {
  validateFunction(fn, "fn");
  let warned = false;
  return function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code === undefined || !warnedCodes.has(code)) {
        if (code !== undefined) {
          warnedCodes.add(code);
        }
        const tag = code === undefined ? "" : `[${code}] `;
        __node.warn(`${tag}DeprecationWarning: ${message}`);
      }
    }
    return fn.apply(this, args);
  };
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw invalidArgType("ctor", "of type function", ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw invalidArgType("superCtor", "of type function", superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw invalidArgType("superCtor.prototype", "of type object", superCtor.prototype);
  }
  Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const types = {
  isDate: (value) => __node.kind(value) === "Date",
  isRegExp: (value) => __node.kind(value) === "RegExp",
  isPromise: (value) => __node.kind(value) === "Promise",
  isMap: (value) => __node.kind(value) === "Map",
  isSet: (value) => __node.kind(value) === "Set",
  isWeakMap: (value) => __node.kind(value) === "WeakMap",
  isWeakSet: (value) => __node.kind(value) === "WeakSet",
  isNativeError: (value) => __node.kind(value) === "Error",
  isBoxedPrimitive: (value) => __node.kind(value) === "Boxed",
};


module.exports = {
  format,
  inspect,
  isDeepStrictEqual,
  promisify,
  callbackify,
  deprecate,
  inherits,
  types,
};
