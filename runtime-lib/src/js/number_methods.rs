//! `Number.prototype` methods.
//!
//! ```text
//! (3.14159).toFixed(2) → "3.14"     (255).toString(16) → "ff"
//! ```

use super::convert::to_number;
use super::error::Throw;
use super::number;
use super::value::Value;

/// Dispatches `number.name(...args)`.
pub fn call(value: f64, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let arg = args.first().cloned().unwrap_or_default();
    Some(match name {
        "toString" => (|| {
            let radix = match arg {
                Value::Undefined => 10.0,
                other => number::to_integer(to_number(&other)?),
            };
            if !(2.0..=36.0).contains(&radix) {
                return Err(Throw::range_error(
                    "toString() radix argument must be between 2 and 36",
                ));
            }
            Ok(Value::str(&number::to_string_radix(value, radix as u32)))
        })(),
        "toFixed" => (|| {
            let digits = number::to_integer(to_number(&arg)?);
            if !(0.0..=100.0).contains(&digits) {
                return Err(Throw::range_error(
                    "toFixed() digits argument must be between 0 and 100",
                ));
            }
            Ok(Value::str(&number::to_fixed(value, digits as usize)))
        })(),
        "toExponential" => (|| {
            let digits = match &arg {
                Value::Undefined => None,
                other => Some(number::to_integer(to_number(other)?)),
            };
            if !value.is_finite() {
                return Ok(Value::str(&number::to_string(value)));
            }
            if digits.is_some_and(|digits| !(0.0..=100.0).contains(&digits)) {
                return Err(Throw::range_error(
                    "toExponential() argument must be between 0 and 100",
                ));
            }
            Ok(Value::str(&number::to_exponential(
                value,
                digits.map(|digits| digits as usize),
            )))
        })(),
        "toPrecision" => (|| {
            if matches!(arg, Value::Undefined) {
                return Ok(Value::str(&number::to_string(value)));
            }
            let precision = number::to_integer(to_number(&arg)?);
            if !value.is_finite() {
                return Ok(Value::str(&number::to_string(value)));
            }
            if !(1.0..=100.0).contains(&precision) {
                return Err(Throw::range_error(
                    "toPrecision() argument must be between 1 and 100",
                ));
            }
            Ok(Value::str(&number::to_precision(value, precision as usize)))
        })(),
        "valueOf" => Ok(Value::Number(value)),
        #[cfg(feature = "intl")]
        "toLocaleString" if !args.is_empty() => super::intl::number_to_locale_string(value, args),
        "toLocaleString" => Ok(Value::str(&number::to_locale_string(value))),
        _ => return None,
    })
}
