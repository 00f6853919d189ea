//! `select` applied to a page: each expanded ref fetched with one `IN` query for the whole
//! page (not one per row), nested expansions likewise, then every row projected.
//!
//! ```text
//! page [{id:1, author:7}, {id:2, author:7}, {id:3, author:9}]   select=id,author(name)
//!   ─▶ SELECT … FROM "authors" WHERE "id" IN (7, 9)
//!   ─▶ [{id:1, author:{name:"Ada"}}, {id:2, author:{name:"Ada"}}, {id:3, author:{name:"Bo"}}]
//! ```

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use serde_json::Value;

use super::Row;
use super::columns::columns;
use super::engine::Session;
use super::error::StoreError;
use super::ops::decode;
use super::rules::{Viewer, restrict};
use super::select::{SelectItem, Selection, target};
use super::spec::{DataSpec, ResourceSpec};
use super::sql::Sql;
use super::value::to_sql;

/// Ids per `IN` query, well under both engines' parameter limits.
const BATCH: usize = 500;

type Expanded<'a> = Pin<Box<dyn Future<Output = Result<Vec<Row>, StoreError>> + Send + 'a>>;

/// `rows` with the refs `selection` expands replaced by their (projected) rows, projected.
pub(crate) fn expand_and_project<'a>(
    session: &'a mut Session,
    data: &'static DataSpec,
    resource: &'static ResourceSpec,
    mut rows: Vec<Row>,
    selection: &'a Selection,
    viewer: Option<Viewer<'a>>,
) -> Expanded<'a> {
    Box::pin(async move {
        for item in &selection.items {
            let SelectItem::Expand { field, select } = item else {
                continue;
            };
            let target = target(data, resource, field).map_err(StoreError::internal)?;
            let mut ids: Vec<Value> = Vec::new();
            for row in &rows {
                if let Some(id) = row.get(field.as_str()).filter(|id| !id.is_null())
                    && !ids.contains(id)
                {
                    ids.push(id.clone());
                }
            }
            let mut found = Vec::new();
            for chunk in ids.chunks(BATCH) {
                found.extend(fetch(session, target, chunk, viewer).await?);
            }
            let found = expand_and_project(session, data, target, found, select, viewer).await?;
            // The projection may drop `id`; `fetch` keyed each row by it beforehand.
            let by_id: HashMap<String, Row> = found.into_iter().collect_keyed();
            for row in &mut rows {
                if let Some(id) = row.get(field.as_str()).filter(|id| !id.is_null()) {
                    let expanded = by_id
                        .get(&id.to_string())
                        .cloned()
                        .map_or(Value::Null, Value::Object);
                    row.insert(field.clone(), expanded);
                }
            }
        }
        Ok(rows.iter().map(|row| project(row, selection)).collect())
    })
}

/// Rows of `target` with these ids that `viewer` may `get` (a hidden one expands to `null`,
/// as a missing one), each keyed (under `"\u{0}id"`) by its id for matching.
async fn fetch(
    session: &mut Session,
    target: &'static ResourceSpec,
    ids: &[Value],
    viewer: Option<Viewer<'_>>,
) -> Result<Vec<Row>, StoreError> {
    let columns = columns(target);
    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT ")
        .columns(Some(target.name), &columns)
        .push(" FROM ")
        .ident(target.name)
        .push(" WHERE ")
        .qualified(target.name, "id")
        .push(" IN (");
    for (index, id) in ids.iter().enumerate() {
        if index > 0 {
            sql.push(", ");
        }
        sql.param(to_sql(columns[0].kind, id).map_err(StoreError::internal)?);
    }
    sql.push(")");
    restrict(&mut sql, target, target.rules.get, viewer);
    let raw = session.query(sql.finish()).await?;
    Ok(raw
        .into_iter()
        .map(|raw| {
            let mut row = decode(target, raw);
            let key = row.get("id").cloned().unwrap_or(Value::Null);
            row.insert(KEY.to_owned(), key);
            row
        })
        .collect())
}

/// A member no column can be named (names are identifiers), carrying a fetched row's id
/// through projection.
const KEY: &str = "\u{0}id";

trait CollectKeyed {
    fn collect_keyed(self) -> HashMap<String, Row>;
}

impl<I: Iterator<Item = Row>> CollectKeyed for I {
    fn collect_keyed(self) -> HashMap<String, Row> {
        self.map(|mut row| {
            let key = row.remove(KEY).unwrap_or(Value::Null).to_string();
            (key, row)
        })
        .collect()
    }
}

/// The members of `row` that `selection` names, in its order.
fn project(row: &Row, selection: &Selection) -> Row {
    let mut out = Row::new();
    for item in &selection.items {
        match item {
            SelectItem::All => {
                for (name, value) in row {
                    if name != KEY {
                        out.insert(name.clone(), value.clone());
                    }
                }
            }
            SelectItem::Field(name) | SelectItem::Expand { field: name, .. } => {
                if let Some(value) = row.get(name) {
                    out.insert(name.clone(), value.clone());
                }
            }
        }
    }
    if let Some(key) = row.get(KEY) {
        out.insert(KEY.to_owned(), key.clone());
    }
    out
}
