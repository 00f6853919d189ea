//! The accounts themselves: rows of the `users` resource, written through `storage::Store` so
//! they are validated like any row, plus the admin created at start.
//!
//! ```text
//! register("Ann@Example.com", hash, ["member"]) ─▶ users { id: <uuid>, email: "ann@example.com",
//!                                                         roles: ["member"], created_at, … }
//!                                                 + _backworks_credentials { user_id, hash }
//! ```
//!
//! Emails are trimmed and lower-cased before they are stored or looked up, so one person has
//! one account whatever case they type.

use serde_json::{Value, json};

use super::credentials;
use crate::storage::audit::{Event, Origin};
use crate::storage::{ErrorCode, Row, Store, StoreError};

/// The resource holding the accounts.
pub(crate) const USERS: &str = "users";

/// An email as stored: trimmed and lower-cased; `None` when it is not an address.
pub(crate) fn normalize_email(email: &str) -> Option<String> {
    let email = email.trim();
    // Counted before lower-casing, which may lengthen a few letters (`İ`).
    if email.chars().count() > 254 {
        return None;
    }
    let email = email.to_lowercase();
    let (local, domain) = email.split_once('@')?;
    // The storage layer's `format: email` check, plus no control characters: exactly what the
    // document's pattern admits.
    let plausible = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then_some(email)
}

/// Why an account could not be created.
#[derive(Debug)]
pub(crate) enum RegisterError {
    /// An account with this email exists.
    Taken,
    /// The database failed.
    Store(StoreError),
}

/// Creates an account (its row and its password hash, in one transaction).
pub(crate) async fn register(
    store: &Store,
    email: &str,
    hash: &str,
    roles: &[String],
    origin: &Origin,
) -> Result<Row, RegisterError> {
    let failed = RegisterError::Store;
    let mut tx = store.begin().await.map_err(failed)?;
    let mut data = Row::new();
    data.insert("email".into(), json!(email));
    data.insert("roles".into(), json!(roles));
    let row = match tx.create(USERS, data, origin).await {
        Ok(row) => row,
        Err(error) if error.code == ErrorCode::UniqueViolation => {
            return Err(RegisterError::Taken);
        }
        Err(error) => return Err(RegisterError::Store(error)),
    };
    let Some(id) = row.get("id").and_then(Value::as_str) else {
        return Err(RegisterError::Store(StoreError::internal(
            "a new account has no id",
        )));
    };
    credentials::set(&mut tx, id, hash).await.map_err(failed)?;
    let registered = Event::Register {
        user: id.to_owned(),
    };
    tx.record(origin, &registered).await.map_err(failed)?;
    tx.commit().await.map_err(failed)?;
    Ok(row)
}

/// Whether an account holds this (lower-cased) email.
pub(crate) async fn exists(store: &Store, email: &str) -> Result<bool, StoreError> {
    let rows = store
        .platform_sql(
            r#"SELECT 1 AS "found" FROM "users" WHERE "email" = ?"#.to_owned(),
            vec![json!(email)],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// The account with this id, if any.
pub(crate) async fn get(store: &Store, id: &str) -> Result<Option<Row>, StoreError> {
    store.get(USERS, &json!(id)).await
}

/// Sets an account's roles; `None` when there is no such account.
pub(crate) async fn set_roles(
    store: &Store,
    id: &str,
    roles: &[String],
    origin: &Origin,
) -> Result<Option<Row>, StoreError> {
    let mut patch = Row::new();
    patch.insert("roles".into(), json!(roles));
    let mut tx = store.begin().await?;
    let Some(before) = tx.get(USERS, &json!(id)).await? else {
        return Ok(None);
    };
    let updated = tx.update(USERS, &json!(id), patch, None, origin).await?;
    let changed = Event::RoleChanged {
        user: id.to_owned(),
        from: roles_of(&before),
        to: roles.to_vec(),
    };
    tx.record(origin, &changed).await?;
    tx.commit().await?;
    Ok(updated)
}

/// The roles held by an account row.
pub(crate) fn roles_of(row: &Row) -> Vec<String> {
    row.get("roles")
        .and_then(Value::as_array)
        .map(|roles| {
            roles
                .iter()
                .filter_map(|role| role.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            normalize_email("  Ann@Example.COM ").as_deref(),
            Some("ann@example.com")
        );
        assert_eq!(normalize_email("ann"), None);
        assert_eq!(normalize_email("@example.com"), None);
        assert_eq!(normalize_email("a@b@c"), None);
        assert_eq!(normalize_email("a b@c.d"), None);
        assert_eq!(normalize_email("a@localhost"), None);
        assert_eq!(normalize_email("a@.example"), None);
        assert_eq!(normalize_email("a@example."), None);
    }
}
