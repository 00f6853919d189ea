//! The middleware every request and response passes through, whatever route answers (404s and
//! 405s included): it picks the request id, adds `x-request-id` and the global headers to the
//! response, and writes the request's one log line. The response's `x-request-id` is always the
//! request's id (a handler's own value is replaced), so the id in a client's hands always finds
//! the log line.
//!
//! ```text
//! GET /posts/7  (x-request-id: abc)
//!   ─▶ … route … ─▶ 200 + x-request-id: abc + x-powered-by: backworks (unless already set)
//!   log: method=GET path=/posts/7 status=200 endpoint=get_post request_id=abc duration_ms=0.4
//! ```

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use super::logging;
use super::request_id::{RequestId, X_REQUEST_ID};

/// Which blueprint endpoint answered, left on the response by the route for the log line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EndpointName(pub(crate) &'static str);

/// Headers every response carries unless it already has one of the same name.
#[derive(Debug, Default)]
pub(crate) struct GlobalHeaders(pub(crate) Vec<(HeaderName, HeaderValue)>);

/// The middleware function, installed with `axum::middleware::from_fn_with_state`.
pub(crate) async fn envelope(
    State(global): State<Arc<GlobalHeaders>>,
    mut req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let request_id = RequestId::from_headers(req.headers());
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    req.extensions_mut().insert(request_id.clone());

    let mut response = next.run(req).await;

    let headers = response.headers_mut();
    headers.insert(X_REQUEST_ID, request_id.header_value());
    for (name, value) in &global.0 {
        if !headers.contains_key(name) {
            headers.insert(name.clone(), value.clone());
        }
    }
    let endpoint = response
        .extensions()
        .get::<EndpointName>()
        .map_or("-", |name| name.0);
    logging::request_line(&logging::RequestLine {
        method: method.as_str(),
        path: &path,
        status: response.status().as_u16(),
        endpoint,
        request_id: request_id.as_str(),
        duration: started.elapsed(),
    });
    response
}
