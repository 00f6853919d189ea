//! Values crossing between JSON and SQL, typed by column as `ARCHITECTURE.md`'s column-type
//! table says. Both engines bind [`SqlValue`]s as parameters and hand rows back as
//! [`SqlValue`]s; this file is the one place that knows, for instance, that a boolean is
//! `INTEGER` 0/1 in SQLite but `BOOLEAN` in PostgreSQL, or that an instant is canonical text.
//!
//! ```text
//! (Field(Boolean), true)            ─▶ to_sql   ─▶ SqlValue::Bool(true)  (SQLite binds 1)
//! (Field(Boolean), SqlValue::Int(1)) ─▶ from_sql ─▶ true
//! (Timestamp, "2026-12-04T13:50:00.000Z") ─▶ SqlValue::Instant(1796305800000)
//! ```

use serde_json::{Number, Value};

use super::columns::ColumnKind;
use super::spec::{FieldKind, IdKind};
use super::time;

/// A value as an engine binds or returns it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SqlValue {
    /// SQL `NULL`.
    Null,
    /// A 64-bit integer.
    Int(i64),
    /// A double.
    Float(f64),
    /// Text.
    Text(String),
    /// A boolean (SQLite: 0/1).
    Bool(bool),
    /// JSON text (SQLite: `TEXT`, PostgreSQL: `JSONB`).
    Json(String),
    /// Milliseconds since the epoch (SQLite: canonical text, PostgreSQL: `TIMESTAMPTZ`).
    Instant(i64),
    /// Days since the epoch (SQLite: `YYYY-MM-DD`, PostgreSQL: `DATE`).
    Date(i64),
    /// A lower-case UUID (SQLite: `TEXT`, PostgreSQL: `UUID`).
    Uuid(String),
}

/// The parameter for `value` in a column of `kind`; `Err` says why it does not fit.
pub(crate) fn to_sql(kind: ColumnKind, value: &Value) -> Result<SqlValue, String> {
    if value.is_null() {
        return Ok(SqlValue::Null);
    }
    match kind {
        ColumnKind::Id(IdKind::Integer)
        | ColumnKind::Field(
            FieldKind::Integer
            | FieldKind::Ref {
                id: IdKind::Integer,
                ..
            },
        ) => integer(value).map(SqlValue::Int),
        ColumnKind::Id(IdKind::Uuid)
        | ColumnKind::Field(FieldKind::Ref {
            id: IdKind::Uuid, ..
        }) => uuid(value).map(SqlValue::Uuid),
        ColumnKind::Field(FieldKind::Number) => value
            .as_f64()
            .map(SqlValue::Float)
            .ok_or_else(|| expected("number", value)),
        ColumnKind::Field(FieldKind::Boolean) => value
            .as_bool()
            .map(SqlValue::Bool)
            .ok_or_else(|| expected("boolean", value)),
        ColumnKind::Field(FieldKind::Datetime) | ColumnKind::Timestamp => value
            .as_str()
            .and_then(time::parse_instant)
            .map(SqlValue::Instant)
            .ok_or_else(|| "expected a date-time such as 2026-12-04T13:50:00Z".to_owned()),
        ColumnKind::Field(FieldKind::Date) => value
            .as_str()
            .and_then(time::parse_date)
            .map(SqlValue::Date)
            .ok_or_else(|| "expected a date such as 2026-12-04".to_owned()),
        ColumnKind::Field(FieldKind::String | FieldKind::Text | FieldKind::Enum(_)) => value
            .as_str()
            .map(|text| SqlValue::Text(text.to_owned()))
            .ok_or_else(|| expected("string", value)),
        ColumnKind::Field(FieldKind::Json | FieldKind::Array(_)) => {
            Ok(SqlValue::Json(value.to_string()))
        }
    }
}

/// The JSON value of what an engine returned for a column of `kind`.
pub(crate) fn from_sql(kind: ColumnKind, raw: SqlValue) -> Value {
    match (kind, raw) {
        (ColumnKind::Field(FieldKind::Boolean), SqlValue::Int(number)) => Value::Bool(number != 0),
        (ColumnKind::Field(FieldKind::Json | FieldKind::Array(_)), SqlValue::Text(text)) => {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        }
        (_, raw) => plain(raw),
    }
}

/// The JSON value of an untyped result (the raw `sql` escape hatch).
pub(crate) fn plain(raw: SqlValue) -> Value {
    match raw {
        SqlValue::Null => Value::Null,
        SqlValue::Int(number) => Value::from(number),
        SqlValue::Float(number) => float(number),
        SqlValue::Text(text) | SqlValue::Uuid(text) => Value::String(text),
        SqlValue::Bool(flag) => Value::Bool(flag),
        SqlValue::Json(text) => serde_json::from_str(&text).unwrap_or(Value::String(text)),
        SqlValue::Instant(ms) => Value::String(time::format_instant(ms)),
        SqlValue::Date(days) => Value::String(time::format_date(days)),
    }
}

/// A raw parameter of the `sql` escape hatch, typed by its JSON shape alone.
pub(crate) fn untyped(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(flag) => SqlValue::Bool(*flag),
        Value::Number(number) => number.as_i64().map_or_else(
            || SqlValue::Float(number.as_f64().unwrap_or(0.0)),
            SqlValue::Int,
        ),
        Value::String(text) => SqlValue::Text(text.clone()),
        Value::Array(_) | Value::Object(_) => SqlValue::Json(value.to_string()),
    }
}

/// A double as JavaScript would print it: whole numbers without `.0`.
pub(crate) fn float(number: f64) -> Value {
    const SAFE: f64 = 9_007_199_254_740_992.0;
    if number.fract() == 0.0 && number.abs() < SAFE {
        if number == 0.0 {
            // -0 prints as 0 in JSON.stringify too.
            return Value::from(0);
        }
        return Value::from(number as i64);
    }
    Number::from_f64(number).map_or(Value::Null, Value::Number)
}

/// A whole number within the safe range, from a JSON number (`3` or `3.0`).
pub(crate) fn integer(value: &Value) -> Result<i64, String> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if let Some(number) = value.as_i64() {
        return Ok(number);
    }
    match value.as_f64() {
        Some(number) if number.fract() == 0.0 && number.abs() <= SAFE => Ok(number as i64),
        Some(_) => Err(format!("expected integer, got {value}")),
        None => Err(expected("integer", value)),
    }
}

/// A UUID, lower-cased so text comparisons in SQLite agree with PostgreSQL's `UUID` type.
pub(crate) fn uuid(value: &Value) -> Result<String, String> {
    let text = value.as_str().ok_or_else(|| expected("uuid", value))?;
    uuid::Uuid::parse_str(text)
        .ok()
        .filter(|_| text.len() == 36)
        .map(|parsed| parsed.hyphenated().to_string())
        .ok_or_else(|| format!("expected a UUID, got {value}"))
}

/// "expected integer, got string" in the wording of the OpenAPI checks.
pub(crate) fn expected(what: &str, value: &Value) -> String {
    let got = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    format!("expected {what}, got {got}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn booleans_and_json_come_back_as_written() {
        let flag = ColumnKind::Field(FieldKind::Boolean);
        assert_eq!(to_sql(flag, &json!(true)), Ok(SqlValue::Bool(true)));
        assert_eq!(from_sql(flag, SqlValue::Int(1)), json!(true));
        let doc = ColumnKind::Field(FieldKind::Json);
        assert_eq!(
            from_sql(doc, SqlValue::Text("{\"a\":[1]}".into())),
            json!({"a":[1]})
        );
        assert_eq!(float(3.0), json!(3));
        assert_eq!(float(2.5), json!(2.5));
    }

    #[test]
    fn ids_and_instants_are_checked() {
        assert!(to_sql(ColumnKind::Id(IdKind::Integer), &json!(1.5)).is_err());
        assert!(to_sql(ColumnKind::Id(IdKind::Uuid), &json!("nope")).is_err());
        assert_eq!(
            to_sql(ColumnKind::Timestamp, &json!("1970-01-01T00:00:01Z")),
            Ok(SqlValue::Instant(1000))
        );
    }
}
