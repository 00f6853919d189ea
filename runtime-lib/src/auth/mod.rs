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
//!          x-api-key: bwk_… ──api_keys──▶ User { id: "key:<id>", roles, claims }  (not with a bearer too)
//!          ?api_key=bwk_… (auth.api_keys.query; taken out of the URI by `query_key`) ──▶ the same
//! ```
//!
//! Failing closed: a route whose access cannot be decided — it requires a caller but the
//! service has no authenticator — is refused (503), never served open. The files: [`spec`]
//! (what the compiler emits), `bearer` (reading the header), `key` (the key from the
//! environment), `verify` (jsonwebtoken), `jwks` and `jwks_fetch` (an OIDC issuer's keys,
//! feature `oidc`), `roles` (the roles claim), `api_keys`, `api_keys_store` and
//! `api_keys_routes` (keys, their table, their admin routes), `users/` (built-in accounts:
//! their routes, passwords and tokens; a token naming their issuer is theirs to verify).
//! Verification sits behind the runtime's `auth` cargo feature; the spec types are always
//! there.

#[cfg(all(feature = "auth", feature = "storage"))]
mod api_keys;
#[cfg(all(feature = "auth", feature = "storage"))]
pub(crate) mod api_keys_routes;
#[cfg(feature = "storage")]
pub(crate) mod api_keys_store;
#[cfg(all(feature = "auth", feature = "storage"))]
mod api_keys_usage;
mod bearer;
#[cfg(feature = "oidc")]
mod jwks;
#[cfg(feature = "oidc")]
mod jwks_fetch;
#[cfg(feature = "auth")]
mod key;
#[cfg(all(feature = "auth", feature = "storage"))]
pub(crate) mod query_key;
#[cfg(feature = "auth")]
mod roles;
mod spec;
#[cfg(all(feature = "auth", feature = "storage"))]
pub(crate) mod users;
#[cfg(feature = "auth")]
mod verify;

pub use spec::{
    Access, AdminAccountSpec, ApiKeysSpec, AuthSpec, JwtAlgorithm, JwtKeys, JwtSpec, UsersSpec,
};

use axum::http::{Extensions, HeaderMap};

use crate::contract::User;
use bearer::Credentials;

/// Verifies the callers of one service, by each provider its [`AuthSpec`] declares; built at
/// start.
pub struct Authenticator {
    /// The external provider's tokens, when the service declares `auth.jwt`.
    #[cfg(feature = "auth")]
    jwt: Option<verify::Verifier>,
    /// API keys, when the service declares `auth.api_keys`.
    #[cfg(all(feature = "auth", feature = "storage"))]
    api_keys: Option<api_keys::KeyVerifier>,
    /// The built-in accounts, when the service declares `auth.users`.
    #[cfg(all(feature = "auth", feature = "storage"))]
    users: Option<users::Accounts>,
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
        if let Some(variable) = spec.jwt.as_ref().and_then(JwtSpec::key_variable) {
            conceal(variable);
        }
        if let Some(users) = &spec.users {
            conceal(users.secret_variable);
            if let Some(admin) = &users.admin {
                conceal(admin.email_variable);
                conceal(admin.password_variable);
            }
        }
        if let Some(variable) = spec
            .api_keys
            .as_ref()
            .and_then(|keys| keys.admin_token_variable)
        {
            conceal(variable);
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
                Some(jwt) => Some(verify::Verifier::new(jwt, lookup)?),
                None => None,
            };
            #[cfg(feature = "storage")]
            let api_keys = spec
                .api_keys
                .as_ref()
                .map(|keys| api_keys::KeyVerifier::new(keys, lookup))
                .transpose()?;
            #[cfg(not(feature = "storage"))]
            if spec.api_keys.is_some() {
                return Err("auth.api_keys needs the runtime's `storage` feature".to_owned());
            }
            #[cfg(feature = "storage")]
            let users = match &spec.users {
                Some(users) => Some(users::Accounts::new(users, lookup)?),
                None => None,
            };
            #[cfg(not(feature = "storage"))]
            if spec.users.is_some() {
                return Err("built-in accounts need the runtime's `storage` feature".to_owned());
            }
            Ok(Authenticator {
                jwt,
                #[cfg(feature = "storage")]
                api_keys,
                #[cfg(feature = "storage")]
                users,
            })
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

    /// Checks API keys against `store` rather than the installed one (tests, embedders).
    #[cfg(feature = "storage")]
    pub(crate) fn use_store(&mut self, store: &crate::storage::Store) {
        #[cfg(feature = "auth")]
        if let Some(keys) = &mut self.api_keys {
            keys.use_store(store.clone());
        }
        #[cfg(not(feature = "auth"))]
        let _ = store;
    }

    /// The API key a request presents, in the header or (when the blueprint allows it) the
    /// query parameter `query_key` took out of its URI; `None` when it presents none. Sent in
    /// both places, it is malformed: which one counts would be ambiguous.
    #[cfg(all(feature = "auth", feature = "storage"))]
    fn presented_key<'r>(
        &self,
        headers: &'r HeaderMap,
        extensions: &'r Extensions,
    ) -> Option<Result<&'r str, Refusal>> {
        use api_keys::Presented;
        use query_key::QueryKey;
        let keys = self.api_keys.as_ref()?;
        let in_header = api_keys::presented(headers, keys.header());
        let in_query = extensions.get::<QueryKey>();
        match (in_header, in_query) {
            (Presented::Absent, None) => None,
            (Presented::Key(key), None) => Some(Ok(key)),
            (Presented::Absent, Some(QueryKey::Key(key))) => Some(Ok(key.as_str())),
            (Presented::Malformed, None) => {
                Some(Err(Refusal::Invalid("the API key header is malformed")))
            }
            (Presented::Absent, Some(QueryKey::Malformed)) => Some(Err(Refusal::Invalid(
                "the API key query parameter is repeated",
            ))),
            (_, Some(_)) => Some(Err(Refusal::Invalid(
                "send the API key once, in the header or the query, not both",
            ))),
        }
    }

    /// Whether a request presents an API key in any form (even a malformed one).
    #[cfg(all(feature = "auth", feature = "storage"))]
    pub(crate) fn presents_api_key(&self, headers: &HeaderMap, extensions: &Extensions) -> bool {
        self.presented_key(headers, extensions).is_some()
    }

    /// The caller an API key names, when the request sends one (`None`: it sends none). A
    /// request with both a key and an `Authorization` header is refused: which identity would
    /// count is ambiguous, so neither does.
    #[cfg(all(feature = "auth", feature = "storage"))]
    async fn verify_api_key(
        &self,
        headers: &HeaderMap,
        extensions: &Extensions,
    ) -> Option<Result<User, Refusal>> {
        let presented = self.presented_key(headers, extensions)?;
        if bearer::credentials(headers) != Credentials::Absent {
            return Some(Err(Refusal::Invalid(
                "send either an API key or a bearer token, not both",
            )));
        }
        Some(match presented {
            Ok(key) => self.api_keys.as_ref()?.verify(key).await,
            Err(refusal) => Err(refusal),
        })
    }

    #[cfg(not(all(feature = "auth", feature = "storage")))]
    async fn verify_api_key(&self, _: &HeaderMap, _: &Extensions) -> Option<Result<User, Refusal>> {
        None
    }

    /// The header API keys travel in, when the service declares `auth.api_keys` (the live
    /// events' `auth` message puts a key there, so it is verified as a request's would be).
    #[cfg(all(feature = "auth", feature = "storage"))]
    pub(crate) fn api_key_header(&self) -> Option<&'static str> {
        self.api_keys.as_ref().map(api_keys::KeyVerifier::header)
    }

    #[cfg(not(all(feature = "auth", feature = "storage")))]
    pub(crate) fn api_key_header(&self) -> Option<&'static str> {
        None
    }

    /// The built-in account provider, when the service declares `auth.users`.
    #[cfg(all(feature = "auth", feature = "storage"))]
    pub(crate) fn accounts(&self) -> Option<&users::Accounts> {
        self.users.as_ref()
    }

    /// Who a bearer token names, or why it is refused. A token whose (unverified) `iss` is
    /// the built-in accounts' goes to their verifier, any other to the external provider's;
    /// each then checks it fully with its own one algorithm and key.
    #[cfg(feature = "auth")]
    async fn verify_bearer(&self, token: &str) -> Result<User, Refusal> {
        #[cfg(feature = "storage")]
        if let Some(accounts) = &self.users {
            if users::claimed_issuer(token).as_deref() == Some(accounts.issuer()) {
                return accounts.verify(token).map_err(Refusal::from);
            }
            if self.jwt.is_none() {
                return Err(Refusal::Invalid("the token was not issued by this service"));
            }
        }
        match &self.jwt {
            Some(verifier) => verifier.verify(token).await.map_err(Refusal::from),
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

/// A caller the server vouches for itself rather than by a credential: the operator behind the
/// dashboard token, when the dashboard forwards one of its workflows' calls
/// (`dashboard::workflows`), as a user with the role `admin`. Only that layer inserts it, after
/// the gate has compared the token; a client cannot put anything in a request's extensions.
#[derive(Debug, Clone)]
pub(crate) struct Vouched(pub(crate) User);

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
    #[cfg_attr(
        not(feature = "auth"),
        allow(
            dead_code,
            reason = "raised only by the providers of the `auth` feature"
        )
    )]
    Unavailable(&'static str),
}

/// Decides whether a request with `headers` (and `extensions`, where an API key taken from
/// the query waits) may call a route with `access`, and who the caller is (`None`:
/// anonymous). `authenticator` is the service's, absent when it declares no `auth:`.
pub(crate) async fn admit(
    authenticator: Option<&Authenticator>,
    access: Access,
    headers: &HeaderMap,
    extensions: &Extensions,
) -> Result<Option<User>, Refusal> {
    if access == Access::Public {
        return Ok(None);
    }
    if let Some(Vouched(user)) = extensions.get::<Vouched>() {
        return require_roles(access, user.clone());
    }
    let Some(authenticator) = authenticator else {
        return Err(Refusal::Unverifiable);
    };
    if let Some(by_key) = authenticator.verify_api_key(headers, extensions).await {
        return require_roles(access, by_key?);
    }
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
    require_roles(access, user)
}

/// `user`, if `access` lets them in.
fn require_roles(access: Access, user: User) -> Result<Option<User>, Refusal> {
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
