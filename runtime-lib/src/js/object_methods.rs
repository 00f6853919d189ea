//! `Object` statics and the methods objects inherit (`Object.prototype`, `Function.prototype`),
//! plus dispatch to the built-in object kinds (Date, Set, Map, RegExp, Promise, Error).
//!
//! ```text
//! Object.entries({ a: 1 })          → [["a", 1]]
//! Object.assign(task, { done: 1 })  → task, with `done` set
//! ```

use super::access::{call_with_this, define_key, get_key, set_key_strict};
use super::convert::to_string;
use super::error::Throw;
use super::freeze::{self, Integrity};
use super::string::JsString;
use super::value::{ObjectKind, Value};

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// Own enumerable string keys in enumeration order (`Object.keys`).
pub fn own_keys(value: &Value) -> Result<Vec<JsString>, Throw> {
    Ok(match value {
        Value::Undefined | Value::Null => {
            return Err(Throw::type_error(
                "Cannot convert undefined or null to object",
            ));
        }
        Value::Object(object) if let ObjectKind::Proxy(proxy) = &object.kind => {
            super::proxy::enumerable_keys(proxy)?
        }
        Value::Function(function) if let Some(proxy) = &function.proxy => own_keys(proxy)?,
        Value::Object(object) => {
            // A Uint8Array's indices come first, as an array's do.
            let indices = match &object.kind {
                ObjectKind::Bytes(view) => view.length,
                _ => 0,
            };
            (0..indices)
                .map(|index| JsString::new(&index.to_string()))
                .chain(
                    object
                        .props
                        .borrow()
                        .iter()
                        .filter(|(key, _)| !is_hidden(&object.kind, key))
                        .map(|(key, _)| key.clone()),
                )
                .collect()
        }
        Value::Array(items) => items
            .present_indices()
            .into_iter()
            .map(|index| JsString::new(&index.to_string()))
            .chain(items.props().into_iter().map(|(key, _)| key))
            .collect(),
        Value::String(text) => (0..text.len())
            .map(|index| JsString::new(&index.to_string()))
            .collect(),
        // A function's own enumerable properties (`fn.cache = …`, a class's static fields;
        // static methods are hidden and private statics `#x` are not properties).
        Value::Function(function) => function
            .props
            .borrow()
            .iter()
            .filter(|(key, _)| !key.to_rust().starts_with('#'))
            .map(|(key, _)| key.clone())
            .collect(),
        _ => Vec::new(),
    })
}

/// Own properties the value model stores with the enumerable ones but JS does not enumerate:
/// the `cause` an Error constructor installs and an AggregateError's `errors`.
pub fn is_hidden(kind: &ObjectKind, key: &JsString) -> bool {
    matches!(kind, ObjectKind::Error(_)) && matches!(key.as_ascii(), Some("cause" | "errors"))
}

/// Own enumerable `[key, value]` pairs.
pub fn own_entries(value: &Value) -> Result<Vec<(JsString, Value)>, Throw> {
    if let Some(proxy) = super::proxy::proxy_of(value) {
        return super::proxy::enumerable_entries(proxy, value);
    }
    let keys = own_keys(value)?;
    let mut entries = Vec::with_capacity(keys.len());
    for key in keys {
        let item = get_key(value, &key)?;
        entries.push((key, item));
    }
    Ok(entries)
}

/// Copies the own enumerable properties of `source` onto `target` as `Object.assign` does:
/// through assignment, which throws on a frozen target even in sloppy code.
pub fn copy_properties(target: &Value, source: &Value) -> Result<(), Throw> {
    if source.is_nullish() {
        return Ok(());
    }
    for (key, value) in own_entries(source)? {
        set_key_strict(target, key, value)?;
    }
    // Own enumerable symbol-keyed properties are copied too, after the string keys.
    for (symbol, value) in super::symbol_props::own_enumerable_entries(source)? {
        super::symbol_props::set(target, &symbol, value, true)?;
    }
    Ok(())
}

/// Copies the own enumerable properties of `source` into an object literal being built
/// (`{ ...source }`): as own properties, even one named `__proto__`.
pub fn spread_properties(target: &Value, source: &Value) -> Result<(), Throw> {
    if source.is_nullish() {
        return Ok(());
    }
    for (key, value) in own_entries(source)? {
        define_key(target, key, value)?;
    }
    for (symbol, value) in super::symbol_props::own_enumerable_entries(source)? {
        super::symbol_props::define(target, &symbol, value);
    }
    Ok(())
}

/// `Object.<name>(...args)`.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some(match name {
        "keys" => own_keys(&arg(args, 0))
            .map(|keys| Value::array(keys.into_iter().map(Value::String).collect())),
        "values" => own_entries(&arg(args, 0))
            .map(|entries| Value::array(entries.into_iter().map(|(_, value)| value).collect())),
        "entries" => own_entries(&arg(args, 0)).map(|entries| {
            Value::array(
                entries
                    .into_iter()
                    .map(|(key, value)| Value::array(vec![Value::String(key), value]))
                    .collect(),
            )
        }),
        "assign" => (|| {
            let target = arg(args, 0);
            if target.is_nullish() {
                return Err(Throw::type_error(
                    "Cannot convert undefined or null to object",
                ));
            }
            for source in args.iter().skip(1) {
                copy_properties(&target, source)?;
            }
            Ok(target)
        })(),
        "fromEntries" => (|| {
            let object = Value::object(Vec::<(JsString, Value)>::new());
            for entry in super::iterate::collect(&arg(args, 0))? {
                let key = super::access::get(&entry, "0")?;
                let value = super::access::get(&entry, "1")?;
                match key {
                    // A symbol key stays a symbol key.
                    Value::Symbol(symbol) => super::symbol_props::define(&object, &symbol, value),
                    key => define_key(&object, super::convert::to_property_key(&key)?, value)?,
                }
            }
            Ok(object)
        })(),
        "freeze" => Ok(freeze::lock(&arg(args, 0), Integrity::Frozen)),
        "seal" => Ok(freeze::lock(&arg(args, 0), Integrity::Sealed)),
        "preventExtensions" => Ok(freeze::lock(&arg(args, 0), Integrity::NonExtensible)),
        "isFrozen" => Ok(Value::Bool(freeze::is_at_least(
            &arg(args, 0),
            Integrity::Frozen,
        ))),
        "isSealed" => Ok(Value::Bool(freeze::is_at_least(
            &arg(args, 0),
            Integrity::Sealed,
        ))),
        "isExtensible" => Ok(Value::Bool(freeze::is_extensible(&arg(args, 0)))),
        "create" => super::prototype::create(&arg(args, 0), &arg(args, 1)),
        "getPrototypeOf" => super::prototype::get_prototype_of(&arg(args, 0)),
        "hasOwn" => has_own(&arg(args, 0), &arg(args, 1)),
        "getOwnPropertySymbols" => match arg(args, 0) {
            Value::Undefined | Value::Null => Err(Throw::type_error(
                "Cannot convert undefined or null to object",
            )),
            object => Ok(Value::array(super::symbol_props::own_keys(&object))),
        },
        "is" => Ok(Value::Bool(same_value(&arg(args, 0), &arg(args, 1)))),
        _ => return super::descriptors::call_static(name, args),
    })
}

/// SameValue (`Object.is`): like `===` except that `NaN` equals `NaN` and `0` differs from `-0`.
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            (x.is_nan() && y.is_nan()) || (x == y && x.is_sign_negative() == y.is_sign_negative())
        }
        _ => super::operators::strict_eq(a, b),
    }
}

fn has_own(object: &Value, key: &Value) -> Result<Value, Throw> {
    if let Some(proxy) = super::proxy::proxy_of(object) {
        let descriptor =
            super::proxy::get_own_property(proxy, &super::reflect::property_key(key)?)?;
        return Ok(Value::Bool(!matches!(descriptor, Value::Undefined)));
    }
    if let Value::Symbol(symbol) = key {
        return Ok(Value::Bool(super::symbol_props::has_own(object, symbol)));
    }
    let key = super::convert::to_property_key(key)?;
    if object.is_nullish() {
        return Err(Throw::type_error(
            "Cannot convert undefined or null to object",
        ));
    }
    Ok(Value::Bool(match object {
        Value::Object(data) if let ObjectKind::Prototype(class) = data.kind => {
            data.props.borrow().contains(&key)
                || key
                    .as_ascii()
                    .is_some_and(|key| super::builtin_prototypes::has_own(class, key))
        }
        Value::Object(data) => {
            data.props.borrow().contains(&key)
                || matches!(&data.kind, ObjectKind::Primitive(Value::String(text))
                    if key.as_ascii() == Some("length")
                        || super::property::array_index(&key)
                            .is_some_and(|index| (index as usize) < text.len()))
        }
        Value::Function(function) => {
            function.props.borrow().contains(&key)
                || matches!(key.as_ascii(), Some("name" | "length"))
                || (key.as_ascii() == Some("prototype") && function.constructable)
        }
        Value::Array(items) => key.as_ascii() == Some("length") || items.has_own_key(&key),
        // A string's own properties are its code units and `length`.
        Value::String(text) => {
            key.as_ascii() == Some("length")
                || super::property::array_index(&key)
                    .is_some_and(|index| (index as usize) < text.len())
        }
        _ => false,
    }))
}

/// Methods of object receivers without an own property of that name.
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    if let Some(result) = super::date::call(receiver, name, args)
        .or_else(|| super::collections::call_method(receiver, name, args))
        .or_else(|| super::weak::call_method(receiver, name, args))
        .or_else(|| super::iterator::call(receiver, name, args))
        .or_else(|| super::regexp::call(receiver, name, args))
        .or_else(|| super::promise::call(receiver, name, args))
        .or_else(|| super::generator::call(receiver, name, args))
    {
        return Some(result);
    }
    object_prototype_call(receiver, name, args)
}

/// The methods of `Object.prototype` (and the `toString`/`valueOf` a built-in kind overrides
/// them with), called on `receiver`.
fn object_prototype_call(
    receiver: &Value,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    Some(match name {
        "hasOwnProperty" => has_own(receiver, &arg(args, 0)),
        "propertyIsEnumerable" => (|| {
            if let Some(proxy) = super::proxy::proxy_of(receiver) {
                let key = super::reflect::property_key(&arg(args, 0))?;
                let descriptor = super::proxy::get_own_property(proxy, &key)?;
                return Ok(Value::Bool(
                    !matches!(descriptor, Value::Undefined)
                        && super::convert::truthy(&super::access::get(&descriptor, "enumerable")?),
                ));
            }
            if let Value::Symbol(symbol) = arg(args, 0) {
                return Ok(Value::Bool(
                    super::symbol_props::own_property(receiver, &symbol)
                        .is_some_and(|(attributes, _)| attributes.enumerable),
                ));
            }
            let key = super::convert::to_property_key(&arg(args, 0))?;
            let keys = match receiver {
                Value::Object(_) | Value::Array(_) | Value::String(_) => own_keys(receiver)?,
                _ => Vec::new(),
            };
            Ok(Value::Bool(keys.contains(&key)))
        })(),
        "isPrototypeOf" => (|| {
            let mut current = arg(args, 0);
            if !matches!(
                current,
                Value::Object(_) | Value::Array(_) | Value::Function(_)
            ) {
                return Ok(Value::Bool(false));
            }
            for _ in 0..10_000 {
                current = super::prototype::get_prototype_of(&current)?;
                if current.is_nullish() {
                    break;
                }
                if super::operators::strict_eq(&current, receiver) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        })(),
        // Array.prototype.toLocaleString: each element's own `toLocaleString(locales, options)`,
        // joined with ",", holes and nullish elements empty.
        "toLocaleString" if matches!(receiver, Value::Array(_)) => (|| {
            let mut texts = Vec::new();
            for element in super::iterate::collect(receiver)? {
                if element.is_nullish() {
                    texts.push(String::new());
                } else if matches!(element, Value::String(_) | Value::Bool(_)) {
                    // Object.prototype.toLocaleString: their `toString()`.
                    texts.push(super::convert::to_string(&element)?.to_string());
                } else {
                    let text = super::access::call_method(&element, "toLocaleString", args)?;
                    texts.push(super::convert::to_string(&text)?.to_string());
                }
            }
            Ok(Value::str(&texts.join(",")))
        })(),
        "toString" | "toLocaleString" => {
            if receiver.is_nullish() {
                return Some(Ok(Value::str(&object_tag(receiver))));
            }
            super::to_primitive::native_to_string(receiver).map(Value::String)
        }
        "valueOf" => Ok(super::to_primitive::native_value_of(receiver)),
        _ => return None,
    })
}

/// Methods of `Object.prototype`: name and `length`.
const OBJECT_PROTOTYPE_METHODS: &[(&str, u32)] = &[
    ("hasOwnProperty", 1),
    ("isPrototypeOf", 1),
    ("propertyIsEnumerable", 1),
    ("toString", 0),
    ("toLocaleString", 0),
    ("valueOf", 0),
];

/// Native methods of the built-in kinds that user code reads as values (`typeof d.getTime`,
/// `const get = map.get`); calls go straight to the dispatchers above.
const KIND_METHODS: &[(&str, &[&str])] = &[
    ("Generator", &["next", "return", "throw"]),
    ("AsyncGenerator", &["next", "return", "throw"]),
    ("Iterator", &["next"]),
    (
        "Date",
        &[
            "getTime",
            "valueOf",
            "toISOString",
            "toJSON",
            "toString",
            "toDateString",
            "toTimeString",
            "toUTCString",
            "getFullYear",
            "getMonth",
            "getDate",
            "getDay",
            "getHours",
            "getMinutes",
            "getSeconds",
            "getMilliseconds",
            "getUTCFullYear",
            "getUTCMonth",
            "getUTCDate",
            "getUTCDay",
            "getUTCHours",
            "getUTCMinutes",
            "getUTCSeconds",
            "getUTCMilliseconds",
            "getTimezoneOffset",
            "setTime",
            "setFullYear",
            "setMonth",
            "setDate",
            "setHours",
            "setMinutes",
            "setSeconds",
            "setMilliseconds",
            "setUTCFullYear",
            "setUTCMonth",
            "setUTCDate",
            "setUTCHours",
            "setUTCMinutes",
            "setUTCSeconds",
            "setUTCMilliseconds",
        ],
    ),
    (
        "Map",
        &[
            "get", "set", "has", "delete", "clear", "forEach", "keys", "values", "entries",
        ],
    ),
    (
        "Set",
        &[
            "add", "has", "delete", "clear", "forEach", "keys", "values", "entries",
        ],
    ),
    ("WeakMap", &["get", "set", "has", "delete"]),
    ("WeakSet", &["add", "has", "delete"]),
    ("RegExp", &["exec", "test", "toString"]),
    ("Promise", &["then", "catch", "finally"]),
];

/// The native methods `object_methods.rs` gives values of the built-in kind `class`.
pub fn kind_method_names(class: &str) -> &'static [&'static str] {
    KIND_METHODS
        .iter()
        .find(|(owner, _)| *owner == class)
        .map_or(&[], |(_, names)| names)
}

/// Whether `name` is a method of `Object.prototype`.
pub fn is_object_prototype_method(name: &str) -> bool {
    OBJECT_PROTOTYPE_METHODS
        .iter()
        .any(|(method, _)| *method == name)
}

fn kind_name(value: &Value) -> Option<&'static str> {
    let Value::Object(object) = value else {
        return None;
    };
    Some(match &object.kind {
        ObjectKind::Date(_) => "Date",
        ObjectKind::Map(_) => "Map",
        ObjectKind::Set(_) => "Set",
        ObjectKind::WeakMap(_) => "WeakMap",
        ObjectKind::WeakSet(_) => "WeakSet",
        ObjectKind::RegExp(_) => "RegExp",
        ObjectKind::Promise(_) => "Promise",
        ObjectKind::Generator(data) if data.is_async() => "AsyncGenerator",
        ObjectKind::Generator(_) => "Generator",
        ObjectKind::Iterator(_) => "Iterator",
        ObjectKind::Prototype(name) => name,
        _ => return None,
    })
}

/// A native method of an object (its kind's, else `Object.prototype`'s) as a function value:
/// `Object.prototype.toString`, `o.hasOwnProperty`, `date.getTime`. Calling it runs the native
/// method on whatever `this` it gets, so `Object.prototype.toString.call(x)` tags `x`.
pub fn builtin_method(receiver: &Value, name: &str) -> Option<Value> {
    // `Array.prototype.slice`, `String.prototype.trim`: callable on any receiver.
    if let Some(class) = super::builtin_prototypes::prototype_class(receiver)
        && let Some(member) = super::builtin_prototypes::member(class, name)
    {
        return Some(member);
    }
    let of_kind = kind_name(receiver).and_then(|kind| {
        let (owner, names) = KIND_METHODS.iter().find(|(owner, _)| *owner == kind)?;
        let method = names.iter().find(|method| **method == name)?;
        Some((*owner, *method))
    });
    if let Some((owner, name)) = of_kind {
        return Some(Value::arrow_function(name, 0, move |this, args| {
            call(this, name, args).unwrap_or_else(|| {
                Err(Throw::type_error(format!(
                    "Method {owner}.prototype.{name} called on incompatible receiver {}",
                    super::console::inspect_short(this)
                )))
            })
        }));
    }
    let &(name, length) = OBJECT_PROTOTYPE_METHODS
        .iter()
        .find(|(method, _)| *method == name)?;
    Some(Value::arrow_function(name, length, move |this, args| {
        match name {
            // `Object.prototype.toString` itself, not the receiver's override.
            "toString" => Ok(Value::str(&object_tag(this))),
            _ => object_prototype_call(this, name, args).unwrap_or_else(|| Ok(Value::Undefined)),
        }
    }))
}

fn object_tag(value: &Value) -> String {
    super::to_primitive::object_tag(value)
}

/// `fn.call(this, ...args)`, `fn.apply(this, args)`, `fn.bind(this, ...args)`.
pub fn call_on_function(
    function: &Value,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    let this = arg(args, 0);
    Some(match name {
        "call" => call_with_this(function, &this, args.get(1..).unwrap_or(&[])),
        "apply" => (|| {
            // CreateListFromArrayLike: `length` and the indices (an `arguments` object, any
            // array-like), not the iterator.
            let list = match arg(args, 1) {
                Value::Undefined | Value::Null => Vec::new(),
                list @ (Value::Array(_) | Value::Object(_) | Value::Function(_)) => {
                    super::builtin_prototypes::array_like_elements(&list)?
                }
                _ => {
                    return Err(Throw::type_error(
                        "CreateListFromArrayLike called on non-object",
                    ));
                }
            };
            call_with_this(function, &this, &list)
        })(),
        "bind" => {
            let target = function.clone();
            let bound: Vec<Value> = args.iter().skip(1).cloned().collect();
            let (name, length) = match function {
                Value::Function(target) => (
                    format!("bound {}", target.name),
                    target.length.saturating_sub(bound.len() as u32),
                ),
                _ => ("bound ".to_string(), 0),
            };
            Ok(Value::function(&name, length, move |_, rest| {
                let mut all = bound.clone();
                all.extend(rest.iter().cloned());
                call_with_this(&target, &this, &all)
            }))
        }
        "toString" => to_string(function).map(Value::String),
        _ => return None,
    })
}

/// Whether `value` is an Error object (for `instanceof Error`).
pub fn is_error(value: &Value) -> bool {
    matches!(value, Value::Object(object) if matches!(object.kind, ObjectKind::Error(_)))
}
