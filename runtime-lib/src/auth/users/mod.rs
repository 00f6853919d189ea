//! Built-in accounts (`auth.users`): the service registers people, checks their passwords and
//! signs their tokens itself. [`Accounts`] is the provider, built at start from the
//! [`UsersSpec`] and the environment; `routes` serves `/auth/*`; the `Authenticator` asks it to
//! verify the bearer tokens it issued.
//!
//! ```text
//! POST /auth/register {email, password} ─▶ users row + argon2id hash ─▶ 201 {user, access_token, refresh_token, …}
//! POST /auth/login    {email, password} ─▶ throttle ─▶ verify (decoy hash for unknown emails) ─▶ 200 | 401 | 429
//! POST /auth/refresh  {refresh_token}   ─▶ spend, issue the successor (reuse revokes the family)
//! POST /auth/logout   {refresh_token}   ─▶ revoke the family ─▶ 204
//! GET  /auth/me                          ─▶ the caller's account
//! PATCH /auth/users/{id} {roles}         ─▶ (admins) the account's new roles
//! ```
//!
//! The files: `accounts` (the `users` rows), `credentials` (password hashes, a platform table),
//! `passwords` (rules, argon2id), `tokens` (access JWTs, refresh token digests), `refresh`
//! (token families), `throttle` (failed logins), `routes` (HTTP). Everything here needs both
//! the `auth` and the `storage` features.

mod accounts;
mod credentials;
mod passwords;
mod refresh;
pub(crate) mod routes;
mod throttle;
mod tokens;

pub(crate) use credentials::CREDENTIALS_TABLE;
pub(crate) use refresh::REFRESH_TOKENS_TABLE;
pub(crate) use tokens::claimed_issuer;

use tokio::sync::Mutex;

use super::spec::UsersSpec;
use super::verify::Rejection;
use crate::contract::User;
use crate::storage::audit::Origin;
use crate::storage::{Store, StoreError};
use accounts::RegisterError;
use passwords::Passwords;
use throttle::Throttle;
use tokens::AccessTokens;

/// The built-in account provider of one service.
pub(crate) struct Accounts {
    spec: UsersSpec,
    tokens: AccessTokens,
    passwords: Passwords,
    throttle: Throttle,
    /// The bootstrap admin's (normalized) email and password, from the environment.
    admin: Option<(String, String)>,
    /// Whether the admin is known to exist; set once it was found or created.
    admin_ready: Mutex<bool>,
}

impl Accounts {
    /// Reads the signing secret and the admin's credentials through `lookup`. The error is one
    /// line naming the variable at fault, never its value.
    pub(crate) fn new(
        spec: &UsersSpec,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Accounts, String> {
        let tokens = AccessTokens::new(
            spec.issuer,
            spec.access_ttl_s,
            spec.secret_variable,
            lookup(spec.secret_variable),
        )?;
        let admin = match &spec.admin {
            None => None,
            Some(admin) => {
                let read = |variable: &str, what: &str| {
                    lookup(variable)
                        .filter(|value| !value.trim().is_empty())
                        .ok_or_else(|| {
                            format!("the environment variable {variable} ({what}) is not set")
                        })
                };
                let email = read(admin.email_variable, "auth.users.admin.email")?;
                let password = read(admin.password_variable, "auth.users.admin.password")?;
                let email = accounts::normalize_email(&email).ok_or_else(|| {
                    format!(
                        "the environment variable {} (auth.users.admin.email) is not an email address",
                        admin.email_variable
                    )
                })?;
                passwords::check_rules(
                    &password,
                    spec.password_min_length,
                    spec.password_max_length,
                )
                .map_err(|rule| {
                    format!(
                        "the environment variable {} (auth.users.admin.password) breaks the password rules: {}",
                        admin.password_variable, rule.0
                    )
                })?;
                Some((email, password))
            }
        };
        Ok(Accounts {
            spec: *spec,
            tokens,
            passwords: Passwords::new(),
            throttle: Throttle::new(spec.throttle_failures, spec.throttle_window_s),
            admin,
            admin_ready: Mutex::new(false),
        })
    }

    /// The `iss` of the tokens this provider signs.
    pub(crate) fn issuer(&self) -> &'static str {
        self.tokens.issuer()
    }

    /// The caller an access token of this provider names.
    pub(crate) fn verify(&self, token: &str) -> Result<User, Rejection> {
        self.tokens.verify(token)
    }

    /// Creates the bootstrap admin if no account holds its email, once per process (again
    /// after a failure). Every account route waits for it, so no one can register the admin's
    /// email first.
    async fn ensure_admin(&self, store: &Store) -> Result<(), StoreError> {
        let Some((email, password)) = &self.admin else {
            return Ok(());
        };
        let mut ready = self.admin_ready.lock().await;
        if *ready {
            return Ok(());
        }
        if !accounts::exists(store, email).await? {
            let hash = self
                .passwords
                .hash(password)
                .await
                .map_err(|_| StoreError::internal("cannot hash the admin's password"))?;
            let roles = ["admin".to_owned()];
            match accounts::register(store, email, &hash, &roles, &Origin::system()).await {
                // Another server sharing the database created it first.
                Ok(_) | Err(RegisterError::Taken) => {
                    tracing::info!(target: "backworks::auth", "created the admin account");
                }
                Err(RegisterError::Store(error)) => return Err(error),
            }
        }
        *ready = true;
        Ok(())
    }
}

/// Milliseconds since the Unix epoch, as the platform tables store instants.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}
