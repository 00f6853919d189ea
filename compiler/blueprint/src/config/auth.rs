//! The `auth:` key and the endpoints' `auth`/`roles` keys as written, before validation.
//!
//! Words stay strings here so a typo becomes a located "did you mean" diagnostic in lowering
//! (`crate::auth`) rather than a serde error; the schema lists the accepted words for editors.
//!
//! ```yaml
//! auth:
//!   jwt:
//!     secret: ${JWT_SECRET}          # HS256; or public_key: ${JWT_PUBLIC_KEY} + algorithm;
//!                                    # or neither: the issuer's keys, by OIDC discovery
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

/// `auth.jwt:`: the provider's key, and what its tokens must say. With neither `secret` nor
/// `public_key`, the keys are the `issuer`'s, found by OpenID Connect discovery.
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
    /// The `iss` every token must carry: an `https://` URL or `${OIDC_ISSUER}`. Without
    /// `secret` and `public_key`, the keys are fetched from
    /// `{issuer}/.well-known/openid-configuration`'s `jwks_uri` and cached by `kid`.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The issuer's JSON Web Key Set address, skipping discovery: an `https://` URL or
    /// `${VAR}`.
    #[serde(default)]
    pub jwks_url: Option<String>,
    /// The algorithms the issuer's keys may verify (default all three); each key is used
    /// with the one its type names, never the one a token asks for.
    #[serde(default)]
    #[schemars(extend("items" = { "enum": ["RS256", "ES256", "EdDSA"] }))]
    pub algorithms: Option<Vec<String>>,
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
