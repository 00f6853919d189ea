//! The two database engines behind one interface: a [`Session`] runs statements built by
//! `sql.rs` and hands rows back as [`SqlValue`]s, whichever engine it talks to.
//!
//! ```text
//! Engine::Sqlite   ── reads: reader threads (WAL snapshots) ── writes: the writer thread
//! Engine::Postgres ── a deadpool of tokio-postgres connections, reconnecting as needed
//! engine.reader()  ─▶ Session (autocommit reads)
//! engine.begin()   ─▶ Session in a transaction: query… then commit(); dropped = rolled back
//! ```
//!
//! Every future here is `Send`: SQLite's blocking calls run on the engine's own threads, fed
//! through channels, so no tokio worker ever waits on the disk.

mod pg_types;
mod postgres;
mod sqlite;

pub(crate) use postgres::PgEngine;
pub(crate) use sqlite::{Location, SqliteEngine};

use super::error::StoreError;
use super::sql::{Dialect, Statement};
use super::value::SqlValue;

/// One result row: column names and values, in the statement's order.
pub(crate) type RawRow = Vec<(String, SqlValue)>;

/// An open database.
#[derive(Clone)]
pub(crate) enum Engine {
    /// An embedded SQLite file (or memory).
    Sqlite(SqliteEngine),
    /// A PostgreSQL server.
    Postgres(PgEngine),
}

impl Engine {
    /// A session for reads outside any transaction.
    pub(crate) async fn reader(&self) -> Result<Session, StoreError> {
        Ok(match self {
            Engine::Sqlite(engine) => Session::Sqlite(engine.reader()),
            Engine::Postgres(engine) => Session::Postgres(Box::new(engine.session(false).await?)),
        })
    }

    /// A session inside a new transaction for applying migrations: on SQLite, foreign keys
    /// are off until it ends and checked before it commits (see
    /// [`sqlite::SqliteEngine::begin_migration`]); PostgreSQL's DDL needs nothing of the kind.
    pub(crate) async fn begin_migration(&self) -> Result<Session, StoreError> {
        match self {
            Engine::Sqlite(engine) => Ok(Session::Sqlite(engine.begin_migration().await?)),
            Engine::Postgres(_) => self.begin().await,
        }
    }

    /// A session inside a new transaction.
    pub(crate) async fn begin(&self) -> Result<Session, StoreError> {
        Ok(match self {
            Engine::Sqlite(engine) => Session::Sqlite(engine.begin().await?),
            Engine::Postgres(engine) => Session::Postgres(Box::new(engine.session(true).await?)),
        })
    }
}

/// A connection to run statements on, perhaps inside a transaction.
pub(crate) enum Session {
    /// See [`sqlite::SqliteSession`].
    Sqlite(sqlite::SqliteSession),
    /// See [`postgres::PgSession`].
    Postgres(Box<postgres::PgSession>),
}

impl Session {
    /// Runs one statement, returning its rows (none for most writes without `RETURNING`).
    pub(crate) async fn query(&mut self, statement: Statement) -> Result<Vec<RawRow>, StoreError> {
        match self {
            Session::Sqlite(session) => session.query(statement).await,
            Session::Postgres(session) => session.query(statement).await,
        }
    }

    /// Runs several `;`-separated statements without parameters (migrations).
    pub(crate) async fn batch(&mut self, text: impl Into<String>) -> Result<(), StoreError> {
        let text = text.into();
        match self {
            Session::Sqlite(session) => session.batch(text).await,
            Session::Postgres(session) => session.batch(&text).await,
        }
    }

    /// Which engine this session talks to.
    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Session::Sqlite(_) => Dialect::Sqlite,
            Session::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Commits the transaction the session was begun with.
    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        match self {
            Session::Sqlite(session) => session.finish("COMMIT").await,
            Session::Postgres(session) => session.finish("COMMIT").await,
        }
    }

    /// Rolls the transaction back now (dropping the session does the same, later).
    pub(crate) async fn rollback(self) -> Result<(), StoreError> {
        match self {
            Session::Sqlite(session) => session.finish("ROLLBACK").await,
            Session::Postgres(session) => session.finish("ROLLBACK").await,
        }
    }
}
