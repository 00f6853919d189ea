//! `ANY /_backworks/w/{id}/{*path}`: a workflow's call, checked and forwarded through the
//! service's own router. A layer inside the envelope, the monitor, CORS and the service's
//! rate limit, and outside routing, so a forwarded request is routed — and admitted,
//! validated, limited, audited — exactly as the direct request would be:
//!
//! ```text
//! PATCH /_backworks/w/notes/notes/3?x=1   ─▶ workflow `notes` exists?           404
//!                                          ─▶ the gate: who calls, may they use it? 401 / 403
//!                                          ─▶ PATCH /notes/{id} bound to `notes`?  404
//!                                          ─▶ PATCH /notes/3?x=1 through the router
//! ```
//!
//! The caller's credentials travel unchanged. The dashboard token is not a user's credential:
//! a call made with it loses its `Authorization` header (no handler ever sees the token), and
//! in a service with `auth:` carries the operator as a caller the server vouches for
//! (`auth::Vouched`: `ctx.user` = `{ id: "operator", provider: "operator", roles: ["admin"] }`),
//! so the operator meets the routes' role checks and record rules as an admin would. On the
//! dashboard's own port (`dashboard.port`) the same layer forwards into the service's router.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;

use super::{Catalog, FORWARD_PREFIX};
use crate::contract::{Provider, User};
use crate::http::errors::HttpError;
use crate::monitor::{ADMIN, Gate, Viewer, refused};

/// What the layer needs: the workflows, the gate, whether the service verifies callers, and
/// where forwarded calls go (the rest of this router, or the service's router from the
/// dashboard's own port).
#[derive(Clone)]
pub(crate) struct Forwarding {
    pub(crate) catalog: Arc<Catalog>,
    pub(crate) gate: Gate,
    /// The service declares `auth:` (the operator is then vouched for).
    pub(crate) verifies_callers: bool,
    /// The service's router, when this layer sits on the dashboard's own port.
    pub(crate) service: Option<Router>,
}

/// The middleware, installed with `from_fn_with_state(Arc<Forwarding>, forward)`.
pub(crate) async fn forward(
    State(forwarding): State<Arc<Forwarding>>,
    mut req: Request,
    next: Next,
) -> Response {
    let Some(rest) = req.uri().path().strip_prefix(FORWARD_PREFIX) else {
        return next.run(req).await;
    };
    let (id, path) = rest.split_once('/').unwrap_or((rest, ""));
    let target = format!("/{path}");
    let Some(workflow) = forwarding.catalog.find(id) else {
        return not_found(&req);
    };
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| *peer);
    let viewer = match forwarding
        .gate
        .viewer(req.headers(), req.extensions(), peer)
        .await
    {
        Ok(viewer) => viewer,
        Err(denied) => return denied.into_response(),
    };
    if !viewer.may_use(&workflow.permissions) {
        return refused(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this workflow is not open to your roles",
        );
    }
    if !workflow.allows(req.method(), &target) {
        return not_found(&req);
    }
    let path_and_query = match req.uri().query() {
        Some(query) => format!("{target}?{query}"),
        None => target,
    };
    let Ok(uri) = path_and_query.parse::<Uri>() else {
        return not_found(&req);
    };
    *req.uri_mut() = uri;
    if let Viewer::Operator = viewer {
        req.headers_mut().remove(header::AUTHORIZATION);
        if forwarding.verifies_callers {
            req.extensions_mut()
                .insert(crate::auth::Vouched(operator()));
        }
    }
    match &forwarding.service {
        Some(service) => match service.clone().oneshot(req).await {
            Ok(response) => response,
            Err(infallible) => match infallible {},
        },
        None => next.run(req).await,
    }
}

/// The operator behind the dashboard token, as the routes see them.
fn operator() -> User {
    User {
        id: Some("operator".to_owned()),
        provider: Provider::Operator,
        roles: vec![ADMIN.to_owned()],
        claims: "{}".to_owned(),
    }
}

fn not_found(req: &Request) -> Response {
    HttpError::NotFound {
        method: req.method().to_string(),
        path: req.uri().path().to_owned(),
    }
    .into_response()
}
