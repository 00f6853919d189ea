//! Lists and counts: the filter, search, keyset and order of a [`ListQuery`] turned into one
//! `SELECT`, then refs expanded and rows projected.
//!
//! ```text
//! ?status=eq.published&order=title&limit=2&after=<cursor of ("Dune", 7)>
//!   ─▶ SELECT … FROM "books" WHERE "books"."status" = ?
//!        AND (("books"."title" > ? OR "books"."title" IS NULL)
//!             OR ("books"."title" = ? AND "books"."id" > ?))
//!      ORDER BY "books"."title" ASC NULLS LAST, "books"."id" ASC NULLS LAST LIMIT 3
//! ```
//!
//! One row more than the page is read to know whether a `next` cursor exists. Nulls sort as
//! the largest value on both engines, which the keyset conditions mirror. Search uses SQLite's
//! FTS5 table `<name>_fts` or PostgreSQL's `to_tsvector('simple', …)`; with no `order` the
//! most relevant rows come first (and the cursor is an offset, relevance having no key).

use serde_json::Value;

use super::columns::{Column, column, columns};
use super::cursor::Cursor;
use super::engine::Session;
use super::error::{StoreError, Violation};
use super::expand::expand_and_project;
use super::ops::{decode, resource};
use super::query::{Condition, DEFAULT_LIMIT, Direction, Filter, ListQuery, MAX_LIMIT, Op};
use super::rules::{Viewer, restrict};
use super::spec::{DataSpec, ResourceSpec};
use super::sql::{Dialect, Sql, fts5_query, glob_pattern, like_pattern, tsvector_document};
use super::value::{SqlValue, to_sql};
use super::{Page, Row};

fn invalid(pointer: &str, message: impl Into<String>) -> StoreError {
    StoreError::invalid(vec![Violation::new(pointer, message)])
}

/// One page of rows (every row: trusted server code).
pub(crate) async fn list(
    session: &mut Session,
    data: &'static DataSpec,
    name: &str,
    query: ListQuery,
) -> Result<Page, StoreError> {
    list_as(session, data, name, query, None).await
}

/// One page of the rows `viewer` may see (its record rules ANDed into every statement, the
/// count's and the expansions' too); `None` reads every row.
pub(crate) async fn list_as(
    session: &mut Session,
    data: &'static DataSpec,
    name: &str,
    query: ListQuery,
    viewer: Option<Viewer<'_>>,
) -> Result<Page, StoreError> {
    let resource = resource(data, name)?;
    if let Some(selection) = &query.select {
        selection
            .check(data, resource)
            .map_err(|message| invalid("/select", message))?;
    }
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if limit > MAX_LIMIT {
        return Err(invalid("/limit", format!("must be at most {MAX_LIMIT}")));
    }
    let search = query
        .search
        .as_deref()
        .filter(|text| !text.trim().is_empty());
    let by_relevance = query.order.is_empty() && search.is_some();
    let order = order_keys(resource, &query.order)?;
    let signature = signature(&order);
    let mut offset = query.offset.unwrap_or(0);
    let mut keyset = None;
    if let Some(text) = &query.after {
        match Cursor::decode(text) {
            // "After this many rows" means the same in any order; only relevance lists make
            // such cursors, but one is never wrong elsewhere.
            Some(Cursor::Offset(skip)) => offset = offset.saturating_add(skip),
            Some(Cursor::After { order: of, keys })
                if !by_relevance && of == signature && keys.len() == order.len() =>
            {
                keyset = Some(keys);
            }
            _ => {
                return Err(invalid(
                    "/after",
                    "not a cursor of this list (it must come from `next` with the same order)",
                ));
            }
        }
    }

    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT ")
        .columns(Some(resource.name), &columns(resource));
    from(&mut sql, resource, search);
    where_clause(&mut sql, resource, &query.filter, search)?;
    restrict(&mut sql, resource, resource.rules.list, viewer);
    if let Some(keys) = &keyset {
        sql.push(" AND (");
        after(&mut sql, resource, &order, keys)?;
        sql.push(")");
    }
    sql.push(" ORDER BY ");
    if by_relevance && let Some(text) = search {
        relevance(&mut sql, resource, text);
        sql.push(", ");
    }
    for (index, (column, direction)) in order.iter().enumerate() {
        if index > 0 {
            sql.push(", ");
        }
        sql.order_key(resource.name, column.name, *direction);
    }
    sql.push(" LIMIT ")
        .param(SqlValue::Int(limit as i64 + 1))
        .push(" OFFSET ")
        .param(SqlValue::Int(i64::try_from(offset).unwrap_or(i64::MAX)));
    let raw = session.query(sql.finish()).await?;
    let mut items: Vec<Row> = raw.into_iter().map(|raw| decode(resource, raw)).collect();
    let more = items.len() as u64 > limit;
    items.truncate(limit as usize);
    let next = match items.last() {
        Some(_) if more && by_relevance => {
            Some(Cursor::Offset(offset.saturating_add(limit)).encode())
        }
        Some(last) if more => Some(
            Cursor::After {
                order: signature,
                keys: order
                    .iter()
                    .map(|(column, _)| last.get(column.name).cloned().unwrap_or(Value::Null))
                    .collect(),
            }
            .encode(),
        ),
        _ => None,
    };
    let total = if query.count {
        Some(count_rows(session, resource, &query.filter, search, viewer).await?)
    } else {
        None
    };
    if let Some(selection) = &query.select {
        items = expand_and_project(session, data, resource, items, selection, viewer).await?;
    }
    Ok(Page { items, total, next })
}

/// How many rows match `filter`.
pub(crate) async fn count(
    session: &mut Session,
    data: &'static DataSpec,
    name: &str,
    filter: &Filter,
) -> Result<u64, StoreError> {
    let resource = resource(data, name)?;
    count_rows(session, resource, filter, None, None).await
}

async fn count_rows(
    session: &mut Session,
    resource: &'static ResourceSpec,
    filter: &Filter,
    search: Option<&str>,
    viewer: Option<Viewer<'_>>,
) -> Result<u64, StoreError> {
    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT COUNT(*) AS n");
    from(&mut sql, resource, search);
    where_clause(&mut sql, resource, filter, search)?;
    restrict(&mut sql, resource, resource.rules.list, viewer);
    let rows = session.query(sql.finish()).await?;
    match rows.first().and_then(|row| row.first()) {
        Some((_, SqlValue::Int(n))) => Ok(*n as u64),
        other => Err(StoreError::internal(format!("COUNT answered {other:?}"))),
    }
}

/// The sort keys with `id` appended as the tie-breaker (unless already a key).
fn order_keys(
    resource: &'static ResourceSpec,
    order: &[(String, Direction)],
) -> Result<Vec<(Column, Direction)>, StoreError> {
    let mut keys = Vec::with_capacity(order.len() + 1);
    for (name, direction) in order {
        let column = column(resource, name)
            .ok_or_else(|| invalid("/order", format!("{} has no field {name:?}", resource.name)))?;
        keys.push((column, *direction));
    }
    if !keys.iter().any(|(column, _)| column.name == "id") {
        keys.push((columns(resource)[0], Direction::Asc));
    }
    Ok(keys)
}

fn signature(order: &[(Column, Direction)]) -> String {
    order
        .iter()
        .map(|(column, direction)| {
            let direction = if *direction == Direction::Asc {
                "asc"
            } else {
                "desc"
            };
            format!("{}.{direction}", column.name)
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// ` FROM "t"`, joined to its FTS5 table when SQLite searches.
fn from(sql: &mut Sql, resource: &'static ResourceSpec, search: Option<&str>) {
    sql.push(" FROM ").ident(resource.name);
    if search.is_some() && sql.dialect() == Dialect::Sqlite {
        let fts = format!("{}_fts", resource.name);
        sql.push(" JOIN ")
            .ident(&fts)
            .push(" ON ")
            .ident(&fts)
            .push(".rowid = ")
            .ident(resource.name)
            .push(".rowid");
    }
}

/// ` WHERE …` (always present, `1 = 1` when nothing filters, so callers can append `AND`).
fn where_clause(
    sql: &mut Sql,
    resource: &'static ResourceSpec,
    filter: &Filter,
    search: Option<&str>,
) -> Result<(), StoreError> {
    sql.push(" WHERE 1 = 1");
    filter_conditions(sql, resource, filter)?;
    if let Some(text) = search {
        sql.push(" AND ");
        match sql.dialect() {
            Dialect::Sqlite => {
                let fts = format!("{}_fts", resource.name);
                sql.ident(&fts)
                    .push(" MATCH ")
                    .param(SqlValue::Text(fts5_query(text)));
            }
            Dialect::Postgres => {
                sql.push(&tsvector_document(resource.search))
                    .push(" @@ plainto_tsquery('simple', ")
                    .param(SqlValue::Text(text.to_owned()))
                    .push(")");
            }
        }
    }
    Ok(())
}

/// ` AND <condition>` for each of `filter`'s conditions, exactly as a list's `WHERE` has them
/// (the live events evaluate a subscription's filter with this, over an event's record).
pub(crate) fn filter_conditions(
    sql: &mut Sql,
    resource: &'static ResourceSpec,
    filter: &Filter,
) -> Result<(), StoreError> {
    for condition in &filter.conditions {
        sql.push(" AND ");
        condition_sql(sql, resource, condition)?;
    }
    Ok(())
}

fn relevance(sql: &mut Sql, resource: &'static ResourceSpec, text: &str) {
    match sql.dialect() {
        Dialect::Sqlite => {
            sql.ident(&format!("{}_fts", resource.name)).push(".rank");
        }
        Dialect::Postgres => {
            sql.push("ts_rank(")
                .push(&tsvector_document(resource.search))
                .push(", plainto_tsquery('simple', ")
                .param(SqlValue::Text(text.to_owned()))
                .push(")) DESC");
        }
    }
}

fn condition_sql(
    sql: &mut Sql,
    resource: &'static ResourceSpec,
    condition: &Condition,
) -> Result<(), StoreError> {
    let column = column(resource, &condition.field).ok_or_else(|| {
        invalid(
            &format!("/{}", condition.field),
            format!("{} has no field {:?}", resource.name, condition.field),
        )
    })?;
    let bad = |message: String| invalid(&format!("/{}", column.name), message);
    if condition.negated {
        sql.push("NOT (");
    }
    sql.qualified(resource.name, column.name);
    match condition.op {
        Op::Is => {
            sql.push(match condition.value {
                Value::Bool(true) => " IS TRUE",
                Value::Bool(false) => " IS FALSE",
                _ => " IS NULL",
            });
        }
        Op::In => {
            let items = condition.value.as_array().cloned().unwrap_or_default();
            if items.is_empty() {
                // Nothing is in an empty list; `IN ()` is not SQL.
                sql.push(" IS NULL AND 1 = 0");
            } else {
                sql.push(" IN (");
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        sql.push(", ");
                    }
                    sql.param(to_sql(column.kind, item).map_err(bad)?);
                }
                sql.push(")");
            }
        }
        Op::Like | Op::Ilike => {
            let text = condition.value.as_str().unwrap_or_default();
            let (operator, pattern) = match (sql.dialect(), condition.op) {
                (Dialect::Sqlite, Op::Like) => (" GLOB ", glob_pattern(text)),
                (Dialect::Sqlite, _) => (" LIKE ", like_pattern(text)),
                (Dialect::Postgres, Op::Like) => (" LIKE ", like_pattern(text)),
                (Dialect::Postgres, _) => (" ILIKE ", like_pattern(text)),
            };
            sql.push(operator).param(SqlValue::Text(pattern));
            if operator != " GLOB " {
                sql.push(" ESCAPE '\\'");
            }
        }
        op => {
            sql.push(match op {
                Op::Eq => " = ",
                Op::Neq => " <> ",
                Op::Gt => " > ",
                Op::Gte => " >= ",
                Op::Lt => " < ",
                _ => " <= ",
            });
            sql.param(to_sql(column.kind, &condition.value).map_err(bad)?);
        }
    }
    if condition.negated {
        sql.push(")");
    }
    Ok(())
}

/// Rows strictly after the cursor's keys in this order: (k0 after v0) OR (k0 = v0 AND k1 after
/// v1) OR …, with null as the largest value.
fn after(
    sql: &mut Sql,
    resource: &'static ResourceSpec,
    order: &[(Column, Direction)],
    keys: &[Value],
) -> Result<(), StoreError> {
    let bad = |message: String| invalid("/after", message);
    for depth in 0..order.len() {
        if depth > 0 {
            sql.push(" OR ");
        }
        sql.push("(");
        for (index, ((column, direction), key)) in
            order.iter().zip(keys).enumerate().take(depth + 1)
        {
            if index > 0 {
                sql.push(" AND ");
            }
            let value = to_sql(column.kind, key).map_err(bad)?;
            let is_null = value == SqlValue::Null;
            if index < depth {
                sql.qualified(resource.name, column.name);
                if is_null {
                    sql.push(" IS NULL");
                } else {
                    sql.push(" = ").param(value);
                }
                continue;
            }
            match (direction, is_null) {
                (Direction::Asc, true) => {
                    sql.push("1 = 0");
                }
                (Direction::Asc, false) => {
                    sql.push("(")
                        .qualified(resource.name, column.name)
                        .push(" > ")
                        .param(value)
                        .push(" OR ")
                        .qualified(resource.name, column.name)
                        .push(" IS NULL)");
                }
                (Direction::Desc, true) => {
                    sql.qualified(resource.name, column.name)
                        .push(" IS NOT NULL");
                }
                (Direction::Desc, false) => {
                    sql.qualified(resource.name, column.name)
                        .push(" < ")
                        .param(value);
                }
            }
        }
        sql.push(")");
    }
    Ok(())
}
