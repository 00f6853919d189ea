//! Writing one audit entry, inside the session (and so the transaction) of the write it
//! describes, and deciding what the entry says about the row.
//!
//! ```text
//! create books {"title":"Dune","password_hash":"…"} ─▶ changed {"title":"Dune"}
//! update books 12 price 5 → 7, title unchanged      ─▶ changed {"price":{"from":5,"to":7}}
//! delete books 12                                   ─▶ changed {"title":"Dune","price":7}   (the row as it was)
//! sql`UPDATE books SET price = ${p}`                ─▶ action "sql", changed {"statement":"UPDATE books SET price = ?"}
//! ```
//!
//! Secrets never reach the log: a field whose name contains one of
//! [`CONCEALED_FIELD_MARKERS`] (`password`, `secret`, `token`, `hash`, …) is left out of
//! `changed` entirely, whatever the resource — failing closed, a field merely *named* like a
//! secret is hidden too. Raw SQL is recorded by its text alone; its parameters, which may hold
//! anything, never are. Entries stay small: a string value past [`MAX_TEXT_CHARS`] is cut
//! (with `…`), any other value whose JSON passes [`MAX_VALUE_BYTES`] is replaced by a note
//! of its size. `id`, `created_at` and `updated_at` are not repeated (the entry has the id,
//! and its own time).

use serde_json::{Map, Value, json};

use super::super::Row;
use super::super::columns::{CREATED_AT, UPDATED_AT};
use super::super::engine::Session;
use super::super::error::StoreError;
use super::super::sql::Sql;
use super::super::time;
use super::super::value::SqlValue;
use super::table::AUDIT_TABLE;
use super::{Entry, Origin};

/// Parts of a field name that mark it as a secret: such fields never appear in an entry.
pub const CONCEALED_FIELD_MARKERS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "hash",
    "api_key",
    "apikey",
    "private_key",
    "credential",
];

/// A string value longer than this many characters is cut.
pub(crate) const MAX_TEXT_CHARS: usize = 256;

/// Any other value whose JSON is longer than this is replaced by a note of its size.
pub(crate) const MAX_VALUE_BYTES: usize = 1024;

/// Whether a field named `field` is kept out of the audit log (see
/// [`CONCEALED_FIELD_MARKERS`]; ASCII case is ignored).
pub fn is_concealed(field: &str) -> bool {
    let field = field.to_ascii_lowercase();
    CONCEALED_FIELD_MARKERS
        .iter()
        .any(|marker| field.contains(marker))
}

/// `value`, small enough for the log.
pub(crate) fn bounded(value: Value) -> Value {
    match value {
        Value::String(text) if text.chars().count() > MAX_TEXT_CHARS => {
            let mut cut: String = text.chars().take(MAX_TEXT_CHARS).collect();
            cut.push('…');
            Value::String(cut)
        }
        Value::Array(_) | Value::Object(_) => {
            let length = value.to_string().len();
            if length > MAX_VALUE_BYTES {
                json!({ "omitted_bytes": length })
            } else {
                value
            }
        }
        other => other,
    }
}

/// Whether a member of a row is one of the row's own fields worth recording.
fn recorded(name: &str) -> bool {
    !matches!(name, "id" | CREATED_AT | UPDATED_AT) && !is_concealed(name)
}

/// The row's recorded fields and their (bounded) values: what a create wrote or a delete
/// removed.
fn fields(row: &Row) -> Value {
    Value::Object(
        row.iter()
            .filter(|(name, _)| recorded(name))
            .map(|(name, value)| (name.clone(), bounded(value.clone())))
            .collect(),
    )
}

/// What a write changed: `before` is the row as it was (`None`: created), `after` as it is
/// now (`None`: deleted). An update lists only the fields whose value changed, each as
/// `{ "from", "to" }`; `None` when it changed nothing worth recording.
pub(crate) fn row_changes(before: Option<&Row>, after: Option<&Row>) -> Option<Value> {
    match (before, after) {
        (None, Some(created)) => Some(fields(created)),
        (Some(removed), None) => Some(fields(removed)),
        (Some(before), Some(after)) => {
            let changed: Map<String, Value> = after
                .iter()
                .filter(|(name, value)| recorded(name) && before.get(*name) != Some(*value))
                .map(|(name, value)| {
                    let from = before.get(name).cloned().unwrap_or(Value::Null);
                    let change = json!({ "from": bounded(from), "to": bounded(value.clone()) });
                    (name.clone(), change)
                })
                .collect();
            Some(Value::Object(changed))
        }
        (None, None) => None,
    }
}

/// The entry of a deleted row.
pub(crate) fn deleted(resource: &str, id: &Value, row: &Row) -> Entry {
    Entry {
        action: "delete",
        resource: Some(resource.to_owned()),
        record: Some(id_text(id)),
        changed: row_changes(Some(row), None),
    }
}

/// The entry of raw SQL, unless it only reads (starts with `SELECT`). The text is what the
/// handler wrote (values are `?`); the parameters are never recorded.
pub(crate) fn sql_statement(text: &str) -> Option<Entry> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '(');
    let keyword: String = start
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    if keyword.eq_ignore_ascii_case("select") {
        return None;
    }
    Some(Entry {
        action: "sql",
        resource: None,
        record: None,
        changed: Some(json!({ "statement": bounded(Value::String(text.to_owned())) })),
    })
}

/// An id as the entry's `record` text.
pub(crate) fn id_text(id: &Value) -> String {
    match id {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn text(value: Option<&str>) -> SqlValue {
    value.map_or(SqlValue::Null, |text| SqlValue::Text(text.to_owned()))
}

/// Appends `entry`, made by `origin`, through `session`: inside the transaction of the write
/// it describes, so both commit or neither does.
pub(crate) async fn append(
    session: &mut Session,
    origin: &Origin,
    entry: Entry,
) -> Result<(), StoreError> {
    let columns = [
        "at",
        "actor_kind",
        "actor",
        "action",
        "resource",
        "record",
        "changed",
        "request_id",
        "ip",
    ];
    let values = [
        SqlValue::Instant(time::now_ms()),
        SqlValue::Text(origin.actor.kind.as_str().to_owned()),
        text(origin.actor.id.as_deref()),
        SqlValue::Text(entry.action.to_owned()),
        text(entry.resource.as_deref()),
        text(entry.record.as_deref()),
        entry.changed.map_or(SqlValue::Null, |changed| {
            SqlValue::Json(changed.to_string())
        }),
        text(origin.request_id.as_deref()),
        text(origin.ip.as_deref()),
    ];
    let mut sql = Sql::new(session.dialect());
    sql.push("INSERT INTO ").ident(AUDIT_TABLE).push(" (");
    for (index, column) in columns.iter().enumerate() {
        if index > 0 {
            sql.push(", ");
        }
        sql.ident(column);
    }
    sql.push(") VALUES (");
    for (index, value) in values.into_iter().enumerate() {
        if index > 0 {
            sql.push(", ");
        }
        sql.param(value);
    }
    sql.push(")");
    session.query(sql.finish()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: Value) -> Row {
        match value {
            Value::Object(row) => row,
            _ => unreachable!("a test row is an object"),
        }
    }

    #[test]
    fn secrets_never_appear() {
        let created = row(
            json!({"id": 1, "email": "a@b.c", "password_hash": "$argon2id$…",
                                 "API_TOKEN": "t", "created_at": "2026-01-01T00:00:00.000Z"}),
        );
        assert_eq!(
            row_changes(None, Some(&created)),
            Some(json!({"email": "a@b.c"}))
        );
        let before = row(json!({"id": 1, "email": "a@b.c", "password_hash": "old"}));
        let after = row(json!({"id": 1, "email": "a@b.c", "password_hash": "new"}));
        assert_eq!(row_changes(Some(&before), Some(&after)), Some(json!({})));
    }

    #[test]
    fn updates_list_only_what_changed() {
        let before = row(json!({"id": 7, "title": "Dune", "price": 5, "updated_at": "x"}));
        let after = row(json!({"id": 7, "title": "Dune", "price": 7, "updated_at": "y"}));
        assert_eq!(
            row_changes(Some(&before), Some(&after)),
            Some(json!({"price": {"from": 5, "to": 7}}))
        );
    }

    #[test]
    fn values_are_bounded() {
        let long = "é".repeat(MAX_TEXT_CHARS + 10);
        let Value::String(cut) = bounded(Value::String(long)) else {
            unreachable!("a string stays a string")
        };
        assert_eq!(cut.chars().count(), MAX_TEXT_CHARS + 1);
        assert!(cut.ends_with('…'));
        let big = Value::Array((0..1000).map(Value::from).collect());
        let length = big.to_string().len();
        assert_eq!(bounded(big), json!({ "omitted_bytes": length }));
        assert_eq!(bounded(json!([1, 2])), json!([1, 2]));
    }

    #[test]
    fn reads_through_sql_are_not_entries() {
        assert_eq!(sql_statement("  select * from books"), None);
        assert_eq!(sql_statement("(SELECT 1)"), None);
        let entry = sql_statement("UPDATE books SET price = ?").expect("a write is recorded");
        assert_eq!(entry.action, "sql");
        assert_eq!(
            entry.changed,
            Some(json!({"statement": "UPDATE books SET price = ?"}))
        );
    }
}
