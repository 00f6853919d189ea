//! Property access and calls.
//!
//! ```text
//! post.title          → rt::get(&post, "title")?
//! items[i]            → rt::get_computed(&items, &i)?
//! task.done = true    → rt::set(&task, "done", Value::Bool(true))?
//! s.trim()            → rt::call_method(&s, "trim", &[])?
//! f(a, b)             → rt::call(&f, &[a, b])?
//! ```
//!
//! Reading a property of `undefined`/`null` throws V8's TypeError; built-in methods of strings,
//! arrays, numbers, dates, sets, maps and regexps are dispatched by receiver kind.

use std::cell::Cell;

use super::convert::{to_property_key, to_string};
use super::elements::{MAX_LENGTH, valid_length};
use super::error::Throw;
use super::freeze::{self, Integrity};
use super::property::array_index;
use super::prototype::Inherited;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// Nested calls allowed before `RangeError: Maximum call stack size exceeded`, so deep recursion
/// fails like JS instead of overflowing the Rust stack.
pub const MAX_CALL_DEPTH: u32 = 400;

thread_local! {
    static CALL_DEPTH: Cell<u32> = const { Cell::new(0) };
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        _ => "undefined",
    }
}

/// `object[key]` where `key` is a property name known at compile time. An array's `length`
/// is answered inline (`key` is a literal, so the comparison folds away in compiled code).
#[inline]
pub fn get(object: &Value, key: &str) -> Result<Value, Throw> {
    if let Value::Array(array) = object
        && key == "length"
    {
        return Ok(Value::from(array.len()));
    }
    get_named(object, key)
}

/// `object[key]` for a name known at compile time: an own property of a plain object is found
/// without building the key as a `JsString` (an allocation per read otherwise).
fn get_named(object: &Value, key: &str) -> Result<Value, Throw> {
    if let Value::Object(data) = object
        && key.is_ascii()
    {
        let props = data.props.borrow();
        // An accessor's slot holds `undefined`: any other value is a data property's.
        if let Some(value) = props.get_ascii(key)
            && (!matches!(value, Value::Undefined) || !props.has_special())
        {
            return Ok(value.clone());
        }
    }
    get_key(object, &JsString::new(key))
}

/// The array index a number key names (`items[i]`), or `None` when it names another property.
#[inline(always)]
fn element_index(number: f64) -> Option<usize> {
    // `as` saturates (NaN and negatives become 0, huge values u32::MAX), so only integers
    // survive the round trip; -0 is index 0, as `String(-0)` is "0". `u32` because its
    // conversions are a couple of instructions where `usize`'s need branches, and 2³² − 1
    // (`MAX_LENGTH`, u32::MAX) is the first number that is not an index.
    let index = number as u32;
    (f64::from(index) == number && (index as usize) < MAX_LENGTH).then_some(index as usize)
}

/// `object[key]` for any key value. The dense-array element read is inlined into compiled
/// code; everything else is [`get_computed_general`].
#[inline(always)]
pub fn get_computed(object: &Value, key: &Value) -> Result<Value, Throw> {
    match key {
        Value::Number(number) => get_index(object, *number),
        _ => get_computed_general(object, key),
    }
}

/// `object[index]` where the compiler proved the key is a number (`items[i]` with a numeric
/// local): no key `Value` is built unless the read leaves the fast path.
#[inline(always)]
pub fn get_index(object: &Value, index: f64) -> Result<Value, Throw> {
    if let Value::Array(array) = object
        && let Some(slot) = element_index(index)
        && let Some(element) = array.read_dense(slot)
    {
        return Ok(element);
    }
    get_computed_general(object, &super::convert::number_operand(index))
}

fn get_computed_general(object: &Value, key: &Value) -> Result<Value, Throw> {
    if let (Value::Array(array), Value::Number(number)) = (object, key)
        && let Some(index) = element_index(*number)
    {
        return Ok(array.read(index));
    }
    if let Value::Symbol(symbol) = key {
        return super::symbol_props::get(object, symbol);
    }
    if object.is_nullish() {
        return Err(Throw::type_error(format!(
            "Cannot read properties of {} (reading '{}')",
            describe(object),
            to_string(key)?
        )));
    }
    get_key(object, &to_property_key(key)?)
}

/// `object[key]`, or `None` when the property does not exist (for `in`).
pub fn get_computed_opt(object: &Value, key: &Value) -> Result<Option<Value>, Throw> {
    if let Value::Symbol(symbol) = key {
        return super::symbol_props::has(object, symbol)
            .then(|| super::symbol_props::get(object, symbol))
            .transpose();
    }
    let key = to_property_key(key)?;
    Ok(match object {
        Value::Array(array) => match array_index(&key) {
            Some(index) => array.get(index as usize),
            None => array.prop(&key).or_else(|| {
                if let Some(method) = super::class::inherited_method(object, &key) {
                    return Some(method);
                }
                let name = key.as_ascii()?;
                (name == "length" || name == "constructor" || super::array::is_method(name))
                    .then(|| get_key(object, &key).unwrap_or_default())
            }),
        },
        Value::Object(data) => {
            let own = data.props.borrow().get(&key).cloned();
            match own {
                Some(value) => Some(value),
                None => match super::prototype::inherited(data, &key) {
                    Inherited::Found(value) => Some(value),
                    Inherited::Getter(getter) => {
                        Some(super::prototype::call_getter(&getter, object)?)
                    }
                    Inherited::Missing => None,
                    Inherited::Builtin => {
                        let value = get_key(object, &key)?;
                        (!matches!(value, Value::Undefined)).then_some(value)
                    }
                },
            }
        }
        _ => {
            let value = get_key(object, &key)?;
            (!matches!(value, Value::Undefined)).then_some(value)
        }
    })
}

/// `object[key]` with a string key.
pub fn get_key(object: &Value, key: &JsString) -> Result<Value, Throw> {
    match object {
        Value::Undefined | Value::Null => Err(Throw::type_error(format!(
            "Cannot read properties of {} (reading '{}')",
            describe(object),
            key
        ))),
        Value::String(text) => {
            if key.as_ascii() == Some("length") {
                return Ok(Value::from(text.len()));
            }
            Ok(match array_index(key) {
                Some(index) if (index as usize) < text.len() => {
                    Value::String(text.slice_units(index as usize, index as usize + 1))
                }
                Some(_) => Value::Undefined,
                // What the string inherits: `"s".constructor`, `"s".trim` as a value.
                None => super::builtin_prototypes::inherited_by_primitive(object, key),
            })
        }
        Value::Array(array) => {
            if let Some(index) = array_index(key) {
                return Ok(array.read(index as usize));
            }
            if let Some(value) = array.prop(key) {
                return Ok(value);
            }
            let name = key.as_ascii();
            if name == Some("length") {
                return Ok(Value::from(array.len()));
            }
            // An instance of a class extending `Array`: the class's methods come before the
            // built-in ones.
            if let Some(class) = array.class()
                && let Some(value) = super::class::inherited(&class, key)
            {
                return Ok(value);
            }
            Ok(match name {
                Some("constructor") => super::class::constructor_of(object),
                Some(name) => super::array::method_value(name).unwrap_or_default(),
                None => Value::Undefined,
            })
        }
        Value::Function(function) => {
            if let Some(proxy) = &function.proxy {
                return super::reflect::internal_get(proxy, &Value::String(key.clone()), object);
            }
            if let Some(value) = super::descriptors::own_getter(&function.props, key, object) {
                return value;
            }
            if let Some(value) = function.props.borrow().get(key) {
                return Ok(value.clone());
            }
            if let Some(class) = function.builtin
                && let Some(name) = key.as_ascii()
                && let Some(member) = super::globals::builtin_static_value(class, name)
            {
                return Ok(member);
            }
            if function.builtin == Some("Function.prototype")
                && let Some(name) = key.as_ascii()
                && let Some(member) = super::object_methods::builtin_method(object, name)
            {
                return Ok(member);
            }
            Ok(match key.as_ascii() {
                Some("name") => Value::String(function.name.clone()),
                Some("length") => Value::from(function.length as usize),
                // `Array.prototype` read from the constructor value (`context.Array.prototype`).
                Some("prototype")
                    if let Some(class) = function.builtin.and_then(|name| {
                        super::builtin_prototypes::CLASSES
                            .iter()
                            .find(|known| **known == name)
                    }) =>
                {
                    super::prototype::builtin_prototype(class)
                }
                Some("prototype") if function.constructable => super::class::prototype_of(function),
                _ if let Some((getter, _, _)) =
                    super::class::inherited_static_accessor(function, key) =>
                {
                    return super::prototype::call_getter(&getter, object);
                }
                _ => match super::class::inherited_static(function, key) {
                    Some(value) => value,
                    None if key.as_ascii() == Some("constructor") => {
                        super::class::constructor_of(object)
                    }
                    // What every function inherits: `fn.call`, `fn.toString`, `fn.hasOwnProperty`.
                    None => key
                        .as_ascii()
                        .and_then(|name| {
                            super::builtin_prototypes::member("Function", name)
                                .filter(|_| name != "constructor")
                                .or_else(|| super::object_methods::builtin_method(object, name))
                        })
                        .unwrap_or_default(),
                },
            })
        }
        Value::Object(data) => {
            if let ObjectKind::Bytes(_) | ObjectKind::ArrayBuffer(_) = &data.kind
                && let Some(value) = super::bytes::property(object, key)
            {
                return Ok(value);
            }
            if let ObjectKind::Proxy(proxy) = &data.kind {
                return super::proxy::get(proxy, &Value::String(key.clone()), object);
            }
            if let Some(value) = super::descriptors::own_getter(&data.props, key, object) {
                return value;
            }
            if let Some(value) = data.props.borrow().get(key) {
                return Ok(value.clone());
            }
            // An export of an ES module still evaluating (a circular import), not yet set.
            if super::namespace::uninitialised(data, key) {
                return Err(super::namespace::before_initialization(key));
            }
            if let ObjectKind::Host(host) = &data.kind
                && let Some(name) = key.as_ascii()
            {
                if let Some(value) = host.get(object, name) {
                    return value;
                }
                if let Some(method) = host.methods().iter().find(|method| **method == name) {
                    return Ok(super::host::method_value(method, host.class()));
                }
            }
            // A getter the instance inherits from its class.
            if let Some(class) = &data.class
                && let Some((getter, _, _)) = super::class::inherited_accessor(class, key)
            {
                return match getter {
                    Value::Function(_) => call_with_this(&getter, object, &[]),
                    _ => Ok(Value::Undefined),
                };
            }
            match super::prototype::inherited(data, key) {
                Inherited::Found(value) => return Ok(value),
                Inherited::Getter(getter) => return super::prototype::call_getter(&getter, object),
                Inherited::Missing => return Ok(Value::Undefined),
                Inherited::Builtin => {}
            }
            let name = key.as_ascii().unwrap_or("");
            Ok(match (&data.kind, name) {
                (_, "__proto__") => super::prototype::get_prototype_of(object)?,
                (_, "constructor") => super::class::constructor_of(object),
                (ObjectKind::Error(_), "cause") => {
                    data.private.borrow().get(key).cloned().unwrap_or_default()
                }
                (ObjectKind::Error(error), "name") => Value::String(error.name.borrow().clone()),
                (ObjectKind::Error(error), "message") => {
                    Value::String(error.message.borrow().clone())
                }
                (ObjectKind::Error(_), "stack") => Value::from(super::error::stack_string(object)),
                (ObjectKind::Set(table) | ObjectKind::Map(table), "size") => {
                    Value::from(table.borrow().len())
                }
                (ObjectKind::RegExp(_), name) if !name.is_empty() => {
                    match super::regexp::property(object, name) {
                        Some(value) => value,
                        None => {
                            super::object_methods::builtin_method(object, name).unwrap_or_default()
                        }
                    }
                }
                (ObjectKind::Primitive(Value::String(text)), "length") => Value::from(text.len()),
                _ => super::object_methods::builtin_method(object, name).unwrap_or_default(),
            })
        }
        Value::Symbol(symbol) => Ok(match key.as_ascii() {
            Some("constructor") => super::globals::static_fn("Symbol"),
            Some(name) => super::symbol::get(symbol, name).unwrap_or_default(),
            None => Value::Undefined,
        }),
        Value::BigInt(_) if key.as_ascii() == Some("constructor") => {
            Ok(super::globals::static_fn("BigInt"))
        }
        Value::BigInt(_) => Ok(Value::Undefined),
        Value::Bool(_) | Value::Number(_) => Ok(super::builtin_prototypes::inherited_by_primitive(
            object, key,
        )),
    }
}

/// `object.key = value` in sloppy code (a forbidden write is ignored).
pub fn set(object: &Value, key: &'static str, value: Value) -> Result<(), Throw> {
    set_key_in(object, super::static_keys::static_key(key), value, false)
}

/// `object.key = value` in strict code (a forbidden write throws V8's TypeError).
pub fn set_strict(object: &Value, key: &'static str, value: Value) -> Result<(), Throw> {
    set_key_in(object, super::static_keys::static_key(key), value, true)
}

/// `object[key] = value` in sloppy code. A number key takes [`set_index`]'s path, whose
/// plain-array write is inlined into compiled code.
#[inline(always)]
pub fn set_computed(object: &Value, key: &Value, value: Value) -> Result<(), Throw> {
    match key {
        Value::Number(number) => set_index_in(object, *number, value, false),
        _ => set_computed_in(object, key, value, false),
    }
}

/// `object[key] = value` in strict code.
#[inline(always)]
pub fn set_computed_strict(object: &Value, key: &Value, value: Value) -> Result<(), Throw> {
    match key {
        Value::Number(number) => set_index_in(object, *number, value, true),
        _ => set_computed_in(object, key, value, true),
    }
}

/// `object[index] = value` in sloppy code, the key proved a number by the compiler.
#[inline(always)]
pub fn set_index(object: &Value, index: f64, value: Value) -> Result<(), Throw> {
    set_index_in(object, index, value, false)
}

/// `object[index] = value` in strict code, the key proved a number by the compiler.
#[inline(always)]
pub fn set_index_strict(object: &Value, index: f64, value: Value) -> Result<(), Throw> {
    set_index_in(object, index, value, true)
}

/// The write `items[i] = v` inlined into compiled code: a plain array's slot or its next
/// element (sloppy and strict agree there); anything else is [`set_computed_in`].
#[inline(always)]
fn set_index_in(object: &Value, index: f64, value: Value, strict: bool) -> Result<(), Throw> {
    let value = match (object, element_index(index)) {
        (Value::Array(array), Some(slot)) => match array.write_plain(slot, value) {
            Ok(()) => return Ok(()),
            Err(value) => value,
        },
        _ => value,
    };
    set_computed_in(
        object,
        &super::convert::number_operand(index),
        value,
        strict,
    )
}

fn set_computed_in(object: &Value, key: &Value, value: Value, strict: bool) -> Result<(), Throw> {
    // `items[i] = v` with an array index (below 2³² − 1, as `array_index` accepts): write the
    // slot without formatting the index into a key and parsing it back.
    if let (Value::Array(array), Value::Number(number)) = (object, key)
        && let Some(index) = element_index(*number)
        && array.integrity.get() == Integrity::Extensible
    {
        array.set(index, value);
        return Ok(());
    }
    if let Value::Symbol(symbol) = key {
        if object.is_nullish() {
            return Err(Throw::type_error(format!(
                "Cannot set properties of {} (setting '{}')",
                describe(object),
                super::symbol::descriptive_string(symbol)
            )));
        }
        return super::symbol_props::set(object, symbol, value, strict);
    }
    if object.is_nullish() {
        return Err(Throw::type_error(format!(
            "Cannot set properties of {} (setting '{}')",
            describe(object),
            to_string(key)?
        )));
    }
    set_key_in(object, to_property_key(key)?, value, strict)
}

/// Sets a property by string key (sloppy code, and runtime helpers that build fresh objects).
pub fn set_key(object: &Value, key: JsString, value: Value) -> Result<(), Throw> {
    set_key_in(object, key, value, false)
}

/// `Object.assign`'s writes: built-in functions are strict, so a frozen target throws.
pub fn set_key_strict(object: &Value, key: JsString, value: Value) -> Result<(), Throw> {
    set_key_in(object, key, value, true)
}

/// CreateDataProperty: an own property even for `__proto__` (JSON.parse, spread,
/// `Object.fromEntries`, computed keys in literals).
pub fn define_key(object: &Value, key: JsString, value: Value) -> Result<(), Throw> {
    match object {
        Value::Object(data) if matches!(data.kind, ObjectKind::Plain) => {
            if freeze::may_set(object, data, &key, true)? {
                let mut props = data.props.borrow_mut();
                props.clear_attributes(&key);
                props.insert(key, value);
            }
            Ok(())
        }
        _ => set_key_in(object, key, value, true),
    }
}

/// `{ [key]: value }` in an object literal.
pub fn define_computed(object: &Value, key: &Value, value: Value) -> Result<(), Throw> {
    if let Value::Symbol(symbol) = key {
        super::symbol_props::define(object, symbol, value);
        return Ok(());
    }
    define_key(object, to_property_key(key)?, value)
}

/// `{ "__proto__": value }`-style own properties a literal defines by name (shorthand
/// `{ __proto__ }`).
pub fn define(object: &Value, key: &str, value: Value) -> Result<(), Throw> {
    define_key(object, JsString::new(key), value)
}

fn set_key_in(object: &Value, key: JsString, value: Value, strict: bool) -> Result<(), Throw> {
    match object {
        Value::Undefined | Value::Null => Err(Throw::type_error(format!(
            "Cannot set properties of {} (setting '{}')",
            describe(object),
            key
        ))),
        Value::Array(array) => {
            // Elements, `length` and named properties all obey freeze/seal/preventExtensions.
            if !freeze::may_set_element(object, array, &key, strict)? {
                return Ok(());
            }
            if key.as_ascii() == Some("length") {
                array.set_len(valid_length(super::convert::to_number(&value)?)?);
            } else if let Some(index) = array_index(&key) {
                array.set(index as usize, value);
            } else {
                array.set_prop(key, value);
            }
            Ok(())
        }
        Value::Object(data) => {
            if let ObjectKind::Proxy(proxy) = &data.kind {
                return set_through_proxy(proxy, &Value::String(key), value, object, strict);
            }
            if let Some(done) = super::bytes::write_element(object, &key, &value) {
                return done;
            }
            // A built-in prototype reached at run time (`Object.getPrototypeOf([]).x = 1`):
            // each read is a fresh marker, so a write would silently be lost.
            if let ObjectKind::Prototype(class) = data.kind {
                return Err(super::builtin_prototypes::refused_write(class, &key));
            }
            if let ObjectKind::Host(host) = &data.kind
                && let Some(name) = key.as_ascii()
                && let Some(done) = host.set(object, name, &value)
            {
                return done;
            }
            if key.as_ascii() == Some("lastIndex") && super::regexp::set_last_index(object, &value)?
            {
                return Ok(());
            }
            if key.as_ascii() == Some("__proto__")
                && !data.props.borrow().contains(&key)
                && !super::prototype::has_null_prototype(data)
            {
                return super::prototype::set_dunder_proto(object, &value);
            }
            if let Some(done) = super::descriptors::special_write(object, &key, &value, strict) {
                return done;
            }
            // A setter the instance inherits from its class (or a getter without one).
            if let Some(class) = &data.class
                && !data.props.borrow().contains(&key)
                && let Some((_, setter, holder)) = super::class::inherited_accessor(class, &key)
            {
                return match setter {
                    Value::Function(_) => {
                        call_with_this(&setter, object, std::slice::from_ref(&value)).map(|_| ())
                    }
                    _ if strict => Err(Throw::type_error(format!(
                        "Cannot set property {key} of #<{holder}> which has only a getter"
                    ))),
                    _ => Ok(()),
                };
            }
            // A setter inherited from an explicit prototype (or a getter without one).
            if !matches!(*data.proto.borrow(), super::prototype::Prototype::Default)
                && !data.props.borrow().contains(&key)
                && let Some(setter) = super::prototype::inherited_setter(data, &key)
            {
                return match setter {
                    Value::Function(_) => {
                        call_with_this(&setter, object, std::slice::from_ref(&value)).map(|_| ())
                    }
                    _ if strict => Err(Throw::type_error(format!(
                        "Cannot set property {key} of #<Object> which has only a getter"
                    ))),
                    _ => Ok(()),
                };
            }
            if !freeze::may_set(object, data, &key, strict)? {
                return Ok(());
            }
            if let ObjectKind::Error(error) = &data.kind {
                match key.as_ascii() {
                    Some("message") => {
                        *error.message.borrow_mut() = to_string(&value)?;
                        return Ok(());
                    }
                    // `name` is inherited from the prototype: assigning it makes an own,
                    // enumerable property (which JSON.stringify and Object.keys see).
                    Some("name") => {
                        *error.name.borrow_mut() = to_string(&value)?;
                    }
                    _ => {}
                }
            }
            data.props.borrow_mut().insert(key, value);
            Ok(())
        }
        Value::Function(function) => {
            if let Some(proxy) = function.proxy.as_ref().and_then(super::proxy::proxy_of) {
                return set_through_proxy(proxy, &Value::String(key), value, object, strict);
            }
            if let Some(done) = super::descriptors::special_write(object, &key, &value, strict) {
                return done;
            }
            // A static setter inherited from the class it extends.
            if !function.props.borrow().contains(&key)
                && let Some((_, setter, holder)) =
                    super::class::inherited_static_accessor(function, &key)
            {
                return match setter {
                    Value::Function(_) => {
                        call_with_this(&setter, object, std::slice::from_ref(&value)).map(|_| ())
                    }
                    // V8 prints the holder's source text; a class prints as documented
                    // (ARCHITECTURE.md, "Known differences").
                    _ if strict => Err(Throw::type_error(format!(
                        "Cannot set property {key} of {} which has only a getter",
                        super::convert::to_rust_string(&holder).unwrap_or_default()
                    ))),
                    _ => Ok(()),
                };
            }
            if key.as_ascii() == Some("prototype") {
                *function.prototype.borrow_mut() = Some(value);
            } else {
                function.props.borrow_mut().insert(key, value);
            }
            Ok(())
        }
        // Properties of primitives are not modelled; assignments are ignored.
        _ => Ok(()),
    }
}

/// An assignment to a proxy: its `set` trap, whose falsish answer strict code reports.
#[cold]
pub(crate) fn set_through_proxy(
    proxy: &super::proxy::ProxyData,
    key: &Value,
    value: Value,
    receiver: &Value,
    strict: bool,
) -> Result<(), Throw> {
    if !super::proxy::set(proxy, key, value, receiver)? && strict {
        return Err(super::proxy::set_refused(key));
    }
    Ok(())
}

/// `delete object[key]` in sloppy code (`false` when the property cannot be deleted).
pub fn delete(object: &Value, key: &Value) -> Result<bool, Throw> {
    delete_in(object, key, false)
}

/// `delete object[key]` in strict code (a sealed or frozen property throws).
pub fn delete_strict(object: &Value, key: &Value) -> Result<bool, Throw> {
    delete_in(object, key, true)
}

fn delete_in(object: &Value, key: &Value, strict: bool) -> Result<bool, Throw> {
    if object.is_nullish() {
        return Err(Throw::type_error(format!(
            "Cannot convert undefined or null to object ({})",
            describe(object)
        )));
    }
    if let Some(proxy) = super::proxy::proxy_of(object) {
        let key = super::reflect::property_key(key)?;
        let deleted = super::proxy::delete(proxy, &key)?;
        if !deleted && strict {
            return Err(super::proxy::delete_refused(&key));
        }
        return Ok(deleted);
    }
    if let Value::Symbol(symbol) = key {
        return super::symbol_props::delete(object, symbol, strict);
    }
    let key = to_property_key(key)?;
    if !super::descriptors::may_delete(object, &key, strict)?
        || !freeze::may_delete(object, &key, strict)?
    {
        return Ok(false);
    }
    match object {
        Value::Object(data) => {
            data.props.borrow_mut().remove(&key);
        }
        Value::Array(array) => match array_index(&key) {
            Some(index) => array.delete(index as usize),
            // `length` is not configurable: `delete` answers false (strict code throws).
            None if key.as_ascii() == Some("length") => {
                if strict {
                    return Err(Throw::type_error(
                        "Cannot delete property 'length' of [object Array]",
                    ));
                }
                return Ok(false);
            }
            None => array.remove_prop(&key),
        },
        _ => {}
    }
    Ok(true)
}

/// Calls `function` with `this` = `undefined`.
#[inline]
pub fn call(function: &Value, args: &[Value]) -> Result<Value, Throw> {
    call_with_this(function, &Value::Undefined, args)
}

/// Calls `function` with an explicit `this`.
#[inline(always)]
pub fn call_with_this(function: &Value, this: &Value, args: &[Value]) -> Result<Value, Throw> {
    let Value::Function(function) = function else {
        return Err(not_callable(function));
    };
    with_call_depth(|| (function.call)(this, args))
}

#[cold]
fn not_callable(value: &Value) -> Throw {
    Throw::type_error(format!(
        "{} is not a function",
        super::console::inspect(value)
    ))
}

/// How many JS calls are in progress on this thread.
pub(crate) fn call_depth() -> u32 {
    CALL_DEPTH.with(Cell::get)
}

/// Restores the call depth after a panic unwound calls without their bookkeeping (an
/// event-loop thread catches the panic and serves on).
pub(crate) fn set_call_depth(depth: u32) {
    CALL_DEPTH.with(|current| current.set(depth));
}

/// Runs one JS call one level deeper: checks the time budget and the recursion limit.
#[inline(always)]
pub fn with_call_depth(body: impl FnOnce() -> Result<Value, Throw>) -> Result<Value, Throw> {
    super::budget::tick()?;
    let depth = CALL_DEPTH.with(|depth| {
        let next = depth.get() + 1;
        depth.set(next);
        next
    });
    let result = if depth > MAX_CALL_DEPTH {
        Err(Throw::range_error("Maximum call stack size exceeded"))
    } else {
        body()
    };
    CALL_DEPTH.with(|depth| depth.set(depth.get() - 1));
    result
}

/// `callee(...args)` where `source` is the callee's source text, which V8 quotes when it is not
/// a function (`f is not a function`).
#[inline]
pub fn call_at(function: &Value, args: &[Value], source: &str) -> Result<Value, Throw> {
    if !matches!(function, Value::Function(_)) {
        return Err(Throw::type_error(format!("{source} is not a function")));
    }
    call_with_this(function, &Value::Undefined, args)
}

/// `receiver.name(...args)` where `source` is the callee's source text (`obj.run`), quoted by
/// V8 when the property is not a function. `push` on a plain array is inlined into compiled
/// code (`name` is a literal there, so the comparison folds away at every other call site).
#[inline(always)]
pub fn call_method_at(
    receiver: &Value,
    name: &str,
    args: &[Value],
    source: &str,
) -> Result<Value, Throw> {
    if let (Value::Array(array), [value]) = (receiver, args)
        && name == "push"
        && let Some(length) = array.push_plain(value)
    {
        return Ok(Value::from(length));
    }
    call_method_general(receiver, name, args, source)
}

fn call_method_general(
    receiver: &Value,
    name: &str,
    args: &[Value],
    source: &str,
) -> Result<Value, Throw> {
    find_and_call(receiver, name, args)
        .unwrap_or_else(|| Err(Throw::type_error(format!("{source} is not a function"))))
}

/// `receiver[key](...args)` with a computed key and the callee's source text.
pub fn call_method_computed_at(
    receiver: &Value,
    key: &Value,
    args: &[Value],
    source: &str,
) -> Result<Value, Throw> {
    if let Value::Symbol(_) = key {
        return call_symbol_method(receiver, key, args, source);
    }
    let name = to_property_key(key)?;
    call_method_at(receiver, &name.to_rust(), args, source)
}

/// `receiver.name(...args)`.
pub fn call_method(receiver: &Value, name: &str, args: &[Value]) -> Result<Value, Throw> {
    find_and_call(receiver, name, args).unwrap_or_else(|| {
        Err(Throw::type_error(format!(
            "{}.{name} is not a function",
            super::console::inspect_short(receiver)
        )))
    })
}

/// Calls the method `name` of `receiver`, or `None` if it has no such method.
fn find_and_call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let callable = |method: Value| match method {
        method @ Value::Function(_) => Some(call_with_this(&method, receiver, args)),
        _ => None,
    };
    match receiver {
        Value::Undefined | Value::Null => Some(Err(Throw::type_error(format!(
            "Cannot read properties of {} (reading '{name}')",
            describe(receiver)
        )))),
        Value::String(text) => super::string_methods::call(text, name, args),
        Value::Symbol(symbol) => super::symbol::call_method(symbol, name),
        Value::Array(array) => {
            // An own property (`m.groups`, an assigned function) shadows the built-in method.
            if array.has_props()
                && let Some(own) = array.prop(&JsString::new(name))
            {
                return callable(own);
            }
            if let Some(class) = array.class()
                && let Some(method) = super::class::inherited(&class, &JsString::new(name))
            {
                return callable(method);
            }
            super::array::call(receiver, name, args)
                .or_else(|| super::object_methods::call(receiver, name, args))
        }
        Value::Number(number) => super::number_methods::call(*number, name, args),
        Value::BigInt(big) => super::bigint_global::call_method(big, name, args),
        Value::Bool(flag) if name == "toString" => {
            Some(Ok(Value::str(if *flag { "true" } else { "false" })))
        }
        Value::Object(data) => {
            if let ObjectKind::Proxy(proxy) = &data.kind {
                return match super::proxy::get(proxy, &Value::str(name), receiver) {
                    Ok(method) => callable(method),
                    Err(thrown) => Some(Err(thrown)),
                };
            }
            let key = JsString::new(name);
            if let Some(method) = super::descriptors::own_getter(&data.props, &key, receiver) {
                return match method {
                    Ok(method) => callable(method),
                    Err(thrown) => Some(Err(thrown)),
                };
            }
            let own = data.props.borrow().get(&key).cloned();
            if let Some(method) = own {
                return callable(method);
            }
            // A getter of the class that returns the function to call.
            if let Some(class) = &data.class
                && let Some((getter, _, _)) = super::class::inherited_accessor(class, &key)
            {
                return match super::prototype::call_getter(&getter, receiver) {
                    Ok(method) => callable(method),
                    Err(thrown) => Some(Err(thrown)),
                };
            }
            match super::prototype::inherited(data, &key) {
                Inherited::Found(method) => return callable(method),
                Inherited::Getter(getter) => {
                    return match super::prototype::call_getter(&getter, receiver) {
                        Ok(method) => callable(method),
                        Err(thrown) => Some(Err(thrown)),
                    };
                }
                Inherited::Missing => return None,
                Inherited::Builtin => {}
            }
            if let ObjectKind::Primitive(inner) = &data.kind
                && name != "valueOf"
            {
                return find_and_call(inner, name, args);
            }
            if let Some(result) = super::bytes::call_method(receiver, name, args) {
                return Some(result);
            }
            if let ObjectKind::Host(host) = &data.kind
                && let Some(result) = host.call(receiver, name, args)
            {
                return Some(result);
            }
            super::object_methods::call(receiver, name, args)
        }
        Value::Function(function) => {
            if let Some(proxy) = &function.proxy {
                return match super::reflect::internal_get(proxy, &Value::str(name), receiver) {
                    Ok(method @ Value::Function(_)) => callable(method),
                    // `call`, `apply`, `bind`, … are not modelled as properties of functions.
                    Ok(_) => super::object_methods::call_on_function(receiver, name, args),
                    Err(thrown) => Some(Err(thrown)),
                };
            }
            let key = JsString::new(name);
            // A static getter (own or inherited) that returns the function to call.
            let getter = match super::descriptors::own_getter(&function.props, &key, receiver) {
                Some(found) => Some(found),
                None if !function.props.borrow().contains(&key) => {
                    super::class::inherited_static_accessor(function, &key)
                        .map(|(getter, _, _)| super::prototype::call_getter(&getter, receiver))
                }
                None => None,
            };
            if let Some(method) = getter {
                return match method {
                    Ok(method) => callable(method),
                    Err(thrown) => Some(Err(thrown)),
                };
            }
            let own = function.props.borrow().get(&key).cloned();
            if let Some(method) = own.or_else(|| super::class::inherited_static(function, &key)) {
                return callable(method);
            }
            if let Some(class) = function.builtin
                && let Some(result) = super::globals::builtin_static(class, name, args)
            {
                return Some(result);
            }
            super::subclass::static_call(function, name, args)
                .or_else(|| super::object_methods::call_on_function(receiver, name, args))
                // Anything else a read finds (`Function.prototype()`, `Array.prototype.x()`).
                .or_else(|| match get_key(receiver, &key) {
                    Ok(method @ Value::Function(_)) => {
                        Some(call_with_this(&method, receiver, args))
                    }
                    Ok(_) => None,
                    Err(thrown) => Some(Err(thrown)),
                })
        }
        Value::Bool(_) => None,
    }
}

/// `receiver[key](...args)` with a computed key.
pub fn call_method_computed(receiver: &Value, key: &Value, args: &[Value]) -> Result<Value, Throw> {
    if let Value::Symbol(symbol) = key {
        let source = format!(
            "{}[{}]",
            super::console::inspect_short(receiver),
            super::symbol::descriptive_string(symbol)
        );
        return call_symbol_method(receiver, key, args, &source);
    }
    let name = to_property_key(key)?;
    call_method(receiver, &name.to_rust(), args)
}

/// `receiver[symbol](...args)`: the method is read (own, inherited or built-in) and called
/// with `receiver` as `this`.
fn call_symbol_method(
    receiver: &Value,
    key: &Value,
    args: &[Value],
    source: &str,
) -> Result<Value, Throw> {
    let method = get_computed_general(receiver, key)?;
    match method {
        Value::Function(_) => call_with_this(&method, receiver, args),
        _ => Err(Throw::type_error(format!("{source} is not a function"))),
    }
}
