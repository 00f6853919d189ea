//! `WeakMap` and `WeakSet`: collections keyed by object identity, without iteration.
//!
//! ```text
//! const wm = new WeakMap(); wm.set(key, "meta"); wm.get(key) → "meta"
//! wm.set("string key", 1)   → TypeError: Invalid value used as weak map key
//! new WeakSet([1])          → TypeError: Invalid value used in weak set
//! ```
//!
//! The keys are held strongly. JS cannot observe the difference (no iteration, no size), and
//! every value lives in one isolate that handler calls share, so the only cost is that an entry
//! whose key became unreachable stays until the collection itself is dropped.

use std::cell::RefCell;

use super::error::Throw;
use super::ordered_table::OrderedTable;
use super::value::{ObjectKind, Value};

const MAP_KEY_ERROR: &str = "Invalid value used as weak map key";
const SET_VALUE_ERROR: &str = "Invalid value used in weak set";

/// Whether a value can be a weak key: objects, arrays and functions.
fn is_object(value: &Value) -> bool {
    matches!(
        value,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    )
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// `new WeakMap(entries?)`.
pub fn new_weak_map(args: &[Value]) -> Result<Value, Throw> {
    let map = Value::object_of_kind(ObjectKind::WeakMap(RefCell::new(OrderedTable::new())));
    if let Some(source) = args.first().filter(|source| !source.is_nullish()) {
        for entry in super::iterate::collect(source)? {
            let key = super::access::get(&entry, "0")?;
            let value = super::access::get(&entry, "1")?;
            call_method(&map, "set", &[key, value]).unwrap_or(Ok(Value::Undefined))?;
        }
    }
    Ok(map)
}

/// `new WeakSet(values?)`.
pub fn new_weak_set(args: &[Value]) -> Result<Value, Throw> {
    let set = Value::object_of_kind(ObjectKind::WeakSet(RefCell::new(OrderedTable::new())));
    if let Some(source) = args.first().filter(|source| !source.is_nullish()) {
        for value in super::iterate::collect(source)? {
            call_method(&set, "add", &[value]).unwrap_or(Ok(Value::Undefined))?;
        }
    }
    Ok(set)
}

/// Dispatches `weakMap.name(...)` / `weakSet.name(...)`; the entries live in the same hashed
/// table as a Map's (`ordered_table.rs`), keyed by identity since keys are objects.
pub fn call_method(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Object(object) = receiver else {
        return None;
    };
    let key = arg(args, 0);
    let (table, is_map) = match &object.kind {
        ObjectKind::WeakMap(table) => (table, true),
        ObjectKind::WeakSet(table) => (table, false),
        _ => return None,
    };
    Some(match (name, is_map) {
        ("get", true) => Ok(table.borrow().get(&key).cloned().unwrap_or_default()),
        ("has", _) => Ok(Value::Bool(table.borrow().has(&key))),
        ("set", true) | ("add", false) => {
            if !is_object(&key) {
                let message = if is_map {
                    MAP_KEY_ERROR
                } else {
                    SET_VALUE_ERROR
                };
                return Some(Err(Throw::type_error(message)));
            }
            let value = if is_map {
                arg(args, 1)
            } else {
                Value::Undefined
            };
            table.borrow_mut().set(&key, value);
            Ok(receiver.clone())
        }
        ("delete", _) => Ok(Value::Bool(table.borrow_mut().delete(&key))),
        _ => return None,
    })
}
