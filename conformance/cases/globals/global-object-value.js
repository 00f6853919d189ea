// The global object as a value: `globalThis` and `global` are one object, its members are
// the globals themselves, state stored on it lasts across requests, `window`/`self` are not
// defined (as in Node), and `Function(…)` is not reached when `global` exists (lodash's root).
// @request GET
// @request GET
"use strict";

const root = typeof global == "object" && global && global.Object === Object && global;
const freeSelf = typeof self == "object" && self && self.Object === Object && self;
const detected = root || freeSelf || Function("return this")();

globalThis.requestCount = (globalThis.requestCount || 0);

module.exports = function handler() {
  globalThis.requestCount += 1;
  global.lastSeen = "handler";
  const g = globalThis;
  return {
    types: [typeof globalThis, typeof global, typeof window, typeof self, typeof g.window],
    same: [global === globalThis, detected === globalThis, g.globalThis === g, g.global === g],
    members: [
      g.Object === Object,
      g.Array === Array,
      g.Math.max(1, 2),
      g.JSON.stringify([1]),
      g.setTimeout === setTimeout,
      typeof g.setTimeout,
      g.parseInt("7px"),
      g.String(12),
      g.Function === Function,
      g.Symbol === Symbol,
      g.Buffer === Buffer,
      g.Error === Error,
      g.NaN,
      g.undefined,
      typeof g.Promise,
      g.Date === Date,
      new g.Map([[1, 2]]).get(1),
      g.Object.keys({ a: 1 }),
    ],
    state: [globalThis.requestCount, g.lastSeen, "lastSeen" in globalThis, g.notStored],
    descriptors: [
      Object.getOwnPropertyDescriptor(globalThis, "Object").enumerable,
      Object.getOwnPropertyDescriptor(globalThis, "global").enumerable,
      Object.getOwnPropertyDescriptor(globalThis, "requestCount").enumerable,
      Object.keys(globalThis).includes("lastSeen"),
      Object.keys(globalThis).includes("setTimeout"),
      Object.keys(globalThis).includes("Object"),
    ],
    tag: Object.prototype.toString.call(globalThis),
    computed: ["parseFloat", "missing"].map((name) => typeof globalThis[name]),
  };
};
