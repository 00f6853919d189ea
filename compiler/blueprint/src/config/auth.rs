//! The `auth:` key and the endpoints' `auth`/`roles` keys as written, before validation.
//!
//! Words stay strings here so a typo becomes a located "did you mean" diagnostic in lowering
//! (`crate::auth`) rather than a serde error; the schema lists the accepted words for editors.
//!
//! ```yaml
//! auth:
//!   jwt:
//!     secret: ${JWT_SECRET}          # HS256; or public_key: ${JWT_PUBLIC_KEY} + algorithm
//!     issuer: https://id.example.com
//!     audience: notes-api
//!     roles_claim: realm_access.roles
//!     leeway: 30s
//! endpoints:
//!   - { path: /report, auth: required, roles: [admin], handler: ./report.js }
//! ```

use schemars::JsonSchema;
use serde::Deserialize;

use super::Size;
pub use super::api_keys::ApiKeysConfig;
pub use super::users::UsersConfig;

/// `auth:`: how callers prove who they are, by one or more providers. With it, every endpoint
/// and generated resource route requires a verified caller unless it says `auth: none` or
/// `auth: optional`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    /// Bearer tokens (JWTs) issued by an external identity provider.
    #[serde(default)]
    pub jwt: Option<JwtConfig>,
    /// Built-in accounts: the service registers and logs in users and issues their tokens.
    #[serde(default)]
    pub users: Option<UsersConfig>,
    /// API keys sent in a header, issued and revoked by an admin.
    #[serde(default)]
    pub api_keys: Option<ApiKeysConfig>,
}

/// `auth.jwt:`: the provider's key, and what its tokens must say.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JwtConfig {
    /// The HS256 shared secret, as a reference to an environment variable: `${JWT_SECRET}`.
    /// Secrets belong in the environment, never in the blueprint.
    #[serde(default)]
    pub secret: Option<String>,
    /// The provider's PEM public key, as a reference to an environment variable:
    /// `${JWT_PUBLIC_KEY}`; needs `algorithm`.
    #[serde(default)]
    pub public_key: Option<String>,
    /// The signature algorithm of `public_key` tokens: `RS256`, `ES256` or `EdDSA` (`HS256`
    /// with `secret`, the default there). Tokens signed otherwise are refused.
    #[serde(default)]
    #[schemars(extend("enum" = ["HS256", "RS256", "ES256", "EdDSA"]))]
    pub algorithm: Option<String>,
    /// The `iss` every token must carry.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The `aud` every token must carry (one of its audiences).
    #[serde(default)]
    pub audience: Option<String>,
    /// The claim holding the caller's roles, a string or a list of strings; a dotted path
    /// reaches into objects (`realm_access.roles`). Default `roles`.
    #[serde(default)]
    pub roles_claim: Option<String>,
    /// Clock leeway for `exp` and `nbf`: seconds as a number, or a duration such as `30s`
    /// (default 30s).
    #[serde(default)]
    pub leeway: Option<Size>,
}
