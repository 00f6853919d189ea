//! `Promise.allSettled`, `Promise.race` and `Promise.any` over the runtime's settled promises
//! (`promise.rs`: every promise a compiled handler sees has already settled, so each
//! combinator decides at once, in iteration order, as the microtask queue would).
//!
//! ```text
//! Promise.allSettled([Promise.resolve(1), Promise.reject(e), 3])
//!   → fulfilled with [{status: "fulfilled", value: 1}, {status: "rejected", reason: e}, {status: "fulfilled", value: 3}]
//! Promise.race([p1, p2])                       → settles like p1
//! Promise.any([Promise.reject(a), "b"])        → fulfilled with "b"
//! Promise.any([Promise.reject(a)])             → rejected with AggregateError: All promises were rejected
//! ```

use super::error::{Throw, new_error};
use super::promise::{await_value, reject, resolve};
use super::value::Value;

/// Calls `Promise.<name>(iterable)`; `None` for other names.
pub fn call(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let iterable = args.first().cloned().unwrap_or_default();
    Some(match name {
        "allSettled" => all_settled(&iterable),
        "race" => race(&iterable),
        "any" => any(&iterable),
        _ => return None,
    })
}

fn all_settled(iterable: &Value) -> Result<Value, Throw> {
    let mut outcomes = Vec::new();
    for item in super::iterate::collect(iterable)? {
        outcomes.push(match await_value(item) {
            Ok(value) => Value::object([("status", Value::str("fulfilled")), ("value", value)]),
            Err(thrown) => {
                Value::object([("status", Value::str("rejected")), ("reason", thrown.value)])
            }
        });
    }
    Ok(resolve(Value::array(outcomes)))
}

fn race(iterable: &Value) -> Result<Value, Throw> {
    match super::iterate::collect(iterable)?.into_iter().next() {
        Some(first) => Ok(match await_value(first) {
            Ok(value) => resolve(value),
            Err(thrown) => reject(thrown.value),
        }),
        // In Node the race never settles; a compiled handler cannot wait forever.
        None => Ok(reject(new_error(
            "Error",
            "Promise.race([]) never settles; compiled handlers cannot wait for it",
        ))),
    }
}

fn any(iterable: &Value) -> Result<Value, Throw> {
    let mut reasons = Vec::new();
    for item in super::iterate::collect(iterable)? {
        match await_value(item) {
            Ok(value) => return Ok(resolve(value)),
            Err(thrown) => reasons.push(thrown.value),
        }
    }
    let error = new_error("AggregateError", "All promises were rejected");
    super::access::set(&error, "errors", Value::array(reasons))?;
    Ok(reject(error))
}
