//! Symbol-keyed properties: reads, writes, definitions, `in` and `delete` with a symbol key,
//! and the well-known symbol members the built-in objects have.
//!
//! ```text
//! obj[tag] = 1            → rt::set_computed(&obj, &tag, 1)   → symbol::set (own symbol slot)
//! { [Symbol.iterator]() {…} }  → rt::define_computed(&obj, &key, f)
//! [1, 2][Symbol.iterator]()    → a native function returning `arr.values()`
//! ```
//!
//! Symbol keys are stored apart from string keys (`PropertyMap::symbols`), so `Object.keys`,
//! `for…in` and `JSON.stringify` never see them, as in JS. A read looks at the own symbols,
//! then along the prototype chain (an explicit prototype, or the class's `prototype` objects,
//! whose own chain links the parent classes), then at the built-in members of the object's
//! kind (`Symbol.iterator` of arrays, strings, Maps, Sets and iterators; `Symbol.toStringTag`).

use std::rc::Rc;

use super::error::Throw;
use super::freeze::Integrity;
use super::iterator::{Source, Yield, iterator, over_array, over_collection};
use super::property::Attributes;
use super::prototype::Prototype;
use super::symbol::{JsSymbol, SymbolKey, SymbolKind, descriptive_string};
use super::value::{ObjectKind, Value};

/// Prototype chains longer than this are cut (they cannot be cyclic; this bounds the walk).
const MAX_CHAIN: usize = 10_000;

/// What a lookup found.
enum Found {
    Data(Value),
    Accessor(Value, Value),
}

fn own(value: &Value, key: &SymbolKey) -> Option<Found> {
    let read = |props: &super::property::PropertyMap| {
        props
            .symbol(key)
            .map(|property| match &property.attributes.accessor {
                Some((getter, setter)) => Found::Accessor(getter.clone(), setter.clone()),
                None => Found::Data(property.value.clone()),
            })
    };
    match value {
        Value::Object(object) => read(&object.props.borrow()),
        Value::Function(function) => read(&function.props.borrow()),
        Value::Array(array) => array.with_props(read),
        _ => None,
    }
}

/// The next object up the chain of `value`, for symbol lookups.
fn parent(value: &Value) -> Option<Value> {
    match value {
        Value::Object(object) => match &*object.proto.borrow() {
            Prototype::Null => None,
            Prototype::Object(parent) => Some(parent.clone()),
            Prototype::Default => object
                .class
                .as_ref()
                .map(|class| super::class::prototype_of(class)),
        },
        Value::Array(array) => array
            .class()
            .map(|class| super::class::prototype_of(&class)),
        Value::Function(function) => match function.class.as_ref().map(|class| &class.parent) {
            Some(super::class::ClassParent::Function(parent)) => {
                Some(Value::Function(parent.clone()))
            }
            _ => None,
        },
        _ => None,
    }
}

fn lookup(value: &Value, key: &SymbolKey) -> Option<Found> {
    let mut current = value.clone();
    for _ in 0..MAX_CHAIN {
        if let Some(found) = own(&current, key) {
            return Some(found);
        }
        current = parent(&current)?;
    }
    None
}

/// Whether `value` or anything on its prototype chain has a symbol-keyed property: the
/// allocation-free check that lets ToPrimitive, `Object.prototype.toString` and `instanceof`
/// skip looking up `Symbol.toPrimitive`, `toStringTag` and `hasInstance` on ordinary objects.
pub fn chain_has_symbols(value: &Value) -> bool {
    let mut current = value.clone();
    for _ in 0..MAX_CHAIN {
        let has = match &current {
            Value::Object(object) => !object.props.borrow().symbols().is_empty(),
            Value::Function(function) => !function.props.borrow().symbols().is_empty(),
            Value::Array(array) => array.with_props(|props| !props.symbols().is_empty()),
            _ => false,
        };
        if has {
            return true;
        }
        match parent(&current) {
            Some(next) => current = next,
            None => return false,
        }
    }
    false
}

/// `object[symbol]`.
pub fn get(object: &Value, symbol: &Rc<JsSymbol>) -> Result<Value, Throw> {
    if object.is_nullish() {
        return Err(Throw::type_error(format!(
            "Cannot read properties of {} (reading '{}')",
            if matches!(object, Value::Null) {
                "null"
            } else {
                "undefined"
            },
            descriptive_string(symbol)
        )));
    }
    if let Some(proxy) = super::proxy::proxy_of(object) {
        return super::proxy::get(proxy, &Value::Symbol(symbol.clone()), object);
    }
    let key = SymbolKey(symbol.clone());
    match lookup(object, &key) {
        Some(Found::Data(value)) => Ok(value),
        Some(Found::Accessor(getter, _)) => super::prototype::call_getter(&getter, object),
        None => Ok(builtin(object, symbol).unwrap_or_default()),
    }
}

/// Whether `symbol in object` (own, inherited or built-in).
pub fn has(object: &Value, symbol: &Rc<JsSymbol>) -> bool {
    lookup(object, &SymbolKey(symbol.clone())).is_some() || builtin(object, symbol).is_some()
}

/// Whether `object` has `symbol` as an own property (`Object.hasOwn`, `hasOwnProperty`).
pub fn has_own(object: &Value, symbol: &Rc<JsSymbol>) -> bool {
    own(object, &SymbolKey(symbol.clone())).is_some()
}

/// An own symbol-keyed property's attributes and value (`undefined` for an accessor), for
/// `Object.getOwnPropertyDescriptor`.
pub fn own_property(object: &Value, symbol: &Rc<JsSymbol>) -> Option<(Attributes, Value)> {
    let key = SymbolKey(symbol.clone());
    let attributes = own_attributes(object, &key)?;
    let value = match own(object, &key)? {
        Found::Data(value) => value,
        Found::Accessor(..) => Value::Undefined,
    };
    Some((attributes, value))
}

/// `object[symbol] = value`: an inherited setter runs; otherwise the object gets (or updates)
/// an own property, unless its integrity level forbids it.
pub fn set(object: &Value, symbol: &Rc<JsSymbol>, value: Value, strict: bool) -> Result<(), Throw> {
    if let Some(proxy) = super::proxy::proxy_of(object) {
        let key = Value::Symbol(symbol.clone());
        return super::access::set_through_proxy(proxy, &key, value, object, strict);
    }
    let key = SymbolKey(symbol.clone());
    match lookup(object, &key) {
        Some(Found::Accessor(_, setter)) => {
            if let Value::Function(_) = setter {
                super::access::call_with_this(&setter, object, &[value])?;
            } else if strict {
                return Err(Throw::type_error(format!(
                    "Cannot set property {} of {} which has only a getter",
                    descriptive_string(symbol),
                    super::console::inspect_short(object)
                )));
            }
            return Ok(());
        }
        Some(Found::Data(_)) if own(object, &key).is_some() => {
            let writable = own_attributes(object, &key).is_none_or(|a| a.writable);
            if !writable || integrity(object) == Integrity::Frozen {
                return refuse(
                    strict,
                    format!(
                        "Cannot assign to read only property '{}' of object '{}'",
                        descriptive_string(symbol),
                        super::console::inspect_short(object)
                    ),
                );
            }
        }
        _ => {
            if integrity(object) != Integrity::Extensible {
                return refuse(
                    strict,
                    format!(
                        "Cannot add property {}, object is not extensible",
                        descriptive_string(symbol)
                    ),
                );
            }
        }
    }
    write_own(object, key, value, Attributes::DATA);
    Ok(())
}

fn refuse(strict: bool, message: String) -> Result<(), Throw> {
    if strict {
        Err(Throw::type_error(message))
    } else {
        Ok(())
    }
}

fn integrity(object: &Value) -> Integrity {
    match object {
        Value::Object(object) => object.integrity.get(),
        Value::Array(array) => array.integrity.get(),
        _ => Integrity::Extensible,
    }
}

fn own_attributes(object: &Value, key: &SymbolKey) -> Option<Attributes> {
    let read = |props: &super::property::PropertyMap| {
        props
            .symbol(key)
            .map(|property| property.attributes.clone())
    };
    match object {
        Value::Object(object) => read(&object.props.borrow()),
        Value::Function(function) => read(&function.props.borrow()),
        Value::Array(array) => array.with_props(read),
        _ => None,
    }
}

fn write_own(object: &Value, key: SymbolKey, value: Value, attributes: Attributes) {
    match object {
        Value::Object(object) => object
            .props
            .borrow_mut()
            .insert_symbol(key, value, attributes),
        Value::Function(function) => function
            .props
            .borrow_mut()
            .insert_symbol(key, value, attributes),
        Value::Array(array) => {
            array.with_props_mut(|props| props.insert_symbol(key, value, attributes))
        }
        // Properties of primitives are not modelled; assignments are ignored (as elsewhere).
        _ => {}
    }
}

/// `{ [symbol]: value }` in a literal: an own, enumerable data property.
pub fn define(object: &Value, symbol: &Rc<JsSymbol>, value: Value) {
    write_own(object, SymbolKey(symbol.clone()), value, Attributes::DATA);
}

/// A class member keyed by a symbol (`[Symbol.iterator]() {…}`, on the prototype or, for a
/// static member, on the class): non-enumerable as class methods are.
pub fn define_method(target: &Value, symbol: &Rc<JsSymbol>, method: Value) {
    let attributes = Attributes {
        enumerable: false,
        ..Attributes::DATA
    };
    write_own(target, SymbolKey(symbol.clone()), method, attributes);
}

/// `get [symbol]() {…}` / `set [symbol](v) {…}`: an accessor (a getter and a setter of one
/// key combine), enumerable in literals and not in classes.
pub fn define_accessor(
    target: &Value,
    symbol: &Rc<JsSymbol>,
    getter: Value,
    setter: Value,
    enumerable: bool,
) {
    let key = SymbolKey(symbol.clone());
    let (old_get, old_set) = own_attributes(target, &key)
        .and_then(|attributes| attributes.accessor)
        .unwrap_or_default();
    let getter = if matches!(getter, Value::Undefined) {
        old_get
    } else {
        getter
    };
    let setter = if matches!(setter, Value::Undefined) {
        old_set
    } else {
        setter
    };
    let attributes = Attributes {
        enumerable,
        writable: true,
        configurable: true,
        accessor: Some((getter, setter)),
    };
    write_own(target, key, Value::Undefined, attributes);
}

/// A class method with a computed name (`[Symbol.iterator]() {…}`, `[`${x}Id`]() {…}`): on
/// the prototype, or on the class when `is_static`.
pub fn define_computed_method(
    class: &Value,
    key: &Value,
    method: Value,
    is_static: bool,
) -> Result<(), Throw> {
    let Value::Function(function) = class else {
        return Ok(());
    };
    let target = if is_static {
        class.clone()
    } else {
        super::class::prototype_of(function)
    };
    match key {
        Value::Symbol(symbol) => define_method(&target, symbol, method),
        other => {
            let name = super::convert::to_property_key(other)?;
            if is_static {
                super::class::define_static(class, &name.to_rust(), method);
            } else {
                super::class::define_method(class, &name.to_rust(), method);
            }
        }
    }
    Ok(())
}

/// A class getter or setter with a computed name (`get [Symbol.toStringTag]() {…}`).
pub fn define_computed_accessor(
    class: &Value,
    key: &Value,
    getter: Value,
    setter: Value,
    is_static: bool,
) -> Result<(), Throw> {
    let Value::Function(function) = class else {
        return Ok(());
    };
    match key {
        Value::Symbol(symbol) => {
            let target = if is_static {
                class.clone()
            } else {
                super::class::prototype_of(function)
            };
            define_accessor(&target, symbol, getter, setter, false);
        }
        other => {
            let name = super::convert::to_property_key(other)?;
            super::class::define_class_accessor(class, &name.to_rust(), getter, setter, is_static);
        }
    }
    Ok(())
}

/// The fields an `Object.defineProperty` descriptor gave for a symbol key.
pub struct SymbolDescriptor {
    /// `value`.
    pub value: Option<Value>,
    /// `get` and `set` (`undefined` when absent), when either was given.
    pub accessor: Option<(Value, Value)>,
    /// `enumerable`.
    pub enumerable: Option<bool>,
    /// `writable`.
    pub writable: Option<bool>,
    /// `configurable`.
    pub configurable: Option<bool>,
}

/// `Object.defineProperty(target, symbol, descriptor)`: missing attributes keep an existing
/// property's and are false for a new one; a non-configurable property cannot change.
pub fn define_property(
    target: &Value,
    symbol: &Rc<JsSymbol>,
    descriptor: SymbolDescriptor,
) -> Result<(), Throw> {
    let key = SymbolKey(symbol.clone());
    let existing = own(target, &key).map(|found| match found {
        Found::Data(value) => value,
        Found::Accessor(..) => Value::Undefined,
    });
    let current = own_attributes(target, &key);
    if let Some(current) = &current
        && (!current.configurable || integrity(target) == Integrity::Frozen)
    {
        return Err(Throw::type_error(format!(
            "Cannot redefine property: {}",
            descriptive_string(symbol)
        )));
    }
    if current.is_none() && integrity(target) != Integrity::Extensible {
        return Err(Throw::type_error(format!(
            "Cannot define property {}, object is not extensible",
            descriptive_string(symbol)
        )));
    }
    let base = current.unwrap_or(Attributes {
        enumerable: false,
        writable: false,
        configurable: false,
        accessor: None,
    });
    let is_accessor = descriptor.accessor.is_some();
    let attributes = Attributes {
        enumerable: descriptor.enumerable.unwrap_or(base.enumerable),
        writable: !is_accessor
            && descriptor
                .writable
                .unwrap_or(base.writable && base.accessor.is_none()),
        configurable: descriptor.configurable.unwrap_or(base.configurable),
        accessor: descriptor.accessor,
    };
    let value = if is_accessor {
        Value::Undefined
    } else {
        descriptor.value.or(existing).unwrap_or_default()
    };
    write_own(target, key, value, attributes);
    Ok(())
}

/// `delete object[symbol]`.
pub fn delete(object: &Value, symbol: &Rc<JsSymbol>, strict: bool) -> Result<bool, Throw> {
    let key = SymbolKey(symbol.clone());
    if own(object, &key).is_none() {
        return Ok(true);
    }
    let level = integrity(object);
    if matches!(level, Integrity::Sealed | Integrity::Frozen)
        || own_attributes(object, &key).is_some_and(|a| !a.configurable)
    {
        refuse(
            strict,
            format!(
                "Cannot delete property '{}' of {}",
                descriptive_string(symbol),
                super::console::inspect_short(object)
            ),
        )?;
        return Ok(false);
    }
    match object {
        Value::Object(object) => {
            object.props.borrow_mut().remove_symbol(&key);
        }
        Value::Function(function) => {
            function.props.borrow_mut().remove_symbol(&key);
        }
        Value::Array(array) => {
            array.with_props_mut(|props| props.remove_symbol(&key));
        }
        _ => {}
    }
    Ok(true)
}

/// The own symbol keys of `object` (`Object.getOwnPropertySymbols`), in insertion order.
pub fn own_keys(object: &Value) -> Vec<Value> {
    if let Some(proxy) = super::proxy::proxy_of(object) {
        // `Object.getOwnPropertySymbols` of a proxy: its `ownKeys` trap's symbols (a trap that
        // throws reports no symbols here; `Reflect.ownKeys` rethrows it).
        return super::proxy::own_keys(proxy)
            .unwrap_or_default()
            .into_iter()
            .filter(|key| matches!(key, Value::Symbol(_)))
            .collect();
    }
    let keys = |props: &super::property::PropertyMap| -> Vec<Value> {
        props
            .symbols()
            .iter()
            .map(|property| Value::Symbol(property.key.0.clone()))
            .collect()
    };
    match object {
        Value::Object(object) => keys(&object.props.borrow()),
        Value::Function(function) => keys(&function.props.borrow()),
        Value::Array(array) => array.with_props(keys),
        _ => Vec::new(),
    }
}

/// The own enumerable symbol-keyed properties with their values (getters called), for object
/// spread and `Object.assign`, which copy them.
pub fn own_enumerable_entries(object: &Value) -> Result<Vec<(Rc<JsSymbol>, Value)>, Throw> {
    let entries =
        |props: &super::property::PropertyMap| -> Vec<(Rc<JsSymbol>, Option<Value>, Value)> {
            props
                .symbols()
                .iter()
                .filter(|property| property.attributes.enumerable)
                .map(|property| {
                    (
                        property.key.0.clone(),
                        property
                            .attributes
                            .accessor
                            .as_ref()
                            .map(|(get, _)| get.clone()),
                        property.value.clone(),
                    )
                })
                .collect()
        };
    let listed = match object {
        Value::Object(object) => entries(&object.props.borrow()),
        Value::Function(function) => entries(&function.props.borrow()),
        Value::Array(array) => array.with_props(entries),
        _ => Vec::new(),
    };
    listed
        .into_iter()
        .map(|(key, getter, value)| {
            Ok(match getter {
                Some(getter) => (key, super::prototype::call_getter(&getter, object)?),
                None => (key, value),
            })
        })
        .collect()
}

/// The members built-in objects have under a well-known symbol.
fn builtin(object: &Value, symbol: &JsSymbol) -> Option<Value> {
    let SymbolKind::WellKnown(name) = symbol.kind else {
        return None;
    };
    match name {
        "iterator" => {
            let yields = match object {
                Value::Array(_) | Value::String(_) => Yield::Values,
                Value::Object(data) => match &data.kind {
                    ObjectKind::Map(_) => Yield::Entries,
                    ObjectKind::Set(_) | ObjectKind::Iterator(_) => Yield::Values,
                    ObjectKind::Generator(generator) if !generator.is_async() => Yield::Values,
                    _ => return None,
                },
                _ => return None,
            };
            Some(Value::builtin_function(
                "[Symbol.iterator]",
                "Symbol.iterator",
                0,
                move |this, _| iterate(this, yields),
            ))
        }
        // An async generator is its own async iterator.
        "asyncIterator" => match object {
            Value::Object(data) if matches!(&data.kind, ObjectKind::Generator(g) if g.is_async()) => {
                Some(Value::builtin_function(
                    "[Symbol.asyncIterator]",
                    "Symbol.asyncIterator",
                    0,
                    |this, _| Ok(this.clone()),
                ))
            }
            _ => None,
        },
        "toStringTag" => match object {
            Value::Object(data) => match &data.kind {
                ObjectKind::Map(_) => Some(Value::str("Map")),
                ObjectKind::Set(_) => Some(Value::str("Set")),
                ObjectKind::Promise(_) => Some(Value::str("Promise")),
                ObjectKind::Iterator(data) => Some(Value::str(data.tag)),
                ObjectKind::Generator(generator) if generator.is_async() => {
                    Some(Value::str("AsyncGenerator"))
                }
                ObjectKind::Generator(_) => Some(Value::str("Generator")),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// What a built-in `[Symbol.iterator]()` returns for `this`.
fn iterate(this: &Value, yields: Yield) -> Result<Value, Throw> {
    Ok(match this {
        Value::Array(_) => over_array(this, yields),
        Value::String(text) => iterator(
            Source::Array(
                Value::array(super::iterate::collect(&Value::String(text.clone()))?),
                0,
            ),
            Yield::Values,
            "String Iterator",
        ),
        Value::Object(data) => match &data.kind {
            ObjectKind::Map(_) | ObjectKind::Set(_) => over_collection(this, yields),
            // A proxy of an array: its elements read through the traps.
            ObjectKind::Proxy(proxy) if proxy.is_array => {
                over_array(&super::proxy::snapshot(this)?, yields)
            }
            _ => this.clone(),
        },
        _ => this.clone(),
    })
}
