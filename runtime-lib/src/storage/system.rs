//! The platform's own tables, beside the service's resources: what identity, access and the
//! audit log keep (refresh-token families, API keys, the audit log, shared rate-limit
//! counters). Their names start with `_backworks_`, which no resource name can, and they are
//! created at start in the migration transaction — after the service's migrations, each
//! `CREATE … IF NOT EXISTS` — so a database any version of the server opened stays usable.
//!
//! ```text
//! Store::open ─▶ migrate_and_seed ─▶ service migrations ─▶ system::ensure (every TABLES entry) ─▶ seed
//! ```
//!
//! A subsystem that needs a table declares one [`SystemTable`] in its own file and lists it in
//! [`TABLES`]. Changing a table's columns later means a new statement here that upgrades the
//! old shape (`ALTER TABLE … ADD COLUMN …` guarded by the catalog), never an edit of the
//! original `CREATE`: databases in the field already hold it.

use super::engine::Session;
use super::error::StoreError;
use super::sql::Dialect;

/// One platform table: its DDL in each dialect (one or more `;`-separated statements, each
/// idempotent).
#[derive(Debug)]
pub(crate) struct SystemTable {
    /// The table's name, `_backworks_<what>`.
    pub(crate) name: &'static str,
    /// Statements for SQLite.
    pub(crate) sqlite: &'static str,
    /// Statements for PostgreSQL.
    pub(crate) postgres: &'static str,
}

/// Every platform table, created in this order.
pub(crate) static TABLES: &[&SystemTable] = &[
    &super::audit::table::AUDIT,
    &crate::auth::api_keys_store::TABLE,
    &super::rate_limits::RATE_LIMITS,
    &crate::events::table::EVENTS,
    #[cfg(feature = "auth")]
    &crate::auth::users::CREDENTIALS_TABLE,
    #[cfg(feature = "auth")]
    &crate::auth::users::REFRESH_TOKENS_TABLE,
];

/// Creates the platform tables the database lacks, inside the migration `session`.
pub(crate) async fn ensure(session: &mut Session) -> Result<(), String> {
    let dialect = session.dialect();
    for table in TABLES {
        let statements = match dialect {
            Dialect::Sqlite => table.sqlite,
            Dialect::Postgres => table.postgres,
        };
        session
            .batch(statements)
            .await
            .map_err(|error: StoreError| {
                format!("cannot create {}: {}", table.name, error.message)
            })?;
    }
    Ok(())
}
