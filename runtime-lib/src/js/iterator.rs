//! Iterator objects: what `map.keys()`, `set.values()`, `array.entries()` and friends return.
//!
//! ```text
//! const it = new Map([["k", "v"]]).entries();
//! it.next()   → { value: ["k", "v"], done: false }
//! it.next()   → { value: undefined, done: true }
//! [...m.keys()], for (const [i, x] of arr.entries()) …   (iterators are iterable)
//! ```
//!
//! Iteration is live, as in V8: a Map or Set iterator walks the collection's ordered table
//! through a [`Cursor`] (entries added later are visited, deleted ones skipped); an Array
//! iterator reads the array's current length at each step. Once an iterator has reported
//! `done`, it stays done even if the source grows again.

use std::cell::RefCell;

use super::error::Throw;
use super::ordered_table::Cursor;
use super::value::{ObjectKind, Value};

/// What each step yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Yield {
    /// Keys (indexes for arrays).
    Keys,
    /// Values.
    Values,
    /// `[key, value]` pairs.
    Entries,
}

/// Where an iterator reads from.
pub enum Source {
    /// A Map or Set object, walked with a cursor into its table.
    Table(Value, Cursor),
    /// An array and the next index.
    Array(Value, usize),
    /// Exhausted.
    Done,
}

/// The state of an iterator object.
pub struct IteratorData {
    /// What it reads.
    pub source: RefCell<Source>,
    /// What each step yields.
    pub yields: Yield,
    /// `Map Iterator`, `Set Iterator` or `Array Iterator`, as V8 tags them.
    pub tag: &'static str,
}

/// A new iterator object over `source`.
pub fn iterator(source: Source, yields: Yield, tag: &'static str) -> Value {
    Value::object_of_kind(ObjectKind::Iterator(IteratorData {
        source: RefCell::new(source),
        yields,
        tag,
    }))
}

/// An iterator over a Map or Set object (`collection` must be one).
pub fn over_collection(collection: &Value, yields: Yield) -> Value {
    let Value::Object(object) = collection else {
        return iterator(Source::Done, yields, "Map Iterator");
    };
    match &object.kind {
        ObjectKind::Map(table) => {
            let cursor = table.borrow().cursor();
            iterator(
                Source::Table(collection.clone(), cursor),
                yields,
                "Map Iterator",
            )
        }
        ObjectKind::Set(table) => {
            let cursor = table.borrow().cursor();
            iterator(
                Source::Table(collection.clone(), cursor),
                yields,
                "Set Iterator",
            )
        }
        _ => iterator(Source::Done, yields, "Map Iterator"),
    }
}

/// An iterator over an array.
pub fn over_array(array: &Value, yields: Yield) -> Value {
    iterator(Source::Array(array.clone(), 0), yields, "Array Iterator")
}

/// The next value of the iterator, or `None` once it is done.
pub fn step(data: &IteratorData) -> Option<Value> {
    let mut source = data.source.borrow_mut();
    let next = match &mut *source {
        Source::Table(collection, cursor) => match collection {
            Value::Object(object) => match &object.kind {
                ObjectKind::Map(table) => {
                    let entry = table.borrow().advance(cursor);
                    entry.map(|(key, value)| shape(data.yields, key, value))
                }
                ObjectKind::Set(table) => {
                    let entry = table.borrow().advance(cursor);
                    entry.map(|(key, _)| shape(data.yields, key.clone(), key))
                }
                _ => None,
            },
            _ => None,
        },
        Source::Array(array, index) => {
            let item = match array {
                // Holes read as `undefined`, as `entries()` and `for…of` see them.
                Value::Array(items) => (*index < items.len()).then(|| items.read(*index)),
                _ => None,
            };
            let key = Value::from(*index);
            *index += 1;
            item.map(|item| shape(data.yields, key, item))
        }
        Source::Done => None,
    };
    if next.is_none() {
        *source = Source::Done;
    }
    next
}

fn shape(yields: Yield, key: Value, value: Value) -> Value {
    match yields {
        Yield::Keys => key,
        Yield::Values => value,
        Yield::Entries => Value::array(vec![key, value]),
    }
}

/// `it.next()`: `{ value, done }`.
fn next_result(data: &IteratorData) -> Value {
    match step(data) {
        Some(value) => Value::object([("value", value), ("done", Value::Bool(false))]),
        None => Value::object([("value", Value::Undefined), ("done", Value::Bool(true))]),
    }
}

/// Dispatches `iterator.name(...)`.
pub fn call(receiver: &Value, name: &str, _args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Object(object) = receiver else {
        return None;
    };
    let ObjectKind::Iterator(data) = &object.kind else {
        return None;
    };
    match name {
        "next" => Some(Ok(next_result(data))),
        _ => None,
    }
}

/// What the iterator has still to yield, without consuming it: `console.log` shows it.
pub fn preview(data: &IteratorData) -> Vec<Value> {
    match &*data.source.borrow() {
        Source::Table(Value::Object(object), cursor) => match &object.kind {
            ObjectKind::Map(table) => table
                .borrow()
                .remaining(cursor)
                .into_iter()
                .map(|(key, value)| shape(data.yields, key, value))
                .collect(),
            ObjectKind::Set(table) => table
                .borrow()
                .remaining(cursor)
                .into_iter()
                .map(|(key, _)| shape(data.yields, key.clone(), key))
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Every value left in the iterator, consuming it (spread, `Array.from`, destructuring).
pub fn drain(data: &IteratorData) -> Vec<Value> {
    let mut out = Vec::new();
    while let Some(value) = step(data) {
        out.push(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::collections::{new_map, new_set};
    use super::super::console::inspect;
    use super::*;

    fn pair(key: &str, value: Value) -> Value {
        Value::array(vec![Value::str(key), value])
    }

    /// Expected strings are Node 20's `util.inspect` of the same iterators.
    #[test]
    fn console_shows_what_is_left_as_node_does() {
        let map = new_map(&[Value::array(vec![pair("k", Value::str("v"))])]).unwrap();
        let set = new_set(&[Value::array(vec![Value::str("q")])]).unwrap();
        let empty = new_map(&[]).unwrap();
        let cases = [
            (
                over_collection(&map, Yield::Entries),
                "[Map Entries] { [ 'k', 'v' ] }",
            ),
            (over_collection(&empty, Yield::Keys), "[Map Iterator] {  }"),
            (
                over_collection(&set, Yield::Values),
                "[Set Iterator] { 'q' }",
            ),
            (
                over_array(&Value::array(vec![Value::from(1)]), Yield::Values),
                "Object [Array Iterator] {}",
            ),
        ];
        for (iterator, expected) in cases {
            assert_eq!(inspect(&iterator), expected);
        }
    }
}
