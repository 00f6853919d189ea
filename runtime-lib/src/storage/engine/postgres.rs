//! PostgreSQL through `tokio-postgres`, pooled by `deadpool-postgres`: connections are made on
//! demand, checked before reuse (a closed one is dropped), and re-made after the server comes
//! back, so a restarted database needs no restarted server.
//!
//! ```text
//! pool.get() ─▶ Session ─▶ BEGIN … prepare_cached + query … COMMIT ─▶ back to the pool
//! database down ─▶ connect refused / pool wait timeout ─▶ StoreError::Unavailable (503)
//! ```
//!
//! Waiting is bounded everywhere (connect, pool wait, recycle), so a lost database turns into
//! quick 503s rather than requests hanging. A session dropped inside a transaction is rolled
//! back by a spawned task before its connection returns to the pool.
//!
//! Each connection's I/O task runs on the runtime the store was opened on (its handle is kept),
//! never on whichever thread first needed the connection: handlers may await the store from
//! single-threaded event-loop runtimes that stop polling while JavaScript runs, and a pooled
//! connection shared by every thread must not stall with them.

use std::str::FromStr;
use std::time::Duration;

use deadpool_postgres::{
    Manager, ManagerConfig, Object, Pool, PoolError, RecyclingMethod, Runtime,
};
use tokio::runtime::Handle;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use tokio_postgres::{Config, NoTls};

use super::RawRow;
use crate::storage::conflict;
use crate::storage::error::{ErrorCode, StoreError};
use crate::storage::sql::Statement;
use crate::storage::value::SqlValue;

/// Connections kept at most.
const POOL_SIZE: usize = 16;
/// Bound on making one connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Bound on waiting for a free connection.
const WAIT_TIMEOUT: Duration = Duration::from_secs(5);
/// Prepared statements kept per connection: list filters and raw SQL make ever new texts, so
/// the cache is emptied when it passes this (SQLite's is an LRU of its own).
const STATEMENT_CACHE: usize = 256;

/// A pool of connections to one PostgreSQL database.
#[derive(Clone)]
pub(crate) struct PgEngine {
    pool: Pool,
    /// How to connect, for the live events' dedicated `LISTEN` connection (`events/listen.rs`).
    config: Box<Config>,
    /// The runtime connection tasks and rollbacks are spawned on.
    runtime: Handle,
}

impl PgEngine {
    /// A pool for `url` (`postgres://user:password@host:port/database`); connects lazily.
    /// Called from within the runtime that will drive the connections.
    pub(crate) fn open(url: &str) -> Result<PgEngine, String> {
        let runtime = Handle::try_current()
            .map_err(|_| "the PostgreSQL engine needs a tokio runtime".to_owned())?;
        let mut config =
            Config::from_str(url).map_err(|error| format!("invalid PostgreSQL URL: {error}"))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(WAIT_TIMEOUT))
            .create_timeout(Some(CONNECT_TIMEOUT))
            .recycle_timeout(Some(CONNECT_TIMEOUT))
            .build()
            .map_err(|error| format!("cannot make the connection pool: {error}"))?;
        Ok(PgEngine {
            pool,
            config: Box::new(config),
            runtime,
        })
    }

    /// How to connect to the database outside the pool.
    pub(crate) fn config(&self) -> &Config {
        &self.config
    }

    /// A pooled connection, inside `BEGIN` when `transaction`.
    pub(crate) async fn session(&self, transaction: bool) -> Result<PgSession, StoreError> {
        // A new connection spawns its I/O task on the current runtime: make that ours.
        let pool = self.pool.clone();
        let client = self
            .runtime
            .spawn(async move { pool.get().await })
            .await
            .map_err(|_| StoreError::unavailable("the server is shutting down"))?
            .map_err(pool_error)?;
        let mut session = PgSession {
            client: Some(client),
            open: false,
            runtime: self.runtime.clone(),
        };
        if transaction {
            session.batch("BEGIN").await?;
            session.open = true;
        }
        Ok(session)
    }
}

/// One pooled connection, perhaps inside a transaction.
pub(crate) struct PgSession {
    /// Always `Some` until dropped.
    client: Option<Object>,
    open: bool,
    runtime: Handle,
}

impl PgSession {
    fn client(&self) -> Result<&Object, StoreError> {
        self.client
            .as_ref()
            .ok_or_else(|| StoreError::internal("a PostgreSQL session was used after it ended"))
    }

    pub(crate) async fn query(&mut self, statement: Statement) -> Result<Vec<RawRow>, StoreError> {
        let client = self.client()?;
        if client.statement_cache.size() >= STATEMENT_CACHE {
            client.statement_cache.clear();
        }
        let prepared = client
            .prepare_cached(&statement.text)
            .await
            .map_err(classify)?;
        let params: Vec<&(dyn ToSql + Sync)> = statement
            .params
            .iter()
            .map(|param| param as &(dyn ToSql + Sync))
            .collect();
        let rows = client.query(&prepared, &params).await.map_err(classify)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut cells = Vec::with_capacity(row.len());
            for (index, column) in row.columns().iter().enumerate() {
                let cell: SqlValue = row.try_get(index).map_err(StoreError::internal)?;
                cells.push((column.name().to_owned(), cell));
            }
            out.push(cells);
        }
        Ok(out)
    }

    pub(crate) async fn batch(&mut self, text: &str) -> Result<(), StoreError> {
        self.client()?.batch_execute(text).await.map_err(classify)
    }

    pub(crate) async fn finish(mut self, verb: &'static str) -> Result<(), StoreError> {
        if !self.open {
            return Ok(());
        }
        let outcome = self.batch(verb).await;
        // After a failed COMMIT PostgreSQL has already ended the transaction (rolled back).
        self.open = false;
        if outcome.is_err()
            && let Some(client) = self.client.take()
        {
            // The connection may be broken; never hand it to another request.
            drop(Object::take(client));
        }
        outcome
    }
}

impl Drop for PgSession {
    fn drop(&mut self) {
        let Some(client) = self.client.take() else {
            return;
        };
        if !self.open {
            return;
        }
        // If the runtime is gone the task is dropped with the client, closing the connection,
        // which makes the server roll the transaction back all the same.
        self.runtime.spawn(async move {
            if client.batch_execute("ROLLBACK").await.is_err() {
                drop(Object::take(client));
            }
        });
    }
}

fn pool_error(error: PoolError) -> StoreError {
    match error {
        PoolError::Backend(error) => classify(error),
        PoolError::Timeout(_) | PoolError::Closed => {
            StoreError::unavailable("the database is not answering; try again")
        }
        other => StoreError::internal(format!("PostgreSQL pool: {other}")),
    }
}

/// Whether the error is the connection's (closed, refused, timed out) rather than the request's.
fn lost_connection(error: &tokio_postgres::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = cause {
        if current.is::<std::io::Error>() {
            return true;
        }
        cause = current.source();
    }
    error.is_closed()
}

/// Sorts a tokio-postgres error into the stable codes.
fn classify(error: tokio_postgres::Error) -> StoreError {
    let Some(db) = error.as_db_error() else {
        if lost_connection(&error) {
            // No answer from the server: it is down, restarting, or the connection broke.
            tracing::warn!(target: "backworks::storage", "PostgreSQL: {error}");
            return StoreError::unavailable("the database is unreachable; try again");
        }
        // Refused by the driver itself (a parameter that cannot be encoded, …): a bug here.
        return StoreError::internal(format!("PostgreSQL client: {error}"));
    };
    let code = db.code();
    let message = db.message().to_owned();
    let logged = format!("PostgreSQL: {message}");
    match *code {
        SqlState::UNIQUE_VIOLATION | SqlState::FOREIGN_KEY_VIOLATION => {
            let stable = if *code == SqlState::UNIQUE_VIOLATION {
                ErrorCode::UniqueViolation
            } else {
                ErrorCode::ForeignKeyViolation
            };
            let constraint = conflict::postgres(db.table(), db.constraint());
            conflict::engine_error(stable, constraint, &logged)
        }
        SqlState::NOT_NULL_VIOLATION => StoreError::refused(ErrorCode::NotNullViolation, &logged),
        SqlState::CHECK_VIOLATION => StoreError::refused(ErrorCode::CheckViolation, &logged),
        SqlState::T_R_SERIALIZATION_FAILURE
        | SqlState::T_R_DEADLOCK_DETECTED
        | SqlState::ADMIN_SHUTDOWN
        | SqlState::CRASH_SHUTDOWN
        | SqlState::CANNOT_CONNECT_NOW
        | SqlState::TOO_MANY_CONNECTIONS => {
            tracing::warn!(target: "backworks::storage", "PostgreSQL: {message}");
            StoreError::unavailable("the database is busy or restarting; try again")
        }
        _ if code.code().starts_with("08") => {
            StoreError::unavailable("the database is unreachable; try again")
        }
        // Mistakes in SQL a handler wrote (`ctx.db.sql`): syntax, unknown names, bad data.
        _ if code.code().starts_with("42") || code.code().starts_with("22") => {
            StoreError::new(ErrorCode::Invalid, format!("PostgreSQL: {message}"))
        }
        _ => StoreError::internal(logged),
    }
}
