//! What can go wrong with data, as one error type that both the CRUD routes and `ctx.db` see:
//! a stable machine code, a message, and (for invalid input) every violation with its JSON
//! pointer or parameter.
//!
//! ```text
//! StoreError { code: UniqueViolation, message: "books: a row with this isbn exists", .. }
//!   ─▶ 409 {"error":"unique_violation","message":"books: a row with this isbn exists"}
//! StoreError { code: Unavailable, .. } ─▶ 503 + Retry-After: 1
//! ```
//!
//! Codes are part of the contract (JS reads them as `err.code`), so [`ErrorCode::as_str`] never
//! changes. Engine errors are classified in the engine files; internals (SQL text, driver
//! messages) are logged, never sent to the client.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::conflict::Constraint;

/// A failed storage operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoreError {
    /// What kind of failure, stable across versions.
    pub code: ErrorCode,
    /// A sentence for people.
    pub message: String,
    /// For [`ErrorCode::Invalid`]: every problem found, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<Violation>,
    /// For a unique or foreign-key violation: what the engine said broke, until the
    /// operation words it (`conflict.rs`).
    #[serde(skip)]
    pub(crate) constraint: Option<Constraint>,
}

/// The kinds of failure, each with a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input breaks the resource's rules (400).
    Invalid,
    /// No such row (404).
    NotFound,
    /// A unique field or id already holds this value (409).
    UniqueViolation,
    /// A ref names a row that does not exist, or a row still referred to was deleted (409).
    ForeignKeyViolation,
    /// A required column would be null (400).
    NotNullViolation,
    /// A database `CHECK` refused the row (400).
    CheckViolation,
    /// `If-Match` named another version of the row (412).
    PreconditionFailed,
    /// The resource's record rules refuse the caller this write (403).
    Forbidden,
    /// The database cannot be reached or is busy; try again (503).
    Unavailable,
    /// Anything else; the server log has the details (500).
    Internal,
}

impl ErrorCode {
    /// The stable text of the code, e.g. `unique_violation`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotFound => "not_found",
            ErrorCode::UniqueViolation => "unique_violation",
            ErrorCode::ForeignKeyViolation => "foreign_key_violation",
            ErrorCode::NotNullViolation => "not_null_violation",
            ErrorCode::CheckViolation => "check_violation",
            ErrorCode::PreconditionFailed => "precondition_failed",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The HTTP status the code is answered with.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::Invalid | ErrorCode::NotNullViolation | ErrorCode::CheckViolation => {
                StatusCode::BAD_REQUEST
            }
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::UniqueViolation | ErrorCode::ForeignKeyViolation => StatusCode::CONFLICT,
            ErrorCode::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// One problem with the input: where (a JSON pointer such as `/title`, or `/query/limit` for
/// a list parameter) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// JSON pointer to the offending value or parameter.
    pub pointer: String,
    /// What is wrong with it.
    pub message: String,
}

impl Violation {
    /// A violation at `pointer`.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Violation {
        Violation {
            pointer: pointer.into(),
            message: message.into(),
        }
    }
}

impl StoreError {
    /// An error of `code` with a message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> StoreError {
        StoreError {
            code,
            message: message.into(),
            violations: Vec::new(),
            constraint: None,
        }
    }

    /// Invalid input, listing every violation.
    pub fn invalid(violations: Vec<Violation>) -> StoreError {
        let message = match violations.as_slice() {
            [only] => format!("{}: {}", only.pointer, only.message),
            several => format!("{} problems with the request", several.len()),
        };
        StoreError {
            code: ErrorCode::Invalid,
            message,
            violations,
            constraint: None,
        }
    }

    /// The database cannot serve right now.
    pub fn unavailable(message: impl Into<String>) -> StoreError {
        StoreError::new(ErrorCode::Unavailable, message)
    }

    /// A failure the client cannot act on; `detail` goes to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> StoreError {
        tracing::error!(target: "backworks::storage", "{detail}");
        StoreError::new(
            ErrorCode::Internal,
            "the database operation failed; the server log has the details",
        )
    }

    /// A row the database refused (`NOT NULL`, `CHECK`) though the server's own checks let it
    /// through; `detail`, the engine's words, goes to the log only.
    pub(crate) fn refused(code: ErrorCode, detail: &str) -> StoreError {
        tracing::warn!(target: "backworks::storage", "{detail}");
        StoreError::new(code, "the database refused the row")
    }

    /// The same error with every violation's pointer under `prefix` (e.g. `/body`).
    pub fn under(mut self, prefix: &str) -> StoreError {
        for violation in &mut self.violations {
            violation.pointer = format!("{prefix}{}", violation.pointer);
        }
        if self.code == ErrorCode::Invalid && !self.violations.is_empty() {
            // Its message names the pointers.
            self = StoreError::invalid(self.violations);
        }
        self
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for StoreError {}

/// Seconds a client is asked to wait before retrying a 503.
const RETRY_AFTER_SECONDS: &str = "1";

impl IntoResponse for StoreError {
    fn into_response(self) -> Response {
        // A 400 from storage reads exactly like one from the OpenAPI checks before it.
        let error = match self.code {
            ErrorCode::Invalid => "invalid_request",
            code => code.as_str(),
        };
        let mut body = serde_json::json!({ "error": error, "message": self.message });
        if !self.violations.is_empty() {
            body["violations"] = serde_json::json!(self.violations);
        }
        let mut response = (self.code.status(), body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if self.code == ErrorCode::Unavailable {
            headers.insert(
                header::RETRY_AFTER,
                HeaderValue::from_static(RETRY_AFTER_SECONDS),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        let all = [
            (ErrorCode::Invalid, "invalid", 400),
            (ErrorCode::NotFound, "not_found", 404),
            (ErrorCode::UniqueViolation, "unique_violation", 409),
            (ErrorCode::ForeignKeyViolation, "foreign_key_violation", 409),
            (ErrorCode::NotNullViolation, "not_null_violation", 400),
            (ErrorCode::CheckViolation, "check_violation", 400),
            (ErrorCode::PreconditionFailed, "precondition_failed", 412),
            (ErrorCode::Forbidden, "forbidden", 403),
            (ErrorCode::Unavailable, "unavailable", 503),
            (ErrorCode::Internal, "internal", 500),
        ];
        for (code, text, status) in all {
            assert_eq!(code.as_str(), text);
            assert_eq!(serde_json::json!(code), serde_json::json!(text));
            assert_eq!(code.status().as_u16(), status);
        }
    }

    #[test]
    fn unavailable_answers_with_retry_after() {
        let response = StoreError::unavailable("down").into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
    }
}
