//! ToPrimitive: how an object becomes a string or a number, through its `valueOf` and
//! `toString` (own, inherited from a class or a prototype, or native).
//!
//! The hint decides the order: `String(x)`, template literals and property keys ask for a
//! string (`toString` first); arithmetic and `<` for a number, and `+`/`==` give no hint
//! (both `valueOf` first). A Date treats "no hint" as a string:
//!
//! ```text
//! const v = { valueOf() { return 1; }, toString() { return "str"; } };
//! `${v}` → "str"    "" + v → "1"    v * 2 → 2    v == 1 → true
//! const d = new Date(0);   d + 1 → "Thu Jan 01 1970 …1"   d - 0 → 0
//! Object.prototype.toString.call(new Map()) → "[object Map]"
//! ```
//!
//! Reference: ECMA-262 §7.1.1 ToPrimitive, §7.1.1.1 OrdinaryToPrimitive,
//! §20.1.3.6 Object.prototype.toString.

use super::error::Throw;
use super::prototype::Inherited;
use super::string::JsString;
use super::value::{ObjectKind, Value};

thread_local! {
    /// Addresses of the arrays being converted to strings, innermost last (only addresses:
    /// no JS value is kept past the call).
    static JOINING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What the caller wants the primitive to be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// `+`, `==`: `valueOf` first (a Date prefers its string).
    Default,
    /// Arithmetic and relational operators: `valueOf` first.
    Number,
    /// `String()`, templates, keys: `toString` first.
    String,
}

/// A `valueOf`/`toString` found for a value.
enum Method {
    /// A JS function (own or inherited): called with `this` = the value.
    User(Value),
    /// The built-in method of the value's kind.
    Native,
    /// None: an own non-function property, or a chain ending in `null`.
    Absent,
}

fn find(value: &Value, name: &str) -> Method {
    let key = JsString::new(name);
    let own = match value {
        Value::Object(object) => object.props.borrow().get(&key).cloned(),
        Value::Function(function) => function.props.borrow().get(&key).cloned(),
        _ => None,
    };
    let found = match (own, value) {
        (Some(own), _) => Some(own),
        (None, Value::Object(object)) => match super::prototype::inherited(object, &key) {
            Inherited::Found(method) => Some(method),
            Inherited::Getter(getter) => super::prototype::call_getter(&getter, value).ok(),
            Inherited::Builtin => None,
            Inherited::Missing => return Method::Absent,
        },
        (None, Value::Function(function)) => super::class::inherited_static(function, &key),
        _ => None,
    };
    match found {
        Some(method @ Value::Function(_)) => Method::User(method),
        Some(_) => Method::Absent,
        None => Method::Native,
    }
}

/// ToPrimitive(value, hint).
pub fn to_primitive(value: &Value, hint: Hint) -> Result<Value, Throw> {
    if !matches!(
        value,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    ) {
        return Ok(value.clone());
    }
    // A user `[Symbol.toPrimitive](hint)` decides first (ECMA-262 §7.1.1 step 1.a).
    if let Some(exotic) = user_to_primitive(value)? {
        let hint = match hint {
            Hint::Default => "default",
            Hint::Number => "number",
            Hint::String => "string",
        };
        let result = super::access::call_with_this(&exotic, value, &[Value::str(hint)])?;
        if matches!(
            result,
            Value::Object(_) | Value::Array(_) | Value::Function(_)
        ) {
            return Err(Throw::type_error(
                "Cannot convert object to primitive value",
            ));
        }
        return Ok(result);
    }
    let is_date =
        matches!(value, Value::Object(object) if matches!(object.kind, ObjectKind::Date(_)));
    let string_first = hint == Hint::String || (hint == Hint::Default && is_date);
    let order = if string_first {
        ["toString", "valueOf"]
    } else {
        ["valueOf", "toString"]
    };
    for name in order {
        let result = match find(value, name) {
            Method::User(method) => super::access::call_with_this(&method, value, &[])?,
            Method::Native if name == "toString" => Value::String(native_to_string(value)?),
            Method::Native => native_value_of(value),
            Method::Absent => continue,
        };
        if !matches!(
            result,
            Value::Object(_) | Value::Array(_) | Value::Function(_)
        ) {
            return Ok(result);
        }
    }
    Err(Throw::type_error(
        "Cannot convert object to primitive value",
    ))
}

/// The `[Symbol.toPrimitive]` method a user gave `value` (own or inherited), if any; a
/// non-callable one other than `undefined`/`null` is V8's TypeError.
fn user_to_primitive(value: &Value) -> Result<Option<Value>, Throw> {
    if !super::symbol_props::chain_has_symbols(value) {
        return Ok(None);
    }
    let Value::Symbol(symbol) = super::symbol::well_known("toPrimitive") else {
        return Ok(None);
    };
    match super::symbol_props::get(value, &symbol)? {
        Value::Undefined | Value::Null => Ok(None),
        method @ Value::Function(_) => Ok(Some(method)),
        other => Err(Throw::type_error(format!(
            "{} is not a function",
            super::console::inspect(&other)
        ))),
    }
}

/// The built-in `valueOf` of a value's kind (`Object.prototype.valueOf` returns the object
/// itself, which ToPrimitive skips).
pub fn native_value_of(value: &Value) -> Value {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Date(time) => Value::Number(time.get()),
            ObjectKind::Primitive(inner) => inner.clone(),
            _ => value.clone(),
        },
        other => other.clone(),
    }
}

/// The built-in `toString` of a value's kind (`Array.prototype.toString`,
/// `Error.prototype.toString`, …, else `Object.prototype.toString`).
pub fn native_to_string(value: &Value) -> Result<JsString, Throw> {
    Ok(match value {
        Value::Array(items) => {
            // An array that contains itself prints as empty where it recurs (V8's join
            // cycle detection) instead of recursing until the stack overflows.
            let address = std::rc::Rc::as_ptr(items) as *const () as usize;
            if JOINING.with(|joining| joining.borrow().contains(&address)) {
                return Ok(JsString::empty());
            }
            JOINING.with(|joining| joining.borrow_mut().push(address));
            let items = match items.to_vec() {
                Ok(items) => items,
                Err(error) => {
                    JOINING.with(|joining| joining.borrow_mut().pop());
                    return Err(error);
                }
            };
            let mut parts = Vec::with_capacity(items.len());
            let mut failure = None;
            for item in &items {
                if item.is_nullish() {
                    parts.push(JsString::empty());
                    continue;
                }
                match super::convert::to_string(item) {
                    Ok(part) => parts.push(part),
                    Err(error) => {
                        failure = Some(error);
                        break;
                    }
                }
            }
            JOINING.with(|joining| joining.borrow_mut().pop());
            if let Some(error) = failure {
                return Err(error);
            }
            super::convert::join(&parts, &JsString::new(","))
        }
        Value::Function(function) => match function.source.get() {
            Some(source) => JsString::new(source),
            None => JsString::new(&format!("function {}() {{ [native code] }}", function.name)),
        },
        Value::Object(object) => match &object.kind {
            ObjectKind::Error(data) => {
                let name = data.name.borrow().clone();
                let message = data.message.borrow().clone();
                if message.is_empty() {
                    name
                } else if name.is_empty() {
                    message
                } else {
                    JsString::new(&format!("{name}: {message}"))
                }
            }
            ObjectKind::Date(time) => JsString::new(&super::date::to_display_string(time.get())),
            ObjectKind::RegExp(regexp) => {
                JsString::new(&format!("/{}/{}", regexp.source, regexp.flags))
            }
            ObjectKind::Primitive(inner) => super::convert::to_string(inner)?,
            ObjectKind::Prototype("Array" | "String") => JsString::empty(),
            ObjectKind::Bytes(_) | ObjectKind::Host(_) => {
                match super::bytes::call_method(value, "toString", &[]).or_else(|| {
                    match &object.kind {
                        ObjectKind::Host(host) if host.methods().contains(&"toString") => {
                            host.call(value, "toString", &[])
                        }
                        _ => None,
                    }
                }) {
                    Some(result) => super::convert::to_string(&result?)?,
                    None => JsString::new(&object_tag(value)),
                }
            }
            _ => JsString::new(&object_tag(value)),
        },
        other => super::convert::to_string(other)?,
    })
}

/// `Object.prototype.toString.call(value)`: `[object Tag]`.
pub fn object_tag(value: &Value) -> String {
    // A string `[Symbol.toStringTag]` (own, inherited, or a getter's) replaces the tag.
    if (super::symbol_props::chain_has_symbols(value) || super::proxy::proxy_of(value).is_some())
        && let Value::Symbol(symbol) = super::symbol::well_known("toStringTag")
        && let Ok(Value::String(tag)) = super::symbol_props::get(value, &symbol)
    {
        return format!("[object {tag}]");
    }
    let tag = match value {
        Value::Symbol(_) => "Symbol",
        Value::BigInt(_) => "BigInt",
        Value::Undefined => "Undefined",
        Value::Null => "Null",
        Value::Bool(_) => "Boolean",
        Value::Number(_) => "Number",
        Value::String(_) => "String",
        Value::Array(_) => "Array",
        Value::Function(_) => "Function",
        Value::Object(object) => match &object.kind {
            ObjectKind::Error(_) => "Error",
            ObjectKind::Date(_) => "Date",
            ObjectKind::RegExp(_) => "RegExp",
            ObjectKind::Map(_) => "Map",
            ObjectKind::Set(_) => "Set",
            ObjectKind::WeakMap(_) => "WeakMap",
            ObjectKind::WeakSet(_) => "WeakSet",
            ObjectKind::Promise(_) => "Promise",
            ObjectKind::Iterator(iterator) => iterator.tag,
            ObjectKind::Generator(data) if data.is_async() => "AsyncGenerator",
            ObjectKind::Generator(_) => "Generator",
            ObjectKind::Primitive(Value::Number(_)) => "Number",
            ObjectKind::Primitive(Value::String(_)) => "String",
            ObjectKind::Primitive(_) => "Boolean",
            ObjectKind::Prototype("Array") => "Array",
            ObjectKind::Prototype("Function") => "Function",
            ObjectKind::Prototype(_) | ObjectKind::Plain => "Object",
            ObjectKind::Proxy(proxy) if proxy.is_array => "Array",
            ObjectKind::Proxy(_) => "Object",
            ObjectKind::Arguments => "Arguments",
            // A Buffer's tag is its base class's (`Symbol.toStringTag` of `%TypedArray%`).
            ObjectKind::Bytes(view) => view.class.tag(),
            ObjectKind::ArrayBuffer(_) | ObjectKind::Host(_) => {
                super::host::native_class(&object.kind).unwrap_or("Object")
            }
        },
    };
    format!("[object {tag}]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::{add, method, to_string};

    fn with_value_of_and_to_string() -> Value {
        Value::object([
            (
                "valueOf",
                method("valueOf", 0, |_, _| Ok(Value::Number(1.0))),
            ),
            (
                "toString",
                method("toString", 0, |_, _| Ok(Value::str("str"))),
            ),
        ])
    }

    #[test]
    fn the_hint_picks_which_method_runs_first() {
        // node -p 'const v = { valueOf() { return 1 }, toString() { return "str" } }; [`${v}`, "" + v, v * 2]'
        // → [ 'str', '1', 2 ]
        let v = with_value_of_and_to_string();
        assert_eq!(to_string(&v).unwrap().to_string(), "str");
        let sum = add(&Value::str(""), &v).unwrap();
        assert_eq!(to_string(&sum).unwrap().to_string(), "1");
        assert!(matches!(to_primitive(&v, Hint::Number).unwrap(), Value::Number(n) if n == 1.0));
    }

    #[test]
    fn tags_name_the_builtin_kind() {
        // node -p 'Object.prototype.toString.call(null) + Object.prototype.toString.call([])'
        // → [object Null][object Array]
        assert_eq!(object_tag(&Value::Null), "[object Null]");
        assert_eq!(object_tag(&Value::array(Vec::new())), "[object Array]");
        assert_eq!(
            object_tag(&Value::object([("a", Value::Null)])),
            "[object Object]"
        );
    }

    #[test]
    fn an_array_that_contains_itself_prints_once() {
        // node -p 'const a = [1]; a.push(a); String(a)'   → 1,
        let array = Value::array(vec![Value::Number(1.0)]);
        if let Value::Array(items) = &array {
            items.push(array.clone()).unwrap();
        }
        assert_eq!(to_string(&array).unwrap().to_string(), "1,");
        // Break the cycle so the test does not leak.
        if let Value::Array(items) = &array {
            items.set_len(0);
        }
    }
}
