//! Type conversions: ToBoolean, ToNumber, ToString, ToPrimitive, `typeof`.
//!
//! ```text
//! truthy("") → false   to_number("  4 ") → 4   to_string([1, [2, 3]]) → "1,2,3"   typeof null → "object"
//! ```

use super::error::Throw;
use super::number;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// ToBoolean.
pub fn truthy(value: &Value) -> bool {
    match value {
        Value::Undefined | Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => *number != 0.0 && !number.is_nan(),
        Value::String(text) => !text.is_empty(),
        Value::Object(_) | Value::Array(_) | Value::Function(_) => true,
    }
}

/// ToPrimitive with the default hint (what `+` and `==` use).
pub fn to_primitive(value: &Value) -> Result<Value, Throw> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Date(time) => Ok(Value::String(JsString::new(
                &super::date::to_display_string(time.get()),
            ))),
            _ => to_string(value).map(Value::String),
        },
        Value::Array(_) | Value::Function(_) => to_string(value).map(Value::String),
        primitive => Ok(primitive.clone()),
    }
}

/// ToPrimitive with the number hint (what `-`, `<` use): a Date becomes its time value.
pub fn to_primitive_number(value: &Value) -> Result<Value, Throw> {
    if let Value::Object(object) = value
        && let ObjectKind::Date(time) = &object.kind
    {
        return Ok(Value::Number(time.get()));
    }
    to_primitive(value)
}

/// ToNumber.
pub fn to_number(value: &Value) -> Result<f64, Throw> {
    Ok(match value {
        Value::Undefined => f64::NAN,
        Value::Null => 0.0,
        Value::Bool(flag) => f64::from(u8::from(*flag)),
        Value::Number(number) => *number,
        Value::String(text) => number::parse_number(&text.to_rust()),
        _ => to_number(&to_primitive_number(value)?)?,
    })
}

/// ToString.
pub fn to_string(value: &Value) -> Result<JsString, Throw> {
    Ok(match value {
        Value::Undefined => JsString::new("undefined"),
        Value::Null => JsString::new("null"),
        Value::Bool(flag) => JsString::new(if *flag { "true" } else { "false" }),
        Value::Number(number) => JsString::new(&number::to_string(*number)),
        Value::String(text) => text.clone(),
        Value::Array(items) => {
            let items = items.to_vec()?;
            let mut parts = Vec::with_capacity(items.len());
            for item in &items {
                parts.push(if item.is_nullish() {
                    JsString::empty()
                } else {
                    to_string(item)?
                });
            }
            join(&parts, &JsString::new(","))
        }
        Value::Function(function) => {
            JsString::new(&format!("function {}() {{ [native code] }}", function.name))
        }
        Value::Object(object) => match &object.kind {
            ObjectKind::Error(_) | ObjectKind::Date(_) | ObjectKind::RegExp(_)
                if object.class.is_some()
                    && let Some(result) = user_to_string(value)? =>
            {
                result
            }
            ObjectKind::Error(data) => {
                let name = data.name.borrow().clone();
                let message = data.message.borrow().clone();
                if message.is_empty() {
                    name
                } else {
                    JsString::new(&format!("{name}: {message}"))
                }
            }
            ObjectKind::Date(time) => JsString::new(&super::date::to_display_string(time.get())),
            ObjectKind::RegExp(regexp) => {
                JsString::new(&format!("/{}/{}", regexp.source, regexp.flags))
            }
            _ => {
                if let Some(result) = user_to_string(value)? {
                    return Ok(result);
                }
                JsString::new("[object Object]")
            }
        },
    })
}

/// The result of a `toString` method the object has or inherits from its class, if any.
fn user_to_string(value: &Value) -> Result<Option<JsString>, Throw> {
    let Value::Object(object) = value else {
        return Ok(None);
    };
    let key = JsString::new("toString");
    let own = object.props.borrow().get(&key).cloned();
    let method = own.or_else(|| super::class::inherited_method(value, &key));
    match method {
        Some(method @ Value::Function(_)) => {
            let result = super::access::call_with_this(&method, value, &[])?;
            to_string(&result).map(Some)
        }
        _ => Ok(None),
    }
}

/// Joins strings with a separator.
pub fn join(parts: &[JsString], separator: &JsString) -> JsString {
    if parts.iter().all(|part| part.as_ascii().is_some()) && separator.as_ascii().is_some() {
        let texts: Vec<&str> = parts.iter().filter_map(JsString::as_ascii).collect();
        return JsString::new(&texts.join(separator.as_ascii().unwrap_or(",")));
    }
    let mut units = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            units.extend_from_slice(&separator.units());
        }
        units.extend_from_slice(&part.units());
    }
    JsString::from_units(&units)
}

/// The ToString of a value as Rust text (lossy for lone surrogates).
pub fn to_rust_string(value: &Value) -> Result<String, Throw> {
    Ok(to_string(value)?.to_string())
}

/// `typeof value`.
pub fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Undefined => "undefined",
        Value::Null => "object",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Function(_) => "function",
        Value::Object(_) | Value::Array(_) => "object",
    }
}

/// ToPropertyKey for ordinary objects.
pub fn to_property_key(value: &Value) -> Result<JsString, Throw> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => to_string(other),
    }
}
