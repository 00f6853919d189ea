//! Refresh-token families in the platform table `_backworks_refresh_tokens`. A login starts a
//! family; each refresh spends the presented token and issues its successor in the same
//! family; presenting a spent token again means it was copied, so the whole family is revoked
//! (RFC 9700 §4.14.2, refresh token rotation) and its newest token stops working too. Only a
//! token's SHA-256 is stored (see `tokens.rs` for why a fast digest is right here).
//!
//! ```text
//! login            ─▶ t1 (family F)
//! refresh t1       ─▶ t1 spent, t2 (F)
//! refresh t1 again ─▶ every token of F revoked ─▶ 401; refresh t2 ─▶ 401
//! logout t2        ─▶ every token of F revoked ─▶ 204
//! ```
//!
//! Spending is one conditional `UPDATE … RETURNING`, so of two concurrent refreshes with one
//! token exactly one wins (PostgreSQL re-checks the condition after the row lock; SQLite has
//! one writer), and the other is treated as reuse.

use serde_json::{Value, json};

use super::now_ms;
use super::tokens::{digest, refresh_token};
use crate::storage::system::SystemTable;
use crate::storage::{Store, StoreError, Transaction};

const CREATE: &str = r#"CREATE TABLE IF NOT EXISTS "_backworks_refresh_tokens" (
    "token_hash" TEXT PRIMARY KEY,
    "family" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "issued_at" BIGINT NOT NULL,
    "expires_at" BIGINT NOT NULL,
    "spent_at" BIGINT,
    "revoked_at" BIGINT
);
CREATE INDEX IF NOT EXISTS "_backworks_refresh_tokens_family_idx"
    ON "_backworks_refresh_tokens" ("family");
CREATE INDEX IF NOT EXISTS "_backworks_refresh_tokens_expires_at_idx"
    ON "_backworks_refresh_tokens" ("expires_at");"#;

/// The table, for `storage::system::TABLES`.
pub(crate) static REFRESH_TOKENS_TABLE: SystemTable = SystemTable {
    name: "_backworks_refresh_tokens",
    sqlite: CREATE,
    postgres: CREATE,
};

/// What presenting a refresh token led to.
#[derive(Debug)]
pub(crate) enum Rotation {
    /// Spent; its successor (to give the client) belongs to account `user_id`.
    Rotated { user_id: String, token: String },
    /// Unknown, expired, spent or revoked.
    Refused,
}

/// Starts a family for account `user_id`; answers its first token.
pub(crate) async fn start(store: &Store, user_id: &str, ttl_s: u64) -> Result<String, StoreError> {
    let mut tx = store.begin().await?;
    // Expired rows can no longer do anything; each login sweeps them (indexed by expiry).
    tx.platform_sql(
        r#"DELETE FROM "_backworks_refresh_tokens" WHERE "expires_at" < ?"#.to_owned(),
        vec![Value::from(now_ms())],
    )
    .await?;
    let family = uuid::Uuid::new_v4().to_string();
    let token = issue(&mut tx, &family, user_id, ttl_s).await?;
    tx.commit().await?;
    Ok(token)
}

async fn issue(
    tx: &mut Transaction,
    family: &str,
    user_id: &str,
    ttl_s: u64,
) -> Result<String, StoreError> {
    let token =
        refresh_token().ok_or_else(|| StoreError::internal("the OS random generator failed"))?;
    let now = now_ms();
    let expires = now.saturating_add(i64::try_from(ttl_s.saturating_mul(1000)).unwrap_or(i64::MAX));
    tx.platform_sql(
        r#"INSERT INTO "_backworks_refresh_tokens"
           ("token_hash", "family", "user_id", "issued_at", "expires_at") VALUES (?, ?, ?, ?, ?)"#
            .to_owned(),
        vec![
            json!(digest(&token)),
            json!(family),
            json!(user_id),
            Value::from(now),
            Value::from(expires),
        ],
    )
    .await?;
    Ok(token)
}

/// Spends `token` and issues its successor, or revokes its family when it was spent before.
pub(crate) async fn rotate(store: &Store, token: &str, ttl_s: u64) -> Result<Rotation, StoreError> {
    let hash = digest(token);
    let now = now_ms();
    let mut tx = store.begin().await?;
    let spent = tx
        .platform_sql(
            r#"UPDATE "_backworks_refresh_tokens" SET "spent_at" = ?
               WHERE "token_hash" = ? AND "spent_at" IS NULL AND "revoked_at" IS NULL
                 AND "expires_at" > ?
               RETURNING "family", "user_id""#
                .to_owned(),
            vec![Value::from(now), json!(hash), Value::from(now)],
        )
        .await?;
    if let Some(row) = spent.into_iter().next() {
        let (Some(family), Some(user_id)) = (text(&row, "family"), text(&row, "user_id")) else {
            return Ok(Rotation::Refused);
        };
        let token = issue(&mut tx, &family, &user_id, ttl_s).await?;
        tx.commit().await?;
        return Ok(Rotation::Rotated { user_id, token });
    }
    let found = tx
        .platform_sql(
            r#"SELECT "family", "spent_at", "revoked_at" FROM "_backworks_refresh_tokens"
               WHERE "token_hash" = ?"#
                .to_owned(),
            vec![json!(hash)],
        )
        .await?;
    if let Some(row) = found.into_iter().next() {
        let reused = !row.get("spent_at").is_none_or(Value::is_null)
            && row.get("revoked_at").is_none_or(Value::is_null);
        if reused && let Some(family) = text(&row, "family") {
            revoke_family(&mut tx, &family).await?;
            // audit: a spent refresh token was presented again; its family is revoked.
            tracing::warn!(target: "backworks::auth", "a spent refresh token was reused; its family is revoked");
        }
    }
    tx.commit().await?;
    Ok(Rotation::Refused)
}

/// Revokes the family of `token`, if it names one (logout).
pub(crate) async fn revoke(store: &Store, token: &str) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    let found = tx
        .platform_sql(
            r#"SELECT "family" FROM "_backworks_refresh_tokens" WHERE "token_hash" = ?"#.to_owned(),
            vec![json!(digest(token))],
        )
        .await?;
    if let Some(family) = found.first().and_then(|row| text(row, "family")) {
        revoke_family(&mut tx, &family).await?;
    }
    tx.commit().await
}

async fn revoke_family(tx: &mut Transaction, family: &str) -> Result<(), StoreError> {
    tx.platform_sql(
        r#"UPDATE "_backworks_refresh_tokens" SET "revoked_at" = ?
           WHERE "family" = ? AND "revoked_at" IS NULL"#
            .to_owned(),
        vec![Value::from(now_ms()), json!(family)],
    )
    .await?;
    Ok(())
}

fn text(row: &crate::storage::Row, column: &str) -> Option<String> {
    row.get(column)?.as_str().map(str::to_owned)
}
