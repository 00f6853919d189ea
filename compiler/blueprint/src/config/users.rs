//! `auth.users:` as written: built-in accounts whose access tokens the service signs itself.
//!
//! ```yaml
//! auth:
//!   users:
//!     secret: ${JWT_SECRET}
//!     roles: [member, admin]
//!     default_role: member
//!     admin: { email: "${ADMIN_EMAIL}", password: "${ADMIN_PASSWORD}" }
//! ```

use schemars::JsonSchema;
use serde::Deserialize;

/// `auth.users:`: accounts kept in the service's own database.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UsersConfig {
    /// The HS256 secret that signs access tokens, as a reference to an environment variable:
    /// `${JWT_SECRET}`.
    pub secret: String,
    /// The roles an account may hold.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The role a newly registered account gets.
    #[serde(default)]
    pub default_role: Option<String>,
    /// An admin account created on first start if absent; both values are environment
    /// variable references.
    #[serde(default)]
    pub admin: Option<AdminAccountConfig>,
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
