//! The methods of the built-in prototypes read as values and called on any receiver
//! (`Array.prototype.slice.call(arrayLike)`, `String.prototype.trim.call(x)`,
//! `Function.prototype.toString.call(fn)`), as libraries borrow them.
//!
//! ```text
//! Array.prototype.push.apply(a, b)            → the native push with `this` = a
//! Array.prototype.join.call({ length: 2, 0: 1, 1: 2 }, "-")   → "1-2" (an array-like)
//! String.prototype.trim.call(null)            → TypeError: String.prototype.trim called on null or undefined
//! Number.prototype.toFixed.call("x")          → TypeError: Number.prototype.toFixed requires that 'this' be a Number
//! ```
//!
//! A prototype is the marker object of `prototype.rs` (`ObjectKind::Prototype(name)`), except
//! `Function.prototype`, which V8 makes a function (`typeof Function.prototype === "function"`,
//! callable, returning `undefined`); [`function_prototype`] builds it with the canonical name
//! `Function.prototype`, so every read is `===` to every other. A member read from a prototype
//! is a new function each time, named as V8 names it (so `Function.prototype.toString.call(m)`
//! prints `function push() { [native code] }`, what lodash's `isNative` looks for). Array
//! methods called on something other than an array work on a copy of its array-like elements
//! (`length`, then `0` … `length - 1`) and, for the methods that mutate, write the result back.

use super::convert::{to_number, to_string};
use super::error::Throw;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// The built-in classes whose `prototype` is a value (beyond `Object`, `Date`, `Map`, `Set`,
/// `RegExp`, `Promise`, `WeakMap` and `WeakSet`, whose methods `object_methods.rs` lists).
pub const CLASSES: &[&str] = &[
    "Object",
    "Function",
    "Array",
    "String",
    "Number",
    "Boolean",
    "Symbol",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
    "Date",
    "RegExp",
    "Map",
    "Set",
    "Promise",
    "WeakMap",
    "WeakSet",
];

const ARRAY_METHODS: &[(&str, u32)] = &[
    ("at", 1),
    ("concat", 1),
    ("entries", 0),
    ("every", 1),
    ("fill", 1),
    ("filter", 1),
    ("find", 1),
    ("findIndex", 1),
    ("findLast", 1),
    ("findLastIndex", 1),
    ("flat", 0),
    ("flatMap", 1),
    ("forEach", 1),
    ("includes", 1),
    ("indexOf", 1),
    ("join", 1),
    ("keys", 0),
    ("lastIndexOf", 1),
    ("map", 1),
    ("pop", 0),
    ("push", 1),
    ("reduce", 1),
    ("reduceRight", 1),
    ("reverse", 0),
    ("shift", 0),
    ("slice", 2),
    ("some", 1),
    ("sort", 1),
    ("splice", 2),
    ("toReversed", 0),
    ("toSorted", 1),
    ("toSpliced", 2),
    ("toString", 0),
    ("toLocaleString", 0),
    ("unshift", 1),
    ("values", 0),
    ("with", 2),
];

/// Array methods that change their receiver: on an array-like, the copy is written back.
const ARRAY_MUTATORS: &[&str] = &[
    "fill", "pop", "push", "reverse", "shift", "sort", "splice", "unshift",
];

/// Array methods whose TypeError for a `null`/`undefined` receiver names the method.
const CALLED_ON_NULLISH: &[&str] = &[
    "concat",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "indexOf",
    "forEach",
    "filter",
    "map",
    "every",
    "some",
    "reduce",
    "reduceRight",
];

const STRING_METHODS: &[(&str, u32)] = &[
    ("at", 1),
    ("charAt", 1),
    ("charCodeAt", 1),
    ("codePointAt", 1),
    ("concat", 1),
    ("endsWith", 1),
    ("includes", 1),
    ("indexOf", 1),
    ("isWellFormed", 0),
    ("lastIndexOf", 1),
    ("localeCompare", 1),
    ("match", 1),
    ("matchAll", 1),
    ("normalize", 0),
    ("padEnd", 1),
    ("padStart", 1),
    ("repeat", 1),
    ("replace", 2),
    ("replaceAll", 2),
    ("search", 1),
    ("slice", 2),
    ("split", 2),
    ("startsWith", 1),
    ("substr", 2),
    ("substring", 2),
    ("toLocaleLowerCase", 0),
    ("toLocaleUpperCase", 0),
    ("toLowerCase", 0),
    ("toString", 0),
    ("toUpperCase", 0),
    ("toWellFormed", 0),
    ("trim", 0),
    ("trimEnd", 0),
    ("trimLeft", 0),
    ("trimRight", 0),
    ("trimStart", 0),
    ("valueOf", 0),
];

const NUMBER_METHODS: &[(&str, u32)] = &[
    ("toExponential", 1),
    ("toFixed", 1),
    ("toLocaleString", 0),
    ("toPrecision", 1),
    ("toString", 1),
    ("valueOf", 0),
];

const BOOLEAN_METHODS: &[(&str, u32)] = &[("toString", 0), ("valueOf", 0)];
const SYMBOL_METHODS: &[(&str, u32)] = &[("toString", 0), ("valueOf", 0)];
const FUNCTION_METHODS: &[(&str, u32)] = &[("apply", 2), ("bind", 1), ("call", 1), ("toString", 0)];
const ERROR_METHODS: &[(&str, u32)] = &[("toString", 0)];

fn methods_of(class: &str) -> &'static [(&'static str, u32)] {
    match class {
        "Array" => ARRAY_METHODS,
        "String" => STRING_METHODS,
        "Number" => NUMBER_METHODS,
        "Boolean" => BOOLEAN_METHODS,
        "Symbol" => SYMBOL_METHODS,
        "Function" => FUNCTION_METHODS,
        // `TypeError.prototype.toString` is the one `Error.prototype` has (inherited there).
        "Error" | "TypeError" | "RangeError" | "SyntaxError" | "ReferenceError" | "EvalError"
        | "URIError" => ERROR_METHODS,
        _ => &[],
    }
}

/// `Function.prototype`: a function that accepts anything and returns `undefined`.
pub fn function_prototype() -> Value {
    Value::builtin_function("", "Function.prototype", 0, |_, _| Ok(Value::Undefined))
}

/// Whether `value` is `Function.prototype`.
pub fn is_function_prototype(value: &Value) -> bool {
    matches!(value, Value::Function(function) if function.builtin == Some("Function.prototype"))
}

/// The class whose built-in prototype `value` is (`Array` for `Array.prototype`).
pub fn prototype_class(value: &Value) -> Option<&'static str> {
    match value {
        Value::Object(object) => match object.kind {
            ObjectKind::Prototype(name) => Some(name),
            _ => None,
        },
        other if is_function_prototype(other) => Some("Function"),
        _ => None,
    }
}

/// The member `key` of the built-in prototype of `class` that this module provides: one of its
/// methods, or its `constructor`.
pub fn member(class: &'static str, key: &str) -> Option<Value> {
    if key == "constructor" {
        return Some(super::class::builtin_constructor(class));
    }
    let &(name, length) = methods_of(class).iter().find(|(name, _)| *name == key)?;
    let canonical = canonical_name(class, name);
    Some(Value::builtin_function(
        name,
        canonical,
        length,
        move |this, args| call(class, name, this, args),
    ))
}

/// The TypeError for a write to a built-in prototype, which handlers cannot extend (the
/// compiler refuses `Array.prototype.x = …` where it sees it).
pub fn refused_write(class: &str, key: &JsString) -> Throw {
    Throw::type_error(format!(
        "Cannot add property {key} to {class}.prototype: built-in prototypes cannot be extended in Backworks handlers"
    ))
}

/// What a string, number or boolean inherits from its prototype (`"s".constructor.name`,
/// `(1).toFixed` read as a value), or `undefined`.
pub fn inherited_by_primitive(value: &Value, key: &JsString) -> Value {
    let class = match value {
        Value::String(_) => "String",
        Value::Number(_) => "Number",
        Value::Bool(_) => "Boolean",
        _ => return Value::Undefined,
    };
    key.as_ascii()
        .and_then(|name| {
            super::object_methods::builtin_method(&super::prototype::builtin_prototype(class), name)
        })
        .unwrap_or_default()
}

/// Whether the built-in prototype of `class` has the own property `key` (for
/// `hasOwnProperty`, which lodash's `isPlainObject` asks of `Object.prototype`'s `constructor`).
pub fn has_own(class: &str, key: &str) -> bool {
    if class != "Error" && class.ends_with("Error") {
        return key == "constructor";
    }
    key == "constructor"
        || methods_of(class).iter().any(|(name, _)| *name == key)
        || super::object_methods::kind_method_names(class).contains(&key)
        || (class == "Object" && super::object_methods::is_object_prototype_method(key))
}

/// A stable name for `===`: `Array.prototype.push === Array.prototype.push`.
fn canonical_name(class: &'static str, name: &'static str) -> &'static str {
    // The members are few and fixed (about a hundred): each full name is built and leaked
    // once per process, so `builtin` stays a `&'static str` without a table of every
    // combination. Plain strings, not JS values, so one process-wide table is sound.
    static NAMES: std::sync::Mutex<Vec<(&str, &str, &str)>> = std::sync::Mutex::new(Vec::new());
    let mut names = NAMES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, _, full)) = names
        .iter()
        .find(|(known_class, known_name, _)| *known_class == class && *known_name == name)
    {
        return full;
    }
    let full: &'static str = Box::leak(format!("{class}.prototype.{name}").into_boxed_str());
    names.push((class, name, full));
    full
}

/// Calls the native method `name` of `class`'s prototype with `this`.
fn call(
    class: &'static str,
    name: &'static str,
    this: &Value,
    args: &[Value],
) -> Result<Value, Throw> {
    match class {
        "Array" => call_array(name, this, args),
        "String" => {
            if this.is_nullish() {
                return Err(Throw::type_error(format!(
                    "String.prototype.{name} called on null or undefined"
                )));
            }
            let text = match this {
                Value::Object(object) => match &object.kind {
                    ObjectKind::Primitive(Value::String(text)) => text.clone(),
                    _ => to_string(this)?,
                },
                other => to_string(other)?,
            };
            super::string_methods::call(&text, name, args).unwrap_or_else(|| Ok(Value::Undefined))
        }
        "Number" => {
            let number = match this {
                Value::Number(number) => *number,
                Value::Object(object)
                    if matches!(&object.kind, ObjectKind::Primitive(Value::Number(_))) =>
                {
                    to_number(this)?
                }
                _ => {
                    return Err(Throw::type_error(format!(
                        "Number.prototype.{name} requires that 'this' be a Number"
                    )));
                }
            };
            if name == "valueOf" {
                return Ok(Value::Number(number));
            }
            super::number_methods::call(number, name, args).unwrap_or_else(|| Ok(Value::Undefined))
        }
        "Boolean" => {
            let flag = match this {
                Value::Bool(flag) => *flag,
                Value::Object(object) => match &object.kind {
                    ObjectKind::Primitive(Value::Bool(flag)) => *flag,
                    _ => return Err(requires(class, name)),
                },
                _ => return Err(requires(class, name)),
            };
            Ok(match name {
                "valueOf" => Value::Bool(flag),
                _ => Value::str(if flag { "true" } else { "false" }),
            })
        }
        "Symbol" => match this {
            Value::Symbol(symbol) => {
                super::symbol::call_method(symbol, name).unwrap_or_else(|| Ok(Value::Undefined))
            }
            _ => Err(requires(class, name)),
        },
        "Function" => match (name, this) {
            ("toString", Value::Function(_)) => Ok(Value::String(to_string(this)?)),
            ("toString", _) => Err(requires(class, name)),
            (_, Value::Function(_)) => super::object_methods::call_on_function(this, name, args)
                .unwrap_or_else(|| Ok(Value::Undefined)),
            _ => Err(Throw::type_error(format!(
                "Function.prototype.{name} called on non-function"
            ))),
        },
        _ => error_to_string(this),
    }
}

fn requires(class: &str, name: &str) -> Throw {
    Throw::type_error(format!(
        "{class}.prototype.{name} requires that 'this' be a {class}"
    ))
}

/// `Error.prototype.toString` on any object: `name: message`, either part omitted when empty.
fn error_to_string(this: &Value) -> Result<Value, Throw> {
    if !matches!(
        this,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    ) {
        return Err(Throw::type_error(format!(
            "Method Error.prototype.toString called on incompatible receiver {}",
            super::console::inspect_short(this)
        )));
    }
    let part = |key: &str, default: &str| -> Result<String, Throw> {
        Ok(match super::access::get_key(this, &JsString::new(key))? {
            Value::Undefined => default.to_string(),
            other => to_string(&other)?.to_string(),
        })
    };
    let name = part("name", "Error")?;
    let message = part("message", "")?;
    Ok(Value::str(&match (name.is_empty(), message.is_empty()) {
        (_, true) => name,
        (true, false) => message,
        (false, false) => format!("{name}: {message}"),
    }))
}

/// An array method on `this`: an array directly, anything else through a copy of its
/// array-like elements.
fn call_array(name: &'static str, this: &Value, args: &[Value]) -> Result<Value, Throw> {
    // `array.rs` has no `toLocaleString`: an array's method call reaches the one of
    // `object_methods.rs`, which joins each element's `toLocaleString(locales, options)`.
    let method = |array: &Value| match name {
        "toLocaleString" => super::access::call_method(array, name, args),
        _ => super::array::call(array, name, args).unwrap_or_else(|| Ok(Value::Undefined)),
    };
    if let Value::Array(_) = this {
        return method(this);
    }
    // A proxy of an array: V8's generic algorithms through its traps (push and pop touch only
    // what they change), not a copy written back whole.
    if super::proxy::proxy_of(this).is_some() {
        return super::proxy::array_method(this, name, args);
    }
    if this.is_nullish() {
        // V8's wording depends on the method's implementation.
        return Err(Throw::type_error(if CALLED_ON_NULLISH.contains(&name) {
            format!("Array.prototype.{name} called on null or undefined")
        } else {
            "Cannot convert undefined or null to object".to_string()
        }));
    }
    let elements = array_like_elements(this)?;
    let copy = Value::array(elements);
    let result = method(&copy)?;
    if ARRAY_MUTATORS.contains(&name) && matches!(this, Value::Object(_)) {
        write_back(this, &copy)?;
    }
    // `reverse`, `sort` and `fill` return their receiver.
    if matches!(name, "reverse" | "sort" | "fill") {
        return Ok(this.clone());
    }
    Ok(result)
}

/// `0` … `length - 1` of an array-like (a string gives its code units).
pub fn array_like_elements(value: &Value) -> Result<Vec<Value>, Throw> {
    if let Value::Array(array) = value {
        return Ok((0..array.len()).map(|index| array.read(index)).collect());
    }
    let length = match value {
        Value::Object(_) | Value::Function(_) | Value::String(_) => {
            super::access::get_key(value, &JsString::new("length"))?
        }
        _ => Value::Undefined,
    };
    let length = super::number::to_integer(to_number(&length)?);
    let length = if length.is_nan() || length <= 0.0 {
        0
    } else {
        length.min(super::elements::MAX_MATERIALIZED as f64) as usize
    };
    (0..length)
        .map(|index| super::access::get_index(value, index as f64))
        .collect()
}

/// Copies the elements and `length` of `copy` back into the array-like `target`.
fn write_back(target: &Value, copy: &Value) -> Result<(), Throw> {
    let old = array_like_elements(target)?.len();
    let Value::Array(array) = copy else {
        return Ok(());
    };
    let length = array.len();
    for index in 0..length {
        super::access::set_index_strict(target, index as f64, array.read(index))?;
    }
    for index in length..old {
        super::access::delete_strict(target, &Value::from(index))?;
    }
    super::access::set_key_strict(target, JsString::new("length"), Value::from(length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_to_a_builtin_prototype_is_refused_rather_than_lost() {
        let prototype = super::super::prototype::builtin_prototype("Array");
        let thrown = super::super::access::set_key_strict(
            &prototype,
            JsString::new("last"),
            Value::Number(1.0),
        )
        .expect_err("refused");
        let (name, message) = super::super::error::error_parts(&thrown.value).unwrap_or_default();
        assert_eq!(name, "TypeError");
        assert_eq!(
            message,
            "Cannot add property last to Array.prototype: built-in prototypes cannot be extended in Backworks handlers"
        );
    }

    #[test]
    fn array_methods_write_back_to_array_likes() {
        let target = Value::object([("length", Value::Number(1.0)), ("0", Value::str("x"))]);
        let pushed = call("Array", "push", &target, &[Value::str("y")]).expect("pushes");
        assert!(matches!(pushed, Value::Number(n) if n == 2.0));
        let json = super::super::json::stringify(&target, &Value::Undefined)
            .expect("serialises")
            .unwrap_or_default();
        assert_eq!(json, r#"{"0":"x","1":"y","length":2}"#);
    }
}
