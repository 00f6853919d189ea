//! The reader: one task per [`Hub`](super::Hub) that reads new rows of `_backworks_events`
//! in `seq` order and fans them out, and keeps the table to its window.
//!
//! ```text
//! wake: Store::committed (a local commit) | NOTIFY backworks_events (another instance's
//!       reader numbered events) | 1 s tick
//!   ─▶ [PostgreSQL] sequence::number (committed rows get their seq)
//!   ─▶ SELECT … FROM _backworks_events WHERE seq > last ORDER BY seq LIMIT 256 ─▶ fan_out
//!   ─▶ at most every second, once past the window: DELETE … WHERE seq <= last - window
//! ```
//!
//! The tick is the safety net for a notification lost while the `LISTEN` connection was
//! down; after it reconnects, `listen.rs` wakes the reader, which reads everything after the
//! last seq, so nothing committed meanwhile is missed. A failing read (the database away) is
//! logged and retried on the next wake; the server keeps serving.

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::table::EVENTS_TABLE;
use super::{HubInner, Kind, Stored};
use crate::storage::engine::{Engine, Session};
use crate::storage::error::StoreError;
use crate::storage::sql::{Dialect, Sql};
use crate::storage::value::SqlValue;
use crate::storage::{Row, Store};

/// Rows read per statement.
pub(crate) const PAGE: i64 = 256;
/// The longest wait between two reads when nothing wakes the reader.
const TICK: Duration = Duration::from_secs(1);
/// How often, at most, the table is trimmed to its window.
const TRIM_EVERY: Duration = Duration::from_secs(1);

/// Starts the reader of `hub` (ends when the hub is dropped) and, on PostgreSQL, its
/// `LISTEN` connection.
pub(crate) fn start(hub: Weak<HubInner>, store: Store) {
    let wake = store.committed();
    if let Engine::Postgres(engine) = store.engine() {
        super::listen::start(engine.config().clone(), Arc::clone(&wake), hub.clone());
    }
    tokio::spawn(async move {
        let mut last: Option<i64> = None;
        let mut trimmed = Instant::now();
        let mut trimmed_to = 0;
        loop {
            let Some(inner) = hub.upgrade() else {
                return;
            };
            match step(&inner, &store, &mut last).await {
                // A full page: there is more to read at once.
                Ok(true) => continue,
                Ok(false) => {}
                Err(error) => {
                    tracing::warn!(target: "backworks::events", "reading live events: {}", error.message);
                }
            }
            let below = last.map_or(0, |last| {
                last.saturating_sub(i64::try_from(inner.window).unwrap_or(i64::MAX))
            });
            if trimmed.elapsed() >= TRIM_EVERY && below > trimmed_to {
                trimmed = Instant::now();
                trimmed_to = below;
                if let Err(error) = trim(&store, below).await {
                    tracing::warn!(target: "backworks::events", "trimming live events: {}", error.message);
                }
            }
            drop(inner);
            let _ = tokio::time::timeout(TICK, wake.notified()).await;
        }
    });
}

/// One read: numbers committed rows (PostgreSQL), reads a page after `last` and fans it out;
/// `true` when the page was full.
async fn step(inner: &HubInner, store: &Store, last: &mut Option<i64>) -> Result<bool, StoreError> {
    if let Engine::Postgres(_) = store.engine() {
        super::sequence::number(store).await?;
    }
    let after = match *last {
        Some(seq) => seq,
        // At start: only what comes from now on is live; older events are for `since`.
        None => {
            let latest = latest(&mut store.reader().await?).await?;
            *last = Some(latest);
            inner.ready(latest);
            latest
        }
    };
    let batch = read_after(&mut store.reader().await?, after, PAGE).await?;
    let full = batch.len() as i64 >= PAGE;
    if let Some(event) = batch.last() {
        *last = Some(event.seq);
        inner.fan_out(&batch).await;
    }
    Ok(full)
}

/// The highest seq in the table (0 when it is empty).
pub(crate) async fn latest(session: &mut Session) -> Result<i64, StoreError> {
    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT COALESCE(MAX(\"seq\"), 0) AS latest FROM ")
        .ident(EVENTS_TABLE);
    integer(session, sql).await
}

/// The lowest seq in the table (`None` when it is empty).
pub(crate) async fn earliest(session: &mut Session) -> Result<Option<i64>, StoreError> {
    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT MIN(\"seq\") AS earliest FROM ")
        .ident(EVENTS_TABLE);
    let rows = session.query(sql.finish()).await?;
    Ok(
        match rows
            .into_iter()
            .next()
            .and_then(|row| row.into_iter().next())
        {
            Some((_, SqlValue::Int(n))) => Some(n),
            _ => None,
        },
    )
}

async fn integer(session: &mut Session, sql: Sql) -> Result<i64, StoreError> {
    let rows = session.query(sql.finish()).await?;
    match rows
        .into_iter()
        .next()
        .and_then(|row| row.into_iter().next())
    {
        Some((_, SqlValue::Int(n))) => Ok(n),
        other => Err(StoreError::internal(format!(
            "expected a number, got {other:?}"
        ))),
    }
}

/// Up to `limit` numbered events after `after`, in seq order.
pub(crate) async fn read_after(
    session: &mut Session,
    after: i64,
    limit: i64,
) -> Result<Vec<Stored>, StoreError> {
    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT \"seq\", \"kind\", \"resource\", \"action\", \"before\", \"after\", \"name\", \"payload\" FROM ")
        .ident(EVENTS_TABLE)
        .push(" WHERE \"seq\" > ")
        .param(SqlValue::Int(after))
        .push(" ORDER BY \"seq\" LIMIT ")
        .param(SqlValue::Int(limit));
    let rows = session.query(sql.finish()).await?;
    Ok(rows.into_iter().filter_map(decode).collect())
}

fn decode(raw: Vec<(String, SqlValue)>) -> Option<Stored> {
    let mut cells = raw.into_iter().map(|(_, cell)| cell);
    let seq = match cells.next()? {
        SqlValue::Int(seq) => seq,
        _ => return None,
    };
    let mut next_text = || match cells.next() {
        Some(SqlValue::Text(text)) => Some(text),
        _ => None,
    };
    let kind = next_text()?;
    let resource = next_text();
    let action = next_text();
    let before = next_text();
    let after = next_text();
    let name = next_text();
    let payload = next_text();
    let row = |text: Option<String>| -> Option<Row> {
        text.and_then(|text| serde_json::from_str::<Row>(&text).ok())
    };
    let kind = match kind.as_str() {
        "change" => Kind::Change {
            resource: resource?,
            action: action?,
            before: row(before),
            after: row(after),
        },
        _ => Kind::Custom {
            name: name?,
            payload: payload
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or(Value::Null),
        },
    };
    Some(Stored { seq, kind })
}

/// Deletes the events up to seq `below` (those older than the window).
async fn trim(store: &Store, below: i64) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    let session = tx.session();
    let mut sql = Sql::new(session.dialect());
    sql.push("DELETE FROM ")
        .ident(EVENTS_TABLE)
        .push(" WHERE \"seq\" <= ")
        .param(SqlValue::Int(below));
    if sql.dialect() == Dialect::Postgres {
        // Unnumbered rows are never trimmed: they are not yet anyone's past.
        sql.push(" AND \"seq\" IS NOT NULL");
    }
    session.query(sql.finish()).await?;
    tx.commit_quietly().await
}
