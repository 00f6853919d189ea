//! Every way a request can fail, as one enum that renders itself as a JSON response.
//!
//! Each variant has a status and a short machine-readable code; the body is always
//! `{"error": "<code>", "message": "<text>"}` with `content-type: application/json`:
//!
//! ```text
//! HttpError::Timeout { budget_ms: 5000 }
//!   ─▶ 504 {"error":"timeout","message":"the handler ran past its time budget of 5000 ms"}
//! ```
//!
//! Logging the cause (a stack, a panic message) is the caller's job: this file only decides what
//! the client sees, which never includes server internals such as a panic message.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A failed request, before it becomes a response.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum HttpError {
    /// The request was malformed (body, query or path): 400 with the given code.
    BadRequest {
        /// Machine-readable code, e.g. `invalid_body` or the bridge's `invalid_json`.
        code: &'static str,
        /// What was wrong.
        message: String,
    },
    /// The request breaks the blueprint's declared parameters or body schema: 400
    /// `invalid_request`, listing every violation with its JSON pointer.
    InvalidRequest {
        /// Each violation, in the order found.
        violations: Vec<super::validate::Violation>,
    },
    /// The body was larger than the service's limit: 413.
    PayloadTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// No route has this path: 404.
    NotFound {
        /// The request's method.
        method: String,
        /// The request's path.
        path: String,
    },
    /// The path exists but not with this method: 405 (axum adds the `Allow` header).
    MethodNotAllowed {
        /// The request's method.
        method: String,
        /// The request's path.
        path: String,
    },
    /// The handler threw: 500 `handler_error`.
    HandlerThrew {
        /// The error's `name`, e.g. `TypeError`.
        name: String,
        /// The error's `message`.
        message: String,
    },
    /// The handler ran past its budget: 504.
    Timeout {
        /// The budget, in milliseconds.
        budget_ms: u64,
    },
    /// The handler recursed too deep: 500.
    StackOverflow,
    /// The handler panicked (a bug in generated or runtime code): 500 `internal_error`.
    Panicked,
    /// The handler answered something HTTP cannot carry (a bad header or status): 500.
    InvalidResponse {
        /// What was wrong with it.
        message: String,
    },
    /// The caller could not be identified (`crate::auth`): 401 `unauthorized` with a
    /// `WWW-Authenticate: Bearer` challenge (RFC 6750 §3).
    Unauthorized {
        /// Whether a token was sent and refused (`error="invalid_token"`), rather than missing.
        invalid_token: bool,
        /// What was wrong with it.
        message: &'static str,
    },
    /// The caller is identified but holds none of the route's roles: 403 `forbidden`.
    Forbidden {
        /// The roles of which one is needed.
        roles: &'static [&'static str],
    },
    /// The route needs a caller the server has no way to verify: 503 `auth_unavailable`.
    AuthUnavailable,
    /// Credentials cannot be checked right now (identity provider or database unreachable):
    /// 503 `auth_unavailable` with `Retry-After`.
    AuthUnreachable {
        /// What could not be reached.
        message: &'static str,
    },
}

impl HttpError {
    /// The status this error is sent with.
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            HttpError::BadRequest { .. } | HttpError::InvalidRequest { .. } => {
                StatusCode::BAD_REQUEST
            }
            HttpError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            HttpError::NotFound { .. } => StatusCode::NOT_FOUND,
            HttpError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            HttpError::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            HttpError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            HttpError::Forbidden { .. } => StatusCode::FORBIDDEN,
            HttpError::AuthUnavailable | HttpError::AuthUnreachable { .. } => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            HttpError::HandlerThrew { .. }
            | HttpError::StackOverflow
            | HttpError::Panicked
            | HttpError::InvalidResponse { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The machine-readable code in the body's `error` field.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            HttpError::BadRequest { code, .. } => code,
            HttpError::InvalidRequest { .. } => "invalid_request",
            HttpError::PayloadTooLarge { .. } => "payload_too_large",
            HttpError::NotFound { .. } => "not_found",
            HttpError::MethodNotAllowed { .. } => "method_not_allowed",
            HttpError::HandlerThrew { .. } => "handler_error",
            HttpError::Timeout { .. } => "timeout",
            HttpError::StackOverflow => "stack_overflow",
            HttpError::Panicked => "internal_error",
            HttpError::InvalidResponse { .. } => "invalid_response",
            HttpError::Unauthorized { .. } => "unauthorized",
            HttpError::Forbidden { .. } => "forbidden",
            HttpError::AuthUnavailable | HttpError::AuthUnreachable { .. } => "auth_unavailable",
        }
    }

    /// The human-readable text in the body's `message` field.
    pub(crate) fn message(&self) -> String {
        match self {
            HttpError::BadRequest { message, .. } => message.clone(),
            HttpError::InvalidRequest { violations } => match violations.as_slice() {
                [only] => format!("{}: {}", only.pointer, only.message),
                several => format!("{} problems with the request", several.len()),
            },
            HttpError::PayloadTooLarge { limit } => {
                format!("the request body is larger than the limit of {limit} bytes")
            }
            HttpError::NotFound { method, path } => format!("no route matches {method} {path}"),
            HttpError::MethodNotAllowed { method, path } => {
                format!("{path} does not accept {method}; see the Allow header")
            }
            HttpError::HandlerThrew { name, message } => format!("{name}: {message}"),
            HttpError::Timeout { budget_ms } => {
                format!("the handler ran past its time budget of {budget_ms} ms")
            }
            HttpError::StackOverflow => "the handler exceeded the maximum call depth".to_owned(),
            HttpError::Panicked => {
                "the handler failed unexpectedly; the server log has the details".to_owned()
            }
            HttpError::InvalidResponse { message } => {
                format!("the handler's response cannot be sent: {message}")
            }
            HttpError::Unauthorized { message, .. } => (*message).to_owned(),
            HttpError::Forbidden { roles } => match roles {
                [only] => format!("this route requires the role `{only}`"),
                several => format!(
                    "this route requires one of the roles {}",
                    several
                        .iter()
                        .map(|role| format!("`{role}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
            HttpError::AuthUnavailable => {
                "this route requires authentication, which the server cannot verify".to_owned()
            }
            HttpError::AuthUnreachable { message } => (*message).to_owned(),
        }
    }

    /// The `WWW-Authenticate` challenge (RFC 6750 §3) a 401 or 403 carries.
    fn challenge(&self) -> Option<&'static str> {
        match self {
            HttpError::Unauthorized {
                invalid_token: true,
                ..
            } => Some(r#"Bearer error="invalid_token""#),
            HttpError::Unauthorized { .. } => Some("Bearer"),
            HttpError::Forbidden { .. } => Some(r#"Bearer error="insufficient_scope""#),
            _ => None,
        }
    }
}

impl From<crate::auth::Refusal> for HttpError {
    fn from(refusal: crate::auth::Refusal) -> Self {
        use crate::auth::Refusal;
        match refusal {
            Refusal::Missing => HttpError::Unauthorized {
                invalid_token: false,
                message: "this route requires a bearer token (Authorization: Bearer <token>)",
            },
            Refusal::Invalid(message) => HttpError::Unauthorized {
                invalid_token: true,
                message,
            },
            Refusal::Forbidden(roles) => HttpError::Forbidden { roles },
            Refusal::Unverifiable => HttpError::AuthUnavailable,
            Refusal::Unavailable(message) => HttpError::AuthUnreachable { message },
        }
    }
}

/// Builds the JSON error response every failure shares; also used by routes that are not
/// handlers (404, 405).
pub(crate) fn json_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "error": code, "message": message }).to_string();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let HttpError::InvalidRequest { violations } = &self else {
            let mut response = json_error(self.status(), self.code(), &self.message());
            if let Some(challenge) = self.challenge() {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(challenge),
                );
            }
            if let HttpError::AuthUnreachable { .. } = self {
                // A transient failure: worth retrying soon, unlike a refusal.
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            }
            return response;
        };
        let listed: Vec<serde_json::Value> = violations
            .iter()
            .map(|violation| {
                serde_json::json!({ "pointer": violation.pointer, "message": violation.message })
            })
            .collect();
        let body = serde_json::json!({
            "error": self.code(),
            "message": self.message(),
            "violations": listed,
        })
        .to_string();
        let mut response = (self.status(), body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_the_documented_status_and_code() {
        let cases = [
            (
                HttpError::BadRequest {
                    code: "invalid_json",
                    message: "x".into(),
                },
                400,
                "invalid_json",
            ),
            (
                HttpError::PayloadTooLarge { limit: 1 },
                413,
                "payload_too_large",
            ),
            (
                HttpError::NotFound {
                    method: "GET".into(),
                    path: "/".into(),
                },
                404,
                "not_found",
            ),
            (
                HttpError::MethodNotAllowed {
                    method: "GET".into(),
                    path: "/".into(),
                },
                405,
                "method_not_allowed",
            ),
            (
                HttpError::HandlerThrew {
                    name: "TypeError".into(),
                    message: "x".into(),
                },
                500,
                "handler_error",
            ),
            (HttpError::Timeout { budget_ms: 1 }, 504, "timeout"),
            (HttpError::StackOverflow, 500, "stack_overflow"),
            (HttpError::Panicked, 500, "internal_error"),
            (
                HttpError::InvalidResponse {
                    message: "x".into(),
                },
                500,
                "invalid_response",
            ),
            (
                HttpError::Unauthorized {
                    invalid_token: true,
                    message: "x",
                },
                401,
                "unauthorized",
            ),
            (HttpError::Forbidden { roles: &["admin"] }, 403, "forbidden"),
            (HttpError::AuthUnavailable, 503, "auth_unavailable"),
        ];
        for (error, status, code) in cases {
            assert_eq!(error.status().as_u16(), status, "{error:?}");
            assert_eq!(error.code(), code, "{error:?}");
        }
    }

    #[test]
    fn thrown_message_is_name_colon_message() {
        let error = HttpError::HandlerThrew {
            name: "TypeError".into(),
            message: "x is not a function".into(),
        };
        assert_eq!(error.message(), "TypeError: x is not a function");
    }
}
