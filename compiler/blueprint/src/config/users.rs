//! `auth.users:` as written: built-in accounts whose access tokens the service signs itself.
//!
//! ```yaml
//! auth:
//!   users:
//!     secret: ${JWT_SECRET}
//!     roles: [member, admin]
//!     default_role: member
//!     admin: { email: "${ADMIN_EMAIL}", password: "${ADMIN_PASSWORD}" }
//!     access_ttl: 15m
//!     refresh_ttl: 30d
//!     password: { min_length: 10 }
//!     login_throttle: { failures: 5, per: 15m }
//! ```

use schemars::JsonSchema;
use serde::Deserialize;

use super::Size;

/// `auth.users:`: accounts kept in the service's own database (a `users` resource), with
/// `POST /auth/register`, `/auth/login`, `/auth/refresh`, `/auth/logout` and `GET /auth/me`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UsersConfig {
    /// The HS256 secret that signs access tokens, as a reference to an environment variable:
    /// `${JWT_SECRET}` (at least 32 bytes).
    pub secret: String,
    /// The roles an account may hold. `admin` (who may change others' roles) is always one.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The role a newly registered account gets (none when absent).
    #[serde(default)]
    pub default_role: Option<String>,
    /// An admin account created on first start if absent; both values are environment
    /// variable references.
    #[serde(default)]
    pub admin: Option<AdminAccountConfig>,
    /// How long an access token is valid: seconds as a number, or a duration such as `15m`
    /// (default 15m, at most 1d).
    #[serde(default)]
    pub access_ttl: Option<Size>,
    /// How long a refresh token is valid after it is issued: a duration such as `30d`
    /// (default 30d).
    #[serde(default)]
    pub refresh_ttl: Option<Size>,
    /// Rules for passwords.
    #[serde(default)]
    pub password: Option<PasswordConfig>,
    /// How many failed logins are allowed per account and per client address before further
    /// attempts are refused with 429 until the window ends.
    #[serde(default)]
    pub login_throttle: Option<LoginThrottleConfig>,
}

/// `auth.users.admin:`: the bootstrap administrator.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminAccountConfig {
    /// `${ADMIN_EMAIL}`.
    pub email: String,
    /// `${ADMIN_PASSWORD}`.
    pub password: String,
}

/// `auth.users.password:`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordConfig {
    /// Fewest characters a password may have (default 8, at least 8).
    #[serde(default)]
    pub min_length: Option<u64>,
    /// Most characters a password may have (default 256, at most 1024): bounds the work of
    /// hashing.
    #[serde(default)]
    pub max_length: Option<u64>,
}

/// `auth.users.login_throttle:`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginThrottleConfig {
    /// Failed logins allowed per account within the window (default 5); a client address
    /// gets four times as many (several people may share one).
    #[serde(default)]
    pub failures: Option<u32>,
    /// The window: a duration such as `15m` (default 15m).
    #[serde(default)]
    pub per: Option<Size>,
}
