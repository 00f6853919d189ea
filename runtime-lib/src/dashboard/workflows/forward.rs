//! `ANY /_backworks/w/{id}/{*path}`: a workflow's call, checked and forwarded through the
//! service's own router. A layer inside the envelope, the monitor, CORS and the service's
//! rate limit, and outside routing (a router's own layers run after its routing, so
//! `http/routes.rs` wraps the router in this layer and makes that the fallback of an outer
//! router the others wrap), so a forwarded request is routed — and admitted,
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

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::Router;
use axum::extract::Request;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use tower::{Layer, Service, ServiceExt};

use super::{Catalog, FORWARD_PREFIX};
use crate::contract::{Provider, User};
use crate::http::errors::HttpError;
use crate::monitor::{ADMIN, Denied, Gate, Viewer, refused};

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

/// The forwarding as a tower layer around a router (hand-written rather than
/// `middleware::from_fn`, which boxes every request's future: here only the workflows' calls
/// pay for a box, every other request goes straight to the inner service).
#[derive(Clone)]
pub(crate) struct ForwardLayer(pub(crate) Arc<Forwarding>);

impl<S> Layer<S> for ForwardLayer {
    type Service = Forward<S>;
    fn layer(&self, inner: S) -> Forward<S> {
        Forward {
            inner,
            forwarding: self.0.clone(),
        }
    }
}

/// [`ForwardLayer`]'s service.
#[derive(Clone)]
pub(crate) struct Forward<S> {
    inner: S,
    forwarding: Arc<Forwarding>,
}

/// The future of a forwarded call: the checks, then the target's answer.
type Forwarded = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl<S> Service<Request> for Forward<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = ForwardFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        if !req.uri().path().starts_with(FORWARD_PREFIX) {
            return ForwardFuture::Direct {
                inner: self.inner.call(req),
            };
        }
        // The service that was made ready serves this request; a clone stays for the next.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let forwarding = self.forwarding.clone();
        ForwardFuture::Forwarded {
            inner: Box::pin(async move {
                let req = match checked(&forwarding, req).await {
                    Ok(req) => req,
                    Err(refused) => return Ok(refused),
                };
                match &forwarding.service {
                    Some(service) => service.clone().oneshot(req).await,
                    None => inner.call(req).await,
                }
            }),
        }
    }
}

pin_project_lite::pin_project! {
    /// Another request's future as is, or a workflow call's.
    #[project = ForwardFutureProjection]
    pub(crate) enum ForwardFuture<F> {
        /// Not a workflow call.
        Direct { #[pin] inner: F },
        /// A workflow call: checks, then the target.
        Forwarded { inner: Forwarded },
    }
}

impl<F> Future for ForwardFuture<F>
where
    F: Future<Output = Result<Response, Infallible>>,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            ForwardFutureProjection::Direct { inner } => inner.poll(cx),
            ForwardFutureProjection::Forwarded { inner } => inner.as_mut().poll(cx),
        }
    }
}

/// A workflow's call rewritten for its route, or the answer refusing it.
async fn checked(forwarding: &Forwarding, mut req: Request) -> Result<Request, Response> {
    let rest = req
        .uri()
        .path()
        .strip_prefix(FORWARD_PREFIX)
        .unwrap_or_default();
    let (id, path) = rest.split_once('/').unwrap_or((rest, ""));
    let target = format!("/{path}");
    let Some(workflow) = forwarding.catalog.find(id) else {
        return Err(not_found(&req));
    };
    let viewer = forwarding
        .gate
        .viewer(req.headers(), req.extensions())
        .await
        .map_err(Denied::into_response)?;
    if !viewer.may_use(&workflow.permissions) {
        return Err(refused(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this workflow is not open to your roles",
        ));
    }
    if !workflow.allows(req.method(), &target) {
        return Err(not_found(&req));
    }
    let path_and_query = match req.uri().query() {
        Some(query) => format!("{target}?{query}"),
        None => target,
    };
    let uri = path_and_query.parse::<Uri>().map_err(|_| not_found(&req))?;
    *req.uri_mut() = uri;
    if let Viewer::Operator = viewer {
        req.headers_mut().remove(header::AUTHORIZATION);
        if forwarding.verifies_callers {
            req.extensions_mut()
                .insert(crate::auth::Vouched(operator()));
        }
    }
    Ok(req)
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
