//! What Node's built-in modules need from the runtime, and the modules implemented in Rust.
//!
//! Most modules (`path`, `util`, `events`, `querystring`, `assert`) are JavaScript of our own
//! that the compiler embeds and compiles like handler modules (`compiler/js/src/node/*.js`,
//! listed in `compiler/js/src/builtin_modules.rs`). Those whose semantics are Rust's (`crypto`,
//! `buffer`, `url`: one file each here) are one-line units, `module.exports =
//! __node.module("crypto")`, taking the namespace object [`module`] builds. Either way the unit
//! is cached in the isolate's module registry, so `require("crypto") === require("node:crypto")`.
//! The sources reach the runtime through the `__node.*` intrinsics below, which handler code
//! cannot name:
//!
//! ```text
//! __node.inspect(value, options) → util.inspect's text (the console's formatter, `console.rs`)
//! __node.format(...args)         → util.format (`format.rs`, shared with console.log)
//! __node.received(value)         → how Node's ERR_INVALID_ARG_TYPE describes a value
//! __node.cwd()                   → the server process's working directory (path.resolve)
//! __node.kind(value)             → "Date", "RegExp", "Promise", "Map", "Set", "Error", … (util.types)
//! __node.isErrorClass(value)     → whether it is `Error` or one of the built-in error classes
//! __node.warn(text)              → a process warning, logged once per call site by the caller
//! __node.module(name)            → the namespace of a module implemented in Rust ([`module`])
//! __node.fetch(method, url, …)   → the promise of one HTTP exchange (`js/fetch/`)
//! __node.embeddedFile(path)      → a Buffer of a file the build embedded, or undefined
//!                                  (`fs.js`; [`embedded_files`])
//! ```
//!
//! Node's own errors (`ERR_INVALID_ARG_TYPE`, `ERR_OUT_OF_RANGE`, …) are built here with their
//! `code` property and Node's exact messages.

pub mod buffer;
pub mod crypto;
pub mod embedded_files;
pub mod format;
pub mod url;

use super::console;
use super::convert::to_number;
use super::error::{Throw, new_error};
use super::value::{ObjectKind, Value};

/// The names [`call`] accepts, after `__node.`.
pub const INTRINSICS: &[&str] = &[
    "inspect",
    "format",
    "received",
    "cwd",
    "kind",
    "isErrorClass",
    "warn",
    "module",
    "fetch",
    "embeddedFile",
];

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// Calls the intrinsic `name` (`__node.<name>(…)`).
pub fn call(name: &str, args: &[Value]) -> Result<Value, Throw> {
    match name {
        "inspect" => Ok(Value::str(&console::inspect_with(
            &arg(args, 0),
            &inspect_options(&arg(args, 1))?,
        ))),
        "format" => Ok(Value::str(&format::format(args)?)),
        "received" => Ok(Value::str(&console::received(&arg(args, 0)))),
        "cwd" => Ok(Value::str(
            &std::env::current_dir()
                .map(|dir| dir.display().to_string())
                .unwrap_or_else(|_| "/".to_string()),
        )),
        "kind" => Ok(Value::str(kind(&arg(args, 0)))),
        "isErrorClass" => Ok(Value::Bool(match arg(args, 0) {
            // A built-in constructor is native (no source text) and named after its class.
            Value::Function(function) => {
                function.source.get().is_none()
                    && super::globals::is_error_class(&function.name.to_rust())
            }
            _ => false,
        })),
        "warn" => Ok(console::log("warn", &[arg(args, 0)])),
        "fetch" => super::fetch::start(args),
        "embeddedFile" => Ok(match &arg(args, 0) {
            Value::String(path) => embedded_files::read(&path.to_rust())
                .map_or(Value::Undefined, |bytes| buffer::buffer(bytes.to_vec())),
            _ => Value::Undefined,
        }),
        "module" => module(&super::convert::to_string(&arg(args, 0))?.to_rust()),
        other => Err(Throw::type_error(format!(
            "__node.{other} is not a function"
        ))),
    }
}

/// `util.inspect`'s options: a depth (a number, `null` or `Infinity` for none) or an object of
/// `depth`, `compact` (a number or `false`), `breakLength` and `sorted`.
fn inspect_options(options: &Value) -> Result<console::InspectOptions, Throw> {
    let depth_of = |value: &Value| -> Result<Option<u32>, Throw> {
        Ok(match value {
            Value::Null => None,
            Value::Undefined => Some(2),
            other => {
                let depth = to_number(other)?;
                depth.is_finite().then(|| depth.max(0.0) as u32)
            }
        })
    };
    let Value::Object(_) = options else {
        return Ok(console::InspectOptions::with_depth(depth_of(options)?));
    };
    let field = |name: &str| super::access::get(options, name);
    let mut result = console::InspectOptions::with_depth(depth_of(&field("depth")?)?);
    match field("compact")? {
        Value::Bool(false) => result.compact = None,
        Value::Number(n) if n >= 0.0 => result.compact = Some(n as usize),
        _ => {}
    }
    if let Value::Number(n) = field("breakLength")? {
        result.break_length = n;
    }
    result.sorted = matches!(field("sorted")?, Value::Bool(true));
    Ok(result)
}

/// A Node error: `name` (`TypeError`, `RangeError`, `Error`), `message` and `code`.
pub fn node_error(name: &str, code: &str, message: impl Into<String>) -> Throw {
    let error = new_error(name, &message.into());
    let _ = super::access::set_key(
        &error,
        super::string::JsString::new("code"),
        Value::str(code),
    );
    Throw::new(error)
}

/// `ERR_INVALID_ARG_TYPE`: `The "<name>" argument must be <expected>. Received …`.
pub fn invalid_arg_type(name: &str, expected: &str, value: &Value) -> Throw {
    let subject = if name.contains(' ') {
        name.to_string()
    } else {
        format!("The \"{name}\" argument")
    };
    node_error(
        "TypeError",
        "ERR_INVALID_ARG_TYPE",
        format!(
            "{subject} must be {expected}. Received {}",
            console::received(value)
        ),
    )
}

/// `ERR_OUT_OF_RANGE`: `The value of "<name>" is out of range. It must be <range>. Received <value>`.
/// Integer digits in groups of three joined by `_`, after any sign (Node's
/// `addNumericalSeparator`).
fn separated(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", text),
    };
    let mut grouped = String::from(sign);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('_');
        }
        grouped.push(digit);
    }
    grouped
}

pub fn out_of_range(name: &str, range: &str, value: &Value) -> Throw {
    let shown = match value {
        // Node separates the digits of integers beyond 2³² (`4_294_967_297`).
        Value::Number(number) if number.fract() == 0.0 && number.abs() > 4_294_967_296.0 => {
            separated(&super::number::to_string(*number))
        }
        Value::Number(number) => super::number::to_string(*number),
        // BigInts too, with their `n` (`9_223_372_036_854_775_808n`).
        Value::BigInt(big) if big.magnitude() > &num_bigint::BigUint::from(4_294_967_296u64) => {
            format!("{}n", separated(&big.to_string()))
        }
        Value::BigInt(big) => format!("{big}n"),
        other => console::received(other),
    };
    node_error(
        "RangeError",
        "ERR_OUT_OF_RANGE",
        format!("The value of \"{name}\" is out of range. It must be {range}. Received {shown}"),
    )
}

/// The built-in class behind an object, for `util.types.is*`.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "Array",
        Value::Function(_) => "Function",
        Value::Object(object) => match &object.kind {
            ObjectKind::Date(_) => "Date",
            ObjectKind::RegExp(_) => "RegExp",
            ObjectKind::Promise(_) => "Promise",
            ObjectKind::Map(_) => "Map",
            ObjectKind::Set(_) => "Set",
            ObjectKind::WeakMap(_) => "WeakMap",
            ObjectKind::WeakSet(_) => "WeakSet",
            ObjectKind::Error(_) => "Error",
            ObjectKind::Primitive(_) => "Boxed",
            _ => "Object",
        },
        _ => "primitive",
    }
}

/// The namespace object of the built-in module `name` implemented in Rust.
pub fn module(name: &str) -> Result<Value, Throw> {
    match name {
        "crypto" => Ok(crypto::module()),
        "buffer" => Ok(buffer::module()),
        "url" => Ok(url::module()),
        _ => Err(Throw::error(
            "Error",
            format!("No such built-in module: node:{name}"),
        )),
    }
}
