//! `GET /_backworks/audit`: the audit log for callers holding the `admin` role, mounted by
//! `http::routes` when the service has data and declares `auth:` (without `auth:` nobody could
//! be an admin, so the route does not exist). Read-only: the router answers every other method
//! 405, and nothing in the server updates or deletes an entry.
//!
//! ```text
//! GET /_backworks/audit?resource=books&record=12&limit=20   Authorization: Bearer <admin>
//!   ─▶ 200 {"items":[{"id":41,"at":"…","actor":{"kind":"user","id":"u1"},"action":"update",
//!                     "resource":"books","record":"12","changed":{…},"request_id":"…","ip":null}],
//!          "next":"41"}
//! no token ─▶ 401    a token without `admin` ─▶ 403    ?limit=0 ─▶ 400 /query/limit
//! ```

use std::sync::Arc;

use axum::extract::{Query, Request};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};

use super::read::AuditQuery;
use crate::auth::{Access, Authenticator, admit};
use crate::http::envelope::EndpointName;
use crate::http::errors::HttpError;
use crate::storage::error::StoreError;
use crate::storage::http::StoreSource;

/// Where the route is served.
pub(crate) const AUDIT_PATH: &str = "/_backworks/audit";

/// Who may read the log.
const READERS: Access = Access::Required { roles: &["admin"] };

/// The route's `GET` (the caller adds the 405 fallback).
pub(crate) fn route(store: StoreSource, authenticator: Option<Arc<Authenticator>>) -> MethodRouter {
    get(move |req: Request| {
        let (store, authenticator) = (store.clone(), authenticator.clone());
        async move {
            let mut response = answer(&store, authenticator.as_deref(), req)
                .await
                .unwrap_or_else(|refused| refused);
            response
                .extensions_mut()
                .insert(EndpointName("_backworks/audit"));
            response
        }
    })
}

async fn answer(
    store: &StoreSource,
    authenticator: Option<&Authenticator>,
    req: Request,
) -> Result<Response, Response> {
    admit(authenticator, READERS, req.headers(), req.extensions())
        .await
        .map_err(|refusal| HttpError::from(refusal).into_response())?;
    let Query(params) =
        Query::<Vec<(String, String)>>::try_from_uri(req.uri()).map_err(|rejection| {
            HttpError::BadRequest {
                code: "invalid_query",
                message: rejection.body_text(),
            }
            .into_response()
        })?;
    let query = AuditQuery::parse(&params)
        .map_err(|violations| StoreError::invalid(violations).into_response())?;
    let store = store.store().map_err(IntoResponse::into_response)?;
    let page = store
        .audit(&query)
        .await
        .map_err(IntoResponse::into_response)?;
    let mut response = page.to_json().to_string().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(response)
}
