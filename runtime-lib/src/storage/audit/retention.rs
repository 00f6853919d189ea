//! Retention: entries older than the blueprint's `audit.retain` are deleted on a timer. The
//! generated `main.rs` calls [`retain`](super::retain) before serving; every store opened
//! after that purges once at once and then every `period / 4` (at least 50 ms, at most an
//! hour), for as long as the store lives.
//!
//! ```text
//! audit: { retain: 90d } ─▶ main.rs: audit::retain(90 days) ─▶ Store::open ─▶ purge task
//!   every hour: DELETE FROM "_backworks_audit" WHERE "at" < now − 90 days
//! ```
//!
//! The purge is the one deletion the append-only triggers let through (`table.rs`): on
//! PostgreSQL its transaction sets `backworks.audit_purge`; on SQLite it drops the delete
//! trigger and recreates it in the same transaction, so no other connection ever sees the
//! table unguarded.

use std::sync::Weak;
use std::time::Duration;

use super::super::engine::Session;
use super::super::error::StoreError;
use super::super::sql::{Dialect, Sql};
use super::super::time;
use super::super::value::SqlValue;
use super::table::{AUDIT_TABLE, SQLITE_DELETE_GUARD};

/// Deletes every entry older than `before` (ms since the epoch), inside `session`'s
/// transaction.
pub(crate) async fn purge(session: &mut Session, before: i64) -> Result<(), StoreError> {
    let dialect = session.dialect();
    match dialect {
        Dialect::Postgres => {
            session
                .batch("SET LOCAL backworks.audit_purge = 'on'")
                .await?
        }
        Dialect::Sqlite => {
            session
                .batch(r#"DROP TRIGGER IF EXISTS "_backworks_audit_no_delete""#)
                .await?
        }
    }
    let mut sql = Sql::new(dialect);
    sql.push("DELETE FROM ")
        .ident(AUDIT_TABLE)
        .push(" WHERE ")
        .ident("at")
        .push(" < ")
        .param(SqlValue::Instant(before));
    session.query(sql.finish()).await?;
    if dialect == Dialect::Sqlite {
        session.batch(SQLITE_DELETE_GUARD).await?;
    }
    Ok(())
}

/// How often a store keeping entries for `period` purges.
fn interval(period: Duration) -> Duration {
    (period / 4).clamp(Duration::from_millis(50), Duration::from_secs(3600))
}

/// Starts the purge task of the store whose shared part `store` points to; it ends when the
/// store is dropped. `purge_now` runs one purge of entries older than the cutoff it is given.
pub(crate) fn start<T, F>(
    store: Weak<T>,
    period: Duration,
    purge_now: fn(std::sync::Arc<T>, i64) -> F,
) where
    T: Send + Sync + 'static,
    F: Future<Output = Result<(), StoreError>> + Send + 'static,
{
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let keep_ms = i64::try_from(period.as_millis()).unwrap_or(i64::MAX);
    runtime.spawn(async move {
        loop {
            let Some(store) = store.upgrade() else {
                return;
            };
            let cutoff = time::now_ms().saturating_sub(keep_ms);
            if let Err(error) = purge_now(store, cutoff).await {
                // The next tick tries again; the entries stay until then.
                tracing::warn!(target: "backworks::audit", "purging old audit entries failed: {}", error.message);
            }
            tokio::time::sleep(interval(period)).await;
        }
    });
}
