//! Global functions and the static members of the built-in namespaces (`Math`, `JSON`,
//! `Object`, `Number`, `String`, `Array`, `Date`, `Promise`, `console`).
//!
//! The compiler resolves a call to a global it knows at compile time and emits one call by
//! name; the runtime dispatches on that name:
//!
//! ```text
//! Math.max(1, n)      → rt::call_static("Math.max", &[Value::Number(1.0), n])?
//! parseInt(s, 10)     → rt::call_static("parseInt", &[s, Value::Number(10.0)])?
//! .filter(Boolean)    → .filter(rt::static_fn("Boolean"))
//! new Set(words)      → rt::construct("Set", &[words])?
//! Math.PI             → rt::static_value("Math.PI")
//! ```
//!
//! `STATIC_CALLS`, `STATIC_VALUES` and `CONSTRUCTORS` list what exists; the compiler checks
//! names against its copy of these lists and reports the others as unsupported.

use super::convert::{to_number, to_string, truthy};
use super::error::{ERROR_CLASSES, Throw, new_error};
use super::number;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// Every name `call_static` accepts.
pub const STATIC_CALLS: &[&str] = &[
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

/// Every name `static_value` accepts.
pub const STATIC_VALUES: &[&str] = &[
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

/// Every class `construct` accepts, besides [`NODE_CLASSES`] (see [`is_constructor`]).
pub const CONSTRUCTORS: &[&str] = &[
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
];

/// The built-in classes of Node's byte, text and URL APIs: their values carry the class name
/// (`builtin`), so their statics answer through any binding (`require("buffer").Buffer.from`).
pub const NODE_CLASSES: &[&str] = &[
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

/// The built-in classes that V8 refuses to call without `new`.
pub const REQUIRE_NEW: &[&str] = &[
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

/// V8's TypeError message for calling the built-in class `name` without `new`, if it must be
/// constructed.
pub fn call_without_new(name: &str) -> Option<String> {
    if !REQUIRE_NEW.contains(&name) {
        return None;
    }
    Some(match name {
        "Promise" => "Promise constructor cannot be invoked without 'new'".to_string(),
        // Node's own classes are JS classes.
        "URL" | "URLSearchParams" | "TextEncoder" | "TextDecoder" => {
            format!("Class constructor {name} cannot be invoked without 'new'")
        }
        _ => format!("Constructor {name} requires 'new'"),
    })
}

/// Whether `construct` builds the built-in class `name`.
pub fn is_constructor(name: &str) -> bool {
    CONSTRUCTORS.contains(&name) || NODE_CLASSES.contains(&name)
}

/// `Class.name(...args)` for a built-in class value whose statics are global calls
/// (`Buffer.from` through `const { Buffer } = require("buffer")`).
pub fn builtin_static(class: &str, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let full = STATIC_CALLS.iter().find(|full| {
        full.strip_prefix(class)
            .and_then(|rest| rest.strip_prefix('.'))
            == Some(name)
    })?;
    Some(call_static(full, args))
}

/// `Class.name` read as a value (a static method of a built-in class value).
pub fn builtin_static_value(class: &str, name: &str) -> Option<Value> {
    if let Some(value) = super::bytes::static_value(&format!("{class}.{name}")) {
        return Some(value);
    }
    let full = STATIC_CALLS.iter().find(|full| {
        full.strip_prefix(class)
            .and_then(|rest| rest.strip_prefix('.'))
            == Some(name)
    })?;
    Some(static_fn(full))
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// Calls the global function or static method `name` (see [`STATIC_CALLS`]).
pub fn call_static(name: &str, args: &[Value]) -> Result<Value, Throw> {
    if let Some(method) = name.strip_prefix("Object.")
        && let Some(result) = super::object_methods::call_static(method, args)
    {
        return result;
    }
    if let Some(intrinsic) = name.strip_prefix("__node.") {
        return super::node::call(intrinsic, args);
    }
    if let Some(level) = name.strip_prefix("console.") {
        return Ok(super::console::log(level, args));
    }
    if is_error_class(name) {
        return construct(name, args);
    }
    if let Some(function) = name.strip_prefix("Math.")
        && let Some(result) = super::math::call(function, args)
    {
        return result;
    }
    if let Some(result) = super::uri::call(name, args) {
        return result;
    }
    if let Some(result) = super::base64::call(name, args) {
        return result;
    }
    if let Some(result) = super::bytes::call_static(name, args)
        .or_else(|| super::node::buffer::call_static(name, args))
        .or_else(|| super::node::url::call_static(name, args))
    {
        return result;
    }
    if let Some(function) = name.strip_prefix("Promise.")
        && let Some(result) = super::promise_combinators::call(function, args)
    {
        return result;
    }
    if let Some(function) = name.strip_prefix("process.")
        && let Some(result) = super::process::call(function, args)
    {
        return result;
    }
    if let Some(function) = name.strip_prefix("Symbol.")
        && let Some(result) = super::symbol::call_static(function, args)
    {
        return result;
    }
    if let Some(function) = name.strip_prefix("BigInt.")
        && let Some(result) = super::bigint_global::call_static(function, args)
    {
        return result;
    }
    if let Some(function) = name.strip_prefix("Reflect.")
        && let Some(result) = super::reflect::call_static(function, args)
    {
        return result;
    }
    #[cfg(feature = "intl")]
    if let Some(member) = name.strip_prefix("Intl.") {
        return super::intl::call_static(member, args);
    }
    if let Some(function) = name.strip_prefix("crypto.")
        && let Some(result) = super::crypto::call(function, args)
    {
        return result;
    }
    match name {
        "structuredClone" => super::clone::structured_clone(args),
        "Array" => construct("Array", args),
        "String.fromCodePoint" => from_code_point(args),
        "JSON.stringify" => super::json::stringify_value(args),
        "JSON.parse" => super::json::parse_value(args),
        "Number" => Ok(Value::Number(match args.first() {
            None => 0.0,
            // `Number(big)` is the one conversion of a BigInt to a number that does not throw.
            Some(value) => match super::convert::to_primitive_number(value)? {
                Value::BigInt(big) => super::bigint::to_f64(&big),
                primitive => to_number(&primitive)?,
            },
        })),
        "Number.isInteger" | "Number.isSafeInteger" | "Number.isFinite" | "Number.isNaN" => {
            let Value::Number(x) = arg(args, 0) else {
                return Ok(Value::Bool(false));
            };
            Ok(Value::Bool(match name {
                "Number.isInteger" => x.is_finite() && x.trunc() == x,
                "Number.isSafeInteger" => {
                    x.is_finite() && x.trunc() == x && x.abs() <= 9_007_199_254_740_991.0
                }
                "Number.isFinite" => x.is_finite(),
                _ => x.is_nan(),
            }))
        }
        "parseInt" | "Number.parseInt" => {
            let text = to_string(&arg(args, 0))?;
            let radix = number::to_int32(to_number(&arg(args, 1))?);
            Ok(Value::Number(number::parse_int(&text.to_rust(), radix)))
        }
        "parseFloat" | "Number.parseFloat" => {
            let text = to_string(&arg(args, 0))?;
            Ok(Value::Number(number::parse_float(&text.to_rust())))
        }
        "isNaN" => Ok(Value::Bool(to_number(&arg(args, 0))?.is_nan())),
        "isFinite" => Ok(Value::Bool(to_number(&arg(args, 0))?.is_finite())),
        "String" => Ok(Value::String(match args.first() {
            None => super::string::JsString::empty(),
            // `String(symbol)` is the one conversion of a symbol to text that does not throw.
            Some(Value::Symbol(symbol)) => {
                JsString::new(&super::symbol::descriptive_string(symbol))
            }
            Some(value) => to_string(value)?,
        })),
        "Symbol" => super::symbol::call(args),
        "BigInt" => super::bigint_global::call(args),
        "String.fromCharCode" => {
            let mut units = Vec::with_capacity(args.len());
            for value in args {
                units.push(number::to_uint32(to_number(value)?) as u16);
            }
            Ok(Value::String(super::string::JsString::from_units(&units)))
        }
        "Boolean" => Ok(Value::Bool(truthy(&arg(args, 0)))),
        "Array.isArray" => Ok(Value::Bool(match arg(args, 0) {
            Value::Array(_) => true,
            other => super::proxy::proxy_of(&other).is_some_and(|proxy| proxy.is_array),
        })),
        "Proxy.revocable" => super::proxy::revocable(args),
        "Array.from" => super::array::from(args),
        "Array.of" => Ok(Value::array(args.to_vec())),
        "Date.now" => Ok(Value::Number(super::date::now())),
        "Date.parse" => Ok(Value::Number(super::date::parse(
            &to_string(&arg(args, 0))?.to_rust(),
        ))),
        "Date.UTC" => super::date::utc(args),
        "Promise.resolve" => super::promise::resolve(arg(args, 0)),
        "Promise.reject" => Ok(super::promise::reject(arg(args, 0))),
        "queueMicrotask" => super::microtasks::queue_microtask(&arg(args, 0)),
        "setTimeout" => super::timers::set_timer(args, false),
        "setInterval" => super::timers::set_timer(args, true),
        "clearTimeout" | "clearInterval" => Ok(super::timers::clear_timer(&arg(args, 0))),
        _ => Err(Throw::type_error(format!("{name} is not a function"))),
    }
}

/// The Error classes: the runtime's list plus `URIError`.
pub(crate) fn is_error_class(name: &str) -> bool {
    ERROR_CLASSES.contains(&name) || name == "URIError"
}

/// `String.fromCodePoint(...codePoints)`.
fn from_code_point(args: &[Value]) -> Result<Value, Throw> {
    let mut units = Vec::with_capacity(args.len());
    for value in args {
        let number = to_number(value)?;
        if number.fract() != 0.0 || !(0.0..=1_114_111.0).contains(&number) {
            return Err(Throw::range_error(format!(
                "Invalid code point {}",
                to_string(value)?
            )));
        }
        let code_point = number as u32;
        match char::from_u32(code_point) {
            Some(c) => units.extend(c.encode_utf16(&mut [0; 2]).iter().copied()),
            // A surrogate code point stands for itself.
            None => units.push(code_point as u16),
        }
    }
    Ok(Value::String(JsString::from_units(&units)))
}

/// A global function as a value, e.g. `Boolean` in `.filter(Boolean)`.
pub fn static_fn(name: &'static str) -> Value {
    let short = name.rsplit('.').next().unwrap_or(name);
    // `Number.parseFloat` is the global `parseFloat` itself.
    let canonical = match name {
        "Number.parseFloat" => "parseFloat",
        "Number.parseInt" => "parseInt",
        other => other,
    };
    Value::builtin_function(short, canonical, 1, move |_, args| call_static(name, args))
}

/// `Math` or `JSON` read as a value (`Math[method]`, `const { max } = Math`): an object with
/// the namespace's functions and constants as Node has them — not enumerable (so
/// `Object.keys(Math)` is `[]` and `JSON.stringify(Math)` is `{}`), the constants read-only,
/// and `[Symbol.toStringTag]` naming it. Each read makes a new object, so `Math === Math` is
/// false here (no JS value may outlive a call in a thread-local).
pub fn namespace_value(name: &str) -> Result<Value, Throw> {
    let namespace = Value::object(Vec::<(&str, Value)>::new());
    let describe = |value: Value, writable: bool, configurable: bool| {
        Value::object(vec![
            ("value", value),
            ("writable", Value::Bool(writable)),
            ("enumerable", Value::Bool(false)),
            ("configurable", Value::Bool(configurable)),
        ])
    };
    let prefix = format!("{name}.");
    for full in STATIC_CALLS.iter().copied() {
        if let Some(member) = full.strip_prefix(prefix.as_str()) {
            let descriptor = describe(static_fn(full), true, true);
            super::descriptors::define_property(&namespace, &Value::str(member), &descriptor)?;
        }
    }
    if name == "Math" {
        for constant in [
            "E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2",
        ] {
            let value = super::math::constant(constant).unwrap_or(f64::NAN);
            let descriptor = describe(Value::Number(value), false, false);
            super::descriptors::define_property(&namespace, &Value::str(constant), &descriptor)?;
        }
    }
    let tag = describe(Value::str(name), false, true);
    super::descriptors::define_property(
        &namespace,
        &super::symbol::well_known("toStringTag"),
        &tag,
    )?;
    Ok(namespace)
}

/// The value of a static constant (see [`STATIC_VALUES`]).
pub fn static_value(name: &str) -> Value {
    // `Array.prototype`, `Object.prototype`, …: their methods are values callable on any
    // receiver (`builtin_prototypes.rs`).
    if let Some(class) = name.strip_suffix(".prototype")
        && let Some(class) = super::builtin_prototypes::CLASSES
            .iter()
            .find(|known| **known == class)
    {
        return super::prototype::builtin_prototype(class);
    }
    if let Some(value) = name
        .strip_prefix("process.")
        .and_then(super::process::value)
    {
        return value;
    }
    if let Some(value) = super::bytes::static_value(name) {
        return value;
    }
    #[cfg(feature = "intl")]
    if let Some(value) = name
        .strip_prefix("Intl.")
        .and_then(super::intl::static_value)
    {
        return value;
    }
    if let Some(symbol) = name.strip_prefix("Symbol.")
        && let Some(known) = super::symbol::WELL_KNOWN
            .iter()
            .find(|known| **known == symbol)
    {
        return super::symbol::well_known(known);
    }
    if let Some(value) = name.strip_prefix("Math.").and_then(super::math::constant) {
        return Value::Number(value);
    }
    Value::Number(match name {
        "Number.MAX_SAFE_INTEGER" => 9_007_199_254_740_991.0,
        "Number.MIN_SAFE_INTEGER" => -9_007_199_254_740_991.0,
        "Number.EPSILON" => f64::EPSILON,
        "Number.MAX_VALUE" => f64::MAX,
        "Number.MIN_VALUE" => 5e-324,
        "Number.POSITIVE_INFINITY" | "Infinity" => f64::INFINITY,
        "Number.NEGATIVE_INFINITY" => f64::NEG_INFINITY,
        _ => f64::NAN,
    })
}

/// `new Name(...args)` for a built-in class (see [`CONSTRUCTORS`]).
pub fn construct(name: &str, args: &[Value]) -> Result<Value, Throw> {
    if is_error_class(name) {
        let message = match arg(args, 0) {
            Value::Undefined => String::new(),
            other => to_string(&other)?.to_string(),
        };
        let error = new_error(name, &message);
        // `new Error(message, { cause })` gives the error an own `cause` (not enumerable in V8,
        // an ordinary property here).
        if let Value::Object(options) = arg(args, 1)
            && let Some(cause) = options.props.borrow().get(&JsString::new("cause"))
        {
            super::access::set(&error, "cause", cause.clone())?;
        }
        return Ok(error);
    }
    match name {
        "Date" => super::date::construct(args),
        "Set" => super::collections::new_set(args),
        "Map" => super::collections::new_map(args),
        "Promise" => super::promise::construct(&arg(args, 0)),
        "RegExp" => super::regexp::construct(&arg(args, 0), &arg(args, 1)),
        "Array" => match args {
            // `new Array(n)`: n holes, stored sparsely (`new Array(1e9)` allocates nothing).
            [Value::Number(length)] => Ok(Value::Array(std::rc::Rc::new(
                super::elements::JsArray::with_length(super::elements::valid_length(*length)?),
            ))),
            other => Ok(Value::array(other.to_vec())),
        },
        // `Object(value)` / `new Object(value)`: ToObject (an object is returned as it is, a
        // primitive wrapped, `null`/`undefined` give a new object).
        "Object" => Ok(match arg(args, 0) {
            value @ (Value::Object(_) | Value::Array(_) | Value::Function(_)) => value,
            Value::Undefined | Value::Null => Value::object(Vec::<(&str, Value)>::new()),
            Value::Number(number) => {
                Value::object_of_kind(ObjectKind::Primitive(Value::Number(number)))
            }
            Value::String(text) => {
                Value::object_of_kind(ObjectKind::Primitive(Value::String(text)))
            }
            Value::Bool(flag) => Value::object_of_kind(ObjectKind::Primitive(Value::Bool(flag))),
            // No `Object(symbol)` or `Object(1n)` wrapper: the primitive itself.
            primitive @ (Value::Symbol(_) | Value::BigInt(_)) => primitive,
        }),
        // `Function(…)` / `new Function(…)`: handlers are compiled ahead of time, so code from
        // strings is refused as V8 refuses it under `--disallow-code-generation-from-strings`,
        // which feature-detecting packages (`try { new Function("") }`) expect.
        "Function" => Err(Throw::error(
            "EvalError",
            "Code generation from strings disallowed for this context",
        )),
        "WeakMap" => super::weak::new_weak_map(args),
        "ArrayBuffer" => super::bytes::new_array_buffer(args),
        "Uint8Array" | "Int8Array" | "Uint8ClampedArray" | "Int16Array" | "Uint16Array"
        | "Int32Array" | "Uint32Array" | "Float32Array" | "Float64Array" | "BigInt64Array"
        | "BigUint64Array" => {
            let class =
                super::bytes::ViewClass::named(name).unwrap_or(super::bytes::ViewClass::Uint8Array);
            super::bytes::construct_view(args, class)
        }
        // `new Buffer(…)` is deprecated; it behaves as `Buffer.from`/`Buffer.alloc`.
        "Buffer" => match args.first() {
            Some(Value::Number(_)) => call_static("Buffer.alloc", &args[..1]),
            _ => call_static("Buffer.from", args),
        },
        "TextEncoder" => Ok(super::text_encoding::construct_encoder()),
        "DataView" => super::data_view::construct(args),
        "TextDecoder" => super::text_encoding::construct_decoder(args),
        "URL" => super::node::url::construct_url(args),
        "URLSearchParams" => super::node::url::construct_params(args),
        "Symbol" => Err(Throw::type_error("Symbol is not a constructor")),
        "BigInt" => Err(Throw::type_error("BigInt is not a constructor")),
        "WeakSet" => super::weak::new_weak_set(args),
        "WeakRef" => super::weak_ref::new_weak_ref(args),
        "Proxy" => super::proxy::construct(args),
        "FinalizationRegistry" => super::weak_ref::new_finalization_registry(args),
        // Primitive wrappers: objects around a primitive (`typeof` "object", `===` by identity).
        "Number" => Ok(Value::object_of_kind(ObjectKind::Primitive(Value::Number(
            match args.first() {
                Some(value) => to_number(value)?,
                None => 0.0,
            },
        )))),
        "String" => Ok(Value::object_of_kind(ObjectKind::Primitive(Value::String(
            match args.first() {
                Some(value) => to_string(value)?,
                None => JsString::empty(),
            },
        )))),
        "Boolean" => Ok(Value::object_of_kind(ObjectKind::Primitive(Value::Bool(
            truthy(&arg(args, 0)),
        )))),
        // `new Intl.NumberFormat(…)`: the service's value (`intl::static_value`) is a built-in
        // constructor, which `class::new_instance` sends here by its canonical name.
        #[cfg(feature = "intl")]
        service if service.starts_with("Intl.") => {
            super::intl::construct(&service["Intl.".len()..], args)
        }
        _ => Err(Throw::type_error(format!("{name} is not a constructor"))),
    }
}

/// `value instanceof Name` for a built-in class.
pub fn instance_of(value: &Value, name: &str) -> bool {
    match (value, name) {
        (Value::Array(_), "Array" | "Object") => true,
        (Value::Function(_), "Function" | "Object") => true,
        (Value::Object(object), "Object") => {
            !matches!(object.kind, ObjectKind::Prototype("Object"))
                && !super::prototype::has_null_prototype(object)
        }
        (Value::Object(object), _) => match (&object.kind, name) {
            (ObjectKind::WeakMap(_), "WeakMap")
            | (ObjectKind::WeakSet(_), "WeakSet")
            | (ObjectKind::Primitive(Value::Number(_)), "Number")
            | (ObjectKind::Primitive(Value::String(_)), "String")
            | (ObjectKind::Primitive(Value::Bool(_)), "Boolean") => true,
            (ObjectKind::Date(_), "Date")
            | (ObjectKind::Set(_), "Set")
            | (ObjectKind::Map(_), "Map")
            | (ObjectKind::RegExp(_), "RegExp")
            | (ObjectKind::Promise(_), "Promise")
            | (ObjectKind::Error(_), "Error") => true,
            (ObjectKind::Bytes(view), class) => {
                class == view.class.tag() || class == view.class.name()
            }
            (ObjectKind::ArrayBuffer(_), "ArrayBuffer") => true,
            (ObjectKind::Host(host), class) => host.class() == class,
            (ObjectKind::Error(data), class) => {
                *data.name.borrow() == super::string::JsString::new(class)
            }
            _ => false,
        },
        _ => false,
    }
}
