//! Where password hashes live: the platform table `_backworks_credentials`, one row per
//! account, beside (not inside) the `users` resource. Nothing that reads `users` — the CRUD
//! layer, `ctx.db`, an expansion through a `ref` — can therefore return a hash; only this
//! file's statements read the table.
//!
//! ```text
//! _backworks_credentials (user_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL, changed_at BIGINT)
//! ```
//!
//! No foreign key: platform tables are created for every service, including those without a
//! `users` table. A row whose account was deleted (through `ctx.db`) is never read again:
//! lookups start from `users`.

use serde_json::{Value, json};

use crate::storage::system::SystemTable;
use crate::storage::{Store, StoreError, Transaction};

const CREATE: &str = r#"CREATE TABLE IF NOT EXISTS "_backworks_credentials" (
    "user_id" TEXT PRIMARY KEY,
    "password_hash" TEXT NOT NULL,
    "changed_at" BIGINT NOT NULL
);"#;

/// The table, for `storage::system::TABLES`.
pub(crate) static CREDENTIALS_TABLE: SystemTable = SystemTable {
    name: "_backworks_credentials",
    sqlite: CREATE,
    postgres: CREATE,
};

/// The account with this (lower-cased) email and its password hash, if both exist.
pub(crate) async fn find(
    store: &Store,
    email: &str,
) -> Result<Option<(String, String)>, StoreError> {
    // The id is read as text on both engines (a UUID column on PostgreSQL).
    let rows = store
        .platform_sql(
            r#"SELECT CAST(u."id" AS TEXT) AS "id", c."password_hash" AS "hash"
               FROM "users" u JOIN "_backworks_credentials" c ON c."user_id" = CAST(u."id" AS TEXT)
               WHERE u."email" = ?"#
                .to_owned(),
            vec![json!(email)],
        )
        .await?;
    Ok(rows.into_iter().next().and_then(|row| {
        let id = row.get("id")?.as_str()?.to_owned();
        let hash = row.get("hash")?.as_str()?.to_owned();
        Some((id, hash))
    }))
}

/// Records the hash of account `id`'s password, inside `tx`.
pub(crate) async fn set(tx: &mut Transaction, id: &str, hash: &str) -> Result<(), StoreError> {
    tx.platform_sql(
        r#"INSERT INTO "_backworks_credentials" ("user_id", "password_hash", "changed_at")
           VALUES (?, ?, ?)"#
            .to_owned(),
        vec![json!(id), json!(hash), Value::from(super::now_ms())],
    )
    .await?;
    Ok(())
}
