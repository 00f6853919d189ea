//! Thrown values and the built-in Error objects.
//!
//! Every fallible runtime function returns `Result<Value, Throw>`; compiled code propagates with
//! `?`, so a JS `throw` is a Rust early return:
//!
//! ```text
//! throw new TypeError("bad")   →   return Err(Throw::new(rt::construct("TypeError", &[..])?))
//! undefined.x                  →   Err(TypeError "Cannot read properties of undefined (reading 'x')")
//! ```

use std::cell::RefCell;

use super::string::JsString;
use super::value::{ErrorData, ObjectKind, Value};

/// A thrown JavaScript value.
#[derive(Clone, Debug)]
pub struct Throw {
    /// What was thrown (any value, usually an Error object).
    pub value: Value,
    /// The request ran out of its time budget (`budget.rs`): no `catch` may handle it and no
    /// `finally` runs; it unwinds to the bridge, which answers 504.
    pub uncatchable: bool,
    /// `generator.return(v)` unwinding the generator's body (`generator.rs`): no `catch`
    /// handles it, `finally` blocks run, and the generator answers `{ value, done: true }`.
    pub generator_return: bool,
}

impl Throw {
    /// Throws `value`.
    pub fn new(value: Value) -> Self {
        Throw {
            value,
            uncatchable: false,
            generator_return: false,
        }
    }

    /// The unwinding `generator.return(value)` starts at the suspended `yield`.
    pub fn generator_return(value: Value) -> Self {
        Throw {
            value,
            uncatchable: false,
            generator_return: true,
        }
    }

    /// Whether `finally` blocks run as this unwinds (all but running out of time).
    pub fn runs_finally(&self) -> bool {
        !self.uncatchable
    }

    /// The unwinding that ends a request past its time budget.
    pub fn budget_exceeded() -> Self {
        Throw {
            value: new_error("Error", "the handler ran past its time budget"),
            uncatchable: true,
            generator_return: false,
        }
    }

    /// Whether a JS `catch` may handle it.
    pub fn is_catchable(&self) -> bool {
        !self.uncatchable && !self.generator_return
    }

    /// Throws a new error object of class `name` (`Error`, `TypeError`, …).
    pub fn error(name: &str, message: impl Into<String>) -> Self {
        Throw::new(new_error(name, &message.into()))
    }

    /// Throws a `TypeError`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Throw::error("TypeError", message)
    }

    /// Throws a `RangeError`.
    pub fn range_error(message: impl Into<String>) -> Self {
        Throw::error("RangeError", message)
    }

    /// Throws a `SyntaxError`.
    pub fn syntax_error(message: impl Into<String>) -> Self {
        Throw::error("SyntaxError", message)
    }
}

/// A new Error object of class `name` with `message`.
pub fn new_error(name: &str, message: &str) -> Value {
    Value::object_of_kind(ObjectKind::Error(ErrorData {
        name: RefCell::new(JsString::new(name)),
        message: RefCell::new(JsString::new(message)),
    }))
}

/// The `name` and `message` of an Error object, if `value` is one.
pub fn error_parts(value: &Value) -> Option<(String, String)> {
    match value {
        Value::Object(object) => match &object.kind {
            // `name` as a read gives it: an own property defined on the instance (Node's
            // `AssertionError` does so) wins over the class's.
            ObjectKind::Error(data) => Some((
                match super::access::get(value, "name") {
                    Ok(Value::String(name)) => name.to_string(),
                    _ => data.name.borrow().to_string(),
                },
                data.message.borrow().to_string(),
            )),
            _ => None,
        },
        _ => None,
    }
}

/// The classes `new X(message)` may build.
pub const ERROR_CLASSES: [&str; 6] = [
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
];

/// The `stack` of an error. Compiled code has no JS call frames, so the stack is the first line
/// V8 would print followed by one frame naming the compiled handler.
pub fn stack_string(value: &Value) -> String {
    match error_parts(value) {
        Some((name, message)) if message.is_empty() => format!("{name}\n    at <compiled handler>"),
        Some((name, message)) => format!("{name}: {message}\n    at <compiled handler>"),
        None => String::new(),
    }
}
