//! The rate-limit counters several instances share (`_backworks_rate_limits`): one row per
//! policy and caller holding its GCRA `tat` (see `http/rate_limit/gcra.rs`), advanced by one
//! atomic statement per request, so two servers behind a load balancer enforce one limit.
//!
//! ```text
//! INSERT … VALUES (key, now + T) ON CONFLICT (key) DO UPDATE
//!   SET admitted = max(tat, now) + T - now <= window, tat = (admitted ? max(tat, now) + T : tat)
//!   RETURNING tat_ns, admitted, seen_ns
//! ```
//!
//! The row lock `ON CONFLICT … DO UPDATE` takes serializes the requests of one caller across
//! instances; the clock is the database's (`clock_timestamp()`), so instances whose clocks
//! disagree still count alike. Only PostgreSQL runs it: an SQLite database is one machine's,
//! whose single instance counts in memory. Rows whose `tat` has passed mean "quota whole",
//! like no row, and [`Store::forget_rate_limits`] deletes them on the limiter's timer.

use super::engine::{Engine, RawRow};
use super::error::StoreError;
use super::sql::Statement;
use super::store::Store;
use super::system::SystemTable;
use super::value::SqlValue;

/// The platform table (created at start on both engines; used on PostgreSQL).
pub(crate) static RATE_LIMITS: SystemTable = SystemTable {
    name: "_backworks_rate_limits",
    sqlite: "CREATE TABLE IF NOT EXISTS _backworks_rate_limits (\
             key TEXT PRIMARY KEY, tat_ns INTEGER NOT NULL, admitted INTEGER NOT NULL, \
             seen_ns INTEGER NOT NULL);",
    postgres: "CREATE TABLE IF NOT EXISTS _backworks_rate_limits (\
               key TEXT PRIMARY KEY, tat_ns BIGINT NOT NULL, admitted BOOLEAN NOT NULL, \
               seen_ns BIGINT NOT NULL);",
};

/// Every SET expression reads the row as it was, so `admitted` and `tat_ns` decide alike.
const STEP: &str = "WITH clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000000000)::bigint AS ns) \
INSERT INTO _backworks_rate_limits AS r (key, tat_ns, admitted, seen_ns) \
SELECT $1, clock.ns + $2, true, clock.ns FROM clock \
ON CONFLICT (key) DO UPDATE SET \
admitted = GREATEST(r.tat_ns, excluded.seen_ns) + $2 - excluded.seen_ns <= $3, \
tat_ns = CASE WHEN GREATEST(r.tat_ns, excluded.seen_ns) + $2 - excluded.seen_ns <= $3 \
THEN GREATEST(r.tat_ns, excluded.seen_ns) + $2 ELSE r.tat_ns END, \
seen_ns = excluded.seen_ns \
RETURNING tat_ns, admitted, seen_ns";

const FORGET: &str = "DELETE FROM _backworks_rate_limits \
WHERE tat_ns < (extract(epoch FROM clock_timestamp()) * 1000000000)::bigint";

/// One request's step on the shared counter `key`: the caller's new `tat`, whether it was
/// admitted, and the database's clock, all in nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SharedStep {
    pub(crate) tat_ns: u64,
    pub(crate) admitted: bool,
    pub(crate) now_ns: u64,
}

impl Store {
    /// Whether this store can hold counters for several instances (PostgreSQL).
    pub(crate) fn shares_rate_limits(&self) -> bool {
        matches!(self.engine(), Engine::Postgres(_))
    }

    /// Counts one request against `key` for a limit costing `cost_ns` per request within
    /// `window_ns`.
    pub(crate) async fn step_rate_limit(
        &self,
        key: &str,
        cost_ns: u64,
        window_ns: u64,
    ) -> Result<SharedStep, StoreError> {
        let int = |n: u64| SqlValue::Int(i64::try_from(n).unwrap_or(i64::MAX));
        let statement = Statement {
            text: STEP.to_owned(),
            params: vec![SqlValue::Text(key.to_owned()), int(cost_ns), int(window_ns)],
        };
        let mut session = self.engine().reader().await?;
        let rows = session.query(statement).await?;
        let row = rows
            .first()
            .ok_or_else(|| StoreError::internal("the rate-limit step returned no row"))?;
        Ok(SharedStep {
            tat_ns: integer(row, "tat_ns")?,
            admitted: matches!(column(row, "admitted"), Some(SqlValue::Bool(true))),
            now_ns: integer(row, "seen_ns")?,
        })
    }

    /// Deletes the counters whose quota is whole again.
    pub(crate) async fn forget_rate_limits(&self) -> Result<(), StoreError> {
        let mut session = self.engine().reader().await?;
        session
            .query(Statement {
                text: FORGET.to_owned(),
                params: Vec::new(),
            })
            .await
            .map(drop)
    }
}

fn column<'r>(row: &'r RawRow, name: &str) -> Option<&'r SqlValue> {
    row.iter()
        .find(|(column, _)| column == name)
        .map(|(_, value)| value)
}

fn integer(row: &RawRow, name: &str) -> Result<u64, StoreError> {
    match column(row, name) {
        Some(SqlValue::Int(n)) => Ok(u64::try_from(*n).unwrap_or(0)),
        _ => Err(StoreError::internal(format!(
            "the rate-limit step returned no integer `{name}`"
        ))),
    }
}
