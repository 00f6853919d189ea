// The global object (`globalThis`, and Node's `global`), as JavaScript of our own: the
// compiler binds those two global names to this module's exports (`builtin_modules.rs`,
// `GLOBALS`), so a module reading either loads it once per registry, and what a handler
// stores there (`globalThis.counter = …`) lives as long as other module state.
//
//   typeof globalThis          → "object"       global === globalThis → true
//   globalThis.Object === Object → true          globalThis.window     → undefined
//
// Node's enumerable globals come first, in Node's order, as far as handlers have them
// (`setImmediate`, `clearImmediate`, `performance`, `fetch` and `crypto` are not here, so
// `Object.keys(globalThis)` is shorter than Node's); the language's globals are hidden, as in
// V8. `undefined`, `NaN` and `Infinity` are read-only. The free name `x` is not looked up
// here: a global assigned through `globalThis.x = …` is read back as `globalThis.x`.
"use strict";

const { AbortController, AbortSignal } = require("node:internal/abort");

const global = {};

function define(name, value, enumerable) {
  Object.defineProperty(global, name, { value, writable: true, enumerable, configurable: true });
}

define("global", global, true);
define("clearInterval", clearInterval, true);
define("clearTimeout", clearTimeout, true);
define("setInterval", setInterval, true);
define("setTimeout", setTimeout, true);
define("queueMicrotask", queueMicrotask, true);
define("structuredClone", structuredClone, true);
define("atob", atob, true);
define("btoa", btoa, true);

for (const [name, value] of [
  ["Object", Object],
  ["Function", Function],
  ["Array", Array],
  ["Number", Number],
  ["parseFloat", parseFloat],
  ["parseInt", parseInt],
  ["Boolean", Boolean],
  ["String", String],
  ["Symbol", Symbol],
  ["Date", Date],
  ["Promise", Promise],
  ["RegExp", RegExp],
  ["Error", Error],
  ["EvalError", EvalError],
  ["RangeError", RangeError],
  ["ReferenceError", ReferenceError],
  ["SyntaxError", SyntaxError],
  ["TypeError", TypeError],
  ["URIError", URIError],
  ["globalThis", global],
  ["JSON", JSON],
  ["Math", Math],
  ["ArrayBuffer", ArrayBuffer],
  ["Uint8Array", Uint8Array],
  ["Int8Array", Int8Array],
  ["Uint16Array", Uint16Array],
  ["Int16Array", Int16Array],
  ["Uint32Array", Uint32Array],
  ["Int32Array", Int32Array],
  ["Float32Array", Float32Array],
  ["Float64Array", Float64Array],
  ["Uint8ClampedArray", Uint8ClampedArray],
  ["DataView", DataView],
  ["Map", Map],
  ["Set", Set],
  ["WeakMap", WeakMap],
  ["WeakSet", WeakSet],
  ["decodeURI", decodeURI],
  ["decodeURIComponent", decodeURIComponent],
  ["encodeURI", encodeURI],
  ["encodeURIComponent", encodeURIComponent],
  ["escape", escape],
  ["unescape", unescape],
  ["isFinite", isFinite],
  ["isNaN", isNaN],
  ["Buffer", Buffer],
  ["URL", URL],
  ["URLSearchParams", URLSearchParams],
  ["TextEncoder", TextEncoder],
  ["TextDecoder", TextDecoder],
  ["AbortController", AbortController],
  ["AbortSignal", AbortSignal],
]) {
  define(name, value, false);
}
for (const [name, value] of [["undefined", undefined], ["NaN", NaN], ["Infinity", Infinity]]) {
  Object.defineProperty(global, name, { value, writable: false, enumerable: false, configurable: false });
}

Object.defineProperty(global, Symbol.toStringTag, { value: "global", writable: false, enumerable: false, configurable: true });

module.exports = { globalThis: global, global };
