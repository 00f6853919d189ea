//! Host objects: built-in classes whose state is Rust data rather than JS properties
//! (`URL`, `URLSearchParams`, `TextEncoder`, `TextDecoder`, a `crypto` `Hash` or `Hmac`).
//!
//! ```text
//! new TextEncoder().encode("hi")   →   ObjectKind::Host(Box<TextEncoder>) … host.call(this, "encode", args)
//! url.pathname                     →   host.get(this, "pathname")
//! url.hash = "#top"                →   host.set(this, "hash", value)
//! ```
//!
//! Property reads, writes and method calls reach the object's [`HostObject`] implementation
//! after its own properties (see `access.rs`); everything else (JSON, `instanceof`,
//! `console.log`) asks it for its class name and its inspection text.

use std::any::Any;

use super::error::Throw;
use super::value::{ObjectKind, Value};

/// The behaviour of a host object's class.
pub trait HostObject: Any {
    /// The class name (`URL`), for `instanceof`, `constructor.name` and tags.
    fn class(&self) -> &'static str;
    /// The methods its prototype has (a read of one gives a function value).
    fn methods(&self) -> &'static [&'static str];
    /// A property its prototype defines as an accessor (`url.href`), or `None`.
    fn get(&self, this: &Value, key: &str) -> Option<Result<Value, Throw>>;
    /// A write to an accessor with a setter; `None` makes an ordinary own property.
    fn set(&self, _this: &Value, _key: &str, _value: &Value) -> Option<Result<(), Throw>> {
        None
    }
    /// Calls a method of its prototype; `None` when it has no such method.
    fn call(&self, this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>>;
    /// What `console.log` prints for it.
    fn inspect(&self, this: &Value) -> String {
        let _ = this;
        format!("{} {{}}", self.class())
    }
    /// For downcasting to the concrete class.
    fn as_any(&self) -> &dyn Any;
}

/// A new host object.
pub fn new_host(object: impl HostObject) -> Value {
    Value::object_of_kind(ObjectKind::Host(Box::new(object)))
}

/// The host object inside `value` as a `T`, if it is one.
pub fn host_ref<T: 'static>(value: &Value) -> Option<&T> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Host(host) => host.as_any().downcast_ref::<T>(),
            _ => None,
        },
        _ => None,
    }
}

/// The class name of a host object value.
pub fn host_class(value: &Value) -> Option<&'static str> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Host(host) => Some(host.class()),
            _ => None,
        },
        _ => None,
    }
}

/// A method of a host object's prototype as a function value (`const f = url.toString`).
pub fn method_value(name: &'static str, class: &'static str) -> Value {
    Value::arrow_function(name, 0, move |this, args| {
        let found = match this {
            Value::Object(object) => match &object.kind {
                ObjectKind::Host(host) if host.class() == class => host.call(this, name, args),
                _ => None,
            },
            _ => None,
        };
        found.unwrap_or_else(|| {
            Err(Throw::type_error(format!(
                "Value of \"this\" must be of type {class}"
            )))
        })
    })
}

/// The class name of an object of a byte or host kind (`ArrayBuffer`, `Uint8Array`,
/// `Buffer`, `URL`, …); `None` for the other kinds.
pub fn native_class(kind: &ObjectKind) -> Option<&'static str> {
    match kind {
        ObjectKind::ArrayBuffer(_) => Some("ArrayBuffer"),
        ObjectKind::Bytes(view) => Some(view.class.name()),
        ObjectKind::Host(host) => Some(host.class()),
        _ => None,
    }
}
