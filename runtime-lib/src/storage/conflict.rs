//! Unique and foreign-key violations in our own words. The engines say what broke in their
//! own terms (`UNIQUE constraint failed: books.isbn`, `duplicate key value violates unique
//! constraint "books_isbn_key"`), which name tables, SQL and values, so those texts are
//! logged and never answered: each engine reduces its error to a [`Constraint`] (which table
//! and columns, when it says), and the operation that knows the resource and the write turns
//! that into a message and violation pointers ([`explain`]).
//!
//! ```text
//! SQLite "UNIQUE constraint failed: books.isbn"          ─▶ Constraint { books, [isbn] }
//! PostgreSQL constraint "books_author_fkey"               ─▶ Constraint { books, [author] }
//!   ─▶ 409 {"error":"unique_violation","message":"books: a row with this isbn already exists",
//!           "violations":[{"pointer":"/body/isbn","message":"must be unique"}]}
//! ```
//!
//! SQLite does not say which reference failed, so a refused write points at every reference it
//! sets. Names come from the DDL the emitter writes (`<table>_<column>_key`,
//! `<table>_<column>_fkey`, `<table>_pkey`; `ARCHITECTURE.md`, "Data").

use super::Row;
use super::error::{ErrorCode, StoreError, Violation};
use super::spec::{FieldKind, ResourceSpec};

/// What the engine said broke, reduced to names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Constraint {
    /// The table holding the constraint (for a foreign key: the referring table).
    pub(crate) table: Option<String>,
    /// Its columns, when the engine names them.
    pub(crate) columns: Vec<String>,
}

/// A unique or foreign-key violation before [`explain`] words it; `engine_text` goes to the
/// log only.
pub(crate) fn engine_error(
    code: ErrorCode,
    constraint: Constraint,
    engine_text: &str,
) -> StoreError {
    tracing::info!(target: "backworks::storage", "{engine_text}");
    let message = match code {
        ErrorCode::UniqueViolation => "a unique field already holds this value",
        _ => "a reference does not hold",
    };
    let mut error = StoreError::new(code, message);
    error.constraint = Some(constraint);
    error
}

/// SQLite's `UNIQUE constraint failed: books.a, books.b` ─▶ `books`, `[a, b]`.
pub(crate) fn sqlite_unique(text: &str) -> Constraint {
    let mut constraint = Constraint::default();
    let Some((_, list)) = text.split_once("failed: ") else {
        return constraint;
    };
    for qualified in list.split(", ") {
        if let Some((table, column)) = qualified.trim().split_once('.') {
            constraint.table = Some(table.to_owned());
            constraint.columns.push(column.to_owned());
        }
    }
    constraint
}

/// PostgreSQL's constraint name (`books_isbn_key`, `books_author_fkey`, `books_pkey`) on
/// `table` ─▶ its column. A name the emitter shortened with a hash says nothing: no column.
pub(crate) fn postgres(table: Option<&str>, name: Option<&str>) -> Constraint {
    let column = table.zip(name).and_then(|(table, name)| {
        let rest = name.strip_prefix(table)?.strip_prefix('_')?;
        if rest == "pkey" {
            return Some("id");
        }
        rest.strip_suffix("_fkey")
            .or_else(|| rest.strip_suffix("_key"))
            .filter(|column| !column.is_empty())
    });
    Constraint {
        table: table.map(str::to_owned),
        columns: column.map(str::to_owned).into_iter().collect(),
    }
}

/// Words a conflict of a write to `resource` (`written` is the row it tried to store; `None`
/// for a delete) for the client; any other error passes unchanged.
pub(crate) fn explain(
    error: StoreError,
    resource: &ResourceSpec,
    written: Option<&Row>,
) -> StoreError {
    let Some(constraint) = &error.constraint else {
        return error;
    };
    let name = resource.name;
    match (error.code, written) {
        (ErrorCode::UniqueViolation, _) => {
            let columns = &constraint.columns;
            let message = if columns.is_empty() {
                format!("{name}: a row with one of these unique values already exists")
            } else {
                format!(
                    "{name}: a row with this {} already exists",
                    columns.join(" and ")
                )
            };
            let violations = columns
                .iter()
                .map(|column| Violation::new(format!("/{column}"), "must be unique"))
                .collect();
            conflict(ErrorCode::UniqueViolation, message, violations)
        }
        (ErrorCode::ForeignKeyViolation, Some(row)) => {
            // The engine's column when it names one, else every reference this write sets.
            let fields: Vec<&str> = if constraint.columns.is_empty() {
                resource
                    .fields
                    .iter()
                    .filter(|field| matches!(field.kind, FieldKind::Ref { .. }))
                    .filter(|field| row.get(field.name).is_some_and(|value| !value.is_null()))
                    .map(|field| field.name)
                    .collect()
            } else {
                constraint.columns.iter().map(String::as_str).collect()
            };
            let violations = fields
                .iter()
                .map(|field| {
                    Violation::new(format!("/{field}"), "refers to a row that does not exist")
                })
                .collect();
            let message = match fields.as_slice() {
                [field] => format!("{name}: {field} refers to a row that does not exist"),
                _ => format!("{name}: a reference refers to a row that does not exist"),
            };
            conflict(ErrorCode::ForeignKeyViolation, message, violations)
        }
        (ErrorCode::ForeignKeyViolation, None) => {
            let message = match constraint.table.as_deref() {
                Some(table) if table != name => {
                    format!("{name}: rows of {table} still refer to this row")
                }
                _ => format!("{name}: other rows still refer to this row"),
            };
            conflict(ErrorCode::ForeignKeyViolation, message, Vec::new())
        }
        _ => error,
    }
}

fn conflict(code: ErrorCode, message: String, violations: Vec<Violation>) -> StoreError {
    let mut error = StoreError::new(code, message);
    error.violations = violations;
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::spec::{IdKind, OnDeleteKind, OperationPointers};
    use serde_json::json;

    const fn reference(name: &'static str, to: &'static str) -> crate::storage::FieldSpec {
        crate::storage::FieldSpec {
            name,
            kind: FieldKind::Ref {
                to,
                id: IdKind::Integer,
                on_delete: OnDeleteKind::Restrict,
            },
            required: false,
            unique: false,
            default: None,
            min_length: None,
            max_length: None,
            minimum: None,
            maximum: None,
            pattern: None,
            format: None,
        }
    }

    static LOANS: ResourceSpec = ResourceSpec {
        name: "loans",
        id: IdKind::Integer,
        fields: &[reference("book", "books"), reference("reader", "readers")],
        timestamps: false,
        search: &[],
        operations: &[],
        openapi: OperationPointers {
            list: None,
            get: None,
            create: None,
            patch: None,
            put: None,
            delete: None,
        },
        seed: None,
        rules: crate::storage::RulesSpec::NONE,
    };

    fn words(error: &StoreError) -> (ErrorCode, &str, Vec<&str>) {
        let pointers = error
            .violations
            .iter()
            .map(|v| v.pointer.as_str())
            .collect();
        (error.code, error.message.as_str(), pointers)
    }

    #[test]
    fn conflicts_are_worded_from_the_resource_and_the_write() {
        let code = ErrorCode::ForeignKeyViolation;
        // SQLite names no column: every reference the write sets is pointed at.
        let unknown = engine_error(code, Constraint::default(), "FOREIGN KEY constraint failed");
        let row: Row = serde_json::from_value(json!({ "book": 9, "reader": 4 })).unwrap();
        let explained = explain(unknown.clone(), &LOANS, Some(&row));
        assert_eq!(
            words(&explained),
            (
                code,
                "loans: a reference refers to a row that does not exist",
                vec!["/book", "/reader"]
            )
        );
        let only_book: Row = serde_json::from_value(json!({ "book": 9, "reader": null })).unwrap();
        assert_eq!(
            words(&explain(unknown.clone(), &LOANS, Some(&only_book))),
            (
                code,
                "loans: book refers to a row that does not exist",
                vec!["/book"]
            )
        );
        // A delete still referred to: PostgreSQL names the referring table, SQLite does not.
        assert_eq!(
            explain(unknown, &LOANS, None).message,
            "loans: other rows still refer to this row"
        );
        let named = engine_error(code, postgres(Some("fines"), Some("fines_loan_fkey")), "…");
        assert_eq!(
            explain(named, &LOANS, None).message,
            "loans: rows of fines still refer to this row"
        );
    }

    #[test]
    fn engine_names_become_columns() {
        assert_eq!(
            sqlite_unique("UNIQUE constraint failed: books.isbn"),
            Constraint {
                table: Some("books".into()),
                columns: vec!["isbn".into()]
            }
        );
        assert_eq!(
            sqlite_unique("UNIQUE constraint failed: t.a, t.b").columns,
            ["a", "b"]
        );
        let column = |name| postgres(Some("books"), Some(name)).columns;
        assert_eq!(column("books_isbn_key"), ["isbn"]);
        assert_eq!(column("books_author_fkey"), ["author"]);
        assert_eq!(column("books_pkey"), ["id"]);
        // A name shortened with a hash ends in the hash, not in `_key`.
        assert!(column("books_a_very_long_name_4f2a9c1b").is_empty());
        assert!(
            postgres(Some("books"), Some("authors_email_key"))
                .columns
                .is_empty()
        );
    }
}
