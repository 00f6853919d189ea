//! The key administration routes, mounted when the service declares `auth.api_keys`:
//!
//! ```text
//! POST   /_backworks/api-keys       {name, roles?, expires_at?} ─▶ 201 {id, key, name, roles, …}
//! GET    /_backworks/api-keys                                   ─▶ 200 {items: [{id, name, …}]}
//! DELETE /_backworks/api-keys/{id}                              ─▶ 204 (revoked), 404
//! ```
//!
//! Only admins: a caller holding the role `admin` by any provider (a token, an admin's API
//! key), or the operator's token (`auth.api_keys.admin_token`, sent as `Authorization:
//! Bearer …`) — the way to issue the first key when nothing else can vouch for an admin. The
//! key appears once, in the creation's answer; lists never show keys or hashes, and the log
//! line of a creation names the key's id, never the key.

use std::sync::Arc;

use axum::extract::{Path, Request};
use axum::http::{Extensions, HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get};
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_keys::{self, KeyVerifier};
use super::api_keys_store::{self, StoredKey};
use super::bearer::{self, Credentials};
use super::{Access, Authenticator, Refusal, admit};
use crate::contract::User;
use crate::http::client_addr::client_ip;
use crate::http::envelope::EndpointName;
use crate::http::errors::{HttpError, json_error};
use crate::http::request_id::RequestId;
use crate::storage::audit::Origin;
use crate::storage::time::{format_instant, parse_instant};

/// Where the routes are served.
pub(crate) const PATH: &str = "/_backworks/api-keys";
/// The longest key name.
const MAX_NAME: usize = 200;
/// Only callers holding this role manage keys.
const ADMINS: Access = Access::Required { roles: &["admin"] };

/// The routes, by path; `body_limit` bounds a creation's body.
pub(crate) fn routes(
    authenticator: Arc<Authenticator>,
    body_limit: usize,
) -> Vec<(String, MethodRouter)> {
    let (for_create, for_list, for_revoke) =
        (authenticator.clone(), authenticator.clone(), authenticator);
    vec![
        (
            PATH.to_owned(),
            get(move |req: Request| list(for_list, req))
                .post(move |req: Request| create(for_create, body_limit, req)),
        ),
        (
            format!("{PATH}/{{id}}"),
            delete(move |id: Path<String>, req: Request| revoke(for_revoke, id.0, req)),
        ),
    ]
}

/// The request id the envelope gave this request (a fresh one if it is missing, which only a
/// router built without the envelope would do).
fn request_id_of(id: Option<&RequestId>) -> String {
    id.cloned()
        .unwrap_or_else(RequestId::fresh)
        .as_str()
        .to_owned()
}

/// The admin calling, or the refusal to answer.
async fn admin(
    authenticator: &Authenticator,
    headers: &HeaderMap,
    extensions: &Extensions,
) -> Result<User, Response> {
    let verifier = authenticator
        .api_keys
        .as_ref()
        .ok_or_else(|| refused(Refusal::Unverifiable))?;
    // The operator's token, alone: with an API key beside it `admit` refuses both, as
    // everywhere else.
    if let Credentials::Bearer(token) = bearer::credentials(headers)
        && !authenticator.presents_api_key(headers, extensions)
        && verifier.is_admin_token(token)
    {
        return Ok(User {
            id: Some("operator".into()),
            provider: crate::contract::Provider::Operator,
            roles: vec!["admin".into()],
            claims: "{}".into(),
        });
    }
    match admit(Some(authenticator), ADMINS, headers, extensions).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(refused(Refusal::Missing)),
        Err(refusal) => Err(refused(refusal)),
    }
}

/// The store keys are kept in (none: a 503).
fn store(verifier: Option<&KeyVerifier>) -> Result<crate::storage::Store, Refusal> {
    verifier
        .ok_or(Refusal::Unverifiable)
        .and_then(KeyVerifier::store)
}

fn refused(refusal: Refusal) -> Response {
    HttpError::from(refusal).into_response()
}

fn unavailable(error: &crate::storage::StoreError) -> Response {
    tracing::warn!("API keys: {}", error.message);
    let mut response = json_error(
        StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
        "the database holding API keys cannot be reached",
    );
    response.headers_mut().insert(
        header::RETRY_AFTER,
        axum::http::HeaderValue::from_static("1"),
    );
    response
}

fn bad_request(message: &str) -> Response {
    json_error(StatusCode::BAD_REQUEST, "invalid_request", message)
}

fn named(mut response: Response) -> Response {
    response
        .extensions_mut()
        .insert(EndpointName("_backworks/api-keys"));
    response
}

/// A key as listed: never the key, never its hash.
fn summary(key: &StoredKey) -> Value {
    json!({
        "id": key.id,
        "name": key.name,
        "roles": key.roles,
        "created_at": format_instant(key.created_at),
        "expires_at": key.expires_at.map(format_instant),
        "revoked_at": key.revoked_at.map(format_instant),
        "last_used_at": key.last_used_at.map(format_instant),
    })
}

/// `POST` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewKey {
    name: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    expires_at: Option<String>,
}

async fn create(authenticator: Arc<Authenticator>, body_limit: usize, req: Request) -> Response {
    named(
        create_key(&authenticator, body_limit, req)
            .await
            .unwrap_or_else(|refused| refused),
    )
}

async fn create_key(
    authenticator: &Authenticator,
    body_limit: usize,
    req: Request,
) -> Result<Response, Response> {
    let (parts, body) = req.into_parts();
    let by = admin(authenticator, &parts.headers, &parts.extensions).await?;
    let store = store(authenticator.api_keys.as_ref()).map_err(refused)?;
    let body = axum::body::to_bytes(body, body_limit)
        .await
        .map_err(|_| HttpError::PayloadTooLarge { limit: body_limit }.into_response())?;
    let request: NewKey = serde_json::from_slice(&body).map_err(|error| {
        bad_request(&format!(
            "the body must be {{\"name\": string, \"roles\"?: [string], \"expires_at\"?: RFC 3339 instant}}: {error}"
        ))
    })?;
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(bad_request(&format!(
            "name must be 1 to {MAX_NAME} characters"
        )));
    }
    if request.roles.iter().any(|role| role.trim().is_empty()) {
        return Err(bad_request("roles must be non-empty strings"));
    }
    let now = api_keys::now_ms();
    let expires_at = match request.expires_at.as_deref() {
        None => None,
        Some(text) => match parse_instant(text) {
            None => {
                return Err(bad_request(
                    "expires_at must be an RFC 3339 instant, e.g. 2030-01-01T00:00:00Z",
                ));
            }
            Some(at) if at <= now => return Err(bad_request("expires_at is in the past")),
            Some(at) => Some(at),
        },
    };
    let key = api_keys::generate().map_err(|error| {
        tracing::error!("API keys: {error}");
        json_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "no key could be generated",
        )
    })?;
    let stored = StoredKey {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.to_owned(),
        roles: request.roles,
        created_at: now,
        expires_at,
        revoked_at: None,
        last_used_at: None,
    };
    let origin = Origin::request(
        Some(&by),
        &request_id_of(parts.extensions.get()),
        client_ip(&parts.extensions).map(|ip| ip.to_string()),
    );
    api_keys_store::insert(&store, &stored, &api_keys::hash(&key), &origin)
        .await
        .map_err(|error| unavailable(&error))?;
    tracing::info!(
        key_id = %stored.id,
        name = %stored.name,
        by = by.id.as_deref().unwrap_or("?"),
        "API key created"
    );
    let mut answer = summary(&stored);
    answer["key"] = Value::String(key);
    Ok((StatusCode::CREATED, axum::Json(answer)).into_response())
}

async fn list(authenticator: Arc<Authenticator>, req: Request) -> Response {
    // Only the head is kept: a request's body is not `Sync`, so no reference to it may live
    // across an await of a route's future.
    let (req, _) = req.into_parts();
    let answer = async {
        admin(&authenticator, &req.headers, &req.extensions).await?;
        let store = store(authenticator.api_keys.as_ref()).map_err(refused)?;
        let keys = api_keys_store::list(&store)
            .await
            .map_err(|error| unavailable(&error))?;
        let items: Vec<Value> = keys.iter().map(summary).collect();
        Ok::<_, Response>(axum::Json(json!({ "items": items })).into_response())
    };
    named(answer.await.unwrap_or_else(|refused| refused))
}

async fn revoke(authenticator: Arc<Authenticator>, id: String, req: Request) -> Response {
    let (req, _) = req.into_parts();
    let answer = async {
        let by = admin(&authenticator, &req.headers, &req.extensions).await?;
        let store = store(authenticator.api_keys.as_ref()).map_err(refused)?;
        let origin = Origin::request(
            Some(&by),
            &request_id_of(req.extensions.get()),
            client_ip(&req.extensions).map(|ip| ip.to_string()),
        );
        let revoked = api_keys_store::revoke(&store, &id, api_keys::now_ms(), &origin)
            .await
            .map_err(|error| unavailable(&error))?;
        if !revoked {
            return Err(json_error(
                StatusCode::NOT_FOUND,
                "not_found",
                "no API key has this id",
            ));
        }
        tracing::info!(key_id = %id, by = by.id.as_deref().unwrap_or("?"), "API key revoked");
        Ok(StatusCode::NO_CONTENT.into_response())
    };
    named(answer.await.unwrap_or_else(|refused| refused))
}
