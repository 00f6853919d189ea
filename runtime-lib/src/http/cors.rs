//! CORS (the Fetch standard's cross-origin protocol) from the blueprint's `cors:`: which
//! origins' browser code may call the service, and with what.
//!
//! ```text
//! OPTIONS /notes  Origin: https://app.example.com  Access-Control-Request-Method: POST
//!   ─▶ 204  access-control-allow-origin: https://app.example.com
//!           access-control-allow-methods: GET, HEAD, POST, PUT, PATCH, DELETE
//!           access-control-allow-headers: <as configured, else what was asked>
//!           access-control-allow-credentials: true   access-control-max-age: 600
//! GET /notes      Origin: https://app.example.com
//!   ─▶ (the route's answer) + access-control-allow-origin, -allow-credentials, -expose-headers
//! any request     Origin: https://evil.example
//!   ─▶ the route's answer without a single access-control-* header (a preflight meets the
//!      router like any OPTIONS request: 405), so the browser withholds it from the page
//! ```
//!
//! Every response carries `Vary: Origin`, since what it says depends on the origin. An
//! allowed origin is echoed rather than answered with `*` whenever credentials are allowed:
//! browsers refuse `*` with credentials, and the compiler refuses `origins: ["*"]` with
//! `credentials: true`. A preflight is answered here, before rate limits and routing.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::transport::CorsSpec;

/// Methods a preflight allows when the blueprint lists none.
const DEFAULT_METHODS: &str = "GET, HEAD, POST, PUT, PATCH, DELETE";

/// Response headers page code may read (CORS hides all but a few by default).
const EXPOSED: &str = "x-request-id, ratelimit, ratelimit-policy, retry-after, etag, location";

/// `cors:` made ready to answer with.
#[derive(Debug)]
pub(crate) struct Cors {
    origins: Vec<HeaderValue>,
    any_origin: bool,
    methods: HeaderValue,
    headers: Option<HeaderValue>,
    credentials: bool,
    max_age: Option<HeaderValue>,
}

impl Cors {
    /// # Panics
    ///
    /// If an origin, method or header is not valid header text (the compiler checks them).
    pub(crate) fn new(spec: &CorsSpec) -> Cors {
        let value = |text: &str| {
            HeaderValue::from_str(text)
                .unwrap_or_else(|_| panic!("cors: {text:?} is not valid in an HTTP header"))
        };
        Cors {
            origins: spec
                .origins
                .iter()
                .filter(|origin| **origin != "*")
                .map(|origin| value(origin))
                .collect(),
            any_origin: spec.origins.contains(&"*"),
            methods: if spec.methods.is_empty() {
                HeaderValue::from_static(DEFAULT_METHODS)
            } else {
                value(&spec.methods.join(", "))
            },
            headers: (!spec.headers.is_empty()).then(|| value(&spec.headers.join(", "))),
            credentials: spec.credentials,
            max_age: spec.max_age_s.map(HeaderValue::from),
        }
    }

    fn allows(&self, origin: &HeaderValue) -> bool {
        self.any_origin || self.origins.iter().any(|allowed| allowed == origin)
    }

    fn allow_origin(&self, headers: &mut HeaderMap, origin: &HeaderValue) {
        let value = if self.any_origin && !self.credentials {
            HeaderValue::from_static("*")
        } else {
            origin.clone()
        };
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        if self.credentials {
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
                HeaderValue::from_static("true"),
            );
        }
    }

    fn preflight(&self, origin: &HeaderValue, requested: Option<HeaderValue>) -> Response {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        self.allow_origin(headers, origin);
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, self.methods.clone());
        if let Some(allowed) = self.headers.clone().or(requested) {
            headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, allowed);
        }
        if let Some(max_age) = &self.max_age {
            headers.insert(header::ACCESS_CONTROL_MAX_AGE, max_age.clone());
        }
        headers.insert(
            header::VARY,
            HeaderValue::from_static(
                "origin, access-control-request-method, access-control-request-headers",
            ),
        );
        response
    }
}

/// The middleware, installed with `axum::middleware::from_fn_with_state`.
pub(crate) async fn cors(State(cors): State<Arc<Cors>>, req: Request, next: Next) -> Response {
    let allowed = req
        .headers()
        .get(header::ORIGIN)
        .filter(|origin| cors.allows(origin))
        .cloned();
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if let (true, Some(origin)) = (preflight, &allowed) {
        let requested = req
            .headers()
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned();
        let mut response = cors.preflight(origin, requested);
        // Answered before routing: the monitor finds the route by the path.
        crate::monitor::Unrouted::mark(&mut response, req.uri().path());
        return response;
    }
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.append(header::VARY, HeaderValue::from_static("origin"));
    if let Some(origin) = allowed {
        cors.allow_origin(headers, &origin);
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(EXPOSED),
        );
    }
    response
}
