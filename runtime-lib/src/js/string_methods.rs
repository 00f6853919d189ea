//! `String.prototype` methods, counting in UTF-16 code units.
//!
//! ```text
//! " Ada ".trim()            → "Ada"
//! "a b  c".split(/\s+/)     → ["a", "b", "c"]        (regexp arguments go to `regexp.rs`)
//! "😀x".slice(2)            → "x"
//! "b".localeCompare("a")    → 1
//! ```

use super::array::relative_index;
use super::convert::{to_number, to_string};
use super::error::Throw;
use super::number::{is_js_whitespace, to_integer};
use super::string::JsString;
use super::value::{ObjectKind, Value};

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

fn string_arg(args: &[Value], index: usize) -> Result<JsString, Throw> {
    to_string(&arg(args, index))
}

fn is_regexp(value: &Value) -> bool {
    matches!(value, Value::Object(object) if matches!(object.kind, ObjectKind::RegExp(_)))
}

fn map_text(text: &JsString, map: impl Fn(&str) -> String) -> Value {
    match text.as_ascii() {
        Some(ascii) => Value::str(&map(ascii)),
        None => Value::str(&map(&text.to_rust())),
    }
}

/// `toLowerCase`/`toUpperCase` of ASCII text, where case mapping is per byte and the result
/// stays ASCII: the same string when no byte changes (lower-casing lower-case text is common).
fn ascii_case(
    text: &JsString,
    ascii: &str,
    changes: fn(&u8) -> bool,
    map: fn(&str) -> String,
) -> Value {
    if !ascii.as_bytes().iter().any(changes) {
        return Value::String(text.clone());
    }
    Value::String(JsString::Ascii(std::rc::Rc::from(map(ascii))))
}

/// Dispatches `text.name(...args)`; `None` if strings have no such method.
pub fn call(text: &JsString, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some(match name {
        "toString" | "valueOf" => Ok(Value::String(text.clone())),
        "charAt" => (|| {
            let index = to_integer(to_number(&arg(args, 0))?);
            Ok(Value::String(
                if index < 0.0 || index >= text.len() as f64 {
                    JsString::empty()
                } else {
                    text.slice_units(index as usize, index as usize + 1)
                },
            ))
        })(),
        "charCodeAt" => (|| {
            let index = to_integer(to_number(&arg(args, 0))?);
            Ok(Value::Number(if index < 0.0 {
                f64::NAN
            } else {
                text.unit_at(index as usize).map_or(f64::NAN, f64::from)
            }))
        })(),
        "codePointAt" => (|| {
            let index = to_integer(to_number(&arg(args, 0))?);
            if index < 0.0 || index >= text.len() as f64 {
                return Ok(Value::Undefined);
            }
            let index = index as usize;
            let first = text.unit_at(index).unwrap_or(0);
            let second = text.unit_at(index + 1).unwrap_or(0);
            Ok(Value::Number(
                if (0xd800..0xdc00).contains(&first) && (0xdc00..0xe000).contains(&second) {
                    f64::from(
                        0x10000
                            + ((u32::from(first) - 0xd800) << 10)
                            + (u32::from(second) - 0xdc00),
                    )
                } else {
                    f64::from(first)
                },
            ))
        })(),
        "at" => (|| {
            let length = text.len() as f64;
            let index = to_integer(to_number(&arg(args, 0))?);
            let index = if index < 0.0 { length + index } else { index };
            Ok(if index < 0.0 || index >= length {
                Value::Undefined
            } else {
                Value::String(text.slice_units(index as usize, index as usize + 1))
            })
        })(),
        "indexOf" => (|| {
            let needle = string_arg(args, 0)?;
            let from = to_integer(to_number(&arg(args, 1))?).clamp(0.0, text.len() as f64);
            Ok(Value::Number(
                text.find(&needle, from as usize)
                    .map_or(-1.0, |index| index as f64),
            ))
        })(),
        "lastIndexOf" => (|| {
            let needle = string_arg(args, 0)?;
            let from = match to_number(&arg(args, 1))? {
                position if position.is_nan() => text.len(),
                position => to_integer(position).max(0.0) as usize,
            };
            Ok(Value::Number(
                text.rfind(&needle, from).map_or(-1.0, |index| index as f64),
            ))
        })(),
        "includes" | "startsWith" | "endsWith" => (|| {
            if is_regexp(&arg(args, 0)) {
                return Err(Throw::type_error(format!(
                    "First argument to String.prototype.{name} must not be a regular expression"
                )));
            }
            let needle = string_arg(args, 0)?;
            let length = text.len();
            Ok(Value::Bool(match name {
                "includes" => {
                    let from = relative_position(&arg(args, 1), length, 0)?;
                    text.find(&needle, from).is_some()
                }
                "startsWith" => {
                    let from = relative_position(&arg(args, 1), length, 0)?;
                    match (text.as_ascii(), needle.as_ascii()) {
                        (Some(text), Some(needle)) => text[from..].starts_with(needle),
                        _ => text.units()[from..].starts_with(&needle.units()),
                    }
                }
                _ => {
                    let end = relative_position(&arg(args, 1), length, length)?;
                    match (text.as_ascii(), needle.as_ascii()) {
                        (Some(text), Some(needle)) => text[..end].ends_with(needle),
                        _ => text.units()[..end].ends_with(&needle.units()),
                    }
                }
            }))
        })(),
        "slice" => (|| {
            let start = relative_index(&arg(args, 0), text.len(), 0)?;
            let end = relative_index(&arg(args, 1), text.len(), text.len())?;
            Ok(Value::String(text.slice_units(start, end.max(start))))
        })(),
        "substring" => (|| {
            let start = relative_position(&arg(args, 0), text.len(), 0)?;
            let end = relative_position(&arg(args, 1), text.len(), text.len())?;
            Ok(Value::String(
                text.slice_units(start.min(end), start.max(end)),
            ))
        })(),
        "substr" => (|| {
            let start = relative_index(&arg(args, 0), text.len(), 0)?;
            let length = match arg(args, 1) {
                Value::Undefined => text.len() as f64,
                other => to_integer(to_number(&other)?).max(0.0),
            };
            let end = (start as f64 + length).min(text.len() as f64) as usize;
            Ok(Value::String(text.slice_units(start, end.max(start))))
        })(),
        "toLowerCase" | "toLocaleLowerCase" => Ok(match text.as_ascii() {
            Some(ascii) => ascii_case(text, ascii, u8::is_ascii_uppercase, str::to_ascii_lowercase),
            None => map_text(text, str::to_lowercase),
        }),
        "toUpperCase" | "toLocaleUpperCase" => Ok(match text.as_ascii() {
            Some(ascii) => ascii_case(text, ascii, u8::is_ascii_lowercase, str::to_ascii_uppercase),
            None => map_text(text, str::to_uppercase),
        }),
        "trim" => Ok(map_text(text, |s| {
            s.trim_matches(is_js_whitespace).to_string()
        })),
        "trimStart" | "trimLeft" => Ok(map_text(text, |s| {
            s.trim_start_matches(is_js_whitespace).to_string()
        })),
        "trimEnd" | "trimRight" => Ok(map_text(text, |s| {
            s.trim_end_matches(is_js_whitespace).to_string()
        })),
        "concat" => (|| {
            let mut result = text.clone();
            for value in args {
                result = result.concat(&to_string(value)?);
            }
            Ok(Value::String(result))
        })(),
        "repeat" => (|| {
            let count = to_integer(to_number(&arg(args, 0))?);
            if count < 0.0 || count.is_infinite() {
                return Err(Throw::range_error(format!(
                    "Invalid count value: {}",
                    super::number::to_string(count)
                )));
            }
            let units = text.units().repeat(count as usize);
            Ok(Value::String(JsString::from_units(&units)))
        })(),
        "padStart" | "padEnd" => (|| {
            let target = to_integer(to_number(&arg(args, 0))?).max(0.0) as usize;
            let filler = match arg(args, 1) {
                Value::Undefined => JsString::new(" "),
                other => to_string(&other)?,
            };
            if target <= text.len() || filler.is_empty() {
                return Ok(Value::String(text.clone()));
            }
            let filler_units = filler.units();
            let padding: Vec<u16> = filler_units
                .iter()
                .copied()
                .cycle()
                .take(target - text.len())
                .collect();
            let padding = JsString::from_units(&padding);
            Ok(Value::String(if name == "padStart" {
                padding.concat(text)
            } else {
                text.concat(&padding)
            }))
        })(),
        "split" => (|| {
            let separator = arg(args, 0);
            let limit = match arg(args, 1) {
                Value::Undefined => u32::MAX as usize,
                other => super::number::to_uint32(to_number(&other)?) as usize,
            };
            if is_regexp(&separator) {
                return super::regexp::split(text, &separator, limit);
            }
            if matches!(separator, Value::Undefined) {
                return Ok(Value::array(vec![Value::String(text.clone())]));
            }
            let separator = to_string(&separator)?;
            Ok(Value::array(split_by_string(text, &separator, limit)))
        })(),
        "replace" | "replaceAll" => (|| {
            let pattern = arg(args, 0);
            let replacement = arg(args, 1);
            if is_regexp(&pattern) {
                return super::regexp::replace(text, &pattern, &replacement, name == "replaceAll");
            }
            let pattern = to_string(&pattern)?;
            replace_string(text, &pattern, &replacement, name == "replaceAll")
        })(),
        "match" => super::regexp::string_match(text, &arg(args, 0)),
        "matchAll" => super::regexp::match_all(text, &arg(args, 0)),
        "search" => super::regexp::search(text, &arg(args, 0)),
        #[cfg(feature = "intl")]
        "localeCompare" => (|| {
            let other = string_arg(args, 0)?;
            super::intl::locale_compare(
                &text.to_rust(),
                &other.to_rust(),
                args.get(1..).unwrap_or(&[]),
            )
        })(),
        #[cfg(not(feature = "intl"))]
        "localeCompare" => (|| {
            let other = string_arg(args, 0)?;
            let options = collation_options(&arg(args, 2))?;
            Ok(Value::Number(super::collate::compare_with(
                &text.to_rust(),
                &other.to_rust(),
                options,
            )))
        })(),
        "normalize" => (|| {
            use unicode_normalization::UnicodeNormalization;
            let form = match arg(args, 0) {
                Value::Undefined => JsString::new("NFC"),
                other => to_string(&other)?,
            };
            let normalize: fn(&str) -> String = match form.as_ascii() {
                Some("NFC") => |text| text.nfc().collect(),
                Some("NFD") => |text| text.nfd().collect(),
                Some("NFKC") => |text| text.nfkc().collect(),
                Some("NFKD") => |text| text.nfkd().collect(),
                _ => return Err(normalize_form_error()),
            };
            if text.as_ascii().is_some() {
                return Ok(Value::String(text.clone()));
            }
            Ok(Value::String(normalize_units(&text.units(), normalize)))
        })(),
        _ => return None,
    })
}

/// Reads `sensitivity`, `numeric` and `caseFirst` from `localeCompare`'s options argument.
#[cfg(not(feature = "intl"))]
fn collation_options(options: &Value) -> Result<super::collate::Options, Throw> {
    let mut parsed = super::collate::Options::default();
    if !matches!(options, Value::Object(_)) {
        return Ok(parsed);
    }
    let text = |key: &str| -> Result<Option<String>, Throw> {
        Ok(match super::access::get(options, key)? {
            Value::Undefined => None,
            other => Some(to_string(&other)?.to_string()),
        })
    };
    match text("sensitivity")?.as_deref() {
        Some("base") => parsed.levels = 1,
        Some("accent") => parsed.levels = 2,
        Some("case") => {
            parsed.levels = 1;
            parsed.case_only = true;
        }
        Some("variant") | None => {}
        Some(other) => {
            return Err(Throw::range_error(format!(
                "Value {other} out of range for Intl.Collator options property sensitivity"
            )));
        }
    }
    parsed.numeric = super::convert::truthy(&super::access::get(options, "numeric")?);
    parsed.upper_first = text("caseFirst")?.as_deref() == Some("upper");
    Ok(parsed)
}

fn normalize_form_error() -> Throw {
    Throw::range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
}

/// Applies `normalize` to each run of valid text; lone surrogates pass through, as in V8.
fn normalize_units(units: &[u16], normalize: fn(&str) -> String) -> JsString {
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut run = String::new();
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(c) => run.push(c),
            Err(lone) => {
                out.extend(normalize(&run).encode_utf16());
                run.clear();
                out.push(lone.unpaired_surrogate());
            }
        }
    }
    out.extend(normalize(&run).encode_utf16());
    JsString::from_units(&out)
}

/// A position argument clamped to `0..=length` (no negative wrap-around).
fn relative_position(value: &Value, length: usize, default: usize) -> Result<usize, Throw> {
    if matches!(value, Value::Undefined) {
        return Ok(default);
    }
    Ok(to_integer(to_number(value)?).clamp(0.0, length as f64) as usize)
}

fn split_by_string(text: &JsString, separator: &JsString, limit: usize) -> Vec<Value> {
    let mut parts = Vec::new();
    if limit == 0 {
        return parts;
    }
    if separator.is_empty() {
        for index in 0..text.len().min(limit) {
            parts.push(Value::String(text.slice_units(index, index + 1)));
        }
        return parts;
    }
    let mut start = 0;
    while let Some(found) = text.find(separator, start) {
        parts.push(Value::String(text.slice_units(start, found)));
        if parts.len() == limit {
            return parts;
        }
        start = found + separator.len();
    }
    parts.push(Value::String(text.slice_units(start, text.len())));
    parts
}

fn replace_string(
    text: &JsString,
    pattern: &JsString,
    replacement: &Value,
    all: bool,
) -> Result<Value, Throw> {
    let mut result: Vec<u16> = Vec::new();
    let mut position = 0;
    let mut search_from = 0;
    while let Some(found) = text.find(pattern, search_from) {
        result.extend_from_slice(&text.units()[position..found]);
        let substitution = match replacement {
            Value::Function(_) => to_string(&super::access::call(
                replacement,
                &[
                    Value::String(pattern.clone()),
                    Value::from(found),
                    Value::String(text.clone()),
                ],
            )?)?,
            other => super::regexp::expand_replacement(
                &to_string(other)?,
                text,
                found,
                found + pattern.len(),
                &[],
            ),
        };
        result.extend_from_slice(&substitution.units());
        position = found + pattern.len();
        search_from = if pattern.is_empty() {
            found + 1
        } else {
            position
        };
        if !all || search_from > text.len() {
            break;
        }
    }
    result.extend_from_slice(&text.units()[position.min(text.len())..]);
    Ok(Value::String(JsString::from_units(&result)))
}
