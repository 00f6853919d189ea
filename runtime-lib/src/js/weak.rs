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
use super::operators::strict_eq;
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
    let map = Value::object_of_kind(ObjectKind::WeakMap(RefCell::new(Vec::new())));
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
    let set = Value::object_of_kind(ObjectKind::WeakSet(RefCell::new(Vec::new())));
    if let Some(source) = args.first().filter(|source| !source.is_nullish()) {
        for value in super::iterate::collect(source)? {
            call_method(&set, "add", &[value]).unwrap_or(Ok(Value::Undefined))?;
        }
    }
    Ok(set)
}

/// Dispatches `weakMap.name(...)` / `weakSet.name(...)`.
pub fn call_method(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Object(object) = receiver else {
        return None;
    };
    let key = arg(args, 0);
    match &object.kind {
        ObjectKind::WeakMap(entries) => {
            let position = || {
                entries
                    .borrow()
                    .iter()
                    .position(|(existing, _)| strict_eq(existing, &key))
            };
            Some(match name {
                "get" => Ok(position()
                    .map(|index| entries.borrow()[index].1.clone())
                    .unwrap_or_default()),
                "has" => Ok(Value::Bool(position().is_some())),
                "set" => {
                    if !is_object(&key) {
                        return Some(Err(Throw::type_error(MAP_KEY_ERROR)));
                    }
                    let value = arg(args, 1);
                    match position() {
                        Some(index) => entries.borrow_mut()[index].1 = value,
                        None => entries.borrow_mut().push((key, value)),
                    }
                    Ok(receiver.clone())
                }
                "delete" => Ok(Value::Bool(match position() {
                    Some(index) => {
                        entries.borrow_mut().remove(index);
                        true
                    }
                    None => false,
                })),
                _ => return None,
            })
        }
        ObjectKind::WeakSet(items) => {
            let position = || {
                items
                    .borrow()
                    .iter()
                    .position(|existing| strict_eq(existing, &key))
            };
            Some(match name {
                "has" => Ok(Value::Bool(position().is_some())),
                "add" => {
                    if !is_object(&key) {
                        return Some(Err(Throw::type_error(SET_VALUE_ERROR)));
                    }
                    if position().is_none() {
                        items.borrow_mut().push(key);
                    }
                    Ok(receiver.clone())
                }
                "delete" => Ok(Value::Bool(match position() {
                    Some(index) => {
                        items.borrow_mut().remove(index);
                        true
                    }
                    None => false,
                })),
                _ => return None,
            })
        }
        _ => None,
    }
}
