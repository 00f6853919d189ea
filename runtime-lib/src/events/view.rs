//! Whether a record is "in view" of a subscription — readable by its subscriber under the
//! resource's record rule, and matching its `id`/`filter` — decided by the database with the
//! very SQL conditions the list endpoint puts in its `WHERE`, evaluated over an event's record
//! values bound as parameters instead of over the table. One statement answers every state
//! (before and after of each event of a batch) for every distinct subscription condition, so
//! the semantics of filters and rules cannot drift from the list's.
//!
//! ```text
//! SELECT "_backworks_state",
//!        CASE WHEN (1 = 1 AND "notes"."shared" IS TRUE AND (COALESCE("notes"."owner" = ?, FALSE) …)) THEN 1 ELSE 0 END AS "c0",
//!        CASE WHEN (1 = 1 AND "notes"."id" = CAST(? AS INTEGER) …) THEN 1 ELSE 0 END AS "c1"
//! FROM (SELECT 0 AS "_backworks_state", CAST(? AS INTEGER) AS "id", CAST(? AS TEXT) AS "owner", …
//!       UNION ALL SELECT 1, …) AS "notes"
//! ```
//!
//! Each value is cast to its column's type in the table (`ARCHITECTURE.md`'s column-type
//! table), so comparisons meet the same types (PostgreSQL) and affinities (SQLite) as they
//! would in the table itself.

use serde_json::Value;

use crate::contract::User;
use crate::storage::Row;
use crate::storage::columns::{Column, ColumnKind, columns};
use crate::storage::engine::Session;
use crate::storage::error::StoreError;
use crate::storage::list::filter_conditions;
use crate::storage::query::Filter;
use crate::storage::rules::{Viewer, restrict};
use crate::storage::sql::{Dialect, Sql};
use crate::storage::value::{SqlValue, to_sql};
use crate::storage::{FieldKind, IdKind, ResourceSpec, RuleExpr};

/// What decides whether a record is in one subscription's view.
#[derive(Debug, Clone)]
pub(crate) struct Lens {
    /// The resource.
    pub(crate) resource: &'static ResourceSpec,
    /// The one record, for an `id` subscription (already typed for the id column).
    pub(crate) id: Option<Value>,
    /// The subscription's filter (no order, page or projection).
    pub(crate) filter: Filter,
    /// The record rule that governs reading (`get` for an id, else `list`).
    pub(crate) rule: Option<&'static RuleExpr>,
    /// The subscriber (`None`: anonymous).
    pub(crate) user: Option<User>,
}

/// States evaluated per statement: each binds one parameter per column.
const STATES_PER_STATEMENT: usize = 64;
/// Conditions (result columns) per statement: SQLite allows 2 000 result columns,
/// PostgreSQL 1 664.
const LENSES_PER_STATEMENT: usize = 500;
/// Parameters per statement: SQLite allows 32 766, PostgreSQL 65 535.
const PARAMETERS_PER_STATEMENT: usize = 30_000;
/// The state column's name; no resource field can start with `_backworks`.
const STATE: &str = "_backworks_state";

/// `answers[s][l]`: whether state `s` (`None`: the record does not exist) is in view of lens
/// `l`. All lenses must be of `resource`.
pub(crate) async fn in_view(
    session: &mut Session,
    resource: &'static ResourceSpec,
    states: &[Option<&Row>],
    lenses: &[&Lens],
) -> Result<Vec<Vec<bool>>, StoreError> {
    let mut answers = vec![vec![false; lenses.len()]; states.len()];
    if lenses.is_empty() {
        return Ok(answers);
    }
    let present: Vec<(usize, &Row)> = states
        .iter()
        .enumerate()
        .filter_map(|(index, state)| state.map(|row| (index, row)))
        .collect();
    for (first, group) in lens_groups(session.dialect(), resource, lenses)? {
        for chunk in present.chunks(STATES_PER_STATEMENT) {
            let mut sql = Sql::new(session.dialect());
            sql.push("SELECT ").ident(STATE);
            for (index, lens) in group.iter().enumerate() {
                sql.push(", CASE WHEN (1 = 1");
                condition(&mut sql, resource, lens)?;
                sql.push(") THEN 1 ELSE 0 END AS ")
                    .ident(&format!("c{index}"));
            }
            sql.push(" FROM (");
            states_table(&mut sql, resource, chunk);
            sql.push(") AS ").ident(resource.name);
            for raw in session.query(sql.finish()).await? {
                let mut cells = raw.into_iter().map(|(_, cell)| cell);
                let Some(SqlValue::Int(state)) = cells.next() else {
                    return Err(StoreError::internal("the view query lost its state column"));
                };
                let Some(answer) = answers.get_mut(state as usize) else {
                    continue;
                };
                for (slot, cell) in answer[first..].iter_mut().zip(cells) {
                    *slot = matches!(cell, SqlValue::Int(1));
                }
            }
        }
    }
    Ok(answers)
}

/// The lenses split into groups one statement can hold — at most [`LENSES_PER_STATEMENT`]
/// result columns and [`PARAMETERS_PER_STATEMENT`] parameters (an `in` filter may bind a
/// thousand), under both engines' limits — each with the index of its first lens.
fn lens_groups<'a>(
    dialect: Dialect,
    resource: &'static ResourceSpec,
    lenses: &'a [&'a Lens],
) -> Result<Vec<(usize, &'a [&'a Lens])>, StoreError> {
    let budget =
        PARAMETERS_PER_STATEMENT.saturating_sub(STATES_PER_STATEMENT * columns(resource).len());
    let mut groups = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (index, lens) in lenses.iter().enumerate() {
        let mut scratch = Sql::new(dialect);
        condition(&mut scratch, resource, lens)?;
        let needs = scratch.finish().params.len();
        if index > start && (used + needs > budget || index - start >= LENSES_PER_STATEMENT) {
            groups.push((start, &lenses[start..index]));
            (start, used) = (index, 0);
        }
        used += needs;
    }
    groups.push((start, &lenses[start..]));
    Ok(groups)
}

/// `SELECT <index> AS "_backworks_state", CAST(? AS …) AS "id", … UNION ALL …`: the states as
/// rows of the resource's columns.
fn states_table(sql: &mut Sql, resource: &'static ResourceSpec, states: &[(usize, &Row)]) {
    let columns = columns(resource);
    for (position, (index, row)) in states.iter().enumerate() {
        if position > 0 {
            sql.push(" UNION ALL ");
        }
        // The state's index is our own number, written as a literal (a parameter would be
        // untyped text to PostgreSQL).
        sql.push("SELECT ")
            .push(&index.to_string())
            .push(" AS ")
            .ident(STATE);
        for column in &columns {
            let value = row.get(column.name).unwrap_or(&Value::Null);
            sql.push(", ");
            cast(sql, *column, value);
            sql.push(" AS ").ident(column.name);
        }
    }
}

/// ` AND …` for the lens's id, filter and rule.
fn condition(
    sql: &mut Sql,
    resource: &'static ResourceSpec,
    lens: &Lens,
) -> Result<(), StoreError> {
    if let Some(id) = &lens.id {
        let key = columns(resource)[0];
        sql.push(" AND ").qualified(resource.name, "id").push(" = ");
        cast(sql, key, id);
    }
    filter_conditions(sql, resource, &lens.filter)?;
    let viewer = Viewer {
        user: lens.user.as_ref(),
    };
    restrict(sql, resource, lens.rule, Some(viewer));
    Ok(())
}

/// `CAST(? AS <the column's type>)` with `value` as the column would store it (a value that
/// does not fit, which a stored record never holds, is bound as null).
fn cast(sql: &mut Sql, column: Column, value: &Value) {
    let bound = to_sql(column.kind, value).unwrap_or(SqlValue::Null);
    let dialect = sql.dialect();
    sql.push("CAST(")
        .param(bound)
        .push(" AS ")
        .push(column_type(dialect, column.kind))
        .push(")");
}

/// The table's column type (see `compiler/emit/src/migrations/ddl.rs`).
fn column_type(dialect: Dialect, kind: ColumnKind) -> &'static str {
    use Dialect::{Postgres, Sqlite};
    let uuid = |dialect| match dialect {
        Sqlite => "TEXT",
        Postgres => "UUID",
    };
    let integer = |dialect| match dialect {
        Sqlite => "INTEGER",
        Postgres => "BIGINT",
    };
    match (dialect, kind) {
        (_, ColumnKind::Id(IdKind::Integer)) => integer(dialect),
        (_, ColumnKind::Id(IdKind::Uuid)) => uuid(dialect),
        (_, ColumnKind::Timestamp) | (_, ColumnKind::Field(FieldKind::Datetime)) => match dialect {
            Sqlite => "TEXT",
            Postgres => "TIMESTAMPTZ",
        },
        (_, ColumnKind::Field(field)) => match (dialect, field) {
            (_, FieldKind::String | FieldKind::Text | FieldKind::Enum(_)) => "TEXT",
            (Sqlite, FieldKind::Integer | FieldKind::Boolean) => "INTEGER",
            (Postgres, FieldKind::Integer) => "BIGINT",
            (Postgres, FieldKind::Boolean) => "BOOLEAN",
            (Sqlite, FieldKind::Number) => "REAL",
            (Postgres, FieldKind::Number) => "DOUBLE PRECISION",
            (Sqlite, FieldKind::Date | FieldKind::Json | FieldKind::Array(_)) => "TEXT",
            (Postgres, FieldKind::Date) => "DATE",
            (Postgres, FieldKind::Json | FieldKind::Array(_)) => "JSONB",
            (
                _,
                FieldKind::Ref {
                    id: IdKind::Integer,
                    ..
                },
            ) => integer(dialect),
            (
                _,
                FieldKind::Ref {
                    id: IdKind::Uuid, ..
                },
            ) => uuid(dialect),
            (_, FieldKind::Datetime) => "TEXT",
        },
    }
}
