//! Prototype chains: where an object's inherited properties come from.
//!
//! Most objects keep the default of their kind: an instance inherits from its class's
//! `prototype` (`class.rs`), anything else from the built-in prototype of its kind
//! (`Object.prototype`, `Date.prototype`, …), whose methods are native. `Object.create(p)`
//! and `__proto__: p` in a literal replace it with any object; `Object.create(null)` with
//! nothing, so the object has no `toString` at all:
//!
//! ```text
//! const d = Object.create(null);   "toString" in d → false     typeof d.toString → "undefined"
//! const c = Object.create({ p: 1 });   c.p → 1   Object.keys(c) → []   for (k in c) → "p"
//! Object.getPrototypeOf({}) === Object.prototype → true     Object.getPrototypeOf(User) === Model → true
//! ```
//!
//! The built-in prototypes are not shared objects: values must not outlive a handler call in a
//! thread-local, so each use of `Object.prototype` makes a small marker object of kind
//! [`ObjectKind::Prototype`], and `===` compares markers by name (`operators::strict_eq`).
//! Replacing the prototype of an existing object is limited to the `__proto__` setter (with
//! V8's cycle check); `Object.setPrototypeOf` is rejected by the compiler.

use std::rc::Rc;

use super::class::ClassParent;
use super::error::Throw;
use super::string::JsString;
use super::value::{JsObject, ObjectKind, Value};

/// An object's prototype, when it is not simply the default of its kind and class.
#[derive(Clone, Default)]
pub enum Prototype {
    /// Its class's `prototype` if `new` built it, else the built-in prototype of its kind.
    #[default]
    Default,
    /// `Object.create(null)`: no inherited properties at all.
    Null,
    /// `Object.create(proto)` / `{ __proto__: proto }`.
    Object(Value),
}

/// The result of looking a key up along an object's prototype chain (own properties excluded).
pub enum Inherited {
    /// A user-visible property of some prototype.
    Found(Value),
    /// An accessor of an explicit prototype (`Object.create(proto)`): its getter, which the
    /// reader calls with the object itself as `this` (`undefined` when it has none).
    Getter(Value),
    /// Not found before the chain reached the built-in prototypes: native methods (the
    /// object's kind's, then `Object.prototype`'s) decide.
    Builtin,
    /// The chain ends in `null` without it.
    Missing,
}

/// Chains longer than this are cut (they cannot be cyclic, see [`set_dunder_proto`]; this only
/// bounds the walk).
pub(crate) const MAX_CHAIN: usize = 10_000;

/// The property `key` that `object` inherits.
pub fn inherited(object: &JsObject, key: &JsString) -> Inherited {
    let mut current = step(object, key);
    for _ in 0..MAX_CHAIN {
        let Chain::Next(next) = current else {
            return match current {
                Chain::Done(found) => found,
                Chain::Next(_) => Inherited::Missing,
            };
        };
        current = match &next {
            Value::Object(parent) => match parent.props.borrow().get(key) {
                Some(value) => Chain::Done(
                    match parent
                        .props
                        .borrow()
                        .attributes(key)
                        .and_then(|a| a.accessor.as_ref())
                    {
                        Some((getter, _)) => Inherited::Getter(getter.clone()),
                        None => Inherited::Found(value.clone()),
                    },
                ),
                None if matches!(parent.kind, ObjectKind::Prototype(_)) => {
                    Chain::Done(Inherited::Builtin)
                }
                None => step(parent, key),
            },
            // An array or a function as a prototype: its own properties, then the natives.
            other => match super::access::get_key(other, key) {
                Ok(Value::Undefined) | Err(_) => Chain::Done(Inherited::Builtin),
                Ok(value) => Chain::Done(Inherited::Found(value)),
            },
        };
    }
    Inherited::Missing
}

enum Chain {
    Next(Value),
    Done(Inherited),
}

/// One step up from `object`: its class chain answers at once, an explicit prototype is next.
fn step(object: &JsObject, key: &JsString) -> Chain {
    match &*object.proto.borrow() {
        Prototype::Null => Chain::Done(Inherited::Missing),
        Prototype::Object(parent) => Chain::Next(parent.clone()),
        Prototype::Default => Chain::Done(
            object
                .class
                .as_ref()
                .and_then(|class| super::class::inherited(class, key))
                .map_or(Inherited::Builtin, Inherited::Found),
        ),
    }
}

/// The setter `object` inherits for `key` from an explicit prototype (`Object.create(proto)`),
/// when an accessor is found there before any plain property: `Some(setter)`, `undefined`
/// for a getter without one.
pub fn inherited_setter(object: &JsObject, key: &JsString) -> Option<Value> {
    let mut current = match &*object.proto.borrow() {
        Prototype::Object(parent) => parent.clone(),
        _ => return None,
    };
    for _ in 0..MAX_CHAIN {
        let Value::Object(parent) = &current else {
            return None;
        };
        let next = {
            let props = parent.props.borrow();
            if props.get(key).is_some() {
                return props
                    .attributes(key)
                    .and_then(|a| a.accessor.as_ref())
                    .map(|(_, setter)| setter.clone());
            }
            match &*parent.proto.borrow() {
                Prototype::Object(grand) => grand.clone(),
                _ => return None,
            }
        };
        current = next;
    }
    None
}

/// Calls an inherited getter with `receiver` as `this`.
pub fn call_getter(getter: &Value, receiver: &Value) -> Result<Value, Throw> {
    match getter {
        Value::Function(_) => super::access::call_with_this(getter, receiver, &[]),
        _ => Ok(Value::Undefined),
    }
}

/// Whether `object`'s chain ends in `null` before any built-in prototype.
pub fn has_null_prototype(object: &JsObject) -> bool {
    let mut next = match &*object.proto.borrow() {
        Prototype::Null => return true,
        Prototype::Default => return false,
        Prototype::Object(parent) => parent.clone(),
    };
    for _ in 0..MAX_CHAIN {
        let Value::Object(parent) = &next else {
            return false;
        };
        let grandparent = match &*parent.proto.borrow() {
            Prototype::Null => return true,
            Prototype::Default => return false,
            Prototype::Object(grandparent) => grandparent.clone(),
        };
        next = grandparent;
    }
    false
}

/// A built-in prototype object (`Object.prototype`, …) as a value.
pub fn builtin_prototype(name: &'static str) -> Value {
    if name == "Function" {
        return super::builtin_prototypes::function_prototype();
    }
    Value::object_of_kind(ObjectKind::Prototype(name))
}

/// `Object.getPrototypeOf(value)`.
pub fn get_prototype_of(value: &Value) -> Result<Value, Throw> {
    if let Some(proxy) = super::proxy::proxy_of(value) {
        return super::proxy::get_prototype_of(proxy);
    }
    Ok(match value {
        Value::Undefined | Value::Null => {
            return Err(Throw::type_error(
                "Cannot convert undefined or null to object",
            ));
        }
        Value::Object(object) => match &*object.proto.borrow() {
            Prototype::Null => Value::Null,
            Prototype::Object(parent) => parent.clone(),
            Prototype::Default => match (&object.class, &object.kind) {
                (Some(class), _) => super::class::prototype_of(class),
                (None, ObjectKind::Plain | ObjectKind::Arguments) => builtin_prototype("Object"),
                (None, ObjectKind::Prototype("Object")) => Value::Null,
                (None, ObjectKind::Prototype(_)) => builtin_prototype("Object"),
                (None, ObjectKind::Error(error)) => {
                    let name = error.name.borrow().to_string();
                    let known = super::error::ERROR_CLASSES
                        .iter()
                        .chain(["URIError"].iter())
                        .find(|class| **class == name)
                        .copied()
                        .unwrap_or("Error");
                    builtin_prototype(known)
                }
                (None, ObjectKind::Date(_)) => builtin_prototype("Date"),
                (None, ObjectKind::Set(_)) => builtin_prototype("Set"),
                (None, ObjectKind::Map(_)) => builtin_prototype("Map"),
                (None, ObjectKind::RegExp(_)) => builtin_prototype("RegExp"),
                (None, ObjectKind::Promise(_)) => builtin_prototype("Promise"),
                (None, ObjectKind::WeakMap(_)) => builtin_prototype("WeakMap"),
                (None, ObjectKind::WeakSet(_)) => builtin_prototype("WeakSet"),
                (None, ObjectKind::Primitive(inner)) => primitive_prototype(inner),
                (None, ObjectKind::Iterator(iterator)) => builtin_prototype(iterator.tag),
                (
                    None,
                    kind
                    @ (ObjectKind::ArrayBuffer(_) | ObjectKind::Bytes(_) | ObjectKind::Host(_)),
                ) => builtin_prototype(super::host::native_class(kind).unwrap_or("Object")),
                (None, ObjectKind::Generator(data)) if data.is_async() => {
                    builtin_prototype("AsyncGenerator")
                }
                (None, ObjectKind::Generator(_)) => builtin_prototype("Generator"),
                // Answered by `proxy.rs` before this match.
                (None, ObjectKind::Proxy(_)) => Value::Null,
            },
        },
        Value::Array(array) => match array.class() {
            Some(class) => super::class::prototype_of(&class),
            None => builtin_prototype("Array"),
        },
        Value::Function(function) if function.builtin == Some("Function.prototype") => {
            builtin_prototype("Object")
        }
        Value::Function(function) => match function.class.as_ref().map(|class| &class.parent) {
            Some(ClassParent::Function(parent)) => Value::Function(parent.clone()),
            _ => builtin_prototype("Function"),
        },
        primitive => primitive_prototype(primitive),
    })
}

fn primitive_prototype(value: &Value) -> Value {
    builtin_prototype(match value {
        Value::Number(_) => "Number",
        Value::String(_) => "String",
        Value::Symbol(_) => "Symbol",
        _ => "Boolean",
    })
}

/// `Object.create(proto, properties?)`.
pub fn create(proto: &Value, properties: &Value) -> Result<Value, Throw> {
    let prototype = as_prototype(proto).ok_or_else(|| {
        Throw::type_error(format!(
            "Object prototype may only be an Object or null: {}",
            super::convert::to_rust_string(proto).unwrap_or_default()
        ))
    })?;
    let object = Value::object(Vec::<(JsString, Value)>::new());
    if let Value::Object(data) = &object {
        *data.proto.borrow_mut() = prototype;
    }
    // The second argument is `Object.defineProperties`'s (`descriptors.rs`).
    if !matches!(properties, Value::Undefined) {
        super::descriptors::define_properties(&object, properties)?;
    }
    Ok(object)
}

/// The prototype `value` stands for, or `None` if it cannot be one (a primitive).
fn as_prototype(value: &Value) -> Option<Prototype> {
    match value {
        Value::Null => Some(Prototype::Null),
        Value::Object(object) if matches!(object.kind, ObjectKind::Prototype("Object")) => {
            Some(Prototype::Default)
        }
        Value::Object(_) | Value::Array(_) | Value::Function(_) => {
            Some(Prototype::Object(value.clone()))
        }
        _ => None,
    }
}

/// `{ __proto__: value }` in an object literal: sets the new object's prototype when `value`
/// is an object or `null`, and is ignored otherwise (as in V8).
pub fn literal_prototype(target: &Value, value: &Value) {
    if let (Value::Object(object), Some(prototype)) = (target, as_prototype(value)) {
        *object.proto.borrow_mut() = prototype;
    }
}

/// `object.__proto__ = value` through the inherited `Object.prototype.__proto__` setter:
/// primitives are ignored, an object or `null` becomes the prototype unless that would make a
/// cycle (V8's `TypeError: Cyclic __proto__ value`).
pub fn set_dunder_proto(target: &Value, value: &Value) -> Result<(), Throw> {
    let (Value::Object(object), Some(prototype)) = (target, as_prototype(value)) else {
        return Ok(());
    };
    let mut current = value.clone();
    for _ in 0..MAX_CHAIN {
        let Value::Object(ancestor) = &current else {
            break;
        };
        if Rc::ptr_eq(ancestor, object) {
            return Err(Throw::type_error("Cyclic __proto__ value"));
        }
        let next = match &*ancestor.proto.borrow() {
            Prototype::Object(parent) => parent.clone(),
            _ => break,
        };
        current = next;
    }
    if object.integrity.get() != super::freeze::Integrity::Extensible {
        return Err(Throw::type_error(format!(
            "{} is not extensible",
            super::console::inspect(target)
        )));
    }
    *object.proto.borrow_mut() = prototype;
    Ok(())
}

/// The keys `for (key in value)` visits: own enumerable keys, then those of each prototype
/// not already seen, as V8 orders them.
pub fn for_in_keys(value: &Value) -> Result<Vec<Value>, Throw> {
    if value.is_nullish() {
        return Ok(Vec::new());
    }
    if let Some(proxy) = super::proxy::proxy_of(value) {
        return Ok(super::proxy::for_in_keys(proxy)?
            .into_iter()
            .map(Value::String)
            .collect());
    }
    let mut keys = super::object_methods::own_keys(value)?;
    let mut current = match value {
        Value::Object(object) => next_enumerable(object),
        _ => None,
    };
    let mut guard = 0;
    while let Some(parent) = current {
        guard += 1;
        if guard > MAX_CHAIN {
            break;
        }
        for key in super::object_methods::own_keys(&parent)? {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        current = match &parent {
            Value::Object(object) => next_enumerable(object),
            _ => None,
        };
    }
    Ok(keys.into_iter().map(Value::String).collect())
}

/// The next prototype whose own properties `for…in` enumerates: an explicit prototype, or the
/// `prototype` of a constructor function (whose assigned methods are enumerable; class methods
/// are not, so class prototypes are skipped).
fn next_enumerable(object: &JsObject) -> Option<Value> {
    match &*object.proto.borrow() {
        Prototype::Object(parent) => Some(parent.clone()),
        Prototype::Null => None,
        Prototype::Default => object
            .class
            .as_ref()
            .filter(|class| class.class.is_none())
            .and_then(|function| function.prototype.borrow().clone()),
    }
}
