//! `Intl.NumberFormat` and `Number.prototype.toLocaleString(locales, options)`, on ICU4X's
//! decimal, compact, percent and currency formatters with CLDR's data.
//!
//! ```text
//! new Intl.NumberFormat("de").format(1234.5)                                   → "1.234,5"
//! new Intl.NumberFormat("en", { style: "currency", currency: "EUR" })          → "€1,234.50"
//! new Intl.NumberFormat("fr", { style: "percent" }).format(0.25)               → "25 %"  (U+202F)
//! new Intl.NumberFormat("en", { notation: "compact" }).format(1234)            → "1.2K"
//! ```
//!
//! The number itself is rounded here (`number_digits.rs`, ECMA-402's rules) and written by
//! ICU4X's `DecimalFormatter` (the locale's digits, separators and grouping). A percent or
//! currency pattern's text around the number (`€`, `%`, spaces, the sign's place) is what
//! ICU4X's percent and currency formatters write around that same number.

use fixed_decimal::{Decimal, FloatPrecision};
use icu::decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu::decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu::experimental::dimension::currency::CurrencyType;
use icu::experimental::dimension::currency::formatter::CurrencyFormatter;
use icu::experimental::dimension::percent::formatter::PercentFormatter;
use icu::locale::Locale;
use writeable::{Part, Writeable};

use super::super::convert::to_number;
use super::super::error::Throw;
use super::super::value::Value;
use super::number_digits::{self, Digits};
use super::options::Options;
use super::parts::{self, Piece};

#[derive(Clone, PartialEq)]
enum Style {
    Decimal,
    Percent,
    Currency {
        code: String,
        display: &'static str,
        sign: &'static str,
    },
}

#[derive(Clone, Copy, PartialEq)]
enum Notation {
    Standard,
    Compact { long: bool },
}

/// A number format's resolved options.
#[derive(Clone)]
pub struct NumberFormat {
    locale: Locale,
    style: Style,
    notation: Notation,
    digits: Digits,
    grouping: &'static str,
    sign_display: &'static str,
}

const SERVICE: &str = "Intl.NumberFormat";

/// The number of fraction digits ISO 4217 gives a currency (CLDR's `currencyData`).
fn currency_digits(code: &str) -> u32 {
    match code {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

impl NumberFormat {
    /// `new Intl.NumberFormat(locales, options)`.
    pub fn new(locales: &Value, options: &Value) -> Result<NumberFormat, Throw> {
        let locale = super::locale::resolve(locales)?;
        let options = Options::new(options, SERVICE)?;
        options.string("localeMatcher", &["lookup", "best fit"])?;
        if let Some(system) = options.string("numberingSystem", &[])?
            && system != "latn"
        {
            return Err(Throw::range_error(
                "Invalid numberingSystem : ".to_string() + &system,
            ));
        }
        let style = options
            .string("style", &["decimal", "percent", "currency", "unit"])?
            .unwrap_or_else(|| "decimal".into());
        let currency = options.string("currency", &[])?;
        if let Some(code) = &currency
            && (code.len() != 3 || !code.bytes().all(|byte| byte.is_ascii_alphabetic()))
        {
            return Err(Throw::range_error(format!(
                "Invalid currency code : {code}"
            )));
        }
        let currency_display = options
            .string(
                "currencyDisplay",
                &["code", "symbol", "narrowSymbol", "name"],
            )?
            .unwrap_or_else(|| "symbol".into());
        let currency_sign = options
            .string("currencySign", &["standard", "accounting"])?
            .unwrap_or_else(|| "standard".into());
        let unit = options.string("unit", &[])?;
        let style = match style.as_str() {
            "percent" => Style::Percent,
            "currency" => {
                let Some(code) = currency else {
                    return Err(Throw::type_error(
                        "Currency code is required with currency style.",
                    ));
                };
                Style::Currency {
                    code: code.to_ascii_uppercase(),
                    display: match currency_display.as_str() {
                        "code" => "code",
                        "narrowSymbol" => "narrowSymbol",
                        "name" => "name",
                        _ => "symbol",
                    },
                    sign: if currency_sign == "accounting" {
                        "accounting"
                    } else {
                        "standard"
                    },
                }
            }
            "unit" => {
                return Err(match unit {
                    None => Throw::type_error("Unit is required with unit style."),
                    Some(unit) => Throw::range_error(format!(
                        "unit style is not supported here (unit {unit}): format the number and add the unit"
                    )),
                });
            }
            _ => Style::Decimal,
        };
        let notation = options
            .string(
                "notation",
                &["standard", "scientific", "engineering", "compact"],
            )?
            .unwrap_or_else(|| "standard".into());
        let compact = notation == "compact";
        if notation == "scientific" || notation == "engineering" {
            return Err(Throw::range_error(format!(
                "notation \"{notation}\" is not supported here"
            )));
        }
        let fraction_defaults = match &style {
            Style::Currency { code, .. } => {
                let digits = currency_digits(code);
                (digits, digits)
            }
            Style::Percent => (0, 0),
            Style::Decimal => (0, 3),
        };
        let digits = number_digits::read(&options, fraction_defaults, compact)?;
        let long = options
            .string("compactDisplay", &["short", "long"])?
            .as_deref()
            == Some("long");
        let grouping = match options.raw("useGrouping")? {
            Value::Undefined => {
                if compact {
                    "min2"
                } else {
                    "auto"
                }
            }
            Value::Bool(true) => "always",
            Value::Bool(false) | Value::Null => "false",
            other => {
                let text = super::super::convert::to_string(&other)?.to_string();
                match text.as_str() {
                    "min2" => "min2",
                    "auto" => "auto",
                    "always" | "true" | "false" => "always",
                    "" => "false",
                    _ => {
                        return Err(Throw::range_error(format!(
                            "Value {text} out of range for Intl.NumberFormat options property useGrouping"
                        )));
                    }
                }
            }
        };
        let sign_display = match options
            .string(
                "signDisplay",
                &["auto", "never", "always", "exceptZero", "negative"],
            )?
            .as_deref()
        {
            Some("never") => "never",
            Some("always") => "always",
            Some("exceptZero") => "exceptZero",
            Some("negative") => "negative",
            _ => "auto",
        };
        Ok(NumberFormat {
            locale,
            style,
            notation: if compact {
                Notation::Compact { long }
            } else {
                Notation::Standard
            },
            digits,
            grouping,
            sign_display,
        })
    }

    fn grouping_strategy(&self) -> GroupingStrategy {
        match self.grouping {
            "always" => GroupingStrategy::Always,
            "min2" => GroupingStrategy::Min2,
            "false" => GroupingStrategy::Never,
            _ => GroupingStrategy::Auto,
        }
    }

    fn decimal_formatter(&self) -> Result<DecimalFormatter, Throw> {
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(self.grouping_strategy());
        DecimalFormatter::try_new((&self.locale).into(), options).map_err(data_error)
    }

    /// `format(value)` as typed pieces: a BigInt with all its digits, anything else through
    /// ToNumber (ECMA-402's ToIntlMathematicalValue for the values handlers pass).
    pub fn value_pieces(&self, value: &Value) -> Result<Vec<Piece>, Throw> {
        match value {
            Value::BigInt(big) => {
                let exact = Decimal::try_from_str(&big.to_string())
                    .map_err(|_| Throw::range_error("Invalid number"))?;
                self.signed_pieces(Some(exact), big.sign() == num_bigint::Sign::Minus, false)
            }
            other => self.pieces(to_number(other)?),
        }
    }

    /// `format(x)` as typed pieces.
    pub fn pieces(&self, x: f64) -> Result<Vec<Piece>, Throw> {
        let finite = if x.is_finite() {
            Some(
                Decimal::try_from_f64(x, FloatPrecision::RoundTrip)
                    .map_err(|_| Throw::range_error("Invalid number"))?,
            )
        } else {
            None
        };
        self.signed_pieces(finite, x.is_sign_negative() && !x.is_nan(), x.is_nan())
    }

    /// The pieces of a finite value (`Some`), or of NaN or ±∞ (`None`), with its sign.
    fn signed_pieces(
        &self,
        finite: Option<Decimal>,
        negative: bool,
        nan: bool,
    ) -> Result<Vec<Piece>, Throw> {
        let mut number_pieces = Vec::new();
        let rounded;
        if let Some(mut value) = finite {
            if self.style == Style::Percent {
                value.multiply_pow10(2);
            }
            let (significand, exponent) = match self.notation {
                Notation::Standard => (self.digits.apply(&value), 0u8),
                Notation::Compact { long } => self.compact(&value, long)?,
            };
            number_pieces = self.number_pieces(&significand, exponent)?;
            rounded = Some(significand);
        } else {
            rounded = None;
            number_pieces.push(if nan {
                Piece::new("nan", "NaN")
            } else {
                Piece::new("infinity", "∞")
            });
        }
        // Whether a sign shows, and which.
        let is_zero = rounded
            .as_ref()
            .is_some_and(|value| value.absolute.is_zero());
        let sign = match self.sign_display {
            "never" => None,
            "always" => Some(negative),
            "exceptZero" if is_zero || nan => None,
            "exceptZero" => Some(negative),
            "negative" if negative && !is_zero => Some(true),
            "negative" => None,
            _ => negative.then_some(true),
        };
        let (prefix, suffix) = self.affixes(sign, rounded.as_ref())?;
        let mut pieces = prefix;
        pieces.extend(number_pieces);
        pieces.extend(suffix);
        Ok(pieces)
    }

    /// Compact notation: the significand (rounded) and its power of ten.
    fn compact(&self, value: &Decimal, long: bool) -> Result<(Decimal, u8), Throw> {
        let formatter = self.compact_formatter(long)?;
        let magnitude = if value.absolute.is_zero() {
            0
        } else {
            value.absolute.nonzero_magnitude_start()
        };
        let mut exponent = formatter.compact_exponent_for_magnitude(magnitude);
        let mut significand = self.digits.apply(&scaled(value, exponent));
        // Rounding may carry into the next magnitude (999,999 → 1M, not 1000K).
        if !significand.absolute.is_zero() {
            let rounded_magnitude =
                significand.absolute.nonzero_magnitude_start() + i16::from(exponent);
            let next = formatter.compact_exponent_for_magnitude(rounded_magnitude);
            if next != exponent {
                exponent = next;
                significand = self.digits.apply(&scaled(value, exponent));
            }
        }
        Ok((significand, exponent))
    }

    fn compact_formatter(&self, long: bool) -> Result<CompactDecimalFormatter, Throw> {
        let mut options = icu::decimal::options::CompactDecimalFormatterOptions::default();
        options.grouping_strategy = Some(self.grouping_strategy());
        let prefs = (&self.locale).into();
        if long {
            CompactDecimalFormatter::try_new_long(prefs, options)
        } else {
            CompactDecimalFormatter::try_new_short(prefs, options)
        }
        .map_err(data_error)
    }

    /// The unsigned number as pieces (`integer`, `group`, `decimal`, `fraction`, `compact`).
    fn number_pieces(&self, value: &Decimal, exponent: u8) -> Result<Vec<Piece>, Throw> {
        let mut absolute = value.clone();
        absolute.sign = fixed_decimal::Sign::None;
        let annotated = match self.notation {
            Notation::Compact { long } if exponent > 0 => {
                let formatter = self.compact_formatter(long)?;
                let formatted = formatter
                    .format_with_exponent(&absolute, exponent)
                    .map_err(|_| Throw::range_error("Invalid compact number"))?;
                parts::annotate(&formatted)
            }
            _ => parts::annotate(&self.decimal_formatter()?.format(&absolute)),
        };
        let mut pieces = parts::pieces(&annotated, number_part);
        if self.grouping == "always" {
            pieces = self.group_always(pieces)?;
        }
        if exponent > 0 {
            // The compact pattern's text ("K", " Tausend") is its `compact` part; the space
            // before a word is a literal.
            for piece in &mut pieces {
                if piece.kind == "literal" {
                    piece.kind = "compact";
                }
            }
            let mut split = Vec::new();
            for piece in pieces {
                if piece.kind == "compact" {
                    let trimmed = piece.value.trim_start_matches(is_space);
                    let lead = &piece.value[..piece.value.len() - trimmed.len()];
                    let trail_trimmed = trimmed.trim_end_matches(is_space);
                    let trail = &trimmed[trail_trimmed.len()..];
                    if !lead.is_empty() {
                        split.push(Piece::new("literal", lead));
                    }
                    if !trail_trimmed.is_empty() {
                        split.push(Piece::new("compact", trail_trimmed));
                    }
                    if !trail.is_empty() {
                        split.push(Piece::new("literal", trail));
                    }
                } else {
                    split.push(piece);
                }
            }
            pieces = split;
        }
        Ok(pieces)
    }

    /// `useGrouping: "always"` in a locale whose minimum grouping digits are 2 (`es`: "1234"
    /// but "12.345"): ICU4X groups as for "auto", so a four-digit integer is split here with
    /// the separator the locale uses for five digits.
    fn group_always(&self, pieces: Vec<Piece>) -> Result<Vec<Piece>, Throw> {
        let integers: Vec<Piece> = pieces
            .iter()
            .filter(|piece| piece.kind == "integer")
            .cloned()
            .collect();
        let [integer] = integers.as_slice() else {
            return Ok(pieces);
        };
        if integer.value.chars().count() != 4 || !integer.value.bytes().all(|b| b.is_ascii_digit())
        {
            return Ok(pieces);
        }
        let five = parts::annotate(&self.decimal_formatter()?.format(&Decimal::from(12345)));
        let Some(separator) = parts::pieces(&five, number_part)
            .into_iter()
            .find(|piece| piece.kind == "group")
        else {
            return Ok(pieces);
        };
        let (head, tail) = integer.value.split_at(1);
        let mut grouped = Vec::with_capacity(pieces.len() + 2);
        for piece in pieces {
            if piece.kind == "integer" {
                grouped.push(Piece::new("integer", head));
                grouped.push(separator.clone());
                grouped.push(Piece::new("integer", tail));
            } else {
                grouped.push(piece);
            }
        }
        Ok(grouped)
    }

    /// The pieces before and after the number: the sign, and the percent or currency
    /// pattern's text. `sign` is `Some(negative)` when a sign shows.
    fn affixes(
        &self,
        sign: Option<bool>,
        rounded: Option<&Decimal>,
    ) -> Result<(Vec<Piece>, Vec<Piece>), Throw> {
        let minus = sign == Some(true);
        let plus = sign == Some(false);
        let sign_piece = |text: &str| -> Piece {
            if plus {
                Piece::new("plusSign", "+")
            } else {
                Piece::new("minusSign", text)
            }
        };
        let mut probe = rounded.cloned().unwrap_or_else(|| Decimal::from(1));
        probe.sign = if minus || plus {
            fixed_decimal::Sign::Negative
        } else {
            fixed_decimal::Sign::None
        };
        let (text, kind) = match &self.style {
            Style::Decimal => {
                let mut prefix = Vec::new();
                if minus || plus {
                    let text = self
                        .decimal_formatter()?
                        .format(&Decimal::from(-1))
                        .to_string();
                    prefix.push(sign_piece(text.trim_end_matches('1')));
                }
                return Ok((prefix, Vec::new()));
            }
            Style::Percent => {
                let formatter =
                    PercentFormatter::try_new((&self.locale).into(), Default::default())
                        .map_err(data_error)?;
                (
                    formatter.format(&probe).write_to_string().into_owned(),
                    "percentSign",
                )
            }
            Style::Currency {
                code,
                display,
                sign: usage,
            } => {
                let currency = CurrencyType::try_from_str(&code.to_ascii_uppercase())
                    .map_err(|_| Throw::range_error(format!("Invalid currency code : {code}")))?;
                let prefs = (&self.locale).into();
                let mut options =
                    icu::experimental::dimension::currency::options::CurrencyFormatterOptions::default();
                if *usage == "accounting" {
                    options.usage =
                        icu::experimental::dimension::currency::options::CurrencyUsage::Accounting;
                }
                let formatter = match *display {
                    "code" => CurrencyFormatter::try_new_code(prefs, currency, options),
                    "name" => CurrencyFormatter::try_new_name(prefs, currency),
                    "narrowSymbol" => {
                        CurrencyFormatter::try_new_symbol_narrow(prefs, currency, options)
                    }
                    _ => CurrencyFormatter::try_new_symbol(prefs, currency, options),
                }
                .map_err(data_error)?;
                // The probe at the currency's own digits, as the formatter rounds it.
                (
                    formatter
                        .format_fixed_decimal(&probe)
                        .write_to_string()
                        .into_owned(),
                    "currency",
                )
            }
        };
        // Find the probe's digits in the pattern's text: what surrounds them are the affixes.
        let mut digits_probe = probe.clone();
        digits_probe.sign = fixed_decimal::Sign::None;
        if let Style::Currency { code, .. } = &self.style {
            let places = currency_digits(code) as i16;
            digits_probe.round(-places);
            digits_probe.absolute.pad_end(-places);
        }
        let plain = DecimalFormatter::try_new((&self.locale).into(), Default::default())
            .map_err(data_error)?
            .format(&digits_probe)
            .to_string();
        let (before, after) = match text.find(&plain) {
            Some(start) => (&text[..start], &text[start + plain.len()..]),
            None => (text.as_str(), ""),
        };
        let classify = |affix: &str| -> Vec<Piece> {
            let mut pieces: Vec<Piece> = Vec::new();
            for c in affix.chars() {
                let piece_kind =
                    if matches!(c, '-' | '\u{2212}' | '\u{200E}' | '\u{061C}' | '(' | ')') {
                        "sign"
                    } else if is_space(c) {
                        "literal"
                    } else {
                        kind
                    };
                match pieces.last_mut() {
                    Some(last) if last.kind == piece_kind => last.value.push(c),
                    _ => pieces.push(Piece::new(piece_kind, c.to_string())),
                }
            }
            pieces
                .into_iter()
                .map(|piece| {
                    if piece.kind == "sign" {
                        if piece.value.starts_with('(') || piece.value.starts_with(')') {
                            Piece::new("literal", piece.value)
                        } else {
                            sign_piece(&piece.value)
                        }
                    } else {
                        piece
                    }
                })
                .collect()
        };
        Ok((classify(before), classify(after)))
    }

    /// `resolvedOptions()`.
    pub fn resolved_options(&self) -> Value {
        let mut entries: Vec<(&'static str, Value)> = vec![
            ("locale", Value::str(&self.locale.to_string())),
            ("numberingSystem", Value::str("latn")),
        ];
        match &self.style {
            Style::Decimal => entries.push(("style", Value::str("decimal"))),
            Style::Percent => entries.push(("style", Value::str("percent"))),
            Style::Currency {
                code,
                display,
                sign,
            } => {
                entries.push(("style", Value::str("currency")));
                entries.push(("currency", Value::str(code)));
                entries.push(("currencyDisplay", Value::str(display)));
                entries.push(("currencySign", Value::str(sign)));
            }
        }
        self.digits.resolved(&mut entries);
        entries.push((
            "useGrouping",
            if self.grouping == "false" {
                Value::Bool(false)
            } else {
                Value::str(self.grouping)
            },
        ));
        match self.notation {
            Notation::Standard => entries.push(("notation", Value::str("standard"))),
            Notation::Compact { long } => {
                entries.push(("notation", Value::str("compact")));
                entries.push((
                    "compactDisplay",
                    Value::str(if long { "long" } else { "short" }),
                ));
            }
        }
        entries.push(("signDisplay", Value::str(self.sign_display)));
        entries.push(("roundingMode", Value::str(self.digits.rounding_mode)));
        entries.push(("roundingIncrement", Value::from(1.0)));
        entries.push((
            "trailingZeroDisplay",
            Value::str(if self.digits.strip_if_integer {
                "stripIfInteger"
            } else {
                "auto"
            }),
        ));
        entries.push(("roundingPriority", Value::str(self.digits.priority_name)));
        Value::object(entries)
    }
}

/// `value` × 10^-exponent.
fn scaled(value: &Decimal, exponent: u8) -> Decimal {
    let mut scaled = value.clone();
    scaled.multiply_pow10(-i16::from(exponent));
    scaled
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// The `formatToParts` type of a part ICU4X's decimal formatter wrote.
fn number_part(part: &Part) -> Option<&'static str> {
    if part.category != "decimal" {
        return None;
    }
    Some(match part.value {
        "integer" => "integer",
        "fraction" => "fraction",
        "group" => "group",
        "decimal" => "decimal",
        "minusSign" => "minusSign",
        "plusSign" => "plusSign",
        _ => return None,
    })
}

pub(super) fn data_error(error: icu_provider::DataError) -> Throw {
    Throw::range_error(format!("Internal error: locale data ({error})"))
}
