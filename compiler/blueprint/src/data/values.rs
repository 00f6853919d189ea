//! Checks a JSON value against a field's type and constraints: what a default and every seed
//! row must satisfy, with the same rules the server enforces on create and update.
//!
//! ```text
//! price: { type: number, minimum: 0 }      -1        ──▶  ["must be at least 0"]
//! status: { type: enum, values: [a, b] }   "c"       ──▶  ["must be one of `a`, `b`"]
//! tags: { type: array, items: string }     ["x", 1]  ──▶  ["element 1 must be a string, not a number"]
//! ```

use backworks_ir::{Constraints, FieldType, IdStrategy, ScalarType};
use serde_json::Value;

/// A field's rules, with its pattern compiled once for every value checked.
pub struct ValueRules<'f> {
    kind: &'f FieldType,
    constraints: &'f Constraints,
    pattern: Option<regress::Regex>,
    /// For a `ref`, the id type of the resource it points at, when known.
    ref_id: Option<IdStrategy>,
}

impl<'f> ValueRules<'f> {
    /// Rules for a field of type `kind`; `ref_id` is the referenced resource's id strategy.
    pub fn new(
        kind: &'f FieldType,
        constraints: &'f Constraints,
        ref_id: Option<IdStrategy>,
    ) -> Self {
        let pattern = constraints
            .pattern
            .as_deref()
            .and_then(|pattern| regress::Regex::new(pattern).ok());
        ValueRules {
            kind,
            constraints,
            pattern,
            ref_id,
        }
    }

    /// Every way `value` breaks the rules, each a phrase completing "`<field>` …"; empty when
    /// it is acceptable. `null` is the caller's business (it depends on `required`).
    pub fn violations(&self, value: &Value) -> Vec<String> {
        let mut found = Vec::new();
        match self.kind {
            FieldType::String | FieldType::Text => {
                if let Some(text) = expect_string(value, &mut found) {
                    self.check_text(text, &mut found);
                }
            }
            FieldType::Integer => {
                if expect_integer(value, &mut found) {
                    self.check_range(value, &mut found);
                }
            }
            FieldType::Number => match value {
                Value::Number(_) => self.check_range(value, &mut found),
                other => found.push(wrong_type("a number", other)),
            },
            FieldType::Boolean => {
                if !value.is_boolean() {
                    found.push(wrong_type("a boolean", value));
                }
            }
            FieldType::Datetime => {
                if let Some(text) = expect_string(value, &mut found)
                    && !is_datetime(text)
                {
                    found.push(format!(
                        "must be an ISO 8601 date and time such as `2026-12-04T13:50:00.000Z`, not `{text}`"
                    ));
                }
            }
            FieldType::Date => {
                if let Some(text) = expect_string(value, &mut found)
                    && !is_date(text)
                {
                    found.push(format!("must be a date such as `2026-12-04`, not `{text}`"));
                }
            }
            FieldType::Json => {}
            FieldType::Enum { values } => match value.as_str() {
                Some(text) if values.iter().any(|allowed| allowed == text) => {}
                _ => found.push(format!(
                    "must be one of {}, not {}",
                    values
                        .iter()
                        .map(|allowed| format!("`{allowed}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    shown(value)
                )),
            },
            FieldType::Array { items } => match value {
                Value::Array(elements) => {
                    for (index, element) in elements.iter().enumerate() {
                        if let Some(problem) = scalar_problem(*items, element) {
                            found.push(format!("element {index} {problem}"));
                        }
                    }
                }
                other => found.push(wrong_type("an array", other)),
            },
            FieldType::Ref { to, .. } => match self.ref_id {
                Some(IdStrategy::Integer) => {
                    if expect_integer(value, &mut found) && value.as_f64().is_some_and(|n| n < 1.0)
                    {
                        found.push(format!(
                            "must be the id of a row of `{to}`, which start at 1"
                        ));
                    }
                }
                Some(IdStrategy::Uuid) => {
                    if let Some(text) = expect_string(value, &mut found)
                        && !is_uuid(text)
                    {
                        found.push(format!("must be the UUID of a row of `{to}`, not `{text}`"));
                    }
                }
                None if value.is_string() || is_integer(value) => {}
                None => found.push(wrong_type("an id (an integer or a UUID string)", value)),
            },
        }
        found
    }

    fn check_text(&self, text: &str, found: &mut Vec<String>) {
        // UTF-16 code units, as JavaScript's `length` and JSON Schema count them.
        let length = text.encode_utf16().count() as u64;
        if let Some(min) = self.constraints.min_length
            && length < min
        {
            found.push(format!(
                "must be at least {min} characters long, not {length}"
            ));
        }
        if let Some(max) = self.constraints.max_length
            && length > max
        {
            found.push(format!(
                "must be at most {max} characters long, not {length}"
            ));
        }
        if let (Some(pattern), Some(source)) = (&self.pattern, &self.constraints.pattern)
            && pattern.find(text).is_none()
        {
            // JSON Schema's `pattern` searches: an unanchored match anywhere is enough.
            found.push(format!("must match `{source}`"));
        }
    }

    fn check_range(&self, value: &Value, found: &mut Vec<String>) {
        let Some(number) = value.as_f64() else { return };
        if let Some(min) = self.constraints.minimum
            && number < min
        {
            found.push(format!(
                "must be at least {}, not {}",
                show_number(min),
                value
            ));
        }
        if let Some(max) = self.constraints.maximum
            && number > max
        {
            found.push(format!(
                "must be at most {}, not {}",
                show_number(max),
                value
            ));
        }
    }
}

/// The id column's value check, for seed rows that set `id`.
pub fn id_violation(id: IdStrategy, value: &Value) -> Option<String> {
    let mut found = Vec::new();
    match id {
        IdStrategy::Integer => {
            if expect_integer(value, &mut found) && value.as_f64().is_some_and(|n| n < 1.0) {
                found.push("must be at least 1".into());
            }
        }
        IdStrategy::Uuid => {
            if let Some(text) = expect_string(value, &mut found)
                && !is_uuid(text)
            {
                found.push(format!("must be a UUID, not `{text}`"));
            }
        }
    }
    found.into_iter().next()
}

/// The timestamp columns' check, for seed rows that set them.
pub fn datetime_violation(value: &Value) -> Option<String> {
    ValueRules::new(&FieldType::Datetime, &Constraints::default(), None)
        .violations(value)
        .into_iter()
        .next()
}

fn expect_string<'v>(value: &'v Value, found: &mut Vec<String>) -> Option<&'v str> {
    let text = value.as_str();
    if text.is_none() {
        found.push(wrong_type("a string", value));
    }
    text
}

fn expect_integer(value: &Value, found: &mut Vec<String>) -> bool {
    let ok = is_integer(value);
    if !ok {
        found.push(wrong_type("an integer", value));
    }
    ok
}

/// A whole number a 64-bit column holds (`3.0` counts: JSON does not tell them apart).
fn is_integer(value: &Value) -> bool {
    value.as_i64().is_some()
        || value
            .as_f64()
            .is_some_and(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0)
}

fn scalar_problem(items: ScalarType, value: &Value) -> Option<String> {
    let ok = match items {
        ScalarType::String => value.is_string(),
        ScalarType::Integer => is_integer(value),
        ScalarType::Number => value.is_number(),
        ScalarType::Boolean => value.is_boolean(),
    };
    let expected = match items {
        ScalarType::String => "a string",
        ScalarType::Integer => "an integer",
        ScalarType::Number => "a number",
        ScalarType::Boolean => "a boolean",
    };
    (!ok).then(|| wrong_type(expected, value))
}

fn wrong_type(expected: &str, value: &Value) -> String {
    format!("must be {expected}, not {}", describe(value))
}

/// A JSON value's type, for messages.
pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) if is_integer(value) => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => format!("`{text}`"),
        other => describe(other).to_string(),
    }
}

/// `0` not `0.0`: bounds are written as the blueprint author would.
fn show_number(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        number.to_string()
    }
}

/// `YYYY-MM-DD`, a real calendar day.
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    // ASCII only, so the byte slicing below never splits a character.
    if !text.is_ascii() || bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (
        digits(&text[0..4]),
        digits(&text[5..7]),
        digits(&text[8..10]),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `YYYY-MM-DDTHH:MM[:SS[.fff…]]` followed by `Z` or an offset `±HH:MM` (RFC 3339, which
/// JavaScript's `Date` reads the same everywhere; without a zone it would read local time).
pub fn is_datetime(text: &str) -> bool {
    // ASCII only, so the byte slicing below never splits a character.
    if !text.is_ascii() {
        return false;
    }
    let Some((date, time)) = text.split_once('T') else {
        return false;
    };
    if !is_date(date) {
        return false;
    }
    let (clock, zone_ok) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, true)
    } else if time.len() > 6 {
        let (clock, zone) = time.split_at(time.len() - 6);
        let zone_ok = zone.starts_with(['+', '-'])
            && zone.as_bytes()[3] == b':'
            && digits(&zone[1..3]).is_some_and(|h| h <= 23)
            && digits(&zone[4..6]).is_some_and(|m| m <= 59);
        (clock, zone_ok)
    } else {
        return false;
    };
    if !zone_ok {
        return false;
    }
    let (whole, fraction) = match clock.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (clock, None),
    };
    let fraction_ok = fraction.is_none_or(|fraction| {
        !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit())
    });
    let parts: Vec<&str> = whole.split(':').collect();
    let limits = [23, 59, 59];
    let clock_ok = (parts.len() == 2 || parts.len() == 3)
        && parts
            .iter()
            .zip(limits)
            .all(|(part, limit)| part.len() == 2 && digits(part).is_some_and(|n| n <= limit));
    clock_ok && fraction_ok && (fraction.is_none() || parts.len() == 3)
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal.
pub fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, length)| {
            group.len() == length && group.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn check(kind: FieldType, constraints: Constraints, value: Value) -> Vec<String> {
        ValueRules::new(&kind, &constraints, Some(IdStrategy::Integer)).violations(&value)
    }

    #[test]
    fn strings_count_utf16_units_and_search_their_pattern() {
        let constraints = Constraints {
            max_length: Some(2),
            pattern: Some("[0-9]".into()),
            ..Constraints::default()
        };
        let short = Constraints {
            max_length: Some(2),
            ..Constraints::default()
        };
        assert!(check(FieldType::String, short.clone(), json!("😀")).is_empty());
        assert_eq!(
            check(FieldType::String, short, json!("😀😀")),
            ["must be at most 2 characters long, not 4"]
        );
        assert_eq!(
            check(FieldType::String, constraints, json!("abc")),
            [
                "must be at most 2 characters long, not 3",
                "must match `[0-9]`"
            ]
        );
        assert_eq!(
            check(FieldType::Text, Constraints::default(), json!(5)),
            ["must be a string, not an integer"]
        );
    }

    #[test]
    fn numbers_check_type_and_range() {
        let min = Constraints {
            minimum: Some(0.0),
            maximum: Some(1.5),
            ..Constraints::default()
        };
        assert_eq!(
            check(FieldType::Number, min.clone(), json!(-1)),
            ["must be at least 0, not -1"]
        );
        assert_eq!(
            check(FieldType::Number, min.clone(), json!(2)),
            ["must be at most 1.5, not 2"]
        );
        assert!(check(FieldType::Integer, min.clone(), json!(1.0)).is_empty());
        assert_eq!(
            check(FieldType::Integer, min, json!(0.5)),
            ["must be an integer, not a number"]
        );
        assert_eq!(
            check(FieldType::Boolean, Constraints::default(), json!("yes")),
            ["must be a boolean, not a string"]
        );
    }

    #[test]
    fn dates_and_datetimes_are_real_instants() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2024-13-01"));
        assert!(is_datetime("2026-12-04T13:50:00.000Z"));
        assert!(is_datetime("2026-12-04T13:50+01:00"));
        assert!(!is_datetime("2026-12-04T13:50:00"));
        assert!(!is_datetime("2026-12-04 13:50:00Z"));
        assert!(!is_datetime("2026-12-04T25:00:00Z"));
        assert!(!is_datetime("2026-12-04T1é:00:00+01:00"));
        assert!(!is_date("2026-12-é"));
    }

    #[test]
    fn enums_arrays_and_refs() {
        let status = FieldType::Enum {
            values: vec!["draft".into(), "published".into()],
        };
        assert_eq!(
            check(status, Constraints::default(), json!("archivedd")),
            ["must be one of `draft`, `published`, not `archivedd`"]
        );
        let tags = FieldType::Array {
            items: ScalarType::String,
        };
        assert_eq!(
            check(tags, Constraints::default(), json!(["a", 1])),
            ["element 1 must be a string, not an integer"]
        );
        let author = FieldType::Ref {
            to: "authors".into(),
            on_delete: backworks_ir::OnDelete::Restrict,
        };
        assert!(check(author.clone(), Constraints::default(), json!(3)).is_empty());
        assert_eq!(
            check(author.clone(), Constraints::default(), json!("x")),
            ["must be an integer, not a string"]
        );
        let none = Constraints::default();
        let uuid_rules = ValueRules::new(&author, &none, Some(IdStrategy::Uuid));
        assert!(
            uuid_rules
                .violations(&json!("0b5f3c1e-6a8d-4c3e-9f2a-1d2e3f4a5b6c"))
                .is_empty()
        );
        assert!(is_uuid("0B5F3C1E-6A8D-4C3E-9F2A-1D2E3F4A5B6C"));
        assert!(!is_uuid("0b5f3c1e6a8d4c3e9f2a1d2e3f4a5b6c"));
    }
}
