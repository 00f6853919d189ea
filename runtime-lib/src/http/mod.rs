//! The HTTP layer: everything between axum and the compiled handlers.
//!
//! A generated server describes itself with one `static` [`ServiceSpec`] — its name, where it
//! listens, its limits, the headers every response carries and one [`RouteSpec`] per endpoint
//! method — and its `main` is a single call:
//!
//! ```ignore
//! static SERVICE: ServiceSpec = ServiceSpec {
//!     name: "blog-api", version: "1.0.0",
//!     default_port: 3000, default_host: "127.0.0.1",
//!     body_limit: 1024 * 1024,
//!     global_headers: &[("x-powered-by", "backworks")],
//!     routes: &[RouteSpec { method: "GET", path: "/posts/{id}", endpoint: "get_post",
//!                           timeout_ms: 5_000, handler: handlers::get_post, operation: None,
//!                           typed_params: &[], auth: Access::Public }],
//!     openapi: None,
//!     data: None,       // or Some(&DATA): resources, opened at start, CRUD routes mounted
//!     auth: None,       // or Some(&AUTH): bearer tokens verified, see `crate::auth`
//!     transport: None,  // or Some(&TRANSPORT): rate limits, CORS, connection limits
//!     dashboard: None,  // or Some(&DASHBOARD): monitor off, a port of its own, a token
//! };
//! fn main() -> std::process::ExitCode { backworks_runtime::http::serve(&SERVICE) }
//! ```
//!
//! How a request travels:
//!
//! ```text
//! TCP ─▶ accept loop (per-address cap, header-read timeout) ─▶ hyper ─▶ axum
//!   ─▶ envelope (request id, global + security headers, one log line) ─▶ CORS ─▶ rate limits
//!                 └─▶ router ─▶ dispatch: admit the caller (auth) ─▶ route's rate limits
//!                                ─▶ read + classify the body ─▶ HandlerRequest
//!                      │          └─▶ handler (sync, catch_unwind) ─▶ HandlerResponse ─▶ Response
//!                      ├─▶ CRUD routes of `data` (caller admitted first) ─▶ storage::Store
//!                      ├─▶ /_backworks/health, /_backworks/metrics, /_backworks/monitor/*
//!                      │     (crate::monitor; its `Observe` layer counts every request, inside the envelope)
//!                      ├─▶ 405 JSON (known path, other method; axum adds `Allow`)
//!                      └─▶ 404 JSON (unknown path)
//! ```
//!
//! Every failure is an [`errors::HttpError`], a JSON body `{"error", "message"}` with a status.
//! The files, one concept each: [`routes`] builds the router, [`dispatch`] runs one handler call,
//! [`request`] and [`response`] convert to and from the contract types, [`errors`] is the error
//! enum, [`request_id`] picks the `x-request-id`, [`envelope`] is the outer middleware,
//! [`logging`] sets up tracing, and [`serve`] binds, announces, accepts and shuts down;
//! [`transport`] is the spec of what surrounds the handlers, [`rate_limit`], [`cors`],
//! [`security_headers`] and [`connections`] enforce it.

pub(crate) mod client_addr;
mod connections;
mod cors;
mod dispatch;
pub(crate) mod envelope;
pub(crate) mod errors;
mod log_fields;
mod logging;
mod rate_limit;
pub(crate) mod request;
pub(crate) mod request_id;
mod response;
pub(crate) mod routes;
mod security_headers;
mod serve;
mod transport;
pub mod validate;

pub(crate) use logging::{in_handler_span, panic_text, record_console};
#[cfg(feature = "storage")]
pub use routes::router_with_store;
pub use routes::{Overrides, router, router_with, routers_with};
#[cfg(feature = "storage")]
pub use serve::serve_on_with_store;
pub use serve::{serve, serve_on};
pub use transport::{
    CorsSpec, RateKey, RateLimitSpec, ResourceRateLimit, RouteRateLimit, TransportSpec,
};

use crate::contract::Handler;

/// The whole service as the generated `main.rs` declares it, in a `static`.
#[derive(Debug)]
pub struct ServiceSpec {
    /// The service's name, shown in the start-up line, the health route and the logs.
    pub name: &'static str,
    /// The service's version, shown by the health route.
    pub version: &'static str,
    /// The port to listen on when the `PORT` environment variable is unset.
    pub default_port: u16,
    /// The host to bind when the `HOST` environment variable is unset (the blueprint's
    /// `server.host`, else `127.0.0.1`).
    pub default_host: &'static str,
    /// The largest request body accepted, in bytes; larger ones get a 413.
    pub body_limit: usize,
    /// Headers added to every response (errors and 404s included) unless the response
    /// already has a header of that name.
    pub global_headers: &'static [(&'static str, &'static str)],
    /// One entry per endpoint and method; several may share a path.
    pub routes: &'static [RouteSpec],
    /// The service's OpenAPI document (JSON), served at `/_backworks/openapi.json`.
    pub openapi: Option<&'static str>,
    /// The service's resources, when it has any: the store is opened at start and their CRUD
    /// routes are mounted next to `routes`.
    pub data: Option<&'static crate::storage::DataSpec>,
    /// How callers are identified, when the blueprint declares `auth:`; the key is read from
    /// the environment at start.
    pub auth: Option<&'static crate::auth::AuthSpec>,
    /// Rate limits, CORS, security headers and connection limits; `None` is
    /// [`TransportSpec::DEFAULT`] (security headers, a 10 s header-read timeout, 64
    /// connections per client address, no rate limit, no CORS).
    pub transport: Option<&'static TransportSpec>,
    /// The dashboard and monitor (`dashboard:`); `None` is
    /// [`DashboardSpec::DEFAULT`](crate::monitor::DashboardSpec::DEFAULT) (enabled, on the
    /// main port, no token).
    pub dashboard: Option<&'static crate::monitor::DashboardSpec>,
}

/// One endpoint method: where it lives and which compiled handler answers it.
#[derive(Debug)]
pub struct RouteSpec {
    /// Upper-case HTTP method, e.g. `GET`.
    pub method: &'static str,
    /// The path in axum 0.8 syntax, e.g. `/posts/{id}/comments`.
    pub path: &'static str,
    /// The blueprint endpoint's name, written in the request log line.
    pub endpoint: &'static str,
    /// The handler's time budget in milliseconds; it becomes [`HandlerRequest::deadline`].
    ///
    /// [`HandlerRequest::deadline`]: crate::contract::HandlerRequest::deadline
    pub timeout_ms: u64,
    /// The compiled handler.
    pub handler: Handler,
    /// JSON pointer to this operation in [`ServiceSpec::openapi`]; its parameters and request
    /// body are enforced before the handler runs.
    pub operation: Option<&'static str>,
    /// Declared integer, number and boolean parameters the handler receives as JS numbers and
    /// booleans (`typed_params: true`); empty by default, when every parameter is a string as
    /// in Node.
    pub typed_params: &'static [crate::contract::TypedParam],
    /// Who may call it; checked before the body is read and the handler runs.
    pub auth: crate::auth::Access,
}
