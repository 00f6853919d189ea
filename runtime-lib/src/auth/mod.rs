//! Identity and access: who is calling, and whether they may. Owns everything between the
//! `Authorization` header and `ctx.user`; the HTTP layer asks one question,
//! [`admit`], before it reads a request's body — for declared endpoints and generated CRUD
//! routes alike — and answers its [`Refusal`] as a 401, 403 or 503.
//!
//! ```text
//! start:   AuthSpec (main.rs) + $JWT_SECRET ──Authenticator::from_environment──▶ Authenticator
//!          (a missing variable or unusable key: one-line error, exit 1 — never start open)
//! request: Authorization: Bearer <jwt> ──bearer──▶ verify (one algorithm; exp/nbf ± leeway,
//!          iss, aud) ──roles──▶ User { id: sub, roles, claims } ──▶ HandlerRequest::user ──▶ ctx.user
//! ```
//!
//! Failing closed: a route whose access cannot be decided — it requires a caller but the
//! service has no authenticator — is refused (503), never served open. The files: [`spec`]
//! (what the compiler emits), `bearer` (reading the header), `key` (the key from the
//! environment), `verify` (jsonwebtoken), `roles` (the roles claim). Verification sits behind
//! the runtime's `auth` cargo feature; the spec types are always there.

mod bearer;
#[cfg(feature = "auth")]
mod key;
#[cfg(feature = "auth")]
mod roles;
mod spec;
#[cfg(feature = "auth")]
mod verify;

pub use spec::{Access, ApiKeysSpec, AuthSpec, JwtAlgorithm, JwtSpec, UsersSpec};

use axum::http::HeaderMap;

use crate::contract::User;
use bearer::Credentials;

/// Verifies the callers of one service, by each provider its [`AuthSpec`] declares; built at
/// start.
pub struct Authenticator {
    /// The external provider's tokens, when the service declares `auth.jwt`.
    #[cfg(feature = "auth")]
    jwt: Option<verify::Verifier>,
}

impl std::fmt::Debug for Authenticator {
    // The key stays out of debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Authenticator")
    }
}

impl Authenticator {
    /// Reads the key `spec` names from the process environment, and keeps that variable out
    /// of the handlers' `ctx.env` from then on. The error is one line naming the variable.
    pub fn from_environment(spec: &AuthSpec) -> Result<Authenticator, String> {
        if let Some(jwt) = &spec.jwt {
            conceal(jwt.key_variable);
        }
        if let Some(users) = &spec.users {
            conceal(users.secret_variable);
        }
        Authenticator::with_lookup(spec, &|name| std::env::var(name).ok())
    }

    /// Like [`Authenticator::from_environment`], reading variables through `lookup` (tests).
    pub fn with_lookup(
        spec: &AuthSpec,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Authenticator, String> {
        #[cfg(feature = "auth")]
        {
            let jwt = match &spec.jwt {
                Some(jwt) => Some(verify::Verifier::new(jwt, key::decoding_key(jwt, lookup)?)),
                None => None,
            };
            Ok(Authenticator { jwt })
        }
        #[cfg(not(feature = "auth"))]
        {
            let _ = (spec, lookup);
            Err(
                "the service declares auth but the runtime was built without the `auth` feature"
                    .to_owned(),
            )
        }
    }

    /// Who a bearer token names, or why it is refused.
    #[cfg(feature = "auth")]
    async fn verify_bearer(&self, token: &str) -> Result<User, Refusal> {
        match &self.jwt {
            Some(verifier) => verifier
                .verify(token)
                .map_err(|rejection| Refusal::Invalid(rejection.0)),
            None => Err(Refusal::Invalid("the service accepts no bearer tokens")),
        }
    }

    #[cfg(not(feature = "auth"))]
    async fn verify_bearer(&self, _: &str) -> Result<User, Refusal> {
        Err(Refusal::Invalid("tokens cannot be verified"))
    }
}

/// The verified caller of a request (`None`: anonymous), put in the request's extensions for
/// the routes that are not handlers (the generated CRUD routes and their record rules).
#[derive(Debug, Clone)]
#[cfg_attr(
    not(feature = "storage"),
    allow(
        dead_code,
        reason = "read by the CRUD routes' record rules, which need storage"
    )
)]
pub(crate) struct Caller(pub(crate) Option<User>);

/// Why a request may not go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// No credentials where a caller is required: 401 with a bare `Bearer` challenge.
    Missing,
    /// Credentials that do not verify (malformed, expired, badly signed, …): 401
    /// `error="invalid_token"`, even where anonymous callers are welcome.
    Invalid(&'static str),
    /// A verified caller without any of the required roles: 403.
    Forbidden(&'static [&'static str]),
    /// The route needs a caller but the service has no way to verify one: 503.
    Unverifiable,
    /// Credentials that cannot be checked right now (the identity provider's keys or the
    /// database are unreachable): 503 with `Retry-After`, never an open door.
    #[allow(
        dead_code,
        reason = "raised by the providers that fetch keys, being built"
    )]
    Unavailable(&'static str),
}

/// Decides whether a request with `headers` may call a route with `access`, and who the caller
/// is (`None`: anonymous). `authenticator` is the service's, absent when it declares no `auth:`.
pub(crate) async fn admit(
    authenticator: Option<&Authenticator>,
    access: Access,
    headers: &HeaderMap,
) -> Result<Option<User>, Refusal> {
    if access == Access::Public {
        return Ok(None);
    }
    let Some(authenticator) = authenticator else {
        return Err(Refusal::Unverifiable);
    };
    let user = match bearer::credentials(headers) {
        Credentials::Absent if access == Access::Optional => return Ok(None),
        Credentials::Absent => return Err(Refusal::Missing),
        Credentials::Malformed => {
            return Err(Refusal::Invalid(
                "the Authorization header holds no bearer token",
            ));
        }
        Credentials::Bearer(token) => authenticator.verify_bearer(token).await?,
    };
    if let Access::Required { roles } = access
        && !roles.is_empty()
        && !roles
            .iter()
            .any(|role| user.roles.iter().any(|held| held == role))
    {
        return Err(Refusal::Forbidden(roles));
    }
    Ok(Some(user))
}

/// Environment variables holding keys: handlers never see them in `ctx.env`.
static CONCEALED: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());

fn conceal(variable: &'static str) {
    if let Ok(mut concealed) = CONCEALED.lock()
        && !concealed.contains(&variable)
    {
        concealed.push(variable);
    }
}

/// Whether `variable` holds a key and must stay out of `ctx.env`.
pub(crate) fn is_concealed(variable: &str) -> bool {
    // A poisoned lock still holds the list; hiding too much beats showing a secret.
    let concealed = CONCEALED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    concealed.contains(&variable)
}
