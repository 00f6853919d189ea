//! `Set` and `Map`, keyed by SameValueZero, in insertion order.
//!
//! ```text
//! [...new Set(["a", "b", "a"])]   → ["a", "b"]
//! new Map([["k", 1]]).get("k")    → 1
//! ```
//!
//! Both store their entries in an [`OrderedTable`] (hashed lookups, live iteration); methods
//! that walk the collection (`forEach`, `keys()`, `entries()`, …) see additions and deletions
//! made while they run, as V8's do.

use std::cell::RefCell;

use super::access::call;
use super::error::Throw;
use super::iterator::{Yield, over_collection};
use super::ordered_table::OrderedTable;
use super::value::{ObjectKind, Value};

/// `new Set(iterable?)`.
pub fn new_set(args: &[Value]) -> Result<Value, Throw> {
    let mut table = OrderedTable::new();
    if let Some(source) = args.first().filter(|source| !source.is_nullish()) {
        for item in super::iterate::collect_argument(source)? {
            // A repeated value keeps its first place: `set` updates an entry in place.
            table.set(&item, Value::Undefined);
        }
    }
    Ok(Value::object_of_kind(ObjectKind::Set(RefCell::new(table))))
}

/// `new Map(entries?)`.
pub fn new_map(args: &[Value]) -> Result<Value, Throw> {
    let mut table = OrderedTable::new();
    if let Some(source) = args.first().filter(|source| !source.is_nullish()) {
        for entry in super::iterate::collect_argument(source)? {
            let (key, value) = entry_of(&entry)?;
            table.set(&key, value);
        }
    }
    Ok(Value::object_of_kind(ObjectKind::Map(RefCell::new(table))))
}

/// The key and value of one item of `new Map(entries)`'s argument (`[key, value]`), or V8's
/// TypeError for an item that is not an object.
pub fn entry_of(entry: &Value) -> Result<(Value, Value), Throw> {
    if !matches!(
        entry,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    ) {
        let shown = super::convert::to_rust_string(entry).unwrap_or_default();
        return Err(Throw::type_error(format!(
            "Iterator value {shown} is not an entry object"
        )));
    }
    Ok((
        super::access::get(entry, "0")?,
        super::access::get(entry, "1")?,
    ))
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// `forEach(callback)` over a live table: `callback(value, key, collection)`.
fn for_each(
    table: &RefCell<OrderedTable>,
    receiver: &Value,
    callback: &Value,
    is_set: bool,
) -> Result<Value, Throw> {
    let mut cursor = table.borrow().cursor();
    loop {
        // Read the entry, then release the borrow before the callback runs.
        let Some((key, value)) = table.borrow().advance(&mut cursor) else {
            break;
        };
        let value = if is_set { key.clone() } else { value };
        call(callback, &[value, key, receiver.clone()])?;
    }
    Ok(Value::Undefined)
}

/// Dispatches `set.name(...)` / `map.name(...)`.
pub fn call_method(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Object(object) = receiver else {
        return None;
    };
    match &object.kind {
        ObjectKind::Set(table) => Some(match name {
            "add" => {
                let value = arg(args, 0);
                table.borrow_mut().set(&value, Value::Undefined);
                Ok(receiver.clone())
            }
            "has" => Ok(Value::Bool(table.borrow().has(&arg(args, 0)))),
            "delete" => Ok(Value::Bool(table.borrow_mut().delete(&arg(args, 0)))),
            "clear" => {
                table.borrow_mut().clear();
                Ok(Value::Undefined)
            }
            "values" | "keys" => Ok(over_collection(receiver, Yield::Values)),
            "entries" => Ok(over_collection(receiver, Yield::Entries)),
            "forEach" => for_each(table, receiver, &arg(args, 0), true),
            _ => return None,
        }),
        ObjectKind::Map(table) => Some(match name {
            "get" => Ok(table
                .borrow()
                .get(&arg(args, 0))
                .cloned()
                .unwrap_or_default()),
            "set" => {
                table.borrow_mut().set(&arg(args, 0), arg(args, 1));
                Ok(receiver.clone())
            }
            "has" => Ok(Value::Bool(table.borrow().has(&arg(args, 0)))),
            "delete" => Ok(Value::Bool(table.borrow_mut().delete(&arg(args, 0)))),
            "clear" => {
                table.borrow_mut().clear();
                Ok(Value::Undefined)
            }
            "keys" => Ok(over_collection(receiver, Yield::Keys)),
            "values" => Ok(over_collection(receiver, Yield::Values)),
            "entries" => Ok(over_collection(receiver, Yield::Entries)),
            "forEach" => for_each(table, receiver, &arg(args, 0), false),
            _ => return None,
        }),
        _ => None,
    }
}
