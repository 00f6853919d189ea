//! Where API keys are kept: the platform table `_backworks_api_keys`, one row per key, holding
//! the key's SHA-256 and never the key. Every query is here, parameterized, and written for
//! both engines (`?` placeholders; times are milliseconds since the epoch in a BIGINT, roles
//! a JSON array in TEXT, so no engine-specific type is involved).
//!
//! ```text
//! id (uuid) | name        | hash (hex SHA-256) | roles       | created_at | expires_at | revoked_at | last_used_at
//! 6f1c…     | "reporting" | 9b0e…              | ["reader"]  | 1796…      | NULL       | NULL       | NULL
//! ```
//!
//! `last_used_at` is written when a key is used, at most once a minute per key
//! (`api_keys_usage.rs`): a write on every authenticated request would serialize readers
//! behind SQLite's single writer.
//!
//! The table is created in every database (as every platform table is); the queries serve
//! only servers built with the `auth` feature.
#![cfg_attr(
    not(feature = "auth"),
    allow(dead_code, reason = "the queries serve the `auth` feature only")
)]

use serde_json::{Value, json};

use crate::storage::audit::{Event, Origin};
use crate::storage::system::SystemTable;
use crate::storage::{Row, Store, StoreError};

/// The table, created at start with the other platform tables.
pub(crate) static TABLE: SystemTable = SystemTable {
    name: "_backworks_api_keys",
    sqlite: "CREATE TABLE IF NOT EXISTS _backworks_api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        roles TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        revoked_at INTEGER,
        last_used_at INTEGER
    )",
    postgres: "CREATE TABLE IF NOT EXISTS _backworks_api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        roles TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT,
        revoked_at BIGINT,
        last_used_at BIGINT
    )",
};

/// The columns every read returns (never `hash`).
const COLUMNS: &str = "id, name, roles, created_at, expires_at, revoked_at, last_used_at";

/// One key as stored, without its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredKey {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) roles: Vec<String>,
    pub(crate) created_at: i64,
    pub(crate) expires_at: Option<i64>,
    pub(crate) revoked_at: Option<i64>,
    /// When the key last admitted a request, to within a minute (`None`: never).
    pub(crate) last_used_at: Option<i64>,
}

impl StoredKey {
    fn from_row(row: &Row) -> Option<StoredKey> {
        let text = |name: &str| row.get(name).and_then(Value::as_str).map(str::to_owned);
        let time = |name: &str| row.get(name).and_then(Value::as_i64);
        let roles = text("roles")
            .and_then(|roles| serde_json::from_str::<Vec<String>>(&roles).ok())
            .unwrap_or_default();
        Some(StoredKey {
            id: text("id")?,
            name: text("name")?,
            roles,
            created_at: time("created_at")?,
            expires_at: time("expires_at"),
            revoked_at: time("revoked_at"),
            last_used_at: time("last_used_at"),
        })
    }
}

/// Stores a new key's hash, with its `key_created` audit entry in the same transaction.
pub(crate) async fn insert(
    store: &Store,
    key: &StoredKey,
    hash: &str,
    origin: &Origin,
) -> Result<(), StoreError> {
    let roles = serde_json::to_string(&key.roles).unwrap_or_else(|_| "[]".into());
    let mut tx = store.begin().await?;
    tx.platform_sql(
        "INSERT INTO _backworks_api_keys (id, name, hash, roles, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?, ?)"
            .into(),
        vec![
            json!(key.id),
            json!(key.name),
            json!(hash),
            json!(roles),
            json!(key.created_at),
            json!(key.expires_at),
        ],
    )
    .await?;
    let created = Event::KeyCreated {
        key: key.id.clone(),
        roles: key.roles.clone(),
    };
    tx.record(origin, &created).await?;
    tx.commit().await
}

/// The key whose hash is `hash`, revoked and expired ones included (the caller decides).
pub(crate) async fn find_by_hash(
    store: &Store,
    hash: &str,
) -> Result<Option<StoredKey>, StoreError> {
    let rows = store
        .read_sql(
            format!("SELECT {COLUMNS} FROM _backworks_api_keys WHERE hash = ?"),
            vec![json!(hash)],
        )
        .await?;
    Ok(rows.first().and_then(StoredKey::from_row))
}

/// Every key, oldest first.
pub(crate) async fn list(store: &Store) -> Result<Vec<StoredKey>, StoreError> {
    let rows = store
        .read_sql(
            format!("SELECT {COLUMNS} FROM _backworks_api_keys ORDER BY created_at, id"),
            Vec::new(),
        )
        .await?;
    Ok(rows.iter().filter_map(StoredKey::from_row).collect())
}

/// Records that key `id` was used at `now` (never moving the time back). Unaudited: it is
/// bookkeeping, not a change anyone made.
pub(crate) async fn touch(store: &Store, id: &str, now: i64) -> Result<(), StoreError> {
    store
        .platform_sql(
            "UPDATE _backworks_api_keys SET last_used_at = ? \
             WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"
                .into(),
            vec![json!(now), json!(id), json!(now)],
        )
        .await
        .map(drop)
}

/// Marks key `id` revoked at `now` (a revoked key keeps its first revocation time), with its
/// `key_revoked` audit entry; `false` when there is no such key.
pub(crate) async fn revoke(
    store: &Store,
    id: &str,
    now: i64,
    origin: &Origin,
) -> Result<bool, StoreError> {
    let mut tx = store.begin().await?;
    let found = tx
        .platform_sql(
            "SELECT id FROM _backworks_api_keys WHERE id = ?".into(),
            vec![json!(id)],
        )
        .await?;
    if found.is_empty() {
        return Ok(false);
    }
    tx.platform_sql(
        "UPDATE _backworks_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL".into(),
        vec![json!(now), json!(id)],
    )
    .await?;
    let revoked = Event::KeyRevoked { key: id.to_owned() };
    tx.record(origin, &revoked).await?;
    tx.commit().await?;
    Ok(true)
}
