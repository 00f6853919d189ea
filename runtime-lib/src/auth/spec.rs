//! What the generated `main.rs` declares about identity: the token provider and, per route,
//! who may call it. Plain `static` data; no secret is ever part of it, only the name of the
//! environment variable that holds one.
//!
//! ```ignore
//! static AUTH: AuthSpec = AuthSpec {
//!     jwt: Some(JwtSpec {
//!         keys: JwtKeys::Discovered { jwks_url: None, algorithms: &[JwtAlgorithm::Rs256] },
//!         issuer: Some("${OIDC_ISSUER}"), audience: Some("notes-api"),
//!         roles_claim: "roles", leeway_s: 30 }),
//!     users: None,
//!     api_keys: Some(ApiKeysSpec { header: "x-api-key", query: None, admin_token_variable: None }),
//!     resources: Access::Required { roles: &[] },
//! };
//! RouteSpec { …, auth: Access::Required { roles: &["admin"] } }
//! ```

/// The service's identity settings (`ServiceSpec::auth`): at least one provider.
#[derive(Debug)]
pub struct AuthSpec {
    /// How bearer tokens from an external provider are verified.
    pub jwt: Option<JwtSpec>,
    /// Built-in accounts.
    pub users: Option<UsersSpec>,
    /// API keys.
    pub api_keys: Option<ApiKeysSpec>,
    /// Who may call the generated CRUD routes of the service's resources.
    pub resources: Access,
}

/// An external JWT provider: where its keys come from, and what its tokens must say.
#[derive(Debug)]
pub struct JwtSpec {
    /// The provider's keys: one from the environment, or the issuer's published JWKS.
    pub keys: JwtKeys,
    /// The required `iss`, when the blueprint names one: a literal, or `${VAR}` read from the
    /// environment at start. With [`JwtKeys::Discovered`] it is also where discovery starts.
    pub issuer: Option<&'static str>,
    /// The required `aud` (one of the token's audiences), when the blueprint names one.
    pub audience: Option<&'static str>,
    /// Where the roles are in the claims: a member name or a dotted path (`realm_access.roles`).
    pub roles_claim: &'static str,
    /// Clock leeway for `exp` and `nbf`, in seconds.
    pub leeway_s: u64,
}

/// Where the keys that verify a provider's tokens come from.
#[derive(Debug)]
pub enum JwtKeys {
    /// One key, read from the environment at start: an HS256 secret or a PEM public key.
    Fixed {
        /// The only algorithm accepted; a token's `alg` header never chooses another.
        algorithm: JwtAlgorithm,
        /// The environment variable holding the HS256 secret or the PEM public key.
        variable: &'static str,
    },
    /// The issuer's JSON Web Key Set, found by OpenID Connect discovery
    /// (`{issuer}/.well-known/openid-configuration`) unless `jwks_url` names it, fetched when
    /// first needed, cached by `kid` and fetched again for an unknown `kid`.
    Discovered {
        /// The JWKS address, skipping discovery: a literal or `${VAR}`.
        jwks_url: Option<&'static str>,
        /// The algorithms a key may be used with (never HS256: a published key is public).
        algorithms: &'static [JwtAlgorithm],
    },
}

impl JwtSpec {
    /// The environment variable holding a key, when the keys come from the environment.
    pub fn key_variable(&self) -> Option<&'static str> {
        match self.keys {
            JwtKeys::Fixed { variable, .. } => Some(variable),
            JwtKeys::Discovered { .. } => None,
        }
    }
}

/// Built-in accounts: the service keeps them (the `users` resource, passwords and refresh
/// tokens in platform tables) and signs their access tokens (HS256).
#[derive(Debug, Clone, Copy)]
pub struct UsersSpec {
    /// The environment variable holding the signing secret, read at start.
    pub secret_variable: &'static str,
    /// The `iss` of the access tokens this service signs.
    pub issuer: &'static str,
    /// The roles an account may hold (`admin` among them).
    pub roles: &'static [&'static str],
    /// The role a newly registered account gets.
    pub default_role: Option<&'static str>,
    /// The account created at start if absent, with the role `admin`.
    pub admin: Option<AdminAccountSpec>,
    /// How long an access token is valid, in seconds.
    pub access_ttl_s: u64,
    /// How long a refresh token is valid, in seconds.
    pub refresh_ttl_s: u64,
    /// Fewest characters of a password.
    pub password_min_length: u64,
    /// Most characters of a password.
    pub password_max_length: u64,
    /// Failed logins allowed per account within the window (a client address: four times
    /// as many).
    pub throttle_failures: u32,
    /// The login-throttling window, in seconds.
    pub throttle_window_s: u64,
}

/// The bootstrap administrator: the variables holding its credentials, read at start.
#[derive(Debug, Clone, Copy)]
pub struct AdminAccountSpec {
    /// The variable holding the admin's email.
    pub email_variable: &'static str,
    /// The variable holding the admin's password.
    pub password_variable: &'static str,
}

/// API keys an admin issues.
#[derive(Debug)]
pub struct ApiKeysSpec {
    /// The request header carrying the key (lower case).
    pub header: &'static str,
    /// The query parameter that may carry the key instead (`auth.api_keys.query`), when the
    /// blueprint allows it; the server removes it from the request before anything else
    /// reads the URI.
    pub query: Option<&'static str>,
    /// The environment variable holding the operator's bootstrap token, accepted as
    /// `Authorization: Bearer <token>` by the key administration routes only.
    pub admin_token_variable: Option<&'static str>,
}

/// The signature algorithms a blueprint may choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JwtAlgorithm {
    /// HMAC with SHA-256 and a shared secret.
    Hs256,
    /// RSASSA-PKCS1-v1_5 with SHA-256 and an RSA public key.
    Rs256,
    /// ECDSA on P-256 with SHA-256 and an EC public key.
    Es256,
    /// Ed25519 and an Ed25519 public key.
    EdDsa,
}

impl JwtAlgorithm {
    /// The name in a token's `alg` header.
    pub fn as_str(self) -> &'static str {
        match self {
            JwtAlgorithm::Hs256 => "HS256",
            JwtAlgorithm::Rs256 => "RS256",
            JwtAlgorithm::Es256 => "ES256",
            JwtAlgorithm::EdDsa => "EdDSA",
        }
    }
}

/// Who may call one route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone; no token is looked at (`auth: none`, and every route of a service without `auth:`).
    Public,
    /// Anyone, but a token that is sent must be valid (`auth: optional`); `ctx.user` is `null`
    /// without one.
    Optional,
    /// A valid token, carrying at least one of `roles` when the list is not empty.
    Required {
        /// The roles of which the caller needs one.
        roles: &'static [&'static str],
    },
}
