//! Node's built-in modules: what `require("crypto")`, `require("node:buffer")` or
//! `import { createHash } from "node:crypto"` load.
//!
//! ```text
//! const crypto = require("crypto");   →   modules.require("node:crypto", |_| Ok(rt::node::module("crypto")))?
//! ```
//!
//! The compiler's registry (`compiler/js/src/builtin_modules.rs`) maps each specifier to a
//! module name and its export names; [`module`] builds the namespace object of that name, one
//! file per module. The generated code caches it in the isolate's module registry, so a module
//! is built once per isolate and `require("crypto") === require("node:crypto")`.
//!
//! Node's own errors (`ERR_INVALID_ARG_TYPE`, `ERR_OUT_OF_RANGE`, …) are built here with their
//! `code` property and Node's exact messages.

pub mod buffer;
pub mod crypto;
pub mod url;

use super::error::{Throw, new_error};
use super::value::Value;

/// The namespace object of the built-in module `name` (`crypto`, `buffer`, `url`).
pub fn module(name: &str) -> Value {
    match name {
        "crypto" => crypto::module(),
        "buffer" => buffer::module(),
        "url" => url::module(),
        _ => Value::object(Vec::<(&str, Value)>::new()),
    }
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
        format!("{subject} must be {expected}. Received {}", received(value)),
    )
}

/// `ERR_OUT_OF_RANGE`: `The value of "<name>" is out of range. It must be <range>. Received <value>`.
pub fn out_of_range(name: &str, range: &str, value: &Value) -> Throw {
    let shown = match value {
        // Node separates the digits of integers beyond 2³² (`4_294_967_297`).
        Value::Number(number) if number.fract() == 0.0 && number.abs() > 4_294_967_296.0 => {
            let digits = super::number::to_string(number.abs());
            let mut grouped = String::new();
            for (index, digit) in digits.chars().enumerate() {
                if index > 0 && (digits.len() - index).is_multiple_of(3) {
                    grouped.push('_');
                }
                grouped.push(digit);
            }
            if *number < 0.0 {
                format!("-{grouped}")
            } else {
                grouped
            }
        }
        Value::Number(number) => super::number::to_string(*number),
        other => received(other),
    };
    node_error(
        "RangeError",
        "ERR_OUT_OF_RANGE",
        format!("The value of \"{name}\" is out of range. It must be {range}. Received {shown}"),
    )
}

/// How Node's errors describe a received value: `type number (5)`, `type string ('x')`,
/// `an instance of Object`, `undefined`.
pub fn received(value: &Value) -> String {
    match value {
        Value::Undefined => "undefined".to_string(),
        Value::Null => "null".to_string(),
        Value::Number(number) => format!("type number ({})", super::number::to_string(*number)),
        Value::Bool(flag) => format!("type boolean ({flag})"),
        Value::Symbol(symbol) => format!(
            "type symbol ({})",
            super::symbol::descriptive_string(symbol)
        ),
        Value::String(text) => {
            let text = text.to_rust();
            let shown: String = if text.chars().count() > 25 {
                format!("{}...", text.chars().take(25).collect::<String>())
            } else {
                text.to_string()
            };
            format!("type string ('{shown}')")
        }
        Value::Function(function) if function.name.is_empty() => "function ".to_string(),
        Value::Function(function) => format!("function {}", function.name),
        Value::Array(_) => "an instance of Array".to_string(),
        Value::Object(_) => {
            let constructor = super::class::constructor_of(value);
            match &constructor {
                Value::Function(function) => format!("an instance of {}", function.name),
                _ => "an instance of Object".to_string(),
            }
        }
    }
}
