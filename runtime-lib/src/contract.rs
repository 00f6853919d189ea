//! The handler contract between the HTTP layer and compiled JavaScript.
//!
//! The HTTP layer (`crate::http`) turns an axum request into a [`HandlerRequest`] — plain, `Send`
//! data — and calls the route's [`Handler`] synchronously. The compiled module (generated code plus
//! `crate::bridge`) turns that into a JS `req` value, runs the handler and hands back a
//! [`HandlerResponse`] or a [`HandlerError`], again plain data. JS values never cross this line,
//! so they never have to be `Send` and never live across an axum `.await`.
//!
//! A handler that never does I/O answers at once ([`HandlerCall::Ready`]); one that may (timers,
//! `ctx.db`) hands the request to its event-loop thread (`js::event_loop`) and answers
//! [`HandlerCall::Pending`]: the HTTP layer awaits the plain-data answer, up to the deadline.
//!
//! ```text
//! axum Request ──http──▶ HandlerRequest ──bridge──▶ JS req ──handler──▶ JS { status, headers, body }
//!                                                                         │
//! axum Response ◀─http── HandlerResponse ◀──────────bridge────────────────┘
//! ```

use std::time::Instant;

/// A compiled handler entry point, as generated for each export of a handler module.
pub type Handler = fn(HandlerRequest) -> HandlerCall;

/// What a handler produced: a response, or why there is none.
pub type HandlerResult = Result<HandlerResponse, HandlerError>;

/// What calling a [`Handler`] gives the HTTP layer.
#[derive(Debug)]
pub enum HandlerCall {
    /// The handler ran inline and this is its answer.
    Ready(HandlerResult),
    /// The handler runs on an event-loop thread; its answer arrives here. The HTTP layer waits
    /// no longer than the request's deadline (504 after it) and drops the receiver, which is
    /// all the loop needs to know (its own check of the deadline abandons the request's work).
    Pending(tokio::sync::oneshot::Receiver<HandlerResult>),
}

impl From<HandlerResult> for HandlerCall {
    fn from(result: HandlerResult) -> Self {
        HandlerCall::Ready(result)
    }
}

/// One request as the handler sees it, before it becomes the JS `req` object.
#[derive(Debug, Clone)]
pub struct HandlerRequest {
    /// Upper-case HTTP method, e.g. `GET`.
    pub method: String,
    /// The request path without the query string, e.g. `/posts/42`.
    pub path: String,
    /// Path parameters by the names the blueprint declared, in declaration order.
    pub path_params: Vec<(String, String)>,
    /// Decoded query parameters in the order they appear; a repeated name appears repeatedly.
    pub query_params: Vec<(String, String)>,
    /// Header names lower-cased, values as sent (non-UTF-8 values are decoded lossily).
    pub headers: Vec<(String, String)>,
    /// The body, classified by content type but not yet parsed.
    pub body: RequestBody,
    /// The `x-request-id` this request carries in its response and log line.
    pub request_id: String,
    /// When the handler's time budget runs out (the endpoint's `timeout`).
    pub deadline: Instant,
    /// Parameters the handler receives as JS numbers or booleans rather than strings (the
    /// route's [`RouteSpec::typed_params`](crate::http::RouteSpec::typed_params)).
    pub typed_params: &'static [TypedParam],
    /// The verified caller, `None` when anonymous (or the route is public); it becomes
    /// `ctx.user`. Plain data, so it crosses to event-loop threads with the request.
    pub user: Option<User>,
    /// Where the handler's `console` lines are filed for the dashboard's recent requests
    /// (`crate::monitor`); `None` when nothing records them.
    pub recording: Option<crate::monitor::Recording>,
}

/// A verified caller (`crate::auth`), as `ctx.user` shows it: `{ id, roles, claims, provider }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The token's `sub`, when it is a string; `key:<id>` for an API key.
    pub id: Option<String>,
    /// Which provider verified the caller: the audit log files an API key's writes under
    /// the key, and handlers can tell a person from a machine.
    pub provider: Provider,
    /// The roles the configured claim grants, in the token's order.
    pub roles: Vec<String>,
    /// Every claim of the token, as JSON text (parsed with `JSON.parse` when a handler reads it).
    pub claims: String,
}

/// The provider that vouched for a [`User`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// A built-in account's access token (`auth.users`).
    Users,
    /// An external provider's token (`auth.jwt`).
    Jwt,
    /// An API key (`auth.api_keys`).
    ApiKey,
    /// The operator's bootstrap token (`auth.api_keys.admin_token`), on the key routes only.
    Operator,
}

impl Provider {
    /// The name `ctx.user.provider` shows: `users`, `jwt`, `api_key` or `operator`.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Users => "users",
            Provider::Jwt => "jwt",
            Provider::ApiKey => "api_key",
            Provider::Operator => "operator",
        }
    }
}

/// A declared parameter that reaches the handler converted from its text, for endpoints with
/// `typed_params: true` (after the server has checked that the text is of its type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedParam {
    /// Where it is read from.
    pub location: ParamLocation,
    /// The parameter's name.
    pub name: &'static str,
    /// What it becomes.
    pub kind: ParamKind,
}

/// Where a parameter is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A `{name}` segment of the path: `req.path_params`.
    Path,
    /// The query string: `req.query_params`.
    Query,
}

/// The JS type a typed parameter becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A whole number (a JS number).
    Integer,
    /// Any number (a JS number).
    Number,
    /// `true` or `false` (a JS boolean).
    Boolean,
}

impl ParamKind {
    /// The JSON Schema type name.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamKind::Integer => "integer",
            ParamKind::Number => "number",
            ParamKind::Boolean => "boolean",
        }
    }
}

/// A request body as received. JSON is kept as text so the JS runtime parses it with
/// `JSON.parse` semantics (lone surrogates, `1e400` → `Infinity`, duplicate keys) rather than
/// another parser's.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestBody {
    /// No body, or a zero-length one.
    Empty,
    /// The content type is JSON (`application/json` or `*+json`); the text is unparsed.
    Json(String),
    /// Any other content type, decoded as UTF-8 (lossily).
    Text(String),
}

/// What a handler answered.
#[derive(Debug, Clone, PartialEq)]
pub struct HandlerResponse {
    /// HTTP status, 200 unless the handler said otherwise.
    pub status: u16,
    /// Headers the handler set, in the order it set them.
    pub headers: Vec<(String, String)>,
    /// The serialized body.
    pub body: ResponseBody,
}

/// A response body, already serialized by the JS runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    /// `null` or `undefined`: no body.
    Empty,
    /// An object, array, number or boolean, serialized exactly as `JSON.stringify` would.
    Json(String),
    /// A string body, sent as `text/plain` unless the handler set a content type.
    Text(String),
}

/// Why a handler produced no response. The HTTP layer maps each kind to a status and a JSON body.
#[derive(Debug, Clone, PartialEq)]
pub enum HandlerError {
    /// The request could not become a JS `req` (for example, a malformed JSON body): 400.
    BadRequest {
        /// Short machine-readable code, e.g. `invalid_json`.
        code: &'static str,
        /// What was wrong, for the person reading the response.
        message: String,
    },
    /// The handler threw (or rejected): 500.
    Thrown {
        /// The error's `name` (`Error`, `TypeError`, …), or `Uncaught` for a thrown non-error.
        name: String,
        /// The error's `message`, or the thrown value converted to a string.
        message: String,
        /// The error's `stack`, when it has one.
        stack: Option<String>,
    },
    /// The handler ran past its time budget: 504.
    Timeout {
        /// The budget it exceeded, in milliseconds.
        budget_ms: u64,
    },
    /// The handler recursed past the depth limit: 500.
    StackOverflow,
    /// The handler panicked on an event-loop thread (inline handlers' panics are caught by the
    /// HTTP layer itself): 500. The loop caught it and keeps serving.
    Panicked {
        /// The panic's message.
        message: String,
    },
}
