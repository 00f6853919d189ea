//! `ANY /_backworks/api/{*path}` on the dashboard's own port (`dashboard.port`): the service's
//! API, reached from the dashboard's origin. The page's sign-in (`/auth/login`,
//! `/auth/refresh`), its API explorer and its live socket call the API; on a port of its own
//! the API is another origin, so this one prefix hands each such request, unchanged but for
//! its path, to the service's router:
//!
//! ```text
//! dashboard port  POST /_backworks/api/auth/login?x=1   ─▶ service router  POST /auth/login?x=1
//!                 GET  /_backworks/api/_backworks/ws    ─▶ service router  GET  /_backworks/ws
//!                      (+ ViaDashboardPort: the socket may offer the request stream)
//! ```
//!
//! Method, query, headers (the caller's own `Authorization` included), body and extensions
//! (the connection's peer, the WebSocket upgrade) travel as they came, so the service's
//! envelope, monitor, CORS, rate limits, authentication, rules and validation meet the
//! request exactly as they meet a direct one, and it is counted once (the dashboard's port
//! counts nothing itself). Nothing becomes reachable that the main port would refuse: the
//! service's router answers, and the monitor's own routes are not among its routes when they
//! live on this port. The request keeps the id the dashboard port gave it (`x-request-id`),
//! so the two log lines of one request share it. On the service's port there is no such
//! prefix: the page calls the API there directly. The page learns which base to use from the
//! `backworks-api` meta element of the `index.html` the server sends ([`API_BASE_HERE`],
//! [`API_BASE_PREFIXED`]).

use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};
use tower::ServiceExt;

use crate::http::errors::HttpError;
use crate::http::request_id::{RequestId, X_REQUEST_ID};

/// The forwarding route's template.
pub(crate) const API_PATH: &str = "/_backworks/api/{*path}";
/// What the route strips.
const API_PREFIX: &str = "/_backworks/api";

/// The API base the page uses beside the service (relative to `/_backworks/`): the origin's root.
pub(crate) const API_BASE_HERE: &str = "../";
/// The API base the page uses on the dashboard's own port (relative to `/_backworks/`).
pub(crate) const API_BASE_PREFIXED: &str = "api/";

/// Marks a request that reached the service's router through this prefix, i.e. from the
/// dashboard's own port (only this module inserts it; a client cannot set an extension).
/// The live socket offers the monitor's request stream to such requests only, as the stream
/// belongs with the monitor on that port.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ViaDashboardPort;

/// The route forwarding into `service` (the service's whole router, layers included), for
/// every standard method (not `any`, which is a method fallback: the dashboard's router gives
/// each path the JSON 405 as its fallback).
pub(crate) fn route(service: Router) -> (&'static str, MethodRouter) {
    let every = [
        MethodFilter::DELETE,
        MethodFilter::HEAD,
        MethodFilter::OPTIONS,
        MethodFilter::PATCH,
        MethodFilter::POST,
        MethodFilter::PUT,
        MethodFilter::TRACE,
        MethodFilter::CONNECT,
    ]
    .into_iter()
    .fold(MethodFilter::GET, MethodFilter::or);
    (
        API_PATH,
        on(every, move |req: Request| forward(service.clone(), req)),
    )
}

async fn forward(service: Router, mut req: Request) -> Response {
    let rest = req
        .uri()
        .path()
        .strip_prefix(API_PREFIX)
        .unwrap_or_default();
    let path_and_query = match req.uri().query() {
        Some(query) => format!("{rest}?{query}"),
        None => rest.to_owned(),
    };
    let Ok(uri) = path_and_query.parse::<Uri>() else {
        return HttpError::NotFound {
            method: req.method().to_string(),
            path: req.uri().path().to_owned(),
        }
        .into_response();
    };
    *req.uri_mut() = uri;
    // The service's router matches the path afresh (and would otherwise read this route's
    // template as a nesting of its own).
    req.extensions_mut().remove::<MatchedPath>();
    if let Some(id) = req.extensions().get::<RequestId>().cloned() {
        req.headers_mut().insert(X_REQUEST_ID, id.header_value());
    }
    req.extensions_mut().insert(ViaDashboardPort);
    match service.oneshot(req).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// `index.html` as sent on the dashboard's own port: the API base its meta element names
/// changed from the service's root to this prefix. (The compiler writes
/// `<meta name="backworks-api" content="../">`; a page without it is left as it is.)
pub(crate) fn on_dashboard_port(index: &str) -> String {
    index.replacen(&meta(API_BASE_HERE), &meta(API_BASE_PREFIXED), 1)
}

fn meta(base: &str) -> String {
    format!("<meta name=\"backworks-api\" content=\"{base}\">")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_on_the_dashboard_port_names_the_prefix() {
        let index = "<head>\n  <meta name=\"backworks-api\" content=\"../\">\n</head>";
        assert_eq!(
            on_dashboard_port(index),
            "<head>\n  <meta name=\"backworks-api\" content=\"api/\">\n</head>"
        );
        assert_eq!(on_dashboard_port("<head></head>"), "<head></head>");
    }
}
