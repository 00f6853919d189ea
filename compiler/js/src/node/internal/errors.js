// Node's coded errors (`ERR_INVALID_ARG_TYPE`, `ERR_ASSERTION`, …) for our built-in module
// sources: an instance of the error class with an own enumerable `code`, and a `toString`
// that shows the code, as Node's `lib/internal/errors.js` makes them:
//
//   String(new NodeTypeError("ERR_X", "bad"))   → "TypeError [ERR_X]: bad"
//   Object.keys(error)                          → ["code"]
"use strict";

class NodeError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

class NodeTypeError extends TypeError {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

class NodeRangeError extends RangeError {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

class NodeURIError extends URIError {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

// `The "path" argument must be of type string. Received type number (1)`; a dotted name is a
// property (`The "options.depth" property …`).
function invalidArgType(name, expected, value) {
  let subject;
  if (name.endsWith(" argument")) {
    subject = `The ${name}`;
  } else {
    subject = `The "${name}" ${name.includes(".") ? "property" : "argument"}`;
  }
  return new NodeTypeError(
    "ERR_INVALID_ARG_TYPE",
    `${subject} must be ${expected}. Received ${__node.received(value)}`,
  );
}

function validateString(value, name) {
  if (typeof value !== "string") {
    throw invalidArgType(name, "of type string", value);
  }
}

function validateFunction(value, name) {
  if (typeof value !== "function") {
    throw invalidArgType(name, "of type function", value);
  }
}

function validateObject(value, name) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidArgType(name, "of type object", value);
  }
}

module.exports = {
  NodeError,
  NodeTypeError,
  NodeRangeError,
  NodeURIError,
  invalidArgType,
  validateString,
  validateFunction,
  validateObject,
};
