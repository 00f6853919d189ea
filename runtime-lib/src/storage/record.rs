//! Checking a write against the resource's fields, once for every way in (CRUD routes, `ctx.db`,
//! seeds), and normalizing what is stored: every violation is collected, values are put in
//! their canonical form (instants in UTC with milliseconds, UUIDs lower-case) and defaults are
//! applied on create and replace.
//!
//! ```text
//! books: title string required maxLength 5, price number minimum 0
//! {"title": "Too long", "price": -1, "colour": "red"}
//!   ─▶ [/title: must be at most 5 characters long, /price: must be at least 0,
//!       /colour: unknown field]
//! ```
//!
//! Lengths count characters (code points), as JSON Schema's `maxLength` in the published
//! document and the request validator count them, so a text the document admits is one the
//! store keeps (JavaScript's `length` would count an emoji twice). `id` is never writable
//! (seeds excepted, so their rows can refer to each other); `created_at`/`updated_at` are the
//! server's and ignored when sent, so a row read with GET can be sent back with PUT.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

use super::Row;
use super::columns::{CREATED_AT, UPDATED_AT};
use super::error::{StoreError, Violation};
use super::spec::{DefaultSpec, FieldKind, FieldSpec, IdKind, ResourceSpec, ScalarKind};
use super::time;
use super::value;

/// Which write is being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Write {
    /// A new row: defaults applied, required fields needed.
    Create,
    /// A whole new version of a row: like create, and `id` may repeat the row's own.
    Replace,
    /// Some fields of a row.
    Patch,
    /// A seed row: like create, and `id` may be given.
    Seed,
}

/// The stored form of `input`, or every violation (pointers relative to the row, e.g. `/title`).
/// `now` (ms since the epoch) is the write's one instant: `now` defaults and the timestamps
/// the caller sets agree to the millisecond.
pub(crate) fn check(
    resource: &'static ResourceSpec,
    input: Row,
    write: Write,
    current_id: Option<&Value>,
    now: i64,
) -> Result<Row, StoreError> {
    let mut violations = Vec::new();
    let mut output = Row::new();
    for name in input.keys() {
        let known = resource.fields.iter().any(|field| field.name == name)
            || name == "id"
            || (resource.timestamps && (name == CREATED_AT || name == UPDATED_AT));
        if !known {
            violations.push(Violation::new(pointer(name), "unknown field"));
        }
    }
    if let Some(id) = input.get("id") {
        check_id(
            resource,
            id,
            write,
            current_id,
            &mut output,
            &mut violations,
        );
    }
    for field in resource.fields {
        let given = input.get(field.name);
        let value = match (given, write) {
            (Some(value), _) => value.clone(),
            (None, Write::Patch) => continue,
            // The caller's id is filled in by the routes (`rules.rs`); here there is none.
            (None, _) => match field
                .default
                .filter(|d| !matches!(d, DefaultSpec::CallerId))
            {
                Some(default) => default_value(field, default, now),
                None if field.required => {
                    violations.push(Violation::new(
                        pointer(field.name),
                        "required field is missing",
                    ));
                    continue;
                }
                None => Value::Null,
            },
        };
        match check_value(field, value, &pointer(field.name), &mut violations) {
            Some(stored) => {
                output.insert(field.name.to_owned(), stored);
            }
            None => continue,
        }
    }
    if violations.is_empty() {
        Ok(output)
    } else {
        Err(StoreError::invalid(violations))
    }
}

fn check_id(
    resource: &ResourceSpec,
    id: &Value,
    write: Write,
    current_id: Option<&Value>,
    output: &mut Row,
    violations: &mut Vec<Violation>,
) {
    let normalized = match resource.id {
        IdKind::Integer => value::integer(id).map(Value::from),
        IdKind::Uuid => value::uuid(id).map(Value::String),
    };
    match (write, normalized) {
        (Write::Seed, Ok(id)) => {
            output.insert("id".to_owned(), id);
        }
        (Write::Replace | Write::Patch, Ok(id)) if Some(&id) == current_id => {}
        (Write::Replace | Write::Patch, _) => {
            violations.push(Violation::new("/id", "the id of a row cannot change"));
        }
        (Write::Create, _) => {
            violations.push(Violation::new("/id", "ids are assigned by the server"));
        }
        (Write::Seed, Err(message)) => violations.push(Violation::new("/id", message)),
    }
}

fn default_value(field: &FieldSpec, default: DefaultSpec, now: i64) -> Value {
    match default {
        DefaultSpec::Json(text) => serde_json::from_str(text).unwrap_or(Value::Null),
        DefaultSpec::Now if field.kind == FieldKind::Date => {
            Value::String(time::format_instant(now)[..10].to_owned())
        }
        DefaultSpec::Now => Value::String(time::format_instant(now)),
        DefaultSpec::Uuid => Value::String(uuid::Uuid::new_v4().to_string()),
        DefaultSpec::CallerId => Value::Null,
    }
}

/// The stored form of one field's value, or `None` after recording why it is refused.
fn check_value(
    field: &FieldSpec,
    value: Value,
    at: &str,
    out: &mut Vec<Violation>,
) -> Option<Value> {
    if value.is_null() {
        if field.required {
            out.push(Violation::new(at, "must not be null"));
            return None;
        }
        return Some(Value::Null);
    }
    let before = out.len();
    let stored = match field.kind {
        FieldKind::String | FieldKind::Text => {
            check_string(field, &value, at, out);
            value
        }
        FieldKind::Enum(values) => {
            match value.as_str() {
                Some(text) if values.contains(&text) => {}
                _ => out.push(Violation::new(
                    at,
                    format!("must be one of: {}", values.join(", ")),
                )),
            }
            value
        }
        FieldKind::Integer => {
            if let Err(message) = value::integer(&value) {
                out.push(Violation::new(at, message));
            } else {
                check_range(field, &value, at, out);
            }
            value::integer(&value).map(Value::from).unwrap_or(value)
        }
        FieldKind::Number => {
            if value.is_number() {
                check_range(field, &value, at, out);
            } else {
                out.push(Violation::new(at, value::expected("number", &value)));
            }
            value
        }
        FieldKind::Boolean => {
            if !value.is_boolean() {
                out.push(Violation::new(at, value::expected("boolean", &value)));
            }
            value
        }
        FieldKind::Datetime => match value.as_str().and_then(time::parse_instant) {
            Some(ms) => Value::String(time::format_instant(ms)),
            None => {
                out.push(Violation::new(
                    at,
                    "expected a date-time such as 2026-12-04T13:50:00Z",
                ));
                value
            }
        },
        FieldKind::Date => {
            if value.as_str().and_then(time::parse_date).is_none() {
                out.push(Violation::new(at, "expected a date such as 2026-12-04"));
            }
            value
        }
        FieldKind::Json => {
            refuse_nul(&value, at, out);
            value
        }
        FieldKind::Array(element) => {
            match &value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        if let Some(message) = scalar_mismatch(element, item) {
                            out.push(Violation::new(format!("{at}/{index}"), message));
                        }
                    }
                    refuse_nul(&value, at, out);
                }
                other => out.push(Violation::new(at, value::expected("array", other))),
            }
            value
        }
        FieldKind::Ref { id, .. } => {
            let checked = match id {
                IdKind::Integer => value::integer(&value).map(Value::from),
                IdKind::Uuid => value::uuid(&value).map(Value::String),
            };
            match checked {
                Ok(id) => id,
                Err(message) => {
                    out.push(Violation::new(at, message));
                    value
                }
            }
        }
    };
    (out.len() == before).then_some(stored)
}

fn scalar_mismatch(element: ScalarKind, item: &Value) -> Option<String> {
    let (fits, name) = match element {
        ScalarKind::String => (item.is_string(), "string"),
        ScalarKind::Integer => (value::integer(item).is_ok(), "integer"),
        ScalarKind::Number => (item.is_number(), "number"),
        ScalarKind::Boolean => (item.is_boolean(), "boolean"),
    };
    (!fits).then(|| value::expected(name, item))
}

fn check_string(field: &FieldSpec, value: &Value, at: &str, out: &mut Vec<Violation>) {
    let Some(text) = value.as_str() else {
        out.push(Violation::new(at, value::expected("string", value)));
        return;
    };
    if text.contains('\0') {
        // PostgreSQL's text cannot hold it; refused on both engines so they agree.
        out.push(Violation::new(at, NUL_MESSAGE));
    }
    let length = text.chars().count() as u64;
    if let Some(min) = field.min_length
        && length < min
    {
        out.push(Violation::new(
            at,
            format!("must be at least {min} characters long"),
        ));
    }
    if let Some(max) = field.max_length
        && length > max
    {
        out.push(Violation::new(
            at,
            format!("must be at most {max} characters long"),
        ));
    }
    if let Some(pattern) = field.pattern
        && !matches_pattern(pattern, text)
    {
        out.push(Violation::new(
            at,
            format!("must match the pattern {pattern}"),
        ));
    }
    if let Some(format) = field.format
        && !satisfies_format(format, text)
    {
        out.push(Violation::new(at, format!("must be a valid {format}")));
    }
}

fn check_range(field: &FieldSpec, value: &Value, at: &str, out: &mut Vec<Violation>) {
    let Some(number) = value.as_f64() else {
        return;
    };
    if let Some(min) = field.minimum
        && number < min
    {
        out.push(Violation::new(
            at,
            format!("must be at least {}", value::float(min)),
        ));
    }
    if let Some(max) = field.maximum
        && number > max
    {
        out.push(Violation::new(
            at,
            format!("must be at most {}", value::float(max)),
        ));
    }
}

/// ECMAScript `pattern` search (unanchored, as JSON Schema says), each pattern compiled once.
/// A pattern that does not compile matches nothing, so bad data is refused rather than let in.
fn matches_pattern(pattern: &'static str, text: &str) -> bool {
    type Compiled = Mutex<HashMap<&'static str, Option<Arc<regress::Regex>>>>;
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    let regex = {
        let mut cache = COMPILED
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cache
            .entry(pattern)
            .or_insert_with(|| regress::Regex::new(pattern).ok().map(Arc::new))
            .clone()
    };
    regex.is_some_and(|regex| regex.find(text).is_some())
}

/// The basic shape of the formats blueprints use; unknown formats are annotations only.
fn satisfies_format(format: &str, text: &str) -> bool {
    match format {
        "email" => match text.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !text.chars().any(char::is_whitespace)
            }
            None => false,
        },
        "uri" => match text.split_once(':') {
            Some((scheme, rest)) => {
                scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                    && !rest.is_empty()
                    && !text.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        },
        "uuid" => value::uuid(&Value::String(text.to_owned())).is_ok(),
        "date-time" => time::parse_instant(text).is_some(),
        "date" => time::parse_date(text).is_some(),
        _ => true,
    }
}

/// Why a string with U+0000 is refused.
pub(crate) const NUL_MESSAGE: &str = "must not contain the NUL character (U+0000)";

/// Records every string (or member name) inside a JSON value that holds U+0000, by pointer:
/// PostgreSQL's `jsonb` cannot hold it, and both engines refuse what one cannot store.
fn refuse_nul(value: &Value, at: &str, out: &mut Vec<Violation>) {
    match value {
        Value::String(text) if text.contains('\0') => out.push(Violation::new(at, NUL_MESSAGE)),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                refuse_nul(item, &format!("{at}/{index}"), out);
            }
        }
        Value::Object(members) => {
            for (name, member) in members {
                let inner = format!("{at}{}", pointer(name));
                if name.contains('\0') {
                    out.push(Violation::new(&inner, NUL_MESSAGE));
                }
                refuse_nul(member, &inner, out);
            }
        }
        _ => {}
    }
}

/// A JSON pointer to a top-level member.
fn pointer(name: &str) -> String {
    format!("/{}", name.replace('~', "~0").replace('/', "~1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert!(satisfies_format("email", "ada@example.org"));
        assert!(!satisfies_format("email", "ada@example"));
        assert!(!satisfies_format("email", "a da@example.org"));
        assert!(satisfies_format("uri", "https://example.org/x"));
        assert!(!satisfies_format("uri", "not a uri"));
        assert!(satisfies_format(
            "uuid",
            "123e4567-e89b-12d3-a456-426614174000"
        ));
        assert!(!satisfies_format("date", "2026-02-30"));
    }

    #[test]
    fn patterns_are_ecmascript_searches() {
        assert!(matches_pattern("^[a-z]+-\\d+$", "abc-12"));
        assert!(!matches_pattern("^[a-z]+-\\d+$", "abc-x"));
        assert!(!matches_pattern("(", "anything"));
    }
}
