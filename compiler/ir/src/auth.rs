//! Identity and access in the model: the service's token provider ([`Auth`]) and who may call
//! each operation ([`Access`]).
//!
//! ```text
//! auth: { jwt: { secret: ${JWT_SECRET} } }   ─▶ Auth { jwt: Jwt { keys: JwtKeys::Fixed {
//!                                                  algorithm: Hs256, variable: "JWT_SECRET" }, … } }
//! auth: { jwt: { issuer: ${OIDC_ISSUER} } }  ─▶ Jwt { keys: JwtKeys::Discovered { jwks_url: None,
//!                                                  algorithms: [Rs256, Es256, EdDsa] },
//!                                                  issuer: Some("${OIDC_ISSUER}"), … }
//! endpoint { auth: required, roles: [admin] } ─▶ Access::Required { roles: ["admin"] }
//! ```
//!
//! Only the name of the variable holding a key is modelled: secrets never enter the IR, so no
//! emitter can write one out.

/// The service's identity settings, from `auth:`: at least one provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auth {
    /// The external JWT provider, from `auth.jwt`.
    pub jwt: Option<Jwt>,
    /// Built-in accounts, from `auth.users`.
    pub users: Option<Users>,
    /// API keys, from `auth.api_keys`.
    pub api_keys: Option<ApiKeys>,
    /// Who may call the generated routes of the resources (for now: any verified caller).
    pub resources: Access,
}

/// How bearer tokens are verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jwt {
    /// Where the verifying keys come from.
    pub keys: JwtKeys,
    /// The required `iss`, if any: a literal URL or `${VAR}`, expanded by the server at start
    /// (with [`JwtKeys::Discovered`], also where discovery starts).
    pub issuer: Option<String>,
    /// The required `aud`, if any.
    pub audience: Option<String>,
    /// The claim (a dotted path) holding the caller's roles.
    pub roles_claim: String,
    /// Clock leeway for `exp` and `nbf`, in seconds.
    pub leeway_s: u64,
}

/// Where the keys that verify a provider's tokens come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtKeys {
    /// One key from the environment, for one algorithm.
    Fixed {
        /// The one accepted signature algorithm.
        algorithm: JwtAlgorithm,
        /// The environment variable holding the HS256 secret or the PEM public key.
        variable: String,
    },
    /// The issuer's published JWKS (OpenID Connect discovery, or `jwks_url`).
    Discovered {
        /// The JWKS address when the blueprint names it (a literal URL or `${VAR}`).
        jwks_url: Option<String>,
        /// The algorithms its keys may verify, in blueprint order (never HS256).
        algorithms: Vec<JwtAlgorithm>,
    },
}

/// Built-in accounts whose access tokens the service signs itself (HS256). The accounts are
/// the service's `users` resource (synthesized by lowering); passwords and refresh tokens live
/// in platform tables beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Users {
    /// The environment variable holding the signing secret.
    pub secret_variable: String,
    /// The `iss` of the tokens this service signs, so a verifier can tell them from an
    /// external provider's: `urn:backworks:<service>:users`.
    pub issuer: String,
    /// The roles an account may hold (`admin` always among them), in blueprint order.
    pub roles: Vec<String>,
    /// The role a newly registered account gets.
    pub default_role: Option<String>,
    /// The account created at start if absent, with the role `admin`.
    pub admin: Option<AdminAccount>,
    /// How long an access token is valid, in seconds.
    pub access_ttl_s: u64,
    /// How long a refresh token is valid, in seconds.
    pub refresh_ttl_s: u64,
    /// Fewest characters of a password.
    pub password_min_length: u64,
    /// Most characters of a password (bounds the hashing work one request can cause).
    pub password_max_length: u64,
    /// Failed logins allowed per account within [`Users::throttle_window_s`].
    pub throttle_failures: u32,
    /// The login-throttling window, in seconds.
    pub throttle_window_s: u64,
}

/// The bootstrap administrator: the names of the variables holding its credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminAccount {
    /// The variable holding the admin's email.
    pub email_variable: String,
    /// The variable holding the admin's password.
    pub password_variable: String,
}

/// API keys an admin issues, sent in a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeys {
    /// The request header carrying the key.
    pub header: String,
    /// The query parameter that may carry the key instead, when the blueprint allows it.
    pub query: Option<String>,
    /// The environment variable holding the operator's bootstrap token for the key
    /// administration routes, if any.
    pub admin_token_variable: Option<String>,
}

/// A JWT signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JwtAlgorithm {
    /// HMAC SHA-256 with a shared secret.
    Hs256,
    /// RSA PKCS#1 v1.5 SHA-256.
    Rs256,
    /// ECDSA P-256 SHA-256.
    Es256,
    /// Ed25519.
    EdDsa,
}

/// Who may call an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Anyone: `auth: none`, and every operation of a service without `auth:`.
    Public,
    /// Anyone; a token that is sent must be valid (`auth: optional`).
    Optional,
    /// A verified caller holding one of `roles` (any caller when empty).
    Required {
        /// The roles of which the caller needs one, in blueprint order.
        roles: Vec<String>,
    },
}
