//! The single-row operations and the raw escape hatch, written once against an engine
//! [`Session`] so [`Store`](super::Store) (one transaction per write) and
//! [`Transaction`](super::Transaction) (many) share them.
//!
//! ```text
//! create(books, {"title":"Dune"}) ─▶ check ─▶ defaults, id, timestamps
//!   ─▶ INSERT INTO "books" ("title", "created_at", "updated_at") VALUES (?, ?, ?) RETURNING …
//! update(books, 7, {"title":"X"}, If-Match) ─▶ SELECT … FOR UPDATE ─▶ ETag ─▶ check ─▶ UPDATE …
//! ```
//!
//! A write with a precondition reads the row and writes it inside one transaction holding the
//! row (SQLite: the single writer; PostgreSQL: `FOR UPDATE`), so two servers racing on one
//! row can never both pass the same `If-Match`. Every write appends its audit entry through
//! the same session, after the statement succeeded (`audit::append`), so the entry commits
//! with the write or not at all; its live event (`events::table::append_change`, the record
//! before and after) goes the same way. Raw `sql` writes have no live event: what they
//! changed is not known row by row.

use serde_json::Value;

use super::Row;
use super::audit::{self, Entry, Origin};
use super::columns::{CREATED_AT, Column, UPDATED_AT, columns};
use super::conflict::explain;
use super::engine::{RawRow, Session};
use super::error::{ErrorCode, StoreError, Violation};
use super::etag::{self, Precondition};
use super::record::{Write, check};
use super::spec::{DataSpec, IdKind, ResourceSpec};
use super::sql::{Dialect, Sql, Statement, translate_placeholders};
use super::time;
use super::value::{self, from_sql, plain, to_sql, untyped};
use crate::events::table::{self as events, Action};

/// The resource named `name`, or an `invalid` error naming it.
pub(crate) fn resource(
    data: &'static DataSpec,
    name: &str,
) -> Result<&'static ResourceSpec, StoreError> {
    super::columns::resource(data, name).ok_or_else(|| {
        StoreError::new(
            ErrorCode::Invalid,
            format!("there is no resource named {name:?}"),
        )
    })
}

/// An id as the resource's id column binds it: a number (or its text, from a URL) or a UUID.
pub(crate) fn id_value(resource: &ResourceSpec, id: &Value) -> Result<Value, Violation> {
    let typed = match (resource.id, id) {
        (IdKind::Integer, Value::String(text)) => text
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("expected integer, got {text:?}")),
        (IdKind::Integer, _) => value::integer(id).map(Value::from),
        (IdKind::Uuid, _) => value::uuid(id).map(Value::String),
    };
    typed.map_err(|message| Violation::new("/id", message))
}

/// A result row as JSON, each cell typed by its column.
pub(crate) fn decode(resource: &'static ResourceSpec, raw: RawRow) -> Row {
    let columns = columns(resource);
    raw.into_iter()
        .map(|(name, cell)| {
            let value = match columns.iter().find(|column| column.name == name) {
                Some(column) => from_sql(column.kind, cell),
                None => plain(cell),
            };
            (name, value)
        })
        .collect()
}

fn bind(column: &Column, value: &Value) -> Result<value::SqlValue, StoreError> {
    to_sql(column.kind, value).map_err(|message| {
        StoreError::invalid(vec![Violation::new(format!("/{}", column.name), message)])
    })
}

async fn select_one(
    session: &mut Session,
    resource: &'static ResourceSpec,
    id: &Value,
    lock: bool,
) -> Result<Option<Row>, StoreError> {
    let columns = columns(resource);
    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT ")
        .columns(None, &columns)
        .push(" FROM ")
        .ident(resource.name)
        .push(" WHERE ")
        .ident("id")
        .push(" = ")
        .param(bind(&columns[0], id)?);
    if lock && sql.dialect() == Dialect::Postgres {
        sql.push(" FOR UPDATE");
    }
    let rows = session.query(sql.finish()).await?;
    Ok(rows.into_iter().next().map(|raw| decode(resource, raw)))
}

/// The row with this id; with `lock` (reads inside a transaction) it stays locked until the
/// transaction ends, so a read-modify-write in one transaction cannot lose another's update
/// (PostgreSQL: `FOR UPDATE`; SQLite's transactions already hold the single writer).
pub(crate) async fn get(
    session: &mut Session,
    data: &'static DataSpec,
    name: &str,
    id: &Value,
    lock: bool,
) -> Result<Option<Row>, StoreError> {
    let resource = resource(data, name)?;
    let id = id_value(resource, id).map_err(|violation| StoreError::invalid(vec![violation]))?;
    select_one(session, resource, &id, lock).await
}

/// Inserts a new row (or a seed row, which may carry its id); `origin` is who made it
/// (`None` only for seed rows, which nobody made and the log does not list).
pub(crate) async fn create(
    session: &mut Session,
    data: &'static DataSpec,
    name: &str,
    input: Row,
    write: Write,
    origin: Option<&Origin>,
) -> Result<Row, StoreError> {
    let resource = resource(data, name)?;
    let now = time::now_ms();
    let mut row = check(resource, input, write, None, now)?;
    if resource.id == IdKind::Uuid && !row.contains_key("id") {
        row.insert(
            "id".to_owned(),
            Value::String(uuid::Uuid::new_v4().to_string()),
        );
    }
    if resource.timestamps {
        let now = Value::String(time::format_instant(now));
        row.insert(CREATED_AT.to_owned(), now.clone());
        row.insert(UPDATED_AT.to_owned(), now);
    }
    let columns = columns(resource);
    let written: Vec<&Column> = columns
        .iter()
        .filter(|column| row.contains_key(column.name))
        .collect();
    let mut sql = Sql::new(session.dialect());
    sql.push("INSERT INTO ").ident(resource.name);
    if written.is_empty() {
        sql.push(" DEFAULT VALUES");
    } else {
        sql.push(" (");
        for (index, column) in written.iter().enumerate() {
            if index > 0 {
                sql.push(", ");
            }
            sql.ident(column.name);
        }
        sql.push(") VALUES (");
        for (index, column) in written.iter().enumerate() {
            if index > 0 {
                sql.push(", ");
            }
            sql.param(bind(column, &row[column.name])?);
        }
        sql.push(")");
    }
    sql.push(" RETURNING ").columns(None, &columns);
    let rows = session
        .query(sql.finish())
        .await
        .map_err(|error| explain(error, resource, Some(&row)))?;
    let created = rows
        .into_iter()
        .next()
        .map(|raw| decode(resource, raw))
        .ok_or_else(|| StoreError::internal("INSERT … RETURNING returned no row"))?;
    if let Some(origin) = origin {
        let entry = Entry {
            action: "create",
            resource: Some(resource.name.to_owned()),
            record: created.get("id").map(audit::id_text),
            changed: audit::row_changes(None, Some(&created)),
        };
        audit::append(session, origin, entry).await?;
        events::append_change(session, resource.name, Action::Create, None, Some(&created)).await?;
    }
    Ok(created)
}

/// Changes some fields (`Write::Patch`) or all of them (`Write::Replace`) of one row.
#[allow(
    clippy::too_many_arguments,
    reason = "the parts of one write, each a plain borrow; a struct would only rename them"
)]
pub(crate) async fn update(
    session: &mut Session,
    data: &'static DataSpec,
    name: &str,
    id: &Value,
    input: Row,
    expect: Option<&Precondition>,
    write: Write,
    origin: &Origin,
) -> Result<Option<Row>, StoreError> {
    let resource = resource(data, name)?;
    let id = id_value(resource, id).map_err(|violation| StoreError::invalid(vec![violation]))?;
    let Some(current) = select_one(session, resource, &id, true).await? else {
        return Ok(None);
    };
    require(expect, &current)?;
    let now = time::now_ms();
    let mut changes = check(resource, input, write, Some(&id), now)?;
    if resource.timestamps {
        changes.insert(
            UPDATED_AT.to_owned(),
            Value::String(time::format_instant(now)),
        );
    }
    let columns = columns(resource);
    let set: Vec<&Column> = columns
        .iter()
        .filter(|column| changes.contains_key(column.name) && column.name != "id")
        .collect();
    if set.is_empty() {
        return Ok(Some(current));
    }
    let mut sql = Sql::new(session.dialect());
    sql.push("UPDATE ").ident(resource.name).push(" SET ");
    for (index, column) in set.iter().enumerate() {
        if index > 0 {
            sql.push(", ");
        }
        sql.ident(column.name)
            .push(" = ")
            .param(bind(column, &changes[column.name])?);
    }
    sql.push(" WHERE ")
        .ident("id")
        .push(" = ")
        .param(bind(&columns[0], &id)?)
        .push(" RETURNING ")
        .columns(None, &columns);
    let rows = session
        .query(sql.finish())
        .await
        .map_err(|error| explain(error, resource, Some(&changes)))?;
    let Some(updated) = rows.into_iter().next().map(|raw| decode(resource, raw)) else {
        return Ok(None);
    };
    let entry = Entry {
        action: "update",
        resource: Some(resource.name.to_owned()),
        record: Some(audit::id_text(&id)),
        changed: audit::row_changes(Some(&current), Some(&updated)),
    };
    audit::append(session, origin, entry).await?;
    let (before, after) = (Some(&current), Some(&updated));
    events::append_change(session, resource.name, Action::Update, before, after).await?;
    Ok(Some(updated))
}

/// Deletes one row; `false` when there was none.
pub(crate) async fn delete(
    session: &mut Session,
    data: &'static DataSpec,
    name: &str,
    id: &Value,
    expect: Option<&Precondition>,
    origin: &Origin,
) -> Result<bool, StoreError> {
    let resource = resource(data, name)?;
    let id = id_value(resource, id).map_err(|violation| StoreError::invalid(vec![violation]))?;
    if expect.is_some() {
        let Some(current) = select_one(session, resource, &id, true).await? else {
            return Ok(false);
        };
        require(expect, &current)?;
    }
    let columns = columns(resource);
    let mut sql = Sql::new(session.dialect());
    sql.push("DELETE FROM ")
        .ident(resource.name)
        .push(" WHERE ")
        .ident("id")
        .push(" = ")
        .param(bind(&columns[0], &id)?)
        .push(" RETURNING ")
        .columns(None, &columns);
    let deleted = session
        .query(sql.finish())
        .await
        .map_err(|error| explain(error, resource, None))?;
    // The row as it was goes in the entry, so the log can tell what was lost.
    let Some(row) = deleted.into_iter().next().map(|raw| decode(resource, raw)) else {
        return Ok(false);
    };
    audit::append(session, origin, audit::deleted(resource.name, &id, &row)).await?;
    events::append_change(session, resource.name, Action::Delete, Some(&row), None).await?;
    Ok(true)
}

/// Fails with `precondition_failed` unless `expect` admits `current`.
fn require(expect: Option<&Precondition>, current: &Row) -> Result<(), StoreError> {
    match expect {
        Some(expect) if !etag::matches(expect, &etag::etag(current)) => Err(StoreError::new(
            ErrorCode::PreconditionFailed,
            "the row has changed since it was read (If-Match does not match its ETag)",
        )),
        _ => Ok(()),
    }
}

/// Runs hand-written SQL with `?` placeholders on either engine; rows come back untyped.
/// Anything but a `SELECT` is listed in the audit log by its text (never its parameters).
pub(crate) async fn raw_sql(
    session: &mut Session,
    text: String,
    params: Vec<Value>,
    origin: &Origin,
) -> Result<Vec<Row>, StoreError> {
    let entry = audit::sql_statement(&text);
    let rows = platform_sql(session, text, params).await?;
    if let Some(entry) = entry {
        audit::append(session, origin, entry).await?;
    }
    Ok(rows)
}

/// Like [`raw_sql`], without an audit entry: the platform's own statements on its
/// `_backworks_*` tables, whose callers record what happened as identity events instead
/// (`key_created`, not the text of an `INSERT`).
pub(crate) async fn platform_sql(
    session: &mut Session,
    text: String,
    params: Vec<Value>,
) -> Result<Vec<Row>, StoreError> {
    let text = match session.dialect() {
        Dialect::Sqlite => text,
        Dialect::Postgres => translate_placeholders(&text),
    };
    let statement = Statement {
        text,
        params: params.iter().map(untyped).collect(),
    };
    let rows = session.query(statement).await?;
    Ok(rows
        .into_iter()
        .map(|raw| {
            raw.into_iter()
                .map(|(name, cell)| (name, plain(cell)))
                .collect()
        })
        .collect())
}
