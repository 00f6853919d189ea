//! `Object` statics and the methods objects inherit (`Object.prototype`, `Function.prototype`),
//! plus dispatch to the built-in object kinds (Date, Set, Map, RegExp, Promise, Error).
//!
//! ```text
//! Object.entries({ a: 1 })          → [["a", 1]]
//! Object.assign(task, { done: 1 })  → task, with `done` set
//! ```

use super::access::{call_with_this, get_key, set_key};
use super::convert::to_string;
use super::error::Throw;
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
        Value::Object(object) => object
            .props
            .borrow()
            .iter()
            .filter(|(key, _)| !is_hidden(&object.kind, key))
            .map(|(key, _)| key.clone())
            .collect(),
        Value::Array(items) => items
            .present_indices()
            .into_iter()
            .map(|index| JsString::new(&index.to_string()))
            .chain(items.props().into_iter().map(|(key, _)| key))
            .collect(),
        Value::String(text) => (0..text.len())
            .map(|index| JsString::new(&index.to_string()))
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
    let keys = own_keys(value)?;
    let mut entries = Vec::with_capacity(keys.len());
    for key in keys {
        let item = get_key(value, &key)?;
        entries.push((key, item));
    }
    Ok(entries)
}

/// Copies the own enumerable properties of `source` onto `target` (spread and `Object.assign`).
pub fn copy_properties(target: &Value, source: &Value) -> Result<(), Throw> {
    if source.is_nullish() {
        return Ok(());
    }
    for (key, value) in own_entries(source)? {
        set_key(target, key, value)?;
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
                let key = super::convert::to_property_key(&super::access::get(&entry, "0")?)?;
                set_key(&object, key, super::access::get(&entry, "1")?)?;
            }
            Ok(object)
        })(),
        "freeze" | "seal" | "preventExtensions" => Ok(arg(args, 0)),
        "hasOwn" => has_own(&arg(args, 0), &arg(args, 1)),
        "is" => Ok(Value::Bool(same_value(&arg(args, 0), &arg(args, 1)))),
        _ => return None,
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
    let key = super::convert::to_property_key(key)?;
    Ok(Value::Bool(match object {
        Value::Object(data) => data.props.borrow().contains(&key),
        Value::Array(items) => {
            key.as_ascii() == Some("length")
                || match super::property::array_index(&key) {
                    Some(index) => items.has(index as usize),
                    None => items.prop(&key).is_some(),
                }
        }
        _ => false,
    }))
}

/// Methods of object receivers without an own property of that name.
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    if let Some(result) = super::date::call(receiver, name, args)
        .or_else(|| super::collections::call_method(receiver, name, args))
        .or_else(|| super::regexp::call(receiver, name, args))
        .or_else(|| super::promise::call(receiver, name, args))
    {
        return Some(result);
    }
    Some(match name {
        "hasOwnProperty" => has_own(receiver, &arg(args, 0)),
        "toString" => to_string(receiver).map(Value::String),
        "valueOf" => Ok(receiver.clone()),
        _ => return None,
    })
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
            let list = match arg(args, 1) {
                Value::Undefined | Value::Null => Vec::new(),
                other => super::iterate::collect(&other)?,
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
