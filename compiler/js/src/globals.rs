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
    "Math",
    "JSON",
    "Object",
    "Number",
    "String",
    "Array",
    "Date",
    "Promise",
    "console",
    "crypto",
    "process",
    "Buffer",
    "Uint8Array",
    "ArrayBuffer",
    "URL",
    "Int8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float32Array",
    "Float64Array",
    "Symbol",
    "BigInt",
    "Reflect",
    "Proxy",
    "Intl",
    "__node",
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
    "Object.getOwnPropertySymbols",
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
    "escape",
    "unescape",
    "structuredClone",
    "btoa",
    "atob",
    "crypto.randomUUID",
    "crypto.getRandomValues",
    "Buffer.from",
    "Buffer.alloc",
    "Buffer.allocUnsafe",
    "Buffer.byteLength",
    "Buffer.concat",
    "Buffer.compare",
    "Buffer.isBuffer",
    "Buffer.isEncoding",
    "Uint8Array.from",
    "Uint8Array.of",
    "Int8Array.from",
    "Int8Array.of",
    "Uint8ClampedArray.from",
    "Uint8ClampedArray.of",
    "Int16Array.from",
    "Int16Array.of",
    "Uint16Array.from",
    "Uint16Array.of",
    "Int32Array.from",
    "Int32Array.of",
    "Uint32Array.from",
    "Uint32Array.of",
    "Float32Array.from",
    "Float32Array.of",
    "Float64Array.from",
    "Float64Array.of",
    "ArrayBuffer.isView",
    "URL.canParse",
    "Date.now",
    "Date.parse",
    "Date.UTC",
    // `Intl` (runtime feature `intl`): the services called without `new`, and their statics.
    "Intl.getCanonicalLocales",
    "Intl.NumberFormat",
    "Intl.DateTimeFormat",
    "Intl.Collator",
    "Intl.PluralRules",
    "Intl.RelativeTimeFormat",
    "Intl.ListFormat",
    "Intl.NumberFormat.supportedLocalesOf",
    "Intl.DateTimeFormat.supportedLocalesOf",
    "Intl.Collator.supportedLocalesOf",
    "Intl.PluralRules.supportedLocalesOf",
    "Intl.RelativeTimeFormat.supportedLocalesOf",
    "Intl.ListFormat.supportedLocalesOf",
    "Symbol",
    "Symbol.for",
    "Symbol.keyFor",
    "BigInt",
    "BigInt.asIntN",
    "BigInt.asUintN",
    "Reflect.apply",
    "Reflect.construct",
    "Reflect.defineProperty",
    "Reflect.deleteProperty",
    "Reflect.get",
    "Reflect.getOwnPropertyDescriptor",
    "Reflect.getPrototypeOf",
    "Reflect.has",
    "Reflect.isExtensible",
    "Reflect.ownKeys",
    "Reflect.preventExtensions",
    "Reflect.set",
    "Reflect.setPrototypeOf",
    "Proxy.revocable",
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
    "process.hrtime.bigint",
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
    "__node.fetch",
    "__node.embeddedFile",
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
    // `Intl`'s services as constructor values (`new Intl.NumberFormat(…)`).
    "Intl.NumberFormat",
    "Intl.DateTimeFormat",
    "Intl.Collator",
    "Intl.PluralRules",
    "Intl.RelativeTimeFormat",
    "Intl.ListFormat",
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
    "Symbol.iterator",
    "Symbol.asyncIterator",
    "Symbol.toPrimitive",
    "Symbol.toStringTag",
    "Symbol.hasInstance",
    "Object.prototype",
    "Array.prototype",
    "String.prototype",
    "Number.prototype",
    "Symbol.prototype",
    "Date.prototype",
    "Promise.prototype",
    "Uint8Array.BYTES_PER_ELEMENT",
    "Int8Array.BYTES_PER_ELEMENT",
    "Uint8ClampedArray.BYTES_PER_ELEMENT",
    "Int16Array.BYTES_PER_ELEMENT",
    "Uint16Array.BYTES_PER_ELEMENT",
    "Int32Array.BYTES_PER_ELEMENT",
    "Uint32Array.BYTES_PER_ELEMENT",
    "Float32Array.BYTES_PER_ELEMENT",
    "Float64Array.BYTES_PER_ELEMENT",
];

/// Free names the global object inherits from `Object.prototype` (`toString` is
/// `Object.prototype.toString`).
pub(crate) const OBJECT_PROTOTYPE_GLOBALS: &[&str] = &[
    "toString",
    "toLocaleString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
];

/// Classes `new` may build, besides [`NODE_CLASSES`].
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
    "Symbol",
    "BigInt",
    "WeakMap",
    "WeakSet",
    "Proxy",
    "Number",
    "String",
    "Boolean",
    // Calling or constructing it is a runtime `EvalError` (no code from strings), as V8's
    // `--disallow-code-generation-from-strings` gives; as a value it is `fn.constructor`.
    "Function",
];

/// The built-in classes of Node's byte, text and URL APIs: both constructors and classes
/// `instanceof` can test (see [`constructor`] and [`is_instance_class`]).
pub(crate) const NODE_CLASSES: &[&str] = &[
    "ArrayBuffer",
    "Uint8Array",
    "Int8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float32Array",
    "Float64Array",
    "BigInt64Array",
    "BigUint64Array",
    "Buffer",
    "TextEncoder",
    "TextDecoder",
    "URL",
    "URLSearchParams",
    "DataView",
    "WeakRef",
    "FinalizationRegistry",
];

/// The built-in classes V8 refuses to call without `new` (runtime-lib's `REQUIRE_NEW`):
/// `Map()` compiles to a call of the class value, which throws V8's TypeError.
pub(crate) const REQUIRE_NEW: &[&str] = &[
    "Map",
    "Set",
    "WeakMap",
    "WeakSet",
    "ArrayBuffer",
    "DataView",
    "Uint8Array",
    "Int8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float32Array",
    "Float64Array",
    "Promise",
    "URL",
    "URLSearchParams",
    "TextEncoder",
    "TextDecoder",
    "Proxy",
    "WeakRef",
    "FinalizationRegistry",
];

/// The built-in class `name` if `new` may build it.
pub(crate) fn constructor(name: &str) -> Option<&'static str> {
    CONSTRUCTORS
        .iter()
        .chain(NODE_CLASSES)
        .find(|known| **known == name)
        .copied()
}

/// Whether `new name(…)` builds a built-in class.
pub(crate) fn is_constructor(name: &str) -> bool {
    constructor(name).is_some()
}

/// Whether `x instanceof name` tests a built-in class.
pub(crate) fn is_instance_class(name: &str) -> bool {
    INSTANCE_CLASSES.contains(&name) || NODE_CLASSES.contains(&name)
}

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

/// Classes `instanceof` can test, besides [`NODE_CLASSES`].
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
        name if name.starts_with("Intl.") => {
            "handlers have `Intl.NumberFormat`, `DateTimeFormat`, `Collator`, `PluralRules`, `RelativeTimeFormat`, `ListFormat` and `getCanonicalLocales`"
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
        "setImmediate" => ("`setImmediate`", "use `setTimeout(callback, 0)`"),
        _ => return None,
    })
}

/// Whether the compiler resolves the free name `name` itself (a built-in global or namespace,
/// a global a built-in module source implements, a name it refuses, `undefined`, `arguments`).
/// Any other free name is looked up on the global object when it runs (`free_names.rs`).
pub(crate) fn resolves_free_name(name: &str) -> bool {
    matches!(name, "undefined" | "arguments")
        || crate::builtin_modules::is_global(name)
        || STATIC_VALUES.contains(&name)
        || STATIC_CALLS.contains(&name)
        || OBJECT_PROTOTYPE_GLOBALS.contains(&name)
        || forbidden(name).is_some()
        || is_constructor(name)
        || (NAMESPACES.contains(&name) && name != "__node")
}
