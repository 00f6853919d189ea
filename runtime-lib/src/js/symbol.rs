//! Symbols: the primitive `Symbol()` makes, the registry of `Symbol.for`, and the well-known
//! symbols (`Symbol.iterator`, …).
//!
//! ```text
//! const tag = Symbol("tag")        → a unique symbol, description "tag"
//! Symbol.for("app") === Symbol.for("app")   → true (registered, compared by key)
//! Symbol.iterator                  → a well-known symbol, compared by name
//! String(tag) → "Symbol(tag)"      `${tag}` → TypeError: Cannot convert a Symbol value to a string
//! ```
//!
//! No JS value may outlive a call in a thread-local (see `isolate.rs`), so the well-known and
//! registered symbols cannot be shared `Rc`s: each read builds a new `JsSymbol` and identity is
//! decided by [`same_symbol`] (a well-known symbol by its name, a registered one by its key, a
//! unique one by its address). Symbol-keyed properties live beside the string-keyed ones in a
//! `PropertyMap` (`property.rs`, [`SymbolKey`]).

use std::rc::Rc;

use super::convert::to_string;
use super::error::Throw;
use super::string::JsString;
use super::value::Value;

/// A symbol value.
pub struct JsSymbol {
    /// What `description` answers (`undefined` for `Symbol()`).
    pub description: Option<JsString>,
    /// How the symbol's identity is decided.
    pub kind: SymbolKind,
}

/// Where a symbol comes from, which decides what it equals.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// `Symbol.iterator` and the other well-known symbols: equal when their names are.
    WellKnown(&'static str),
    /// `Symbol.for(key)`: equal when their keys (descriptions) are.
    Registered,
    /// `Symbol(…)`: equal only to itself.
    Unique,
}

/// The well-known symbols the runtime knows, by their name after `Symbol.`.
pub const WELL_KNOWN: &[&str] = &[
    "iterator",
    "asyncIterator",
    "toPrimitive",
    "toStringTag",
    "hasInstance",
];

/// A symbol as a property key: hashable and compared as [`same_symbol`] does.
#[derive(Clone)]
pub struct SymbolKey(pub Rc<JsSymbol>);

impl PartialEq for SymbolKey {
    fn eq(&self, other: &Self) -> bool {
        same_symbol(&self.0, &other.0)
    }
}

impl Eq for SymbolKey {}

impl std::hash::Hash for SymbolKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self.0.kind {
            SymbolKind::WellKnown(name) => name.hash(state),
            SymbolKind::Registered => self.0.description.hash(state),
            SymbolKind::Unique => (Rc::as_ptr(&self.0) as usize).hash(state),
        }
    }
}

/// Whether two symbols are the same symbol (`===`).
pub fn same_symbol(a: &Rc<JsSymbol>, b: &Rc<JsSymbol>) -> bool {
    match (a.kind, b.kind) {
        (SymbolKind::WellKnown(x), SymbolKind::WellKnown(y)) => x == y,
        (SymbolKind::Registered, SymbolKind::Registered) => a.description == b.description,
        (SymbolKind::Unique, SymbolKind::Unique) => Rc::ptr_eq(a, b),
        _ => false,
    }
}

/// The well-known symbol `Symbol.<name>`.
pub fn well_known(name: &'static str) -> Value {
    Value::Symbol(Rc::new(JsSymbol {
        description: Some(JsString::new(&format!("Symbol.{name}"))),
        kind: SymbolKind::WellKnown(name),
    }))
}

/// Whether `value` is the well-known symbol `Symbol.<name>`.
pub fn is_well_known(value: &Value, name: &str) -> bool {
    matches!(value, Value::Symbol(symbol) if matches!(symbol.kind, SymbolKind::WellKnown(known) if known == name))
}

/// `Symbol(description)`.
pub fn call(args: &[Value]) -> Result<Value, Throw> {
    let description = match args.first() {
        None | Some(Value::Undefined) => None,
        Some(value) => Some(to_string(value)?),
    };
    Ok(Value::Symbol(Rc::new(JsSymbol {
        description,
        kind: SymbolKind::Unique,
    })))
}

/// `Symbol.for(key)` and `Symbol.keyFor(symbol)`.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let first = args.first().cloned().unwrap_or_default();
    Some(match name {
        "for" => to_string(&first).map(|key| {
            Value::Symbol(Rc::new(JsSymbol {
                description: Some(key),
                kind: SymbolKind::Registered,
            }))
        }),
        "keyFor" => match &first {
            Value::Symbol(symbol) => Ok(match (&symbol.kind, &symbol.description) {
                (SymbolKind::Registered, Some(key)) => Value::String(key.clone()),
                _ => Value::Undefined,
            }),
            other => Err(Throw::type_error(format!(
                "{} is not a symbol",
                super::console::inspect(other)
            ))),
        },
        _ => return None,
    })
}

/// `Symbol(description)` as text: what `String(symbol)` and `symbol.toString()` give.
pub fn descriptive_string(symbol: &JsSymbol) -> String {
    match &symbol.description {
        Some(description) => format!("Symbol({description})"),
        None => "Symbol()".to_string(),
    }
}

/// V8's TypeError for a symbol where a string was needed.
pub fn to_string_error() -> Throw {
    Throw::type_error("Cannot convert a Symbol value to a string")
}

/// V8's TypeError for a symbol where a number was needed.
pub fn to_number_error() -> Throw {
    Throw::type_error("Cannot convert a Symbol value to a number")
}

/// A symbol's own members: `description`, `toString()`, `valueOf()`.
pub fn get(symbol: &JsSymbol, key: &str) -> Option<Value> {
    match key {
        "description" => Some(match &symbol.description {
            Some(text) => Value::String(text.clone()),
            None => Value::Undefined,
        }),
        _ => None,
    }
}

/// Calls a method of a symbol (`sym.toString()`), or `None` when it has no such method.
pub fn call_method(symbol: &Rc<JsSymbol>, name: &str) -> Option<Result<Value, Throw>> {
    match name {
        "toString" => Some(Ok(Value::str(&descriptive_string(symbol)))),
        "valueOf" => Some(Ok(Value::Symbol(symbol.clone()))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::operators::strict_eq;
    use crate::js::property::{Attributes, PropertyMap};

    fn symbol(value: &Value) -> Rc<JsSymbol> {
        match value {
            Value::Symbol(symbol) => symbol.clone(),
            _ => panic!("not a symbol"),
        }
    }

    #[test]
    fn identity_follows_the_kind_of_symbol() {
        // node -p 'Symbol("a") === Symbol("a")' → false; Symbol.for("a") === Symbol.for("a")
        // → true; Symbol.iterator === Symbol.iterator → true; Symbol.for("Symbol.iterator")
        // === Symbol.iterator → false.
        let a = call(&[Value::str("a")]).unwrap();
        assert!(strict_eq(&a, &a.clone()));
        assert!(!strict_eq(&a, &call(&[Value::str("a")]).unwrap()));
        let registered = |key: &str| call_static("for", &[Value::str(key)]).unwrap().unwrap();
        assert!(strict_eq(&registered("a"), &registered("a")));
        assert!(!strict_eq(&registered("a"), &registered("b")));
        assert!(strict_eq(&well_known("iterator"), &well_known("iterator")));
        assert!(!strict_eq(
            &registered("Symbol.iterator"),
            &well_known("iterator")
        ));
        assert_eq!(
            descriptive_string(&symbol(&well_known("iterator"))),
            "Symbol(Symbol.iterator)"
        );
        assert_eq!(descriptive_string(&symbol(&call(&[]).unwrap())), "Symbol()");
    }

    #[test]
    fn symbol_keys_live_apart_from_string_keys() {
        let mut map = PropertyMap::new();
        map.insert(JsString::new("name"), Value::str("n"));
        let registered = symbol(&call_static("for", &[Value::str("k")]).unwrap().unwrap());
        map.insert_symbol(SymbolKey(registered), Value::Bool(true), Attributes::DATA);
        // A rebuilt registered symbol finds the same slot; enumeration sees string keys only.
        let again = symbol(&call_static("for", &[Value::str("k")]).unwrap().unwrap());
        assert!(matches!(
            map.symbol(&SymbolKey(again.clone())).map(|p| &p.value),
            Some(Value::Bool(true))
        ));
        assert_eq!(map.iter().count(), 1);
        assert!(
            !map.has_special(),
            "symbols are not attributes: reads stay on the fast path"
        );
        assert!(map.remove_symbol(&SymbolKey(again)).is_some());
        assert!(map.symbols().is_empty());
    }
}
