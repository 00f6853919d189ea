//! Bringing a database up to the server's schema at start: every migration it lacks applied
//! and recorded in `_backworks_migrations`, then seed rows loaded into empty tables — all in
//! one transaction, so a failure leaves the database as it was.
//!
//! ```text
//! database has 1, 2   server knows 1, 2, 3  ─▶ apply 3, record (3, "add_isbn", now)
//! database has 1…7    server knows 1…5      ─▶ refuse to start ("…deploy the newer server…")
//! ```
//!
//! Two servers starting together on one PostgreSQL serialize on an advisory lock taken first
//! in the transaction, so the second finds the work done; SQLite's `BEGIN IMMEDIATE` does the
//! same for processes sharing a file. Migration SQL must not contain transaction control. On
//! SQLite the transaction runs with foreign keys off (a table rebuild drops a table others
//! refer to) and `PRAGMA foreign_key_check` must find nothing before it commits.

use std::collections::BTreeSet;

use serde_json::Value;

use super::Row;
use super::engine::Engine;
use super::error::StoreError;
use super::ops;
use super::record::Write;
use super::spec::{DataSpec, IdKind};
use super::sql::{Dialect, Sql, quote};
use super::time;
use super::value::SqlValue;

/// The key of the PostgreSQL advisory lock that serializes migrations ("backwork").
const MIGRATION_LOCK: i64 = 0x6261_636b_776f_726b;

/// Applies missing migrations and seeds empty tables; `Err` is one line for the start-up error.
pub(crate) async fn migrate_and_seed(
    engine: &Engine,
    data: &'static DataSpec,
) -> Result<(), String> {
    let context = |error: StoreError| format!("cannot prepare the database: {}", error.message);
    let mut session = engine.begin_migration().await.map_err(context)?;
    if session.dialect() == Dialect::Postgres {
        session
            .batch(format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
            .await
            .map_err(context)?;
    }
    session
        .batch(
            "CREATE TABLE IF NOT EXISTS \"_backworks_migrations\" (\
             version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .await
        .map_err(context)?;
    let dialect = session.dialect();
    let mut sql = Sql::new(dialect);
    sql.push("SELECT version FROM \"_backworks_migrations\"");
    let applied: BTreeSet<i64> = session
        .query(sql.finish())
        .await
        .map_err(context)?
        .into_iter()
        .filter_map(|row| match row.first() {
            Some((_, SqlValue::Int(version))) => Some(*version),
            _ => None,
        })
        .collect();
    let known = data
        .migrations
        .iter()
        .map(|m| i64::from(m.version))
        .max()
        .unwrap_or(0);
    if let Some(&newest) = applied.iter().next_back()
        && newest > known
    {
        return Err(format!(
            "the database schema is at migration {newest} but this server knows migrations up \
             to {known}; deploy the newer server or restore the database"
        ));
    }
    let mut pending: Vec<_> = data
        .migrations
        .iter()
        .filter(|migration| !applied.contains(&i64::from(migration.version)))
        .collect();
    pending.sort_by_key(|migration| migration.version);
    for migration in pending {
        let text = match dialect {
            Dialect::Sqlite => migration.sqlite,
            Dialect::Postgres => migration.postgres,
        };
        session.batch(text).await.map_err(|error| {
            format!(
                "migration {} ({}) failed: {}",
                migration.version, migration.name, error.message
            )
        })?;
        let mut record = Sql::new(dialect);
        record
            .push("INSERT INTO \"_backworks_migrations\" (version, name, applied_at) VALUES (")
            .param(SqlValue::Int(i64::from(migration.version)))
            .push(", ")
            .param(SqlValue::Text(migration.name.to_owned()))
            .push(", ")
            .param(SqlValue::Text(time::format_instant(time::now_ms())))
            .push(")");
        session.query(record.finish()).await.map_err(context)?;
        tracing::info!(
            target: "backworks::storage",
            "applied migration {} ({})",
            migration.version,
            migration.name
        );
    }
    super::system::ensure(&mut session).await?;
    seed(&mut session, data).await?;
    session.commit().await.map_err(context)
}

async fn seed(session: &mut super::engine::Session, data: &'static DataSpec) -> Result<(), String> {
    for resource in data.resources {
        let Some(text) = resource.seed else {
            continue;
        };
        let context = |error: StoreError| format!("seeding {}: {}", resource.name, error.message);
        let mut probe = Sql::new(session.dialect());
        probe
            .push("SELECT 1 FROM ")
            .ident(resource.name)
            .push(" LIMIT 1");
        if !session
            .query(probe.finish())
            .await
            .map_err(context)?
            .is_empty()
        {
            continue;
        }
        let rows: Vec<Value> = serde_json::from_str(text).map_err(|error| {
            format!(
                "seeding {}: the seed is not a JSON array: {error}",
                resource.name
            )
        })?;
        for (index, row) in rows.into_iter().enumerate() {
            let Value::Object(row) = row else {
                return Err(format!(
                    "seeding {}: row {index} is not an object",
                    resource.name
                ));
            };
            ops::create(
                session,
                data,
                resource.name,
                Row::from_iter(row),
                Write::Seed,
                None,
            )
            .await
            .map_err(|error| {
                format!("seeding {}, row {index}: {}", resource.name, error.message)
            })?;
        }
        if session.dialect() == Dialect::Postgres && resource.id == IdKind::Integer {
            // Seeds may carry ids; move the identity past them so later inserts do not collide.
            let table = quote(resource.name).replace('\'', "''");
            let reset = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 (SELECT MAX(\"id\") FROM {}))",
                quote(resource.name)
            );
            session.batch(reset).await.map_err(context)?;
        }
    }
    Ok(())
}
