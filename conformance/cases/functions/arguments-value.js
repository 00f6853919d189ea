// The `arguments` object as a value: stored, returned, passed on, its tag, JSON, keys,
// iteration, `Array.isArray`, lodash's `isArguments` test, in strict and sloppy functions.
// @request GET
// @request POST [1, "two", null]
function keep() {
  return arguments;
}
function store() {
  const record = { args: arguments };
  return record;
}
function passOn() {
  return describe(arguments);
}
function describe(args) {
  return {
    length: args.length,
    first: args[0],
    missing: args[9],
    tag: Object.prototype.toString.call(args),
    isArray: Array.isArray(args),
    type: typeof args,
    json: JSON.stringify(args),
    keys: Object.keys(args),
    entries: Object.entries(args),
    spread: [...args],
    from: Array.from(args),
    sliced: Array.prototype.slice.call(args, 1),
    mapped: Array.prototype.map.call(args, (value) => typeof value),
    forOf: (() => {
      const seen = [];
      for (const value of args) seen.push(value);
      return seen;
    })(),
    forIn: (() => {
      const seen = [];
      for (const key in args) seen.push(key);
      return seen;
    })(),
    hasLength: Object.prototype.hasOwnProperty.call(args, "length"),
    lengthEnumerable: Object.prototype.propertyIsEnumerable.call(args, "length"),
    inOperator: [0 in args, "length" in args, 5 in args],
    instance: args instanceof Object,
    constructorIsObject: args.constructor === Object,
    prototypeIsObject: Object.getPrototypeOf(args) === Object.prototype,
    assigned: Object.assign({}, args),
    spreadObject: { ...args },
    string: String(args),
  };
}
function isArguments(value) {
  return typeof value == "object" && value !== null && Object.prototype.toString.call(value) == "[object Arguments]";
}
function strictCopy(a) {
  "use strict";
  a = "changed";
  return [a, arguments[0]];
}
function writable() {
  arguments.length = 1;
  return [arguments.length, [...arguments], JSON.stringify(arguments)];
}
function forward() {
  return keep.apply(null, arguments);
}
function viaArrow() {
  const inner = () => arguments;
  return inner("ignored").length;
}

async function later() {
  await null;
  return `${Object.prototype.toString.call(arguments)} ${arguments.length} ${arguments[1]}`;
}
function* yieldAll() {
  yield* arguments;
}
const methods = {
  collect() {
    return Array.prototype.join.call(arguments, "+");
  },
};
class Recorder {
  constructor() {
    this.received = arguments;
  }
}

module.exports = async function handler(req) {
  const input = Array.isArray(req.body) ? req.body : ["x", 2];
  return {
    async: await later("a", "b"),
    generator: [...yieldAll(1, 2, 3)],
    method: methods.collect(1, 2, 3),
    constructed: JSON.stringify(new Recorder(4, 5).received),
    described: passOn(...input),
    stored: store(...input).args.length,
    returned: JSON.stringify(keep(...input)),
    isArguments: [isArguments(keep()), isArguments([]), isArguments({})],
    strict: strictCopy("original"),
    writable: writable(1, 2, 3),
    forwarded: Object.prototype.toString.call(forward(1, 2)),
    arrow: viaArrow(1, 2, 3),
    empty: [keep().length, JSON.stringify(keep()), Object.keys(keep())],
  };
};
