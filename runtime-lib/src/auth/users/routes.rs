//! The HTTP side of built-in accounts: the `/auth/*` routes, mounted by `http::routes` when the
//! service declares `auth.users`. Each route reads a small JSON body, calls the account
//! functions, and answers JSON; every failure is a status with `{"error", "message"}`.
//!
//! ```text
//! POST /auth/login {"email":"a@x.io","password":"wrong"} ─▶ 401 {"error":"invalid_credentials",…}
//! POST /auth/login {"email":"nobody@x.io","password":"x…"} ─▶ the same 401, byte for byte
//! 6th failure within the window                            ─▶ 429 + Retry-After
//! ```
//!
//! Login answers an unknown email and a wrong password identically, after the same work (a
//! decoy hash is verified for unknown emails), so neither the answer nor its timing tells
//! which accounts exist. Registration must say when an email is taken (409); that is the one
//! place an open sign-up form cannot avoid telling.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, patch, post};
use serde_json::{Map, Value, json};

use super::accounts::{self, RegisterError};
use super::refresh::{self, Rotation};
use super::{Accounts, passwords};
use crate::auth::{Access, Authenticator, admit};
use crate::contract::User;
use crate::http::envelope::EndpointName;
use crate::http::errors::HttpError;
use crate::http::request_id::RequestId;
use crate::storage::audit::{self, Actor, ActorKind, Event, Origin};
use crate::storage::{Row, Store, StoreError};

/// Largest body an account route reads: credentials are small.
const BODY_LIMIT: usize = 16 * 1024;

/// The role that may change others' roles.
const ADMIN: &[&str] = &["admin"];

/// What every account route shares.
struct Shared {
    authenticator: Arc<Authenticator>,
    /// The store to use instead of the process's installed one (tests).
    store: Option<Store>,
}

impl Shared {
    fn accounts(&self) -> Result<&Accounts, Failure> {
        self.authenticator.accounts().ok_or(Failure::Internal)
    }

    /// The store, once the bootstrap admin exists.
    async fn store(&self) -> Result<Store, Failure> {
        let store = match &self.store {
            Some(store) => store.clone(),
            None => Store::installed().cloned().ok_or_else(|| {
                Failure::Store(StoreError::unavailable("the database is not open"))
            })?,
        };
        self.accounts()?
            .ensure_admin(&store)
            .await
            .map_err(Failure::Store)?;
        Ok(store)
    }
}

/// The account routes, each with its path, for the router to mount.
pub(crate) fn routes(
    authenticator: Arc<Authenticator>,
    store: Option<Store>,
) -> Vec<(&'static str, MethodRouter)> {
    let shared = Arc::new(Shared {
        authenticator,
        store,
    });
    macro_rules! route {
        ($method:ident, $name:literal, $handler:ident) => {{
            let shared = shared.clone();
            $method(move |req: Request| {
                let shared = shared.clone();
                async move {
                    let mut response = match $handler(&shared, req).await {
                        Ok(response) => response,
                        Err(failure) => failure.into_response(),
                    };
                    response.extensions_mut().insert(EndpointName($name));
                    response
                }
            })
        }};
    }
    vec![
        ("/auth/register", route!(post, "auth/register", register)),
        ("/auth/login", route!(post, "auth/login", login)),
        ("/auth/refresh", route!(post, "auth/refresh", refresh_pair)),
        ("/auth/logout", route!(post, "auth/logout", logout)),
        ("/auth/me", route!(get, "auth/me", me)),
        ("/auth/users/{id}", route!(patch, "auth/users", set_roles)),
    ]
}

async fn register(shared: &Shared, req: Request) -> Result<Response, Failure> {
    let accounts = shared.accounts()?;
    let spec = accounts.spec;
    let origin = origin(&req, None);
    let body = read_body(req, &["email", "password"]).await?;
    let (email, password) = (text(&body, "email")?, text(&body, "password")?);
    let mut violations = Vec::new();
    let email = accounts::normalize_email(&email);
    if email.is_none() {
        violations.push(("/body/email", "not an email address".to_owned()));
    }
    if let Err(rule) = passwords::check_rules(
        &password,
        spec.password_min_length,
        spec.password_max_length,
    ) {
        violations.push(("/body/password", rule.0));
    }
    let Some(email) = email.filter(|_| violations.is_empty()) else {
        return Err(Failure::Invalid(violations));
    };
    let store = shared.store().await?;
    let hash = accounts
        .passwords
        .hash(&password)
        .await
        .map_err(|_| Failure::Internal)?;
    let roles: Vec<String> = spec.default_role.iter().map(|r| (*r).to_owned()).collect();
    let row = match accounts::register(&store, &email, &hash, &roles, &origin).await {
        Ok(row) => row,
        Err(RegisterError::Taken) => return Err(Failure::Taken),
        Err(RegisterError::Store(error)) => return Err(Failure::Store(error)),
    };
    session(accounts, &store, row, None, StatusCode::CREATED).await
}

async fn login(shared: &Shared, req: Request) -> Result<Response, Failure> {
    let accounts = shared.accounts()?;
    let address = client_address(&req);
    let anonymous = origin(&req, None);
    let body = read_body(req, &["email", "password"]).await?;
    let (email, password) = (text(&body, "email")?, text(&body, "password")?);
    // An address that is no address is counted like any unknown email.
    let key = accounts::normalize_email(&email).unwrap_or_else(|| email.trim().to_lowercase());
    if let Some(retry_after_s) = accounts.throttle.locked(&key, address) {
        return Err(Failure::Throttled(retry_after_s));
    }
    let store = shared.store().await?;
    let found = credentials_of(&store, &key, &password, accounts.spec.password_max_length).await?;
    let (id, hash) = match found {
        Some((id, hash)) => (Some(id), Some(hash)),
        None => (None, None),
    };
    let named = id.clone();
    let matches = password.chars().count() as u64 <= accounts.spec.password_max_length
        && accounts.passwords.verify(&password, hash).await;
    let row = match (matches, id) {
        (true, Some(id)) => accounts::get(&store, &id).await.map_err(Failure::Store)?,
        _ => None,
    };
    let Some(row) = row else {
        accounts.throttle.fail(&key, address);
        let failed = Event::LoginFailed {
            identifier: key,
            user: named,
        };
        audit::record(&store, &anonymous, &failed)
            .await
            .map_err(Failure::Store)?;
        return Err(Failure::BadCredentials);
    };
    accounts.throttle.succeed(&key);
    if let Some(id) = named {
        let account = Origin {
            actor: Actor {
                kind: ActorKind::User,
                id: Some(id.clone()),
            },
            ..anonymous
        };
        audit::record(&store, &account, &Event::Login { user: id })
            .await
            .map_err(Failure::Store)?;
    }
    session(accounts, &store, row, None, StatusCode::OK).await
}

/// The account id and hash for a login; nothing for an over-long password, which can match
/// no stored hash (the rules bound every password set).
async fn credentials_of(
    store: &Store,
    email: &str,
    password: &str,
    max_length: u64,
) -> Result<Option<(String, String)>, Failure> {
    if password.chars().count() as u64 > max_length {
        return Ok(None);
    }
    super::credentials::find(store, email)
        .await
        .map_err(Failure::Store)
}

async fn refresh_pair(shared: &Shared, req: Request) -> Result<Response, Failure> {
    let accounts = shared.accounts()?;
    let body = read_body(req, &["refresh_token"]).await?;
    let token = refresh_token(&body)?;
    let store = shared.store().await?;
    let rotation = refresh::rotate(&store, &token, accounts.spec.refresh_ttl_s)
        .await
        .map_err(Failure::Store)?;
    let Rotation::Rotated { user_id, token } = rotation else {
        return Err(Failure::RefreshRefused);
    };
    let Some(row) = accounts::get(&store, &user_id)
        .await
        .map_err(Failure::Store)?
    else {
        // The account was deleted: its tokens die with it.
        refresh::revoke(&store, &token)
            .await
            .map_err(Failure::Store)?;
        return Err(Failure::RefreshRefused);
    };
    session(accounts, &store, row, Some(token), StatusCode::OK).await
}

async fn logout(shared: &Shared, req: Request) -> Result<Response, Failure> {
    let body = read_body(req, &["refresh_token"]).await?;
    let token = refresh_token(&body)?;
    let store = shared.store().await?;
    refresh::revoke(&store, &token)
        .await
        .map_err(Failure::Store)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn me(shared: &Shared, req: Request) -> Result<Response, Failure> {
    let user = admit(
        Some(&shared.authenticator),
        Access::Required { roles: &[] },
        req.headers(),
        req.extensions(),
    )
    .await
    .map_err(|refusal| Failure::Refused(HttpError::from(refusal)))?;
    let id = user.and_then(|user| user.id).ok_or(Failure::NotFound)?;
    let store = shared.store().await?;
    let row = account(&store, &id).await?;
    Ok(axum::Json(row).into_response())
}

async fn set_roles(shared: &Shared, req: Request) -> Result<Response, Failure> {
    let accounts = shared.accounts()?;
    let admin = admit(
        Some(&shared.authenticator),
        Access::Required { roles: ADMIN },
        req.headers(),
        req.extensions(),
    )
    .await
    .map_err(|refusal| Failure::Refused(HttpError::from(refusal)))?;
    let origin = origin(&req, admin.as_ref());
    let id = req
        .uri()
        .path()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let body = read_body(req, &["roles"]).await?;
    let Some(Value::Array(items)) = body.get("roles") else {
        return Err(Failure::Invalid(vec![(
            "/body/roles",
            "a list of roles is required".to_owned(),
        )]));
    };
    let mut roles: Vec<String> = Vec::new();
    for item in items {
        match item.as_str() {
            Some(role)
                if accounts.spec.roles.contains(&role) && !roles.iter().any(|r| r == role) =>
            {
                roles.push(role.to_owned());
            }
            Some(role) if roles.iter().any(|r| r == role) => {
                return Err(Failure::Invalid(vec![(
                    "/body/roles",
                    format!("`{role}` is listed twice"),
                )]));
            }
            _ => {
                return Err(Failure::Invalid(vec![(
                    "/body/roles",
                    format!(
                        "each role must be one of {}",
                        accounts.spec.roles.join(", ")
                    ),
                )]));
            }
        }
    }
    if uuid::Uuid::parse_str(&id).is_err() {
        return Err(Failure::NotFound);
    }
    let store = shared.store().await?;
    let row = accounts::set_roles(&store, &id, &roles, &origin)
        .await
        .map_err(Failure::Store)?
        .ok_or(Failure::NotFound)?;
    Ok(axum::Json(row).into_response())
}

/// The account `id`, or 404.
async fn account(store: &Store, id: &str) -> Result<Row, Failure> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(Failure::NotFound);
    }
    accounts::get(store, id)
        .await
        .map_err(Failure::Store)?
        .ok_or(Failure::NotFound)
}

/// Signs `row` in: a new access token, and `refresh` or the first token of a new family.
async fn session(
    accounts: &Accounts,
    store: &Store,
    row: Row,
    refresh: Option<String>,
    status: StatusCode,
) -> Result<Response, Failure> {
    let id = row
        .get("id")
        .and_then(Value::as_str)
        .ok_or(Failure::Internal)?
        .to_owned();
    let email = row.get("email").and_then(Value::as_str).unwrap_or_default();
    let access_token = accounts
        .tokens
        .sign(&id, email, &accounts::roles_of(&row))
        .ok_or(Failure::Internal)?;
    let refresh_token = match refresh {
        Some(token) => token,
        None => refresh::start(store, &id, accounts.spec.refresh_ttl_s)
            .await
            .map_err(Failure::Store)?,
    };
    let body = json!({
        "user": row,
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": accounts.tokens.ttl_s(),
        "refresh_token": refresh_token,
    });
    let mut response = (status, axum::Json(body)).into_response();
    // Tokens must not be cached by anything between the server and the client (RFC 6749 §5.1).
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The client's address, when the server was started with connection info.
/// Who a request's audit entries name: `caller` (`None`: anonymous), its request id and
/// address.
fn origin(req: &Request, caller: Option<&User>) -> Origin {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .cloned()
        .unwrap_or_else(RequestId::fresh);
    Origin::request(
        caller,
        request_id.as_str(),
        client_address(req).map(|ip| ip.to_string()),
    )
}

fn client_address(req: &Request) -> Option<IpAddr> {
    crate::http::client_addr::client_ip(req.extensions())
}

/// The JSON object of a request body holding only `allowed` members.
async fn read_body(req: Request, allowed: &[&str]) -> Result<Map<String, Value>, Failure> {
    let bytes = axum::body::to_bytes(req.into_body(), BODY_LIMIT)
        .await
        .map_err(|_| Failure::Refused(HttpError::PayloadTooLarge { limit: BODY_LIMIT }))?;
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&bytes) else {
        return Err(Failure::Invalid(vec![(
            "/body",
            "the body must be a JSON object".to_owned(),
        )]));
    };
    let mut violations = Vec::new();
    for name in body.keys() {
        if !allowed.contains(&name.as_str()) {
            violations.push(("/body", format!("unknown member `{name}`")));
        }
    }
    for name in allowed {
        if !body.contains_key(*name) {
            violations.push((pointer(name), "is required".to_owned()));
        }
    }
    if violations.is_empty() {
        Ok(body)
    } else {
        Err(Failure::Invalid(violations))
    }
}

/// A string member of a body `read_body` checked.
fn text(body: &Map<String, Value>, name: &'static str) -> Result<String, Failure> {
    body.get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| Failure::Invalid(vec![(pointer(name), "must be a string".to_owned())]))
}

fn refresh_token(body: &Map<String, Value>) -> Result<String, Failure> {
    let token = text(body, "refresh_token")?;
    if token.is_empty() || token.len() > 256 {
        return Err(Failure::Invalid(vec![(
            "/body/refresh_token",
            "must hold 1 to 256 characters".to_owned(),
        )]));
    }
    Ok(token)
}

fn pointer(name: &str) -> &'static str {
    match name {
        "email" => "/body/email",
        "password" => "/body/password",
        "refresh_token" => "/body/refresh_token",
        "roles" => "/body/roles",
        _ => "/body",
    }
}

/// Why an account route answers with an error.
#[derive(Debug)]
enum Failure {
    /// 400 `invalid_request`, with every violation.
    Invalid(Vec<(&'static str, String)>),
    /// 409: the email is taken.
    Taken,
    /// 401: the email or the password is wrong (one answer for both).
    BadCredentials,
    /// 429: too many failed logins; try again after this many seconds.
    Throttled(u64),
    /// 401: the refresh token is unknown, expired, spent or revoked.
    RefreshRefused,
    /// 404: no such account.
    NotFound,
    /// A refusal of the HTTP layer (401/403/413).
    Refused(HttpError),
    /// The database failed (503 when unreachable).
    Store(StoreError),
    /// Something that should not fail did (the random generator, the hasher): 500.
    Internal,
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let plain = |status: StatusCode, code: &str, message: &str| {
            (
                status,
                axum::Json(json!({ "error": code, "message": message })),
            )
                .into_response()
        };
        match self {
            Failure::Invalid(violations) => {
                let message = match violations.as_slice() {
                    [(pointer, message)] => format!("{pointer}: {message}"),
                    several => format!("{} problems with the request", several.len()),
                };
                let violations: Vec<Value> = violations
                    .into_iter()
                    .map(|(pointer, message)| json!({ "pointer": pointer, "message": message }))
                    .collect();
                (
                    StatusCode::BAD_REQUEST,
                    axum::Json(json!({
                        "error": "invalid_request",
                        "message": message,
                        "violations": violations,
                    })),
                )
                    .into_response()
            }
            Failure::Taken => plain(
                StatusCode::CONFLICT,
                "email_taken",
                "an account with this email exists",
            ),
            Failure::BadCredentials => plain(
                StatusCode::UNAUTHORIZED,
                "invalid_credentials",
                "the email or the password is wrong",
            ),
            Failure::Throttled(retry_after_s) => {
                let mut response = plain(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_attempts",
                    "too many failed logins; try again later",
                );
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_s));
                response
            }
            Failure::RefreshRefused => plain(
                StatusCode::UNAUTHORIZED,
                "invalid_refresh_token",
                "the refresh token is unknown, expired, spent or revoked",
            ),
            Failure::NotFound => plain(StatusCode::NOT_FOUND, "not_found", "no such account"),
            Failure::Refused(error) => error.into_response(),
            Failure::Store(error) => {
                tracing::error!(target: "backworks::auth", code = error.code.as_str(), "account storage failed: {}", error.message);
                error.into_response()
            }
            Failure::Internal => plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "the account could not be processed; the server log has the details",
            ),
        }
    }
}
