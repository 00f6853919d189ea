//! `Intl.RelativeTimeFormat`: "in 3 days", "yesterday", on ICU4X's relative time formatter
//! with CLDR's patterns (the number rounded as `Intl.NumberFormat` rounds by default).
//!
//! ```text
//! new Intl.RelativeTimeFormat("en").format(-1, "day")                      → "1 day ago"
//! new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(-1, "day") → "yesterday"
//! new Intl.RelativeTimeFormat("de", { style: "short" }).format(3, "hours") → "in 3 Std."
//! ```

use fixed_decimal::{Decimal, FloatPrecision};
use icu::experimental::relativetime::options::Numeric;
use icu::experimental::relativetime::{RelativeTimeFormatter, RelativeTimeFormatterOptions};
use icu::locale::Locale;

use super::super::convert::{to_number, to_string};
use super::super::error::Throw;
use super::super::value::Value;
use super::number_digits::{self, Digits};
use super::options::Options;
use super::parts::{self, Piece};

pub struct RelativeTimeFormat {
    locale: Locale,
    style: &'static str,
    numeric_auto: bool,
    digits: Digits,
}

const UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "quarter", "year",
];

impl RelativeTimeFormat {
    /// `new Intl.RelativeTimeFormat(locales, options)`.
    pub fn new(locales: &Value, options: &Value) -> Result<RelativeTimeFormat, Throw> {
        let locale = super::locale::resolve(locales)?;
        let options = Options::new(options, "Intl.RelativeTimeFormat")?;
        options.string("localeMatcher", &["lookup", "best fit"])?;
        options.string("numberingSystem", &[])?;
        let style = match options
            .string("style", &["long", "short", "narrow"])?
            .as_deref()
        {
            Some("short") => "short",
            Some("narrow") => "narrow",
            _ => "long",
        };
        let numeric_auto =
            options.string("numeric", &["always", "auto"])?.as_deref() == Some("auto");
        let digits = number_digits::read(&Options::new(&Value::Undefined, "")?, (0, 3), false)?;
        Ok(RelativeTimeFormat {
            locale,
            style,
            numeric_auto,
            digits,
        })
    }

    fn formatter(&self, unit: &str) -> Result<RelativeTimeFormatter, Throw> {
        let prefs = (&self.locale).into();
        let mut options = RelativeTimeFormatterOptions::default();
        if self.numeric_auto {
            options.numeric = Numeric::Auto;
        }
        type New = fn(
            icu::experimental::relativetime::RelativeTimeFormatterPreferences,
            RelativeTimeFormatterOptions,
        ) -> Result<RelativeTimeFormatter, icu_provider::DataError>;
        let constructor: New = match (self.style, unit) {
            ("long", "second") => RelativeTimeFormatter::try_new_long_second,
            ("long", "minute") => RelativeTimeFormatter::try_new_long_minute,
            ("long", "hour") => RelativeTimeFormatter::try_new_long_hour,
            ("long", "day") => RelativeTimeFormatter::try_new_long_day,
            ("long", "week") => RelativeTimeFormatter::try_new_long_week,
            ("long", "month") => RelativeTimeFormatter::try_new_long_month,
            ("long", "quarter") => RelativeTimeFormatter::try_new_long_quarter,
            ("long", _) => RelativeTimeFormatter::try_new_long_year,
            ("short", "second") => RelativeTimeFormatter::try_new_short_second,
            ("short", "minute") => RelativeTimeFormatter::try_new_short_minute,
            ("short", "hour") => RelativeTimeFormatter::try_new_short_hour,
            ("short", "day") => RelativeTimeFormatter::try_new_short_day,
            ("short", "week") => RelativeTimeFormatter::try_new_short_week,
            ("short", "month") => RelativeTimeFormatter::try_new_short_month,
            ("short", "quarter") => RelativeTimeFormatter::try_new_short_quarter,
            ("short", _) => RelativeTimeFormatter::try_new_short_year,
            (_, "second") => RelativeTimeFormatter::try_new_narrow_second,
            (_, "minute") => RelativeTimeFormatter::try_new_narrow_minute,
            (_, "hour") => RelativeTimeFormatter::try_new_narrow_hour,
            (_, "day") => RelativeTimeFormatter::try_new_narrow_day,
            (_, "week") => RelativeTimeFormatter::try_new_narrow_week,
            (_, "month") => RelativeTimeFormatter::try_new_narrow_month,
            (_, "quarter") => RelativeTimeFormatter::try_new_narrow_quarter,
            _ => RelativeTimeFormatter::try_new_narrow_year,
        };
        constructor(prefs, options).map_err(super::number_format::data_error)
    }

    /// `format(value, unit)` as pieces, and the singular unit.
    pub fn pieces(&self, value: &Value, unit: &Value) -> Result<(Vec<Piece>, &'static str), Throw> {
        let number = to_number(value)?;
        let unit_text = to_string(unit)?.to_string();
        let singular = unit_text.strip_suffix('s').unwrap_or(&unit_text);
        let Some(unit) = UNITS.iter().find(|known| **known == singular).copied() else {
            return Err(Throw::range_error(format!(
                "Invalid unit argument for Intl.RelativeTimeFormat.prototype.format() '{unit_text}'"
            )));
        };
        if !number.is_finite() {
            return Err(Throw::range_error("Invalid time value"));
        }
        let decimal = Decimal::try_from_f64(number, FloatPrecision::RoundTrip)
            .map_err(|_| Throw::range_error("Invalid time value"))?;
        let rounded = self.digits.apply(&decimal);
        let formatter = self.formatter(unit)?;
        let text =
            writeable::Writeable::write_to_string(&formatter.format(rounded.clone())).into_owned();
        // ICU4X writes the pattern without parts: the number's own parts are found where its
        // text (as the locale's decimal formatter writes it) appears.
        let mut absolute = rounded;
        absolute.sign = fixed_decimal::Sign::None;
        let number = parts::annotate(
            &icu::decimal::DecimalFormatter::try_new((&self.locale).into(), Default::default())
                .map_err(super::number_format::data_error)?
                .format(&absolute),
        );
        let Some(start) = text.find(&number.text) else {
            return Ok((vec![Piece::new("literal", text)], unit));
        };
        let mut pieces = Vec::new();
        if start > 0 {
            pieces.push(Piece::new("literal", &text[..start]));
        }
        pieces.extend(parts::pieces(&number, |part| {
            (part.category == "decimal").then_some(match part.value {
                "integer" => "integer",
                "fraction" => "fraction",
                "group" => "group",
                "decimal" => "decimal",
                _ => "literal",
            })
        }));
        let end = start + number.text.len();
        if end < text.len() {
            pieces.push(Piece::new("literal", &text[end..]));
        }
        Ok((pieces, unit))
    }

    /// `formatToParts(value, unit)`: number parts carry the unit.
    pub fn to_parts(&self, value: &Value, unit: &Value) -> Result<Value, Throw> {
        let (pieces, unit) = self.pieces(value, unit)?;
        Ok(Value::array(
            pieces
                .iter()
                .map(|piece| {
                    let mut entries = vec![
                        ("type", Value::str(piece.kind)),
                        ("value", Value::str(&piece.value)),
                    ];
                    if piece.kind != "literal" {
                        entries.push(("unit", Value::str(unit)));
                    }
                    Value::object(entries)
                })
                .collect(),
        ))
    }

    /// `resolvedOptions()`, in V8's order.
    pub fn resolved_options(&self) -> Value {
        Value::object([
            ("locale", Value::str(&self.locale.to_string())),
            ("style", Value::str(self.style)),
            (
                "numeric",
                Value::str(if self.numeric_auto { "auto" } else { "always" }),
            ),
            ("numberingSystem", Value::str("latn")),
        ])
    }
}
