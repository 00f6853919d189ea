//! How `Intl.NumberFormat` rounds: ECMA-402's digit options (`SetNumberFormatDigitOptions`)
//! and their application to a decimal, the number's shortest round-trip digits as ICU takes
//! them.
//!
//! ```text
//! 1.005, { maximumFractionDigits: 2 }        → 1.01  (the shortest digits "1.005", half away from zero)
//! 123456, { maximumSignificantDigits: 2 }    → 120000
//! 1234, compact, no digit options            → 1.2 (×10³): two significant digits or integers, the more precise
//! ```

use fixed_decimal::{Decimal, SignedRoundingMode, UnsignedRoundingMode};

use super::super::error::Throw;
use super::super::value::Value;
use super::options::Options;

/// Which of the two limits decides.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    Fraction,
    Significant,
    MorePrecision,
    LessPrecision,
}

/// The resolved digit options.
#[derive(Clone)]
pub struct Digits {
    pub minimum_integer: u32,
    pub minimum_fraction: u32,
    pub maximum_fraction: u32,
    /// `Some` when significant digits take part.
    pub significant: Option<(u32, u32)>,
    pub priority: Priority,
    /// The option's name in `resolvedOptions` (`auto` unless asked).
    pub priority_name: &'static str,
    pub rounding_mode: &'static str,
    pub strip_if_integer: bool,
}

const ROUNDING_MODES: &[&str] = &[
    "ceil",
    "floor",
    "expand",
    "trunc",
    "halfCeil",
    "halfFloor",
    "halfExpand",
    "halfTrunc",
    "halfEven",
];

fn default_number(value: &Value, name: &str, min: u32, max: u32) -> Result<Option<u32>, Throw> {
    if matches!(value, Value::Undefined) {
        return Ok(None);
    }
    let number = super::super::convert::to_number(value)?;
    if number.is_nan() || number < f64::from(min) || number > f64::from(max) {
        return Err(Throw::range_error(format!("{name} value is out of range.")));
    }
    Ok(Some(number.floor() as u32))
}

/// Reads the digit options, with the style's default fraction digits.
pub fn read(
    options: &Options,
    fraction_defaults: (u32, u32),
    compact: bool,
) -> Result<Digits, Throw> {
    let minimum_integer = options.number("minimumIntegerDigits", 1, 21)?.unwrap_or(1);
    let mnfd = options.raw("minimumFractionDigits")?;
    let mxfd = options.raw("maximumFractionDigits")?;
    let mnsd = options.raw("minimumSignificantDigits")?;
    let mxsd = options.raw("maximumSignificantDigits")?;
    if options.number("roundingIncrement", 1, 5000)?.unwrap_or(1) != 1 {
        return Err(Throw::range_error(
            "roundingIncrement value is out of range.",
        ));
    }
    let rounding_mode = match options.string("roundingMode", ROUNDING_MODES)? {
        Some(mode) => ROUNDING_MODES
            .iter()
            .find(|known| **known == mode)
            .copied()
            .unwrap_or("halfExpand"),
        None => "halfExpand",
    };
    let priority_name = match options.string(
        "roundingPriority",
        &["auto", "morePrecision", "lessPrecision"],
    )? {
        Some(name) if name == "morePrecision" => "morePrecision",
        Some(name) if name == "lessPrecision" => "lessPrecision",
        _ => "auto",
    };
    let strip_if_integer = options
        .string("trailingZeroDisplay", &["auto", "stripIfInteger"])?
        .as_deref()
        == Some("stripIfInteger");
    let has_sd = !matches!(mnsd, Value::Undefined) || !matches!(mxsd, Value::Undefined);
    let has_fd = !matches!(mnfd, Value::Undefined) || !matches!(mxfd, Value::Undefined);
    let (mut need_sd, mut need_fd) = (true, true);
    if priority_name == "auto" {
        need_sd = has_sd;
        if need_sd || (!has_fd && compact) {
            need_fd = false;
        }
    }
    let mut significant = None;
    if need_sd {
        significant = Some(if has_sd {
            let min = default_number(&mnsd, "minimumSignificantDigits", 1, 21)?.unwrap_or(1);
            let max = default_number(&mxsd, "maximumSignificantDigits", min, 21)?.unwrap_or(21);
            (min, max)
        } else {
            (1, 21)
        });
    }
    let (mut minimum_fraction, mut maximum_fraction) = fraction_defaults;
    if need_fd && has_fd {
        let min = default_number(&mnfd, "minimumFractionDigits", 0, 100)?;
        let max = default_number(&mxfd, "maximumFractionDigits", 0, 100)?;
        match (min, max) {
            (None, Some(max)) => {
                minimum_fraction = fraction_defaults.0.min(max);
                maximum_fraction = max;
            }
            (Some(min), None) => {
                minimum_fraction = min;
                maximum_fraction = fraction_defaults.1.max(min);
            }
            (Some(min), Some(max)) => {
                if min > max {
                    return Err(Throw::range_error(
                        "maximumFractionDigits value is out of range.",
                    ));
                }
                minimum_fraction = min;
                maximum_fraction = max;
            }
            (None, None) => {}
        }
    }
    let priority = if !need_sd && !need_fd {
        // Compact notation without digit options: two significant digits or whole numbers.
        minimum_fraction = 0;
        maximum_fraction = 0;
        significant = Some((1, 2));
        return Ok(Digits {
            minimum_integer,
            minimum_fraction,
            maximum_fraction,
            significant,
            priority: Priority::MorePrecision,
            priority_name: "morePrecision",
            rounding_mode,
            strip_if_integer,
        });
    } else {
        match priority_name {
            "morePrecision" => Priority::MorePrecision,
            "lessPrecision" => Priority::LessPrecision,
            _ if has_sd => Priority::Significant,
            _ => Priority::Fraction,
        }
    };
    Ok(Digits {
        minimum_integer,
        minimum_fraction,
        maximum_fraction,
        significant,
        priority,
        priority_name,
        rounding_mode,
        strip_if_integer,
    })
}

fn mode(name: &str) -> SignedRoundingMode {
    use UnsignedRoundingMode as U;
    match name {
        "ceil" => SignedRoundingMode::Ceil,
        "floor" => SignedRoundingMode::Floor,
        "expand" => SignedRoundingMode::Unsigned(U::Expand),
        "trunc" => SignedRoundingMode::Unsigned(U::Trunc),
        "halfCeil" => SignedRoundingMode::HalfCeil,
        "halfFloor" => SignedRoundingMode::HalfFloor,
        "halfTrunc" => SignedRoundingMode::Unsigned(U::HalfTrunc),
        "halfEven" => SignedRoundingMode::Unsigned(U::HalfEven),
        _ => SignedRoundingMode::Unsigned(U::HalfExpand),
    }
}

/// The magnitude of the most significant digit (0 for zero).
fn leading_magnitude(value: &Decimal) -> i16 {
    if value.absolute.is_zero() {
        0
    } else {
        value.absolute.nonzero_magnitude_start()
    }
}

impl Digits {
    /// `value` rounded and padded as these options say.
    pub fn apply(&self, value: &Decimal) -> Decimal {
        let rounding_mode = mode(self.rounding_mode);
        let by_fraction = || {
            let mut rounded = value.clone();
            rounded.round_with_mode(-(self.maximum_fraction as i16), rounding_mode);
            rounded.absolute.trim_end();
            rounded.absolute.pad_end(-(self.minimum_fraction as i16));
            (rounded, -(self.maximum_fraction as i16))
        };
        let by_significant = |(min, max): (u32, u32)| {
            let position = leading_magnitude(value) - max as i16 + 1;
            let mut rounded = value.clone();
            rounded.round_with_mode(position, rounding_mode);
            rounded.absolute.trim_end();
            let minimum_position = leading_magnitude(&rounded) - min as i16 + 1;
            if minimum_position < 0 {
                rounded.absolute.pad_end(minimum_position);
            }
            (rounded, position)
        };
        let (mut rounded, _) = match (self.priority, self.significant) {
            (Priority::Fraction, _) | (_, None) => by_fraction(),
            (Priority::Significant, Some(significant)) => by_significant(significant),
            (Priority::MorePrecision, Some(significant)) => {
                let (s, s_position) = by_significant(significant);
                let (f, f_position) = by_fraction();
                if s_position <= f_position {
                    (s, s_position)
                } else {
                    (f, f_position)
                }
            }
            (Priority::LessPrecision, Some(significant)) => {
                let (s, s_position) = by_significant(significant);
                let (f, f_position) = by_fraction();
                if s_position >= f_position {
                    (s, s_position)
                } else {
                    (f, f_position)
                }
            }
        };
        if self.strip_if_integer && rounded.absolute.nonzero_magnitude_end() >= 0 {
            rounded.absolute.trim_end();
        }
        rounded.absolute.pad_start(self.minimum_integer as i16);
        rounded
    }

    /// The digit members of `resolvedOptions`, in V8's order.
    pub fn resolved(&self, entries: &mut Vec<(&'static str, Value)>) {
        entries.push((
            "minimumIntegerDigits",
            Value::from(self.minimum_integer as f64),
        ));
        let fraction = || {
            [
                (
                    "minimumFractionDigits",
                    Value::from(self.minimum_fraction as f64),
                ),
                (
                    "maximumFractionDigits",
                    Value::from(self.maximum_fraction as f64),
                ),
            ]
        };
        match (self.priority, self.significant) {
            (Priority::Significant, Some((min, max))) => {
                entries.push(("minimumSignificantDigits", Value::from(min as f64)));
                entries.push(("maximumSignificantDigits", Value::from(max as f64)));
            }
            (Priority::Fraction, _) | (_, None) => entries.extend(fraction()),
            (_, Some((min, max))) => {
                entries.push(("minimumSignificantDigits", Value::from(min as f64)));
                entries.push(("maximumSignificantDigits", Value::from(max as f64)));
                entries.extend(fraction());
            }
        }
    }
}
