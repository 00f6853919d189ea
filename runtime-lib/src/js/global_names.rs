//! Free names: an identifier no declaration binds is a property of the global object, as in
//! JavaScript's global environment record. The compiler passes the global object (the exports
//! of `internal/global.js`, one per isolate registry) and the name:
//!
//! ```text
//! counter            →  rt::global_read(&global, "counter")?     // ReferenceError when absent
//! counter = 5        →  rt::global_write(&global, "counter", v, strict)?
//! typeof counter     →  rt::global_typeof(&global, "counter")?   // "undefined" when absent
//! ```
//!
//! Declared bindings never come here; they are Rust locals.

use super::error::Throw;
use super::value::Value;

/// Whether the global object has `name`, own or inherited (HasBinding of the object record).
fn has(global: &Value, name: &str) -> Result<bool, Throw> {
    super::operators::has_property(&Value::str(name), global)
}

/// What V8 throws for a free name the global object does not have.
fn not_defined(name: &str) -> Throw {
    Throw::error("ReferenceError", format!("{name} is not defined"))
}

/// Reads the free name `name`: the global object's property, or V8's `ReferenceError`.
pub fn global_read(global: &Value, name: &'static str) -> Result<Value, Throw> {
    if !has(global, name)? {
        return Err(not_defined(name));
    }
    super::access::get(global, name)
}

/// Assigns the free name `name`. Sloppy code creates the property when it is missing; strict
/// code (an ES module, `"use strict"`) throws V8's `ReferenceError` then, and V8's `TypeError`
/// for a read-only one (`undefined = 1`).
pub fn global_write(
    global: &Value,
    name: &'static str,
    value: Value,
    strict: bool,
) -> Result<(), Throw> {
    if strict {
        if !has(global, name)? {
            return Err(not_defined(name));
        }
        return super::access::set_strict(global, name, value);
    }
    super::access::set(global, name, value)
}

/// `typeof name` for a free name: "undefined" when the global object has no such property.
pub fn global_typeof(global: &Value, name: &'static str) -> Result<Value, Throw> {
    if !has(global, name)? {
        return Ok(Value::str("undefined"));
    }
    Ok(super::operators::type_of_value(&super::access::get(
        global, name,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::convert::to_string;

    fn message(outcome: Result<impl Sized, Throw>) -> String {
        match outcome {
            Ok(_) => "no throw".to_string(),
            Err(thrown) => to_string(&thrown.value)
                .map(|text| text.to_rust().into_owned())
                .unwrap_or_default(),
        }
    }

    #[test]
    fn a_missing_name_throws_and_types_as_undefined() {
        let global = Value::object([("present", Value::Number(1.0))]);
        assert_eq!(
            message(global_read(&global, "absent")),
            "ReferenceError: absent is not defined"
        );
        let kind = global_typeof(&global, "absent").unwrap();
        assert_eq!(to_string(&kind).unwrap().to_rust(), "undefined");
        let kind = global_typeof(&global, "present").unwrap();
        assert_eq!(to_string(&kind).unwrap().to_rust(), "number");
        // Inherited from Object.prototype, as on V8's global object.
        assert!(global_read(&global, "hasOwnProperty").is_ok());
    }

    #[test]
    fn sloppy_writes_create_the_property_and_strict_ones_need_it() {
        let global = Value::object([("present", Value::Number(1.0))]);
        assert_eq!(
            message(global_write(&global, "created", Value::Number(5.0), true)),
            "ReferenceError: created is not defined"
        );
        global_write(&global, "created", Value::Number(5.0), false).unwrap();
        let read = global_read(&global, "created").unwrap();
        assert_eq!(to_string(&read).unwrap().to_rust(), "5");
        global_write(&global, "present", Value::Number(2.0), true).unwrap();
        let read = global_read(&global, "present").unwrap();
        assert_eq!(to_string(&read).unwrap().to_rust(), "2");
    }
}
