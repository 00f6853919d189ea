//! The storage behind `Map` and `Set`: insertion-ordered entries with a hash index, iterated
//! live as V8's ordered hash tables are.
//!
//! ```text
//! m.set("a", 1); m.set("b", 2); m.delete("a"); m.set("c", 3)
//!   entries: [∅, ("b", 2), ("c", 3)]     index: {"b" → 1, "c" → 2}
//! ```
//!
//! Lookups hash the key's SameValueZero class ([`TableKey`]): `-0` and `+0` are one key, every
//! NaN is one key, strings compare by content, objects by identity. A deletion leaves a
//! tombstone so that positions held by running iterations stay valid: an iteration visits the
//! entries added after it started and skips the ones deleted before it reached them, exactly
//! as `for (const [k, v] of map)` and `map.keys().next()` do in V8. Tombstones are swept when
//! they outnumber live entries and no iteration is running; `clear()` restarts every running
//! iteration at the (new) beginning, again as in V8.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use super::string::JsString;
use super::value::Value;

/// A key's SameValueZero equivalence class, hashable.
#[derive(Clone, PartialEq, Eq, Hash)]
enum TableKey {
    Undefined,
    Null,
    Bool(bool),
    /// The number's bits, with `-0` folded into `+0` and every NaN into one.
    Number(u64),
    String(JsString),
    /// A built-in prototype (`Object.prototype`): every read makes a new marker object, and
    /// `===` compares markers by name, so the table does too.
    Builtin(&'static str),
    /// Objects, arrays and functions by address: the table holds the key, so the address
    /// cannot be reused while the entry exists.
    Reference(usize),
    /// Symbols as `===` compares them (`symbol.rs`).
    Symbol(super::symbol::SymbolKey),
    /// BigInts by value: `1n` and `1` are different keys.
    BigInt(Rc<num_bigint::BigInt>),
}

impl TableKey {
    fn of(value: &Value) -> TableKey {
        match value {
            Value::Undefined => TableKey::Undefined,
            Value::Null => TableKey::Null,
            Value::Bool(flag) => TableKey::Bool(*flag),
            Value::Number(number) if number.is_nan() => TableKey::Number(f64::NAN.to_bits()),
            Value::Number(number) if *number == 0.0 => TableKey::Number(0),
            Value::Number(number) => TableKey::Number(number.to_bits()),
            Value::String(text) => TableKey::String(text.clone()),
            Value::Object(object) => match object.kind {
                super::value::ObjectKind::Prototype(name) => TableKey::Builtin(name),
                _ => TableKey::Reference(Rc::as_ptr(object) as *const () as usize),
            },
            Value::Array(items) => TableKey::Reference(Rc::as_ptr(items) as *const () as usize),
            Value::Function(function) => {
                TableKey::Reference(Rc::as_ptr(function) as *const () as usize)
            }
            Value::Symbol(symbol) => TableKey::Symbol(super::symbol::SymbolKey(symbol.clone())),
            Value::BigInt(big) => TableKey::BigInt(big.clone()),
        }
    }
}

/// `-0` is stored as `+0` (a Set or Map never hands out `-0` as a key).
fn stored_key(value: &Value) -> Value {
    match value {
        Value::Number(number) if *number == 0.0 => Value::Number(0.0),
        other => other.clone(),
    }
}

/// Insertion-ordered `(key, value)` entries; a Set stores each value as its own key.
#[derive(Default)]
pub struct OrderedTable {
    /// Entries in insertion order; `None` is a deleted entry's tombstone.
    entries: Vec<Option<(Value, Value)>>,
    /// Key class → position in `entries`.
    index: HashMap<TableKey, usize, foldhash::fast::RandomState>,
    /// How many times the table was cleared: an iteration started before a clear restarts.
    clears: u64,
    /// Running iterations: tombstones are only swept when there are none.
    iterations: Rc<Cell<usize>>,
}

/// Where a running iteration stands in one table.
pub struct Cursor {
    position: usize,
    clears: u64,
    /// Keeps the table from sweeping tombstones (which would move positions) while it lives.
    running: Rc<Cell<usize>>,
}

impl Drop for Cursor {
    fn drop(&mut self) {
        self.running.set(self.running.get().saturating_sub(1));
    }
}

impl OrderedTable {
    /// An empty table.
    pub fn new() -> OrderedTable {
        OrderedTable::default()
    }

    /// The number of live entries (`size`).
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the table has no live entries.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The value stored under `key`.
    pub fn get(&self, key: &Value) -> Option<&Value> {
        let position = *self.index.get(&TableKey::of(key))?;
        self.entries[position].as_ref().map(|(_, value)| value)
    }

    /// Whether `key` is present.
    pub fn has(&self, key: &Value) -> bool {
        self.index.contains_key(&TableKey::of(key))
    }

    /// Stores `value` under `key`: in place when the key exists, else appended.
    pub fn set(&mut self, key: &Value, value: Value) {
        let class = TableKey::of(key);
        match self.index.get(&class) {
            Some(&position) => {
                if let Some(entry) = &mut self.entries[position] {
                    entry.1 = value;
                }
            }
            None => {
                self.index.insert(class, self.entries.len());
                self.entries.push(Some((stored_key(key), value)));
            }
        }
    }

    /// Removes `key`; whether it was present.
    pub fn delete(&mut self, key: &Value) -> bool {
        let Some(position) = self.index.remove(&TableKey::of(key)) else {
            return false;
        };
        self.entries[position] = None;
        let tombstones = self.entries.len() - self.index.len();
        if tombstones > 16 && tombstones > self.index.len() && self.iterations.get() == 0 {
            self.sweep();
        }
        true
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.clears += 1;
    }

    /// The live entries in order, as a snapshot.
    pub fn entries(&self) -> impl Iterator<Item = &(Value, Value)> {
        self.entries.iter().flatten()
    }

    /// Starts an iteration at the first entry.
    pub fn cursor(&self) -> Cursor {
        self.iterations.set(self.iterations.get() + 1);
        Cursor {
            position: 0,
            clears: self.clears,
            running: self.iterations.clone(),
        }
    }

    /// The next live entry for `cursor`, moving it past that entry.
    pub fn advance(&self, cursor: &mut Cursor) -> Option<(Value, Value)> {
        if cursor.clears != self.clears {
            cursor.clears = self.clears;
            cursor.position = 0;
        }
        while let Some(slot) = self.entries.get(cursor.position) {
            cursor.position += 1;
            if let Some(entry) = slot {
                return Some(entry.clone());
            }
        }
        None
    }

    /// The entries `cursor` has still to visit, without moving it (for `console.log`).
    pub fn remaining(&self, cursor: &Cursor) -> Vec<(Value, Value)> {
        let start = if cursor.clears == self.clears {
            cursor.position
        } else {
            0
        };
        self.entries.iter().skip(start).flatten().cloned().collect()
    }

    fn sweep(&mut self) {
        self.entries.retain(Option::is_some);
        for (position, entry) in self.entries.iter().enumerate() {
            if let Some((key, _)) = entry {
                self.index.insert(TableKey::of(key), position);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(table: &OrderedTable) -> Vec<String> {
        table
            .entries()
            .map(|(key, _)| super::super::console::inspect(key))
            .collect()
    }

    #[test]
    fn zeros_and_nans_are_one_key_each() {
        let mut table = OrderedTable::new();
        table.set(&Value::Number(-0.0), Value::from(1));
        table.set(&Value::Number(0.0), Value::from(2));
        table.set(&Value::Number(f64::NAN), Value::from(3));
        table.set(&Value::Number(-f64::NAN), Value::from(4));
        assert_eq!(table.len(), 2);
        assert_eq!(keys(&table), ["0", "NaN"]);
        assert!(matches!(table.get(&Value::Number(0.0)), Some(Value::Number(n)) if *n == 2.0));
    }

    #[test]
    fn built_in_prototype_markers_are_one_key_as_under_strict_equality() {
        let marker = || Value::object_of_kind(super::super::value::ObjectKind::Prototype("Object"));
        let mut table = OrderedTable::new();
        table.set(&marker(), Value::from(1));
        assert!(table.has(&marker()));
        table.set(&Value::object([("a", Value::Null)]), Value::from(2));
        assert!(
            !table.has(&Value::object([("a", Value::Null)])),
            "objects by identity"
        );
    }

    #[test]
    fn an_iteration_sees_later_additions_and_skips_deletions() {
        let mut table = OrderedTable::new();
        for name in ["a", "b", "c"] {
            table.set(&Value::str(name), Value::Undefined);
        }
        let mut cursor = table.cursor();
        let mut seen = Vec::new();
        while let Some((key, _)) = table.advance(&mut cursor) {
            let key = super::super::console::inspect(&key);
            if key == "a" {
                table.delete(&Value::str("b"));
                table.set(&Value::str("d"), Value::Undefined);
            }
            seen.push(key);
        }
        assert_eq!(seen, ["a", "c", "d"]);
    }

    #[test]
    fn tombstones_are_swept_only_when_no_iteration_runs() {
        let mut table = OrderedTable::new();
        for number in 0..100 {
            table.set(&Value::from(number), Value::Undefined);
        }
        let mut cursor = table.cursor();
        assert!(table.advance(&mut cursor).is_some());
        for number in 1..90 {
            table.delete(&Value::from(number));
        }
        assert_eq!(
            table.entries.len(),
            100,
            "a running iteration keeps positions"
        );
        let next = table.advance(&mut cursor).map(|(key, _)| key);
        assert!(matches!(next, Some(Value::Number(n)) if n == 90.0));
        drop(cursor);
        table.delete(&Value::from(95));
        assert_eq!(table.entries.len(), table.len());
        assert!(table.has(&Value::from(99)) && !table.has(&Value::from(95)));
    }

    #[test]
    fn clear_restarts_running_iterations() {
        let mut table = OrderedTable::new();
        table.set(&Value::str("a"), Value::Undefined);
        table.set(&Value::str("b"), Value::Undefined);
        let mut cursor = table.cursor();
        table.advance(&mut cursor);
        table.clear();
        table.set(&Value::str("z"), Value::Undefined);
        let next = table.advance(&mut cursor).map(|(key, _)| key);
        assert!(matches!(next, Some(Value::String(text)) if text.to_string() == "z"));
    }
}
