//! The object internal methods as one proxy-aware set, and the `Reflect` namespace over them.
//!
//! ```text
//! Reflect.get(target, "x", receiver)   →   internal_get(&target, &key, &receiver)
//! Reflect.ownKeys(obj)                 →   own_property_keys(&obj): strings (V8's order), then symbols
//! Reflect.defineProperty(o, "k", d)    →   true / false (where Object.defineProperty throws)
//! ```
//!
//! Each `internal_*` function is what the specification calls an object's internal method
//! (`[[Get]]`, `[[Set]]`, `[[HasProperty]]`, …): a proxy answers through its handler's trap
//! (`proxy.rs`), any other object through the value model's ordinary operations (`access.rs`,
//! `descriptors.rs`, `prototype.rs`). A proxy whose handler lacks a trap forwards to its target
//! through these same functions, so proxies of proxies work.

use super::access;
use super::convert::to_property_key;
use super::error::Throw;
use super::freeze::{self, Integrity};
use super::proxy;
use super::value::Value;

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// Whether `value` is an object (what a proxy target, a handler or a Reflect target must be).
pub fn is_object(value: &Value) -> bool {
    matches!(
        value,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    )
}

/// A property key as the internal methods take it: a string or a symbol.
pub fn property_key(key: &Value) -> Result<Value, Throw> {
    Ok(match key {
        Value::Symbol(_) => key.clone(),
        other => Value::String(to_property_key(other)?),
    })
}

/// `[[Get]]`: `target[key]`, with getters called on `receiver`.
pub fn internal_get(target: &Value, key: &Value, receiver: &Value) -> Result<Value, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::get(data, key, receiver);
    }
    if super::object_methods::same_value(target, receiver) {
        return access::get_computed(target, key);
    }
    // Another receiver: find where the property lives, and run a getter with `receiver`.
    let mut holder = target.clone();
    for _ in 0..super::prototype::MAX_CHAIN {
        if let Some(data) = proxy::proxy_of(&holder) {
            return proxy::get(data, key, receiver);
        }
        let descriptor = super::descriptors::own_property_descriptor(&holder, key)?;
        if !matches!(descriptor, Value::Undefined) {
            let getter = access::get(&descriptor, "get")?;
            if let Value::Function(_) = getter {
                return access::call_with_this(&getter, receiver, &[]);
            }
            if access::get_computed_opt(&descriptor, &Value::str("get"))?.is_some() {
                return Ok(Value::Undefined);
            }
            return access::get(&descriptor, "value");
        }
        match super::prototype::get_prototype_of(&holder)? {
            Value::Null => break,
            parent => holder = parent,
        }
    }
    // Built-in members are not modelled as own properties of prototypes.
    access::get_computed(target, key)
}

/// `[[Set]]`: `target[key] = value`, with setters called on `receiver`; false where an
/// assignment in sloppy code would be ignored.
pub fn internal_set(
    target: &Value,
    key: &Value,
    value: Value,
    receiver: &Value,
) -> Result<bool, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::set(data, key, value, receiver);
    }
    let same = super::object_methods::same_value(target, receiver);
    // Find the property on the chain: a setter runs on `receiver`; a read-only data property
    // refuses the write.
    let mut holder = target.clone();
    for _ in 0..super::prototype::MAX_CHAIN {
        if let Some(data) = proxy::proxy_of(&holder) {
            return proxy::set(data, key, value, receiver);
        }
        let descriptor = super::descriptors::own_property_descriptor(&holder, key)?;
        if !matches!(descriptor, Value::Undefined) {
            if access::get_computed_opt(&descriptor, &Value::str("get"))?.is_some() {
                let setter = access::get(&descriptor, "set")?;
                if let Value::Function(_) = setter {
                    access::call_with_this(&setter, receiver, &[value])?;
                    return Ok(true);
                }
                return Ok(false);
            }
            if !super::convert::truthy(&access::get(&descriptor, "writable")?) {
                return Ok(false);
            }
            break;
        }
        match super::prototype::get_prototype_of(&holder)? {
            Value::Null => break,
            parent => holder = parent,
        }
    }
    if !is_object(receiver) {
        return Ok(false);
    }
    if same {
        if !internal_is_extensible(receiver)?
            && matches!(
                super::descriptors::own_property_descriptor(receiver, key)?,
                Value::Undefined
            )
        {
            return Ok(false);
        }
        access::set_computed(receiver, key, value)?;
        return Ok(true);
    }
    // Another receiver gets (or updates) an own data property.
    let existing = internal_get_own_property(receiver, key)?;
    if !matches!(existing, Value::Undefined) {
        if access::get_computed_opt(&existing, &Value::str("get"))?.is_some()
            || !super::convert::truthy(&access::get(&existing, "writable")?)
        {
            return Ok(false);
        }
        return internal_define_own_property(receiver, key, &Value::object([("value", value)]));
    }
    let descriptor = Value::object([
        ("value", value),
        ("writable", Value::Bool(true)),
        ("enumerable", Value::Bool(true)),
        ("configurable", Value::Bool(true)),
    ]);
    internal_define_own_property(receiver, key, &descriptor)
}

/// `[[HasProperty]]`: `key in target`.
pub fn internal_has(target: &Value, key: &Value) -> Result<bool, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::has(data, key);
    }
    super::operators::has_property(key, target)
}

/// `[[Delete]]`: false when the property cannot be deleted.
pub fn internal_delete(target: &Value, key: &Value) -> Result<bool, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::delete(data, key);
    }
    access::delete(target, key)
}

/// `[[OwnPropertyKeys]]`: string keys in V8's order (integer-like first), then symbols.
pub fn own_property_keys(target: &Value) -> Result<Vec<Value>, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::own_keys(data);
    }
    let mut keys: Vec<Value> = super::descriptors::own_property_names(target)?
        .into_iter()
        .map(Value::String)
        .collect();
    keys.extend(super::symbol_props::own_keys(target));
    Ok(keys)
}

/// `[[GetOwnProperty]]`: a descriptor object, or `undefined`.
pub fn internal_get_own_property(target: &Value, key: &Value) -> Result<Value, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::get_own_property(data, key);
    }
    super::descriptors::own_property_descriptor(target, key)
}

/// `[[DefineOwnProperty]]`: false where `Object.defineProperty` would throw because the
/// object refuses the definition (not for a malformed descriptor, which throws).
pub fn internal_define_own_property(
    target: &Value,
    key: &Value,
    descriptor: &Value,
) -> Result<bool, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::define_own_property(data, key, descriptor);
    }
    if !is_object(descriptor) {
        return Err(Throw::type_error(format!(
            "Property description must be an object: {}",
            super::console::inspect(descriptor)
        )));
    }
    match super::descriptors::define_property(target, key, descriptor) {
        Ok(_) => Ok(true),
        Err(thrown) if is_refusal(&thrown) => Ok(false),
        Err(thrown) => Err(thrown),
    }
}

/// Whether a TypeError from `Object.defineProperty` is the object refusing the definition
/// (which `Reflect.defineProperty` reports as `false`).
fn is_refusal(thrown: &Throw) -> bool {
    let message =
        super::convert::to_rust_string(&access::get(&thrown.value, "message").unwrap_or_default())
            .unwrap_or_default();
    message.starts_with("Cannot redefine property")
        || message.starts_with("Cannot define property")
        || message.starts_with("Cannot add property")
}

/// `[[GetPrototypeOf]]`.
pub fn internal_get_prototype_of(target: &Value) -> Result<Value, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::get_prototype_of(data);
    }
    super::prototype::get_prototype_of(target)
}

/// `[[SetPrototypeOf]]`: false for a non-extensible object (or a cycle).
pub fn internal_set_prototype_of(target: &Value, prototype: &Value) -> Result<bool, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::set_prototype_of(data, prototype);
    }
    if super::object_methods::same_value(&internal_get_prototype_of(target)?, prototype) {
        return Ok(true);
    }
    if !internal_is_extensible(target)? {
        return Ok(false);
    }
    match super::descriptors::set_prototype_of(target, prototype) {
        Ok(_) => Ok(true),
        Err(thrown) if is_cycle(&thrown) => Ok(false),
        Err(thrown) => Err(thrown),
    }
}

fn is_cycle(thrown: &Throw) -> bool {
    super::convert::to_rust_string(&access::get(&thrown.value, "message").unwrap_or_default())
        .is_ok_and(|message| message == "Cyclic __proto__ value")
}

/// `[[IsExtensible]]`.
pub fn internal_is_extensible(target: &Value) -> Result<bool, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::is_extensible(data);
    }
    Ok(match target {
        Value::Function(_) => true,
        other => freeze::is_extensible(other),
    })
}

/// `[[PreventExtensions]]`.
pub fn internal_prevent_extensions(target: &Value) -> Result<bool, Throw> {
    if let Some(data) = proxy::proxy_of(target) {
        return proxy::prevent_extensions(data);
    }
    freeze::lock(target, Integrity::NonExtensible);
    Ok(true)
}

/// `CreateListFromArrayLike`: the arguments of `Reflect.apply`/`construct`.
pub fn list_from_array_like(value: &Value) -> Result<Vec<Value>, Throw> {
    if !is_object(value) {
        return Err(Throw::type_error(
            "CreateListFromArrayLike called on non-object",
        ));
    }
    if let Value::Array(items) = value {
        return items.to_vec();
    }
    let length = super::convert::to_number(&access::get(value, "length")?)?;
    let length = if length.is_nan() || length <= 0.0 {
        0
    } else {
        length.min(super::elements::MAX_LENGTH as f64) as usize
    };
    (0..length)
        .map(|index| access::get_index(value, index as f64))
        .collect()
}

/// `[[Construct]]`: `new constructor(...args)`, its prototype taken from `new_target`.
///
/// The value model builds an instance from its constructor, not from `new.target`: a
/// `new_target` other than `constructor` gives the built instance `new_target.prototype` as its
/// prototype afterwards, which is what a constructor that does not read `new.target` shows.
pub fn construct(constructor: &Value, args: &[Value], new_target: &Value) -> Result<Value, Throw> {
    if let Some(data) = proxy::proxy_of(constructor) {
        return proxy::construct_with(data, args, new_target);
    }
    let source = super::console::inspect(constructor);
    let instance = super::class::new_instance(constructor, args, &source)?;
    if !super::object_methods::same_value(constructor, new_target)
        && let Value::Object(_) = &instance
    {
        let prototype = access::get(new_target, "prototype")?;
        if let Value::Object(_) = prototype {
            super::descriptors::set_prototype_of(&instance, &prototype)?;
        }
    }
    Ok(instance)
}

/// Whether `value` may follow `new` (for `Reflect.construct`'s checks).
pub fn is_constructor(value: &Value) -> bool {
    match value {
        Value::Function(function) => function.constructable,
        _ => false,
    }
}

fn non_object(method: &str) -> Throw {
    Throw::type_error(format!("Reflect.{method} called on non-object"))
}

/// `Reflect.<name>(...args)`.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let target = arg(args, 0);
    let needs_object = !matches!(name, "apply" | "construct");
    if needs_object && !is_object(&target) {
        return Some(Err(non_object(name)));
    }
    Some((|| {
        Ok(match name {
            "get" => {
                let key = property_key(&arg(args, 1))?;
                let receiver = if args.len() > 2 {
                    arg(args, 2)
                } else {
                    target.clone()
                };
                internal_get(&target, &key, &receiver)?
            }
            "set" => {
                let key = property_key(&arg(args, 1))?;
                let receiver = if args.len() > 3 {
                    arg(args, 3)
                } else {
                    target.clone()
                };
                Value::Bool(internal_set(&target, &key, arg(args, 2), &receiver)?)
            }
            "has" => Value::Bool(internal_has(&target, &property_key(&arg(args, 1))?)?),
            "deleteProperty" => {
                Value::Bool(internal_delete(&target, &property_key(&arg(args, 1))?)?)
            }
            "ownKeys" => Value::array(own_property_keys(&target)?),
            "defineProperty" => Value::Bool(internal_define_own_property(
                &target,
                &property_key(&arg(args, 1))?,
                &arg(args, 2),
            )?),
            "getOwnPropertyDescriptor" => {
                internal_get_own_property(&target, &property_key(&arg(args, 1))?)?
            }
            "getPrototypeOf" => internal_get_prototype_of(&target)?,
            "setPrototypeOf" => {
                let prototype = arg(args, 1);
                if !matches!(prototype, Value::Null) && !is_object(&prototype) {
                    return Err(Throw::type_error(format!(
                        "Object prototype may only be an Object or null: {}",
                        super::console::inspect(&prototype)
                    )));
                }
                Value::Bool(internal_set_prototype_of(&target, &prototype)?)
            }
            "isExtensible" => Value::Bool(internal_is_extensible(&target)?),
            "preventExtensions" => Value::Bool(internal_prevent_extensions(&target)?),
            "apply" => {
                if !matches!(target, Value::Function(_)) {
                    return Err(Throw::type_error(format!(
                        "Function.prototype.apply was called on {}, which is {} and not a function",
                        described(&target),
                        a_type(&target)
                    )));
                }
                let list = list_from_array_like(&arg(args, 2))?;
                access::call_with_this(&target, &arg(args, 1), &list)?
            }
            "construct" => {
                let new_target = if args.len() > 2 {
                    arg(args, 2)
                } else {
                    target.clone()
                };
                for value in [&target, &new_target] {
                    if !is_constructor(value) {
                        return Err(Throw::type_error(format!(
                            "{} is not a constructor",
                            described(value)
                        )));
                    }
                }
                let list = list_from_array_like(&arg(args, 1))?;
                construct(&target, &list, &new_target)?
            }
            _ => {
                return Err(Throw::type_error(format!(
                    "Reflect.{name} is not a function"
                )));
            }
        })
    })())
}

/// A value as V8 shows it in these messages: a function's source text, `#<Object>` for an
/// object, a primitive as text.
fn described(value: &Value) -> String {
    match value {
        Value::Function(_) => super::convert::to_rust_string(value).unwrap_or_default(),
        other => super::console::inspect_short(other),
    }
}

/// "a number", "an object", … as V8 writes a value's type in `apply`'s message.
fn a_type(value: &Value) -> String {
    let kind = super::convert::type_of(value);
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}
