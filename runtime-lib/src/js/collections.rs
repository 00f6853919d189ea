//! `Set` and `Map`, keyed by SameValueZero, in insertion order.
//!
//! ```text
//! [...new Set(["a", "b", "a"])]   → ["a", "b"]
//! new Map([["k", 1]]).get("k")    → 1
//! ```
//!
//! Entries live in a `Vec` and lookups are linear: handler-sized collections are small. A later
//! milestone can add a hash index keyed by the SameValueZero class of the value.

use std::cell::RefCell;

use super::access::call;
use super::error::Throw;
use super::operators::same_value_zero;
use super::value::{ObjectKind, Value};

fn normalize(value: &Value) -> Value {
    // -0 and +0 are the same key; the set keeps +0.
    match value {
        Value::Number(number) if *number == 0.0 => Value::Number(0.0),
        other => other.clone(),
    }
}

/// `new Set(iterable?)`.
pub fn new_set(args: &[Value]) -> Result<Value, Throw> {
    let mut items: Vec<Value> = Vec::new();
    if let Some(source) = args.first().filter(|source| !source.is_nullish()) {
        for item in super::iterate::collect(source)? {
            if !items
                .iter()
                .any(|existing| same_value_zero(existing, &item))
            {
                items.push(normalize(&item));
            }
        }
    }
    Ok(Value::object_of_kind(ObjectKind::Set(RefCell::new(items))))
}

/// `new Map(entries?)`.
pub fn new_map(args: &[Value]) -> Result<Value, Throw> {
    let mut entries: Vec<(Value, Value)> = Vec::new();
    if let Some(source) = args.first().filter(|source| !source.is_nullish()) {
        for entry in super::iterate::collect(source)? {
            let key = super::access::get(&entry, "0")?;
            let value = super::access::get(&entry, "1")?;
            match entries
                .iter_mut()
                .find(|(existing, _)| same_value_zero(existing, &key))
            {
                Some(slot) => slot.1 = value,
                None => entries.push((normalize(&key), value)),
            }
        }
    }
    Ok(Value::object_of_kind(ObjectKind::Map(RefCell::new(
        entries,
    ))))
}

/// Where a live `forEach` continues after visiting the element that was at `index`: after that
/// element wherever it is now, or at `index` again if the callback deleted it (entries added
/// meanwhile are visited, deleted ones are not, as in V8's ordered tables).
fn next_index<T>(items: &[T], index: usize, is_visited: impl Fn(&T) -> bool) -> usize {
    match items.get(index) {
        Some(item) if is_visited(item) => index + 1,
        _ => items
            .iter()
            .position(is_visited)
            .map_or(index, |found| found + 1),
    }
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// Dispatches `set.name(...)` / `map.name(...)`.
pub fn call_method(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Object(object) = receiver else {
        return None;
    };
    match &object.kind {
        ObjectKind::Set(items) => Some(match name {
            "add" => {
                let value = arg(args, 0);
                let mut items = items.borrow_mut();
                if !items
                    .iter()
                    .any(|existing| same_value_zero(existing, &value))
                {
                    items.push(normalize(&value));
                }
                Ok(receiver.clone())
            }
            "has" => Ok(Value::Bool(
                items
                    .borrow()
                    .iter()
                    .any(|item| same_value_zero(item, &arg(args, 0))),
            )),
            "delete" => {
                let mut items = items.borrow_mut();
                let before = items.len();
                items.retain(|item| !same_value_zero(item, &arg(args, 0)));
                Ok(Value::Bool(items.len() != before))
            }
            "clear" => {
                items.borrow_mut().clear();
                Ok(Value::Undefined)
            }
            "values" | "keys" => Ok(Value::array(items.borrow().clone())),
            "entries" => Ok(Value::array(
                items
                    .borrow()
                    .iter()
                    .map(|item| Value::array(vec![item.clone(), item.clone()]))
                    .collect(),
            )),
            "forEach" => (|| {
                let callback = arg(args, 0);
                let mut index = 0;
                loop {
                    // Read the slot, then release the borrow before the callback runs.
                    let Some(item) = items.borrow().get(index).cloned() else {
                        break;
                    };
                    call(&callback, &[item.clone(), item.clone(), receiver.clone()])?;
                    index = next_index(&items.borrow(), index, |other| {
                        same_value_zero(other, &item)
                    });
                }
                Ok(Value::Undefined)
            })(),
            _ => return None,
        }),
        ObjectKind::Map(entries) => Some(match name {
            "get" => Ok(entries
                .borrow()
                .iter()
                .find(|(key, _)| same_value_zero(key, &arg(args, 0)))
                .map(|(_, value)| value.clone())
                .unwrap_or_default()),
            "set" => {
                let key = arg(args, 0);
                let value = arg(args, 1);
                let mut entries = entries.borrow_mut();
                match entries
                    .iter_mut()
                    .find(|(existing, _)| same_value_zero(existing, &key))
                {
                    Some(slot) => slot.1 = value,
                    None => entries.push((normalize(&key), value)),
                }
                Ok(receiver.clone())
            }
            "has" => Ok(Value::Bool(
                entries
                    .borrow()
                    .iter()
                    .any(|(key, _)| same_value_zero(key, &arg(args, 0))),
            )),
            "delete" => {
                let mut entries = entries.borrow_mut();
                let before = entries.len();
                entries.retain(|(key, _)| !same_value_zero(key, &arg(args, 0)));
                Ok(Value::Bool(entries.len() != before))
            }
            "clear" => {
                entries.borrow_mut().clear();
                Ok(Value::Undefined)
            }
            "keys" => Ok(Value::array(
                entries
                    .borrow()
                    .iter()
                    .map(|(key, _)| key.clone())
                    .collect(),
            )),
            "values" => Ok(Value::array(
                entries
                    .borrow()
                    .iter()
                    .map(|(_, value)| value.clone())
                    .collect(),
            )),
            "entries" => Ok(Value::array(
                entries
                    .borrow()
                    .iter()
                    .map(|(key, value)| Value::array(vec![key.clone(), value.clone()]))
                    .collect(),
            )),
            "forEach" => (|| {
                let callback = arg(args, 0);
                let mut index = 0;
                loop {
                    let Some((key, value)) = entries.borrow().get(index).cloned() else {
                        break;
                    };
                    call(&callback, &[value, key.clone(), receiver.clone()])?;
                    index = next_index(&entries.borrow(), index, |(other, _)| {
                        same_value_zero(other, &key)
                    });
                }
                Ok(Value::Undefined)
            })(),
            _ => return None,
        }),
        _ => None,
    }
}
