//! Reading an `Intl` constructor's options object as ECMA-402's `GetOption` and
//! `GetNumberOption` do, with V8's messages for values out of range.
//!
//! ```text
//! { style: "bogus" }            → RangeError: Value bogus out of range for Intl.NumberFormat options property style
//! { maximumFractionDigits: 200 } → RangeError: maximumFractionDigits value is out of range.
//! ```

use super::super::access::get_key;
use super::super::convert::{to_number, to_string, truthy};
use super::super::error::Throw;
use super::super::string::JsString;
use super::super::value::Value;

/// An options argument: `undefined` reads as an empty object, `null` is a TypeError.
pub struct Options {
    object: Value,
    /// The service, for messages (`Intl.NumberFormat`).
    service: &'static str,
}

impl Options {
    /// Wraps the `options` argument of `service`'s constructor.
    pub fn new(object: &Value, service: &'static str) -> Result<Options, Throw> {
        if matches!(object, Value::Null) {
            return Err(Throw::type_error(
                "Cannot convert undefined or null to object",
            ));
        }
        Ok(Options {
            object: object.clone(),
            service,
        })
    }

    /// The raw value of `name` (undefined when absent or when options is not an object).
    pub fn raw(&self, name: &str) -> Result<Value, Throw> {
        match &self.object {
            Value::Object(_) | Value::Array(_) | Value::Function(_) => {
                get_key(&self.object, &JsString::new(name))
            }
            _ => Ok(Value::Undefined),
        }
    }

    /// A string option limited to `allowed`; `None` when absent.
    pub fn string(&self, name: &str, allowed: &[&str]) -> Result<Option<String>, Throw> {
        let value = self.raw(name)?;
        if matches!(value, Value::Undefined) {
            return Ok(None);
        }
        let text = to_string(&value)?.to_string();
        if !allowed.is_empty() && !allowed.contains(&text.as_str()) {
            return Err(Throw::range_error(format!(
                "Value {text} out of range for {} options property {name}",
                self.service
            )));
        }
        Ok(Some(text))
    }

    /// A boolean option; `None` when absent.
    pub fn boolean(&self, name: &str) -> Result<Option<bool>, Throw> {
        let value = self.raw(name)?;
        Ok((!matches!(value, Value::Undefined)).then(|| truthy(&value)))
    }

    /// An integer option in `min..=max`, floored; `None` when absent.
    pub fn number(&self, name: &str, min: u32, max: u32) -> Result<Option<u32>, Throw> {
        let value = self.raw(name)?;
        if matches!(value, Value::Undefined) {
            return Ok(None);
        }
        let number = to_number(&value)?;
        if number.is_nan() || number < f64::from(min) || number > f64::from(max) {
            return Err(Throw::range_error(format!("{name} value is out of range.")));
        }
        Ok(Some(number.floor() as u32))
    }
}
