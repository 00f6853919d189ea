//! The globals handlers may use, as the runtime provides them (`runtime-lib/src/js/globals.rs`
//! holds the same lists; a name here must be implemented there).
//!
//! ```text
//! Math.max(a, b)   → static call "Math.max"      parseInt(s)  → static call "parseInt"
//! Math.PI          → static value "Math.PI"      new Set(xs)  → constructor "Set"
//! eval(s)          → diagnostic (never supported)
//! ```

/// Namespaces whose members are called statically (`Math.max(…)`).
pub(crate) const NAMESPACES: &[&str] = &[
    "Math", "JSON", "Object", "Number", "String", "Array", "Date", "Promise", "console", "crypto",
    "process", "__node",
];

/// Global functions and static methods.
pub(crate) const STATIC_CALLS: &[&str] = &[
    "Math.abs",
    "Math.acos",
    "Math.acosh",
    "Math.asin",
    "Math.asinh",
    "Math.atan",
    "Math.atan2",
    "Math.atanh",
    "Math.cbrt",
    "Math.ceil",
    "Math.clz32",
    "Math.cos",
    "Math.cosh",
    "Math.exp",
    "Math.expm1",
    "Math.floor",
    "Math.fround",
    "Math.hypot",
    "Math.imul",
    "Math.log",
    "Math.log10",
    "Math.log1p",
    "Math.log2",
    "Math.max",
    "Math.min",
    "Math.pow",
    "Math.random",
    "Math.round",
    "Math.sign",
    "Math.sin",
    "Math.sinh",
    "Math.sqrt",
    "Math.tan",
    "Math.tanh",
    "Math.trunc",
    "JSON.stringify",
    "JSON.parse",
    "Object.keys",
    "Object.values",
    "Object.entries",
    "Object.assign",
    "Object.fromEntries",
    "Object.freeze",
    "Object.seal",
    "Object.preventExtensions",
    "Object.hasOwn",
    "Object.is",
    "Object.defineProperty",
    "Object.defineProperties",
    "Object.getOwnPropertyDescriptor",
    "Object.getOwnPropertyDescriptors",
    "Object.getOwnPropertyNames",
    "Object.setPrototypeOf",
    "Object.isFrozen",
    "Object.isSealed",
    "Object.isExtensible",
    "Object.create",
    "Object.getPrototypeOf",
    "Number",
    "Number.isInteger",
    "Number.isFinite",
    "Number.isNaN",
    "Number.isSafeInteger",
    "Number.parseInt",
    "Number.parseFloat",
    "String",
    "String.fromCharCode",
    "String.fromCodePoint",
    "Boolean",
    "Array",
    "Array.isArray",
    "Array.from",
    "Array.of",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "encodeURIComponent",
    "encodeURI",
    "decodeURIComponent",
    "decodeURI",
    "structuredClone",
    "btoa",
    "atob",
    "crypto.randomUUID",
    "Date.now",
    "Date.parse",
    "Date.UTC",
    "Promise.resolve",
    "Promise.reject",
    "Promise.all",
    "Promise.allSettled",
    "Promise.race",
    "Promise.any",
    "queueMicrotask",
    "process.nextTick",
    "process.uptime",
    "process.hrtime",
    "process.cwd",
    // Intrinsics of our Node built-in module sources only (`builtin_modules.rs`).
    "__node.inspect",
    "__node.format",
    "__node.received",
    "__node.cwd",
    "__node.kind",
    "__node.isErrorClass",
    "__node.warn",
    "__node.module",
    "setTimeout",
    "setInterval",
    "clearTimeout",
    "clearInterval",
    "console.log",
    "console.info",
    "console.warn",
    "console.error",
    "console.debug",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
];

/// Global constants.
pub(crate) const STATIC_VALUES: &[&str] = &[
    "process.env",
    "process.platform",
    "Math.PI",
    "Math.E",
    "Math.LN2",
    "Math.LN10",
    "Math.LOG2E",
    "Math.LOG10E",
    "Math.SQRT2",
    "Math.SQRT1_2",
    "Number.MAX_SAFE_INTEGER",
    "Number.MIN_SAFE_INTEGER",
    "Number.EPSILON",
    "Number.MAX_VALUE",
    "Number.MIN_VALUE",
    "Number.POSITIVE_INFINITY",
    "Number.NEGATIVE_INFINITY",
    "Number.NaN",
    "NaN",
    "Infinity",
    "Object.prototype",
];

/// Classes `new` may build.
pub(crate) const CONSTRUCTORS: &[&str] = &[
    "Date",
    "Set",
    "Map",
    "Promise",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
    "RegExp",
    "Array",
    "Object",
    "WeakMap",
    "WeakSet",
    "Number",
    "String",
    "Boolean",
];

/// Built-in Error classes a user class may extend.
pub(crate) const ERROR_CLASSES: &[&str] = &[
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
];

/// Built-in classes other than the Error classes that a user class may extend.
pub(crate) const SUBCLASSABLE: &[&str] = &["Array", "Map", "Set"];

/// Classes `instanceof` can test.
pub(crate) const INSTANCE_CLASSES: &[&str] = &[
    "Array",
    "Object",
    "Function",
    "Date",
    "Set",
    "Map",
    "RegExp",
    "Promise",
    "WeakMap",
    "WeakSet",
    "Number",
    "String",
    "Boolean",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
];

/// Static members that are deliberately unsupported, with what to write instead (others get a
/// generic message).
pub(crate) fn unsupported_static(name: &str) -> Option<&'static str> {
    Some(match name {
        name if name.starts_with("process.") => {
            "handlers have `process.env`, `process.nextTick`, `process.platform`, `process.uptime()`, `process.hrtime()` and `process.cwd()`; the server's process is not theirs to control or inspect"
        }
        _ => return None,
    })
}

/// Globals that are never supported, with what to write instead.
pub(crate) fn forbidden(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "eval" => (
            "`eval`",
            "handlers are compiled ahead of time; write the code directly instead of evaluating a string",
        ),
        "Function" => (
            "the `Function` constructor",
            "write a function expression or an arrow function instead",
        ),
        "globalThis" | "global" | "window" => (
            "the global object",
            "use module-level variables to share state between handlers",
        ),
        "setImmediate" => ("`setImmediate`", "use `setTimeout(callback, 0)`"),
        "fetch" => (
            "`fetch`",
            "not supported yet; handlers reach data through `ctx.db`",
        ),
        "Symbol" => ("`Symbol`", "use a string key instead"),
        "Proxy" | "Reflect" => ("`Proxy` and `Reflect`", "use plain objects"),
        "WeakRef" | "FinalizationRegistry" => ("weak references", "use `Map` or `WeakMap`"),
        "BigInt" => ("`BigInt`", "use numbers"),
        _ => return None,
    })
}
