//! `Proxy`: objects whose internal methods are a handler's traps.
//!
//! ```text
//! new Proxy(target, { get(t, k, r) { … } })   →   ObjectKind::Proxy(ProxyData { target, handler })
//! new Proxy(fn, { apply(t, self, args) { … } }) →  a JsFunction whose `proxy` is that object
//! proxy.x                                       →   access.rs finds the Proxy kind → get(data, "x", proxy)
//! Proxy.revocable(t, h).revoke()                →   target and handler dropped; every trap throws
//! ```
//!
//! A proxy of an object or an array is an object of kind [`ObjectKind::Proxy`]; a proxy of a
//! function is a function value (so `typeof` says "function" and calls reach the `apply` trap)
//! that points at such an object. Ordinary objects pay nothing for proxies: the check is a match
//! on the object's kind in the general (slow) paths of `access.rs` and the `Object.*`
//! functions, after the own-property fast paths, which a proxy (it has no own properties) never
//! satisfies.
//!
//! Each trap checks the invariants V8 enforces most visibly (non-configurable properties
//! reported falsely, `ownKeys` results that are not lists of keys, `construct` returning a
//! primitive), with V8's messages. A missing trap forwards to the target through the internal
//! methods of `reflect.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use super::access;
use super::convert::truthy;
use super::error::Throw;
use super::reflect::{self, is_object};
use super::string::JsString;
use super::value::{JsFunction, JsObject, ObjectKind, Value};

/// A proxy's target and handler; both `None` once revoked.
pub struct ProxyData {
    target: RefCell<Option<Value>>,
    handler: RefCell<Option<Value>>,
    /// Whether the target is an array (`Array.isArray(proxy)`, JSON): fixed at creation.
    pub is_array: bool,
}

impl ProxyData {
    /// The target, unless revoked (for `console.log`, which shows a proxy as its target).
    pub fn target(&self) -> Option<Value> {
        self.target.borrow().clone()
    }
}

/// What a chain of proxies ends at (walked iteratively: a chain may be long), or `None` when
/// one of them is revoked.
pub fn innermost_target(value: &Value) -> Option<Value> {
    let mut current = value.clone();
    for _ in 0..=super::prototype::MAX_CHAIN * 100 {
        let Some(data) = proxy_of(&current) else {
            return Some(current);
        };
        current = data.target()?;
    }
    None
}

/// The proxy inside `value`, if it is one.
pub fn proxy_of(value: &Value) -> Option<&ProxyData> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Proxy(data) => Some(data),
            _ => None,
        },
        Value::Function(function) => function.proxy.as_ref().and_then(proxy_of),
        _ => None,
    }
}

/// `new Proxy(target, handler)`.
pub fn construct(args: &[Value]) -> Result<Value, Throw> {
    let target = args.first().cloned().unwrap_or_default();
    let handler = args.get(1).cloned().unwrap_or_default();
    if !is_object(&target) || !is_object(&handler) {
        return Err(Throw::type_error(
            "Cannot create proxy with a non-object as target or handler",
        ));
    }
    let is_array = match &target {
        Value::Array(_) => true,
        other => proxy_of(other).is_some_and(|data| data.is_array),
    };
    let object = Value::object_of_kind(ObjectKind::Proxy(ProxyData {
        target: RefCell::new(Some(target.clone())),
        handler: RefCell::new(Some(handler)),
        is_array,
    }));
    let Value::Function(function) = &target else {
        return Ok(object);
    };
    // A callable proxy: calls go through the `apply` trap.
    let inner = object.clone();
    let call = move |this: &Value, args: &[Value]| match proxy_of(&inner) {
        Some(data) => apply(data, this, args),
        None => Ok(Value::Undefined),
    };
    let mut callable = JsFunction::native(
        &function.name.to_string(),
        function.length,
        Box::new(call),
        function.constructable,
    );
    callable.proxy = Some(object);
    Ok(Value::Function(Rc::new(callable)))
}

/// `Proxy.revocable(target, handler)`: `{ proxy, revoke }`.
pub fn revocable(args: &[Value]) -> Result<Value, Throw> {
    let proxy = construct(args)?;
    let held = proxy.clone();
    let revoke = Value::arrow_function("", 0, move |_, _| {
        if let Some(data) = proxy_of(&held) {
            data.target.borrow_mut().take();
            data.handler.borrow_mut().take();
        }
        Ok(Value::Undefined)
    });
    Ok(Value::object([("proxy", proxy), ("revoke", revoke)]))
}

/// Runs a step that forwards to the target, counted as a nested call: a long chain of proxies
/// without traps ends in V8's RangeError, not in an overflow of the Rust stack.
fn nested<T>(step: impl FnOnce() -> Result<T, Throw>) -> Result<T, Throw> {
    // Long loops over traps stay interruptible by the request's time budget, as calls are.
    super::budget::tick()?;
    let depth = access::call_depth() + 1;
    if depth > access::MAX_CALL_DEPTH {
        return Err(Throw::range_error("Maximum call stack size exceeded"));
    }
    access::set_call_depth(depth);
    let result = step();
    access::set_call_depth(depth - 1);
    result
}

/// The target and handler, or V8's error for a revoked proxy.
fn parts(data: &ProxyData, operation: &str) -> Result<(Value, Value), Throw> {
    match (&*data.target.borrow(), &*data.handler.borrow()) {
        (Some(target), Some(handler)) => Ok((target.clone(), handler.clone())),
        _ => Err(Throw::type_error(format!(
            "Cannot perform '{operation}' on a proxy that has been revoked"
        ))),
    }
}

/// The target, the handler and the trap `name` (`None` when the handler has none).
fn trap(data: &ProxyData, name: &str) -> Result<(Value, Value, Option<Value>), Throw> {
    let (target, handler) = parts(data, name)?;
    let found = reflect::internal_get(&handler, &Value::str(name), &handler)?;
    match found {
        Value::Undefined | Value::Null => Ok((target, handler, None)),
        Value::Function(_) => Ok((target, handler, Some(found))),
        other => Err(Throw::type_error(format!(
            "'{}' returned for property '{name}' of object '{}' is not a function",
            super::convert::to_rust_string(&other).unwrap_or_default(),
            super::console::inspect_short(&handler)
        ))),
    }
}

/// A key as V8 quotes it in trap messages.
fn shown(key: &Value) -> String {
    match key {
        Value::Symbol(symbol) => super::symbol::descriptive_string(symbol),
        other => super::convert::to_rust_string(other).unwrap_or_default(),
    }
}

/// The target's own property `key` as (configurable, writable data, value) if it has one.
struct TargetProperty {
    configurable: bool,
    /// `Some(value)` for a data property that is not writable.
    read_only: Option<Value>,
    /// Whether it is an accessor without a getter (`get` must answer undefined).
    no_getter: bool,
    no_setter: bool,
}

fn target_property(target: &Value, key: &Value) -> Result<Option<TargetProperty>, Throw> {
    let descriptor = reflect::internal_get_own_property(target, key)?;
    if matches!(descriptor, Value::Undefined) {
        return Ok(None);
    }
    let field = |name: &str| access::get_computed_opt(&descriptor, &Value::str(name));
    let is_accessor = field("get")?.is_some() || field("set")?.is_some();
    let writable = field("writable")?.is_some_and(|value| truthy(&value));
    Ok(Some(TargetProperty {
        configurable: field("configurable")?.is_some_and(|value| truthy(&value)),
        read_only: (!is_accessor && !writable)
            .then(|| field("value").ok().flatten().unwrap_or_default()),
        no_getter: is_accessor && field("get")?.is_none_or(|get| matches!(get, Value::Undefined)),
        no_setter: is_accessor && field("set")?.is_none_or(|set| matches!(set, Value::Undefined)),
    }))
}

/// `[[Get]]` through the `get` trap.
pub fn get(data: &ProxyData, key: &Value, receiver: &Value) -> Result<Value, Throw> {
    let (target, handler, trap) = trap(data, "get")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_get(&target, key, receiver));
    };
    let value = access::call_with_this(
        &trap,
        &handler,
        &[target.clone(), key.clone(), receiver.clone()],
    )?;
    if let Some(property) = target_property(&target, key)?
        && !property.configurable
    {
        if let Some(actual) = &property.read_only
            && !super::object_methods::same_value(actual, &value)
        {
            return Err(Throw::type_error(format!(
                "'get' on proxy: property '{}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '{}' but got '{}')",
                shown(key),
                super::convert::to_rust_string(actual).unwrap_or_default(),
                super::convert::to_rust_string(&value).unwrap_or_default()
            )));
        }
        if property.no_getter && !matches!(value, Value::Undefined) {
            return Err(Throw::type_error(format!(
                "'get' on proxy: property '{}' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '{}')",
                shown(key),
                super::convert::to_rust_string(&value).unwrap_or_default()
            )));
        }
    }
    Ok(value)
}

/// `[[Set]]` through the `set` trap: false when the trap answers falsish.
pub fn set(data: &ProxyData, key: &Value, value: Value, receiver: &Value) -> Result<bool, Throw> {
    let (target, handler, trap) = trap(data, "set")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_set(&target, key, value, receiver));
    };
    let args = [target.clone(), key.clone(), value.clone(), receiver.clone()];
    if !truthy(&access::call_with_this(&trap, &handler, &args)?) {
        return Ok(false);
    }
    if let Some(property) = target_property(&target, key)?
        && !property.configurable
    {
        if let Some(actual) = &property.read_only
            && !super::object_methods::same_value(actual, &value)
        {
            return Err(Throw::type_error(format!(
                "'set' on proxy: trap returned truish for property '{}' which exists in the proxy target as a non-configurable and non-writable data property with a different value",
                shown(key)
            )));
        }
        if property.no_setter {
            return Err(Throw::type_error(format!(
                "'set' on proxy: trap returned truish for property '{}' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter",
                shown(key)
            )));
        }
    }
    Ok(true)
}

/// What strict code throws when a proxy's `set` trap answers falsish.
pub fn set_refused(key: &Value) -> Throw {
    Throw::type_error(format!(
        "'set' on proxy: trap returned falsish for property '{}'",
        shown(key)
    ))
}

/// What strict code throws when a proxy's `deleteProperty` trap answers falsish.
pub fn delete_refused(key: &Value) -> Throw {
    Throw::type_error(format!(
        "'deleteProperty' on proxy: trap returned falsish for property '{}'",
        shown(key)
    ))
}

/// `[[HasProperty]]` through the `has` trap.
pub fn has(data: &ProxyData, key: &Value) -> Result<bool, Throw> {
    let (target, handler, trap) = trap(data, "has")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_has(&target, key));
    };
    let found = truthy(&access::call_with_this(
        &trap,
        &handler,
        &[target.clone(), key.clone()],
    )?);
    if !found && let Some(property) = target_property(&target, key)? {
        if !property.configurable {
            return Err(Throw::type_error(format!(
                "'has' on proxy: trap returned falsish for property '{}' which exists in the proxy target as non-configurable",
                shown(key)
            )));
        }
        if !reflect::internal_is_extensible(&target)? {
            return Err(Throw::type_error(format!(
                "'has' on proxy: trap returned falsish for property '{}' but the proxy target is not extensible",
                shown(key)
            )));
        }
    }
    Ok(found)
}

/// `[[Delete]]` through the `deleteProperty` trap.
pub fn delete(data: &ProxyData, key: &Value) -> Result<bool, Throw> {
    let (target, handler, trap) = trap(data, "deleteProperty")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_delete(&target, key));
    };
    let deleted = truthy(&access::call_with_this(
        &trap,
        &handler,
        &[target.clone(), key.clone()],
    )?);
    if deleted
        && let Some(property) = target_property(&target, key)?
        && !property.configurable
    {
        return Err(Throw::type_error(format!(
            "'deleteProperty' on proxy: trap returned truish for property '{}' which is non-configurable in the proxy target",
            shown(key)
        )));
    }
    Ok(deleted)
}

/// `[[OwnPropertyKeys]]` through the `ownKeys` trap.
pub fn own_keys(data: &ProxyData) -> Result<Vec<Value>, Throw> {
    let (target, handler, trap) = trap(data, "ownKeys")?;
    let Some(trap) = trap else {
        return nested(|| reflect::own_property_keys(&target));
    };
    let result = access::call_with_this(&trap, &handler, std::slice::from_ref(&target))?;
    let keys = reflect::list_from_array_like(&result)?;
    for (index, key) in keys.iter().enumerate() {
        if !matches!(key, Value::String(_) | Value::Symbol(_)) {
            return Err(Throw::type_error(format!(
                "{} is not a valid property name",
                super::console::inspect(key)
            )));
        }
        if keys[..index]
            .iter()
            .any(|earlier| super::object_methods::same_value(earlier, key))
        {
            return Err(Throw::type_error(
                "'ownKeys' on proxy: trap returned duplicate entries",
            ));
        }
    }
    // Every non-configurable key of the target must be listed; a non-extensible target's keys
    // must be exactly the list.
    let extensible = reflect::internal_is_extensible(&target)?;
    let target_keys = reflect::own_property_keys(&target)?;
    for key in &target_keys {
        let listed = keys
            .iter()
            .any(|listed| super::object_methods::same_value(listed, key));
        if listed {
            continue;
        }
        let configurable =
            target_property(&target, key)?.is_none_or(|property| property.configurable);
        if !configurable || !extensible {
            return Err(Throw::type_error(format!(
                "'ownKeys' on proxy: trap result did not include '{}'",
                shown(key)
            )));
        }
    }
    if !extensible && keys.len() != target_keys.len() {
        return Err(Throw::type_error(
            "'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible",
        ));
    }
    Ok(keys)
}

/// The proxy's own enumerable string keys, as `Object.keys`, `for…in`, spread and JSON see
/// them: `ownKeys`, then `getOwnPropertyDescriptor` for each (both traps, as V8 calls them).
pub fn enumerable_keys(data: &ProxyData) -> Result<Vec<JsString>, Throw> {
    let mut enumerable = Vec::new();
    for key in own_keys(data)? {
        let Value::String(name) = &key else {
            continue;
        };
        let descriptor = get_own_property(data, &key)?;
        if !matches!(descriptor, Value::Undefined)
            && truthy(&access::get(&descriptor, "enumerable")?)
        {
            enumerable.push(name.clone());
        }
    }
    Ok(enumerable)
}

/// The proxy's own enumerable string-keyed entries (`Object.entries`, spread, `assign`): as V8
/// does, `ownKeys` once, then each key's descriptor and value in turn.
pub fn enumerable_entries(
    data: &ProxyData,
    proxy: &Value,
) -> Result<Vec<(JsString, Value)>, Throw> {
    let mut entries = Vec::new();
    for key in own_keys(data)? {
        let Value::String(name) = &key else {
            continue;
        };
        let descriptor = get_own_property(data, &key)?;
        if !matches!(descriptor, Value::Undefined)
            && truthy(&access::get(&descriptor, "enumerable")?)
        {
            entries.push((name.clone(), get(data, &key, proxy)?));
        }
    }
    Ok(entries)
}

/// What `for…in` visits of a proxy: V8 asks `ownKeys`, then `getPrototypeOf`, then each
/// key's descriptor; the keys of the prototype chain follow, without repeats.
pub fn for_in_keys(data: &ProxyData) -> Result<Vec<JsString>, Throw> {
    let keys = own_keys(data)?;
    let prototype = get_prototype_of(data)?;
    let mut visited = Vec::new();
    for key in keys {
        let Value::String(name) = &key else {
            continue;
        };
        let descriptor = get_own_property(data, &key)?;
        if !matches!(descriptor, Value::Undefined)
            && truthy(&access::get(&descriptor, "enumerable")?)
        {
            visited.push(name.clone());
        }
    }
    if is_object(&prototype) {
        // A `getPrototypeOf` trap may answer the proxy itself: bounded as a nested call.
        for key in nested(|| super::prototype::for_in_keys(&prototype))? {
            if let Value::String(name) = key
                && !visited.contains(&name)
            {
                visited.push(name);
            }
        }
    }
    Ok(visited)
}

/// `[[GetOwnProperty]]` through the `getOwnPropertyDescriptor` trap: a complete descriptor
/// object, or `undefined`.
pub fn get_own_property(data: &ProxyData, key: &Value) -> Result<Value, Throw> {
    let (target, handler, trap) = trap(data, "getOwnPropertyDescriptor")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_get_own_property(&target, key));
    };
    let result = access::call_with_this(&trap, &handler, &[target.clone(), key.clone()])?;
    match &result {
        Value::Undefined => {
            if let Some(property) = target_property(&target, key)? {
                if !property.configurable {
                    return Err(Throw::type_error(format!(
                        "'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{}' which is non-configurable in the proxy target",
                        shown(key)
                    )));
                }
                if !reflect::internal_is_extensible(&target)? {
                    return Err(Throw::type_error(format!(
                        "'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{}' which exists in the non-extensible proxy target",
                        shown(key)
                    )));
                }
            }
            Ok(Value::Undefined)
        }
        value if is_object(value) => complete_descriptor(value),
        _ => Err(Throw::type_error(format!(
            "'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '{}'",
            shown(key)
        ))),
    }
}

/// ToPropertyDescriptor then CompletePropertyDescriptor: the trap's object as a fresh
/// descriptor with every attribute present.
fn complete_descriptor(value: &Value) -> Result<Value, Throw> {
    let field = |name: &str| access::get_computed_opt(value, &Value::str(name));
    let get = field("get")?;
    let set = field("set")?;
    let flag = |found: Option<Value>| Value::Bool(found.is_some_and(|value| truthy(&value)));
    if get.is_some() || set.is_some() {
        return Ok(Value::object([
            ("get", get.unwrap_or_default()),
            ("set", set.unwrap_or_default()),
            ("enumerable", flag(field("enumerable")?)),
            ("configurable", flag(field("configurable")?)),
        ]));
    }
    Ok(Value::object([
        ("value", field("value")?.unwrap_or_default()),
        ("writable", flag(field("writable")?)),
        ("enumerable", flag(field("enumerable")?)),
        ("configurable", flag(field("configurable")?)),
    ]))
}

/// `[[DefineOwnProperty]]` through the `defineProperty` trap.
pub fn define_own_property(
    data: &ProxyData,
    key: &Value,
    descriptor: &Value,
) -> Result<bool, Throw> {
    let (target, handler, trap) = trap(data, "defineProperty")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_define_own_property(&target, key, descriptor));
    };
    if !is_object(descriptor) {
        return Err(Throw::type_error(format!(
            "Property description must be an object: {}",
            super::console::inspect(descriptor)
        )));
    }
    let args = [target, key.clone(), descriptor.clone()];
    Ok(truthy(&access::call_with_this(&trap, &handler, &args)?))
}

/// What `Object.defineProperty` throws when a proxy's `defineProperty` trap answers falsish.
pub fn define_refused(key: &Value) -> Throw {
    Throw::type_error(format!(
        "'defineProperty' on proxy: trap returned falsish for property '{}'",
        shown(key)
    ))
}

/// `[[GetPrototypeOf]]` through the `getPrototypeOf` trap.
pub fn get_prototype_of(data: &ProxyData) -> Result<Value, Throw> {
    let (target, handler, trap) = trap(data, "getPrototypeOf")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_get_prototype_of(&target));
    };
    let prototype = access::call_with_this(&trap, &handler, std::slice::from_ref(&target))?;
    if !matches!(prototype, Value::Null) && !is_object(&prototype) {
        return Err(Throw::type_error(
            "'getPrototypeOf' on proxy: trap returned neither object nor null",
        ));
    }
    Ok(prototype)
}

/// `[[SetPrototypeOf]]` through the `setPrototypeOf` trap.
pub fn set_prototype_of(data: &ProxyData, prototype: &Value) -> Result<bool, Throw> {
    let (target, handler, trap) = trap(data, "setPrototypeOf")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_set_prototype_of(&target, prototype));
    };
    let args = [target, prototype.clone()];
    Ok(truthy(&access::call_with_this(&trap, &handler, &args)?))
}

/// `[[IsExtensible]]` through the `isExtensible` trap.
pub fn is_extensible(data: &ProxyData) -> Result<bool, Throw> {
    let (target, handler, trap) = trap(data, "isExtensible")?;
    let actual = nested(|| reflect::internal_is_extensible(&target))?;
    let Some(trap) = trap else {
        return Ok(actual);
    };
    let answer = truthy(&access::call_with_this(
        &trap,
        &handler,
        std::slice::from_ref(&target),
    )?);
    if answer != actual {
        return Err(Throw::type_error(format!(
            "'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is '{actual}')"
        )));
    }
    Ok(answer)
}

/// `[[PreventExtensions]]` through the `preventExtensions` trap.
pub fn prevent_extensions(data: &ProxyData) -> Result<bool, Throw> {
    let (target, handler, trap) = trap(data, "preventExtensions")?;
    let Some(trap) = trap else {
        return nested(|| reflect::internal_prevent_extensions(&target));
    };
    let answer = truthy(&access::call_with_this(
        &trap,
        &handler,
        std::slice::from_ref(&target),
    )?);
    if answer && reflect::internal_is_extensible(&target)? {
        return Err(Throw::type_error(
            "'preventExtensions' on proxy: trap returned truish but the proxy target is extensible",
        ));
    }
    Ok(answer)
}

/// `[[Call]]` through the `apply` trap.
pub fn apply(data: &ProxyData, this: &Value, args: &[Value]) -> Result<Value, Throw> {
    let (target, handler, trap) = trap(data, "apply")?;
    let Some(trap) = trap else {
        return nested(|| access::call_with_this(&target, this, args));
    };
    let trap_args = [target, this.clone(), Value::array(args.to_vec())];
    access::call_with_this(&trap, &handler, &trap_args)
}

/// `[[Construct]]` through the `construct` trap.
pub fn construct_with(
    data: &ProxyData,
    args: &[Value],
    new_target: &Value,
) -> Result<Value, Throw> {
    let (target, handler, trap) = trap(data, "construct")?;
    let Some(trap) = trap else {
        // `new.target` is the proxy itself: build with the target.
        let new_target = if proxy_of(new_target).is_some() {
            target.clone()
        } else {
            new_target.clone()
        };
        return nested(|| reflect::construct(&target, args, &new_target));
    };
    let trap_args = [target, Value::array(args.to_vec()), new_target.clone()];
    let result = access::call_with_this(&trap, &handler, &trap_args)?;
    if !is_object(&result) {
        return Err(Throw::type_error(format!(
            "'construct' on proxy: trap returned non-object ('{}')",
            super::convert::to_rust_string(&result).unwrap_or_default()
        )));
    }
    Ok(result)
}

/// `new proxy(...args)` for a callable proxy (from `class.rs`'s `new_instance`).
pub fn construct_proxy(callee: &Value, args: &[Value]) -> Option<Result<Value, Throw>> {
    let data = proxy_of(callee)?;
    Some(construct_with(data, args, callee))
}

/// Whether `object` is a proxy object (the `Proxy` kind's check in hot-path-adjacent code).
pub fn is_proxy_object(object: &JsObject) -> bool {
    matches!(object.kind, ObjectKind::Proxy(_))
}

/// The elements of an array-like `proxy` as a new array, read through its traps (`length`,
/// then each index): what the built-in array methods and iterators work on.
pub fn snapshot(proxy: &Value) -> Result<Value, Throw> {
    let length = super::convert::to_number(&access::get(proxy, "length")?)?;
    let length = if length.is_nan() || length <= 0.0 {
        0
    } else {
        length.min(super::elements::MAX_MATERIALIZED as f64) as usize
    };
    let elements = (0..length)
        .map(|index| access::get_index(proxy, index as f64))
        .collect::<Result<Vec<Value>, Throw>>()?;
    Ok(Value::array(elements))
}

/// The array methods that change their receiver.
const MUTATORS: &[&str] = &[
    "push",
    "pop",
    "shift",
    "unshift",
    "splice",
    "sort",
    "reverse",
    "fill",
    "copyWithin",
];

/// A built-in array method called on a proxy (`new Proxy([], h).map(f)`): V8's generic
/// algorithms go through the proxy's traps. `push` and `pop` do exactly that; the others read
/// the elements through the traps into a copy, run on it, and (for the methods that change
/// their receiver) write back through the traps each element that changed and the new length.
/// A callback sees that copy as its third argument, where V8 passes the proxy.
pub fn array_method(proxy: &Value, name: &str, args: &[Value]) -> Result<Value, Throw> {
    let length_of = |proxy: &Value| -> Result<f64, Throw> {
        let length = super::convert::to_number(&access::get(proxy, "length")?)?;
        Ok(if length.is_nan() || length <= 0.0 {
            0.0
        } else {
            length.min(9_007_199_254_740_991.0).floor()
        })
    };
    match name {
        "push" => {
            let mut length = length_of(proxy)?;
            for value in args {
                access::set_index_strict(proxy, length, value.clone())?;
                length += 1.0;
            }
            access::set_strict(proxy, "length", Value::Number(length))?;
            return Ok(Value::Number(length));
        }
        "pop" => {
            let length = length_of(proxy)?;
            if length == 0.0 {
                access::set_strict(proxy, "length", Value::Number(0.0))?;
                return Ok(Value::Undefined);
            }
            let last = Value::Number(length - 1.0);
            let element = access::get_computed(proxy, &last)?;
            access::delete_strict(proxy, &last)?;
            access::set_strict(proxy, "length", last)?;
            return Ok(element);
        }
        _ => {}
    }
    let copy = snapshot(proxy)?;
    let before = match &copy {
        Value::Array(items) => items.to_vec()?,
        _ => Vec::new(),
    };
    let result = access::call_method(&copy, name, args)?;
    if MUTATORS.contains(&name)
        && let Value::Array(items) = &copy
    {
        let after = items.to_vec()?;
        for (index, value) in after.iter().enumerate() {
            let unchanged = before
                .get(index)
                .is_some_and(|old| super::object_methods::same_value(old, value));
            if !unchanged {
                access::set_index_strict(proxy, index as f64, value.clone())?;
            }
        }
        if after.len() != before.len() {
            access::set_strict(proxy, "length", Value::from(after.len()))?;
        }
    }
    // `sort`, `reverse`, `fill`, `copyWithin` return their receiver: the proxy.
    if super::object_methods::same_value(&result, &copy) {
        return Ok(proxy.clone());
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chain of proxies far longer than the call depth: reading through it is V8's
    /// RangeError and printing it does not recurse once per proxy.
    #[test]
    fn a_long_chain_of_proxies_neither_overflows_the_stack_nor_crashes_printing() {
        let mut chain = Value::object([("x", Value::str("end"))]);
        for _ in 0..100_000 {
            chain =
                construct(&[chain, Value::object(Vec::<(&str, Value)>::new())]).unwrap_or_default();
        }
        let read = access::get(&chain, "x");
        let message = read
            .err()
            .and_then(|thrown| super::super::error::error_parts(&thrown.value))
            .map(|(name, message)| format!("{name}: {message}"));
        assert_eq!(
            message.as_deref(),
            Some("RangeError: Maximum call stack size exceeded")
        );
        assert_eq!(super::super::console::inspect(&chain), "{ x: 'end' }");
    }
}
