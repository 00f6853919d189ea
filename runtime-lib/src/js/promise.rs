//! Settled promises: what `async` functions return and `await` unwraps.
//!
//! Execution is synchronous (see ARCHITECTURE.md), so a promise is always already settled:
//!
//! ```text
//! async function f() { return 1 }   →  body compiled as usual, result wrapped: rt::settle(result)
//! await p                          →  rt::await_value(p)?   (fulfilled → value, rejected → throw)
//! ```

use super::error::Throw;
use super::value::{ObjectKind, Value};

/// Wraps an `async` function's outcome in a promise (adopting a returned promise).
pub fn settle(result: Result<Value, Throw>) -> Result<Value, Throw> {
    Ok(match result {
        Ok(value) if is_promise(&value) => value,
        Ok(value) => Value::object_of_kind(ObjectKind::Promise(Ok(value))),
        // Running out of time is not a rejection: it keeps unwinding.
        Err(thrown) if !thrown.is_catchable() => return Err(thrown),
        Err(thrown) => Value::object_of_kind(ObjectKind::Promise(Err(thrown.value))),
    })
}

/// Whether `value` is a promise.
pub fn is_promise(value: &Value) -> bool {
    matches!(value, Value::Object(object) if matches!(object.kind, ObjectKind::Promise(_)))
}

/// `await value`.
pub fn await_value(value: Value) -> Result<Value, Throw> {
    match &value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Promise(Ok(fulfilled)) => Ok(fulfilled.clone()),
            ObjectKind::Promise(Err(rejected)) => Err(Throw::new(rejected.clone())),
            _ => Ok(value),
        },
        _ => Ok(value),
    }
}

/// `Promise.resolve(value)`.
pub fn resolve(value: Value) -> Value {
    if is_promise(&value) {
        value
    } else {
        Value::object_of_kind(ObjectKind::Promise(Ok(value)))
    }
}

/// `Promise.reject(reason)`.
pub fn reject(reason: Value) -> Value {
    Value::object_of_kind(ObjectKind::Promise(Err(reason)))
}

/// `Promise.all(iterable)`: fulfilled with every value, or rejected with the first rejection.
pub fn all(iterable: &Value) -> Result<Value, Throw> {
    let mut values = Vec::new();
    for item in super::iterate::collect(iterable)? {
        match await_value(item) {
            Ok(value) => values.push(value),
            Err(thrown) => return Ok(reject(thrown.value)),
        }
    }
    Ok(resolve(Value::array(values)))
}

/// Dispatches `promise.then/catch/finally` (callbacks run at once: the promise is settled).
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Object(object) = receiver else {
        return None;
    };
    let ObjectKind::Promise(state) = &object.kind else {
        return None;
    };
    let arg = |index: usize| args.get(index).cloned().unwrap_or_default();
    let run = |callback: Value, value: Value| match callback {
        Value::Function(_) => settle(super::access::call(&callback, &[value])),
        _ => Ok(receiver.clone()),
    };
    Some(match (name, state) {
        ("then", Ok(value)) => run(arg(0), value.clone()),
        ("then", Err(reason)) => run(arg(1), reason.clone()),
        ("catch", Err(reason)) => run(arg(0), reason.clone()),
        ("catch", Ok(_)) => Ok(receiver.clone()),
        ("finally", _) => {
            if let Value::Function(_) = arg(0)
                && let Err(thrown) = super::access::call(&arg(0), &[])
            {
                return Some(Ok(reject(thrown.value)));
            }
            Ok(receiver.clone())
        }
        _ => return None,
    })
}
