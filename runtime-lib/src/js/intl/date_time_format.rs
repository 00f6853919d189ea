//! `Intl.DateTimeFormat` (stub while being written).

use icu::locale::Locale;

use super::super::error::Throw;
use super::super::value::Value;
use super::parts::Piece;

/// Which components a method shows when none are asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Defaults {
    Date,
    Time,
    All,
}

pub struct DateTimeFormat {
    locale: Locale,
}

impl DateTimeFormat {
    pub fn new(locales: &Value, _options: &Value, _defaults: Defaults) -> Result<DateTimeFormat, Throw> {
        Ok(DateTimeFormat { locale: super::locale::resolve(locales)? })
    }

    pub fn pieces(&self, _time: f64) -> Result<Vec<Piece>, Throw> {
        Ok(vec![])
    }

    pub fn resolved_options(&self) -> Value {
        Value::object([("locale", Value::str(&self.locale.to_string()))])
    }
}
