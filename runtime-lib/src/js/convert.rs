//! Type conversions: ToBoolean, ToNumber, ToString, ToPrimitive, `typeof`.
//!
//! ```text
//! truthy("") → false   to_number("  4 ") → 4   to_string([1, [2, 3]]) → "1,2,3"   typeof null → "object"
//! ```

use super::error::Throw;
use super::number;
use super::string::JsString;
use super::to_primitive::Hint;
use super::value::Value;

/// ToBoolean.
#[inline(always)]
pub fn truthy(value: &Value) -> bool {
    match value {
        Value::Undefined | Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => *number != 0.0 && !number.is_nan(),
        Value::String(text) => !text.is_empty(),
        Value::Object(_) | Value::Array(_) | Value::Function(_) | Value::Symbol(_) => true,
        Value::BigInt(big) => !num_traits::Zero::is_zero(big.as_ref()),
    }
}

/// ToBoolean of a temporary (`if (items[i])`), releasing it without the drop glue when it owns
/// nothing (see [`Value::release`]).
#[inline(always)]
pub fn truthy_owned(value: Value) -> bool {
    let truth = truthy(&value);
    value.release();
    truth
}

/// ToPrimitive with the default hint (what `+` and `==` use).
pub fn to_primitive(value: &Value) -> Result<Value, Throw> {
    super::to_primitive::to_primitive(value, Hint::Default)
}

/// ToPrimitive with the number hint (what `-`, `<` use): a Date becomes its time value.
pub fn to_primitive_number(value: &Value) -> Result<Value, Throw> {
    super::to_primitive::to_primitive(value, Hint::Number)
}

/// The number inside a value the compiler proved is a number (a numeric variable receiving
/// the result of a runtime call, see the compiler's `numeric.rs`); NaN otherwise, never a throw.
#[inline]
pub fn number_value(value: &Value) -> f64 {
    match value {
        Value::Number(number) => *number,
        _ => f64::NAN,
    }
}

/// A number as an operand the compiled code borrows (`rt::lt(&*rt::number_operand(i), &n)`):
/// `ManuallyDrop` tells the compiler there is nothing to drop, which it cannot see through a
/// `&Value` passed to a runtime call. Nothing leaks: a `Value::Number` owns no memory.
#[inline(always)]
pub fn number_operand(number: f64) -> std::mem::ManuallyDrop<Value> {
    std::mem::ManuallyDrop::new(Value::Number(number))
}

/// [`number_value`] of a temporary, released without the drop glue (see [`Value::release`]).
#[inline(always)]
pub fn number_of(value: Value) -> f64 {
    let number = number_value(&value);
    value.release();
    number
}

/// ToNumber (a number is answered inline; the conversions are [`to_number_general`]).
#[inline]
pub fn to_number(value: &Value) -> Result<f64, Throw> {
    match value {
        Value::Number(number) => Ok(*number),
        _ => to_number_general(value),
    }
}

fn to_number_general(value: &Value) -> Result<f64, Throw> {
    Ok(match value {
        Value::Undefined => f64::NAN,
        Value::Null => 0.0,
        Value::Bool(flag) => f64::from(u8::from(*flag)),
        Value::Number(number) => *number,
        Value::String(text) => number::parse_number(&text.to_rust()),
        Value::Symbol(_) => return Err(super::symbol::to_number_error()),
        Value::BigInt(_) => return Err(super::bigint::to_number_error()),
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
        Value::Symbol(_) => return Err(super::symbol::to_string_error()),
        Value::BigInt(big) => JsString::new(&big.to_string()),
        Value::Array(_) | Value::Function(_) | Value::Object(_) => {
            return to_string(&super::to_primitive::to_primitive(value, Hint::String)?);
        }
    })
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
        Value::Symbol(_) => "symbol",
        Value::BigInt(_) => "bigint",
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
