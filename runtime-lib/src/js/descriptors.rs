//! Property descriptors: `Object.defineProperty`/`defineProperties`, `getOwnPropertyDescriptor(s)`,
//! `getOwnPropertyNames`, `setPrototypeOf`, and what non-default attributes change for reads,
//! writes and deletes (getters and setters, read-only, hidden and non-configurable properties).
//!
//! ```text
//! Object.defineProperty(exports, "__esModule", { value: true })
//!   → exports.__esModule === true, Object.keys(exports) does not list it, a write is ignored
//! Object.defineProperty(o, "full", { get() { return this.a + this.b }, enumerable: true })
//!   → o.full calls the getter with `this` = o; JSON.stringify(o) and `{ ...o }` call it too
//! ```
//!
//! Attributes live beside the values in the object's `PropertyMap` (`property.rs`), only for the
//! properties that need them; plain objects and functions carry them, arrays accept only
//! descriptors that change nothing (a TypeError otherwise: not modelled). An object's integrity
//! level (`freeze.rs`) still governs it as a whole: a frozen object's properties report
//! `writable: false, configurable: false`. V8's messages are kept. Not modelled: descriptors of
//! the built-in properties of functions and Errors beyond `name`/`length`/`message`/`stack`. References: ECMA-262 §10.1.6
//! (ValidateAndApplyPropertyDescriptor), §20.1.2.
use std::cell::RefCell;

use super::access::{call_with_this, get, get_key};
use super::convert::{to_property_key, truthy};
use super::error::Throw;
use super::freeze::Integrity;
use super::property::{Attributes, PropertyMap};
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// The property map of an object or function (where attributes live).
fn props_of(value: &Value) -> Option<&RefCell<PropertyMap>> {
    match value {
        Value::Object(object) => Some(&object.props),
        Value::Function(function) => Some(&function.props),
        _ => None,
    }
}

fn integrity_of(value: &Value) -> Integrity {
    match value {
        Value::Object(object) => object.integrity.get(),
        Value::Array(items) => items.integrity.get(),
        _ => Integrity::Extensible,
    }
}

/// How V8 names the object in these messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Object(object) if super::namespace::is_namespace(object) => {
            "[object Module]".to_string()
        }
        Value::Object(object) => match &object.class {
            Some(class) => format!("#<{}>", class.name),
            None => "#<Object>".to_string(),
        },
        // V8 prints a function's source text here.
        Value::Function(_) => super::convert::to_rust_string(value).unwrap_or_default(),
        _ => "#<Object>".to_string(),
    }
}

/// The value of `key` when it is an own accessor of `props`: its getter's result (`this` =
/// `receiver`). `None` when it is not an accessor.
pub fn own_getter(
    props: &RefCell<PropertyMap>,
    key: &JsString,
    receiver: &Value,
) -> Option<Result<Value, Throw>> {
    let getter = {
        let props = props.borrow();
        if !props.has_special() {
            return None;
        }
        props.attributes(key)?.accessor.as_ref()?.0.clone()
    };
    Some(match getter {
        Value::Function(_) => call_with_this(&getter, receiver, &[]),
        _ => Ok(Value::Undefined),
    })
}

/// An assignment to an own property with attributes: calls its setter, or refuses a write to
/// a read-only property or a getter-only accessor (V8's TypeError in strict code). `None` when
/// the property has no attributes (an ordinary write).
pub fn special_write(
    target: &Value,
    key: &JsString,
    value: &Value,
    strict: bool,
) -> Option<Result<(), Throw>> {
    let props = props_of(target)?;
    let attributes = {
        let props = props.borrow();
        if !props.has_special() {
            return None;
        }
        props.attributes(key)?.clone()
    };
    if let Some((_, setter)) = attributes.accessor {
        return Some(match setter {
            Value::Function(_) => {
                call_with_this(&setter, target, std::slice::from_ref(value)).map(|_| ())
            }
            _ if strict => Err(Throw::type_error(format!(
                "Cannot set property {key} of {} which has only a getter",
                describe(target)
            ))),
            _ => Ok(()),
        });
    }
    if !attributes.writable {
        return Some(if strict {
            Err(Throw::type_error(format!(
                "Cannot assign to read only property '{key}' of object '{}'",
                describe(target)
            )))
        } else {
            Ok(())
        });
    }
    None
}

/// Whether `delete target[key]` may remove an own property: a non-configurable one answers
/// `false` (strict code throws V8's TypeError).
pub fn may_delete(target: &Value, key: &JsString, strict: bool) -> Result<bool, Throw> {
    let Some(props) = props_of(target) else {
        return Ok(true);
    };
    let configurable = props
        .borrow()
        .attributes(key)
        .is_none_or(|attributes| attributes.configurable);
    if configurable {
        return Ok(true);
    }
    if strict {
        return Err(Throw::type_error(format!(
            "Cannot delete property '{key}' of {}",
            describe(target)
        )));
    }
    Ok(false)
}

/// A descriptor object read into its fields (each `None` when absent).
struct Descriptor {
    value: Option<Value>,
    writable: Option<bool>,
    enumerable: Option<bool>,
    configurable: Option<bool>,
    get: Option<Value>,
    set: Option<Value>,
}

fn has(object: &Value, key: &str) -> Result<bool, Throw> {
    super::operators::has_property(&Value::str(key), object)
}

/// ToPropertyDescriptor.
fn read_descriptor(descriptor: &Value) -> Result<Descriptor, Throw> {
    if !matches!(
        descriptor,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    ) {
        return Err(Throw::type_error(format!(
            "Property description must be an object: {}",
            super::convert::to_rust_string(descriptor).unwrap_or_default()
        )));
    }
    let field = |name: &str| -> Result<Option<Value>, Throw> {
        Ok(if has(descriptor, name)? {
            Some(get(descriptor, name_static(name))?)
        } else {
            None
        })
    };
    let read = Descriptor {
        enumerable: field("enumerable")?.map(|v| truthy(&v)),
        configurable: field("configurable")?.map(|v| truthy(&v)),
        value: field("value")?,
        writable: field("writable")?.map(|v| truthy(&v)),
        get: field("get")?,
        set: field("set")?,
    };
    for (accessor, name) in [(&read.get, "Getter"), (&read.set, "Setter")] {
        if let Some(function) = accessor
            && !matches!(function, Value::Function(_) | Value::Undefined)
        {
            return Err(Throw::type_error(format!(
                "{name} must be a function: {}",
                super::console::inspect(function)
            )));
        }
    }
    if (read.get.is_some() || read.set.is_some())
        && (read.value.is_some() || read.writable.is_some())
    {
        return Err(Throw::type_error(format!(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, {}",
            describe(descriptor)
        )));
    }
    Ok(read)
}

/// The descriptor field names as `'static` keys (`access::get` takes one).
fn name_static(name: &str) -> &'static str {
    match name {
        "enumerable" => "enumerable",
        "configurable" => "configurable",
        "value" => "value",
        "writable" => "writable",
        "get" => "get",
        _ => "set",
    }
}

/// The attributes an existing own property has now (integrity level included).
fn current_attributes(target: &Value, props: &PropertyMap, key: &JsString) -> Attributes {
    let mut attributes = props.attributes(key).cloned().unwrap_or(Attributes {
        enumerable: true,
        writable: true,
        configurable: true,
        accessor: None,
    });
    let level = integrity_of(target);
    if level >= Integrity::Sealed {
        attributes.configurable = false;
    }
    if level >= Integrity::Frozen && attributes.accessor.is_none() {
        attributes.writable = false;
    }
    attributes
}

/// `Object.defineProperty(target, key, descriptor)`.
pub fn define_property(target: &Value, key: &Value, descriptor: &Value) -> Result<Value, Throw> {
    let is_object = matches!(
        target,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    );
    if !is_object {
        return Err(Throw::type_error(
            "Object.defineProperty called on non-object",
        ));
    }
    if let Some(proxy) = super::proxy::proxy_of(target) {
        let key = super::reflect::property_key(key)?;
        if !super::proxy::define_own_property(proxy, &key, descriptor)? {
            return Err(super::proxy::define_refused(&key));
        }
        return Ok(target.clone());
    }
    if let Value::Symbol(symbol) = key {
        let read = read_descriptor(descriptor)?;
        let accessor = (read.get.is_some() || read.set.is_some())
            .then(|| (read.get.unwrap_or_default(), read.set.unwrap_or_default()));
        super::symbol_props::define_property(
            target,
            symbol,
            super::symbol_props::SymbolDescriptor {
                value: read.value,
                accessor,
                enumerable: read.enumerable,
                writable: read.writable,
                configurable: read.configurable,
            },
        )?;
        return Ok(target.clone());
    }
    let key = to_property_key(key)?;
    let read = read_descriptor(descriptor)?;
    define_own(target, key, read)?;
    Ok(target.clone())
}

fn define_own(target: &Value, key: JsString, read: Descriptor) -> Result<(), Throw> {
    let Some(props) = props_of(target) else {
        // An array: only a descriptor that an assignment would also give is modelled.
        // A missing attribute keeps an existing element's (all true) but is false for a new
        // property.
        let exists = key.as_ascii() != Some("length")
            && super::object_methods::own_keys(target)?.contains(&key);
        let keeps = |attribute: Option<bool>| match attribute {
            Some(value) => value,
            None => exists,
        };
        let plain = read.get.is_none()
            && read.set.is_none()
            && keeps(read.writable)
            && keeps(read.enumerable)
            && keeps(read.configurable);
        if plain {
            if let Some(value) = read.value {
                super::access::set_key_strict(target, key, value)?;
            }
            return Ok(());
        }
        return Err(Throw::type_error(format!(
            "Backworks models property attributes on plain objects and functions only, not on this value (defining '{key}')"
        )));
    };
    let existing = {
        let map = props.borrow();
        map.get(&key).is_some().then(|| {
            (
                current_attributes(target, &map, &key),
                map.get(&key).cloned(),
            )
        })
    };
    let is_accessor = read.get.is_some() || read.set.is_some();
    let (attributes, value) = match existing {
        None => {
            if integrity_of(target) != Integrity::Extensible {
                return Err(Throw::type_error(format!(
                    "Cannot define property {key}, object is not extensible"
                )));
            }
            let attributes = Attributes {
                enumerable: read.enumerable.unwrap_or(false),
                configurable: read.configurable.unwrap_or(false),
                writable: !is_accessor && read.writable.unwrap_or(false),
                accessor: is_accessor.then(|| {
                    (
                        read.get.clone().unwrap_or_default(),
                        read.set.clone().unwrap_or_default(),
                    )
                }),
            };
            (attributes, read.value.clone().unwrap_or_default())
        }
        Some((current, current_value)) => {
            let current_value = current_value.unwrap_or_default();
            if !current.configurable {
                let was_accessor = current.accessor.is_some();
                let same = |a: &Value, b: &Value| super::object_methods::same_value(a, b);
                let refused = read.configurable == Some(true)
                    || read.enumerable.is_some_and(|e| e != current.enumerable)
                    || (is_accessor && !was_accessor)
                    || (!is_accessor
                        && was_accessor
                        && (read.value.is_some() || read.writable.is_some()))
                    || (!was_accessor
                        && !current.writable
                        && (read.writable == Some(true)
                            || read
                                .value
                                .as_ref()
                                .is_some_and(|v| !same(v, &current_value))))
                    || current.accessor.as_ref().is_some_and(|(get, set)| {
                        read.get.as_ref().is_some_and(|g| !same(g, get))
                            || read.set.as_ref().is_some_and(|s| !same(s, set))
                    });
                if refused {
                    return Err(Throw::type_error(format!(
                        "Cannot redefine property: {key}"
                    )));
                }
            }
            let accessor = if is_accessor {
                let (old_get, old_set) = current.accessor.clone().unwrap_or_default();
                Some((
                    read.get.clone().unwrap_or(old_get),
                    read.set.clone().unwrap_or(old_set),
                ))
            } else if read.value.is_some() || read.writable.is_some() {
                None
            } else {
                current.accessor.clone()
            };
            let writable = if accessor.is_some() {
                false
            } else if current.accessor.is_some() {
                read.writable.unwrap_or(false)
            } else {
                read.writable.unwrap_or(current.writable)
            };
            let value = match (&accessor, read.value.clone()) {
                (Some(_), _) => Value::Undefined,
                (None, Some(value)) => value,
                (None, None) if current.accessor.is_some() => Value::Undefined,
                (None, None) => current_value,
            };
            let attributes = Attributes {
                enumerable: read.enumerable.unwrap_or(current.enumerable),
                configurable: read.configurable.unwrap_or(current.configurable),
                writable,
                accessor,
            };
            (attributes, value)
        }
    };
    let mut map = props.borrow_mut();
    map.insert(key.clone(), value);
    map.set_attributes(&key, attributes);
    Ok(())
}

/// `Object.defineProperties(target, descriptors)`: every descriptor is read before any is
/// applied, as the spec does.
pub fn define_properties(target: &Value, descriptors: &Value) -> Result<Value, Throw> {
    if !matches!(
        target,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    ) {
        return Err(Throw::type_error(
            "Object.defineProperties called on non-object",
        ));
    }
    let mut read = Vec::new();
    for key in super::object_methods::own_keys(descriptors)? {
        let descriptor = get_key(descriptors, &key)?;
        read.push((key, read_descriptor(&descriptor)?));
    }
    // Enumerable symbol keys of the descriptor map define symbol-keyed properties, after the
    // string keys (OwnPropertyKeys order).
    let mut symbols = Vec::new();
    for (symbol, descriptor) in super::symbol_props::own_enumerable_entries(descriptors)? {
        read_descriptor(&descriptor)?;
        symbols.push((Value::Symbol(symbol), descriptor));
    }
    for (key, descriptor) in read {
        define_own(target, key, descriptor)?;
    }
    for (symbol, descriptor) in symbols {
        define_property(target, &symbol, &descriptor)?;
    }
    Ok(target.clone())
}

/// `{ get x() {…}, set x(v) {…} }` in an object literal: an enumerable, configurable accessor
/// (a getter and a setter of one key combine).
pub fn define_accessor(
    target: &Value,
    key: &Value,
    getter: Value,
    setter: Value,
) -> Result<(), Throw> {
    if let Value::Symbol(symbol) = key {
        super::symbol_props::define_accessor(target, symbol, getter, setter, true);
        return Ok(());
    }
    let key = to_property_key(key)?;
    let Some(props) = props_of(target) else {
        return Ok(());
    };
    let mut map = props.borrow_mut();
    let previous = map.attributes(&key).and_then(|a| a.accessor.clone());
    let (old_get, old_set) = previous.unwrap_or_default();
    let accessor = (
        if matches!(getter, Value::Undefined) {
            old_get
        } else {
            getter
        },
        if matches!(setter, Value::Undefined) {
            old_set
        } else {
            setter
        },
    );
    map.insert(key.clone(), Value::Undefined);
    map.set_attributes(
        &key,
        Attributes {
            enumerable: true,
            writable: false,
            configurable: true,
            accessor: Some(accessor),
        },
    );
    Ok(())
}

fn descriptor_object(attributes: &Attributes, value: Value) -> Value {
    match &attributes.accessor {
        Some((get, set)) => Value::object([
            ("get", get.clone()),
            ("set", set.clone()),
            ("enumerable", Value::Bool(attributes.enumerable)),
            ("configurable", Value::Bool(attributes.configurable)),
        ]),
        None => Value::object([
            ("value", value),
            ("writable", Value::Bool(attributes.writable)),
            ("enumerable", Value::Bool(attributes.enumerable)),
            ("configurable", Value::Bool(attributes.configurable)),
        ]),
    }
}

fn data_descriptor(value: Value, writable: bool, enumerable: bool, configurable: bool) -> Value {
    descriptor_object(
        &Attributes {
            enumerable,
            writable,
            configurable,
            accessor: None,
        },
        value,
    )
}

/// `Object.getOwnPropertyDescriptor(target, key)`.
pub fn own_property_descriptor(target: &Value, key: &Value) -> Result<Value, Throw> {
    if target.is_nullish() {
        return Err(Throw::type_error(
            "Cannot convert undefined or null to object",
        ));
    }
    if let Some(proxy) = super::proxy::proxy_of(target) {
        return super::proxy::get_own_property(proxy, &super::reflect::property_key(key)?);
    }
    if let Value::Symbol(symbol) = key {
        return Ok(super::symbol_props::own_property(target, symbol)
            .map(|(attributes, value)| descriptor_object(&attributes, value))
            .unwrap_or_default());
    }
    let key = to_property_key(key)?;
    match target {
        Value::Object(object) => {
            let map = object.props.borrow();
            if let Some(value) = map.get(&key) {
                let attributes = current_attributes(target, &map, &key);
                let hidden = super::object_methods::is_hidden(&object.kind, &key);
                let mut descriptor = attributes.clone();
                if hidden {
                    descriptor.enumerable = false;
                }
                // A namespace's exports report themselves writable (only their module writes).
                if super::namespace::is_namespace(object) {
                    descriptor.writable = true;
                }
                return Ok(descriptor_object(&descriptor, value.clone()));
            }
            drop(map);
            if let ObjectKind::Error(_) = &object.kind
                && matches!(key.as_ascii(), Some("message" | "stack"))
            {
                let sealed = object.integrity.get() >= Integrity::Sealed;
                let frozen = object.integrity.get() >= Integrity::Frozen;
                return Ok(data_descriptor(
                    get_key(target, &key)?,
                    !frozen,
                    false,
                    !sealed,
                ));
            }
            Ok(Value::Undefined)
        }
        Value::Array(items) => {
            let frozen = items.integrity.get() >= Integrity::Frozen;
            let sealed = items.integrity.get() >= Integrity::Sealed;
            if key.as_ascii() == Some("length") {
                return Ok(data_descriptor(
                    Value::from(items.len()),
                    !frozen,
                    false,
                    false,
                ));
            }
            let own = super::object_methods::own_keys(target)?.contains(&key);
            Ok(if own {
                data_descriptor(get_key(target, &key)?, !frozen, true, !sealed)
            } else {
                Value::Undefined
            })
        }
        Value::Function(function) => {
            let map = function.props.borrow();
            if let Some(value) = map.get(&key) {
                let attributes = current_attributes(target, &map, &key);
                return Ok(descriptor_object(&attributes, value.clone()));
            }
            drop(map);
            Ok(match key.as_ascii() {
                Some("name" | "length") => {
                    data_descriptor(get_key(target, &key)?, false, false, true)
                }
                _ => Value::Undefined,
            })
        }
        Value::String(text) => Ok(match super::property::array_index(&key) {
            Some(index) if (index as usize) < text.len() => {
                data_descriptor(get_key(target, &key)?, false, true, false)
            }
            _ if key.as_ascii() == Some("length") => {
                data_descriptor(Value::from(text.len()), false, false, false)
            }
            _ => Value::Undefined,
        }),
        _ => Ok(Value::Undefined),
    }
}

/// `Object.getOwnPropertyNames(target)`: own string keys, enumerable or not.
pub fn own_property_names(target: &Value) -> Result<Vec<JsString>, Throw> {
    if let Some(proxy) = super::proxy::proxy_of(target) {
        return Ok(super::proxy::own_keys(proxy)?
            .into_iter()
            .filter_map(|key| match key {
                Value::String(name) => Some(name),
                _ => None,
            })
            .collect());
    }
    Ok(match target {
        Value::Undefined | Value::Null => {
            return Err(Throw::type_error(
                "Cannot convert undefined or null to object",
            ));
        }
        Value::Object(object) => {
            let mut names: Vec<JsString> = object.props.borrow().all_keys().cloned().collect();
            if let ObjectKind::Error(_) = &object.kind {
                names.insert(0, JsString::from("stack"));
                let message = JsString::from("message");
                if !super::convert::to_rust_string(&get_key(target, &message)?)
                    .unwrap_or_default()
                    .is_empty()
                {
                    names.insert(1, message);
                }
            }
            names
        }
        Value::Array(_) => {
            let mut names = super::object_methods::own_keys(target)?;
            let first_named = names
                .iter()
                .position(|key| super::property::array_index(key).is_none())
                .unwrap_or(names.len());
            names.insert(first_named, JsString::from("length"));
            names
        }
        Value::String(text) => (0..text.len())
            .map(|index| JsString::new(&index.to_string()))
            .chain(std::iter::once(JsString::from("length")))
            .collect(),
        Value::Function(_) => {
            return Err(Throw::type_error(
                "Backworks does not model Object.getOwnPropertyNames of a function",
            ));
        }
        _ => Vec::new(),
    })
}

/// `Object.getOwnPropertyDescriptors(target)`.
pub fn own_property_descriptors(target: &Value) -> Result<Value, Throw> {
    let names = match target {
        Value::Function(function) => {
            let mut names = vec![JsString::from("length"), JsString::from("name")];
            names.extend(function.props.borrow().all_keys().cloned());
            names
        }
        _ => own_property_names(target)?,
    };
    let result = Value::object(Vec::<(JsString, Value)>::new());
    for name in names {
        let descriptor = own_property_descriptor(target, &Value::String(name.clone()))?;
        super::access::define_key(&result, name, descriptor)?;
    }
    for symbol in super::symbol_props::own_keys(target) {
        let descriptor = own_property_descriptor(target, &symbol)?;
        super::access::define_computed(&result, &symbol, descriptor)?;
    }
    Ok(result)
}

/// `Object.setPrototypeOf(target, proto)`.
pub fn set_prototype_of(target: &Value, proto: &Value) -> Result<Value, Throw> {
    if target.is_nullish() {
        return Err(Throw::type_error(
            "Object.setPrototypeOf called on null or undefined",
        ));
    }
    if !matches!(proto, Value::Object(_) | Value::Null) {
        return Err(Throw::type_error(format!(
            "Object prototype may only be an Object or null: {}",
            super::console::inspect(proto)
        )));
    }
    if let Some(proxy) = super::proxy::proxy_of(target) {
        if !super::proxy::set_prototype_of(proxy, proto)? {
            return Err(Throw::type_error(
                "'setPrototypeOf' on proxy: trap returned falsish",
            ));
        }
        return Ok(target.clone());
    }
    match target {
        Value::Object(_) => super::prototype::set_dunder_proto(target, proto)?,
        Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        _ => {
            return Err(Throw::type_error(
                "Backworks models Object.setPrototypeOf on plain objects only",
            ));
        }
    }
    Ok(target.clone())
}

/// `Object.<name>(…)` of this family.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let arg = |index: usize| args.get(index).cloned().unwrap_or_default();
    Some(match name {
        "defineProperty" => define_property(&arg(0), &arg(1), &arg(2)),
        "defineProperties" => define_properties(&arg(0), &arg(1)),
        "getOwnPropertyDescriptor" => own_property_descriptor(&arg(0), &arg(1)),
        "getOwnPropertyDescriptors" => own_property_descriptors(&arg(0)),
        "getOwnPropertyNames" => own_property_names(&arg(0))
            .map(|names| Value::array(names.into_iter().map(Value::String).collect())),
        "setPrototypeOf" => set_prototype_of(&arg(0), &arg(1)),
        _ => return None,
    })
}
