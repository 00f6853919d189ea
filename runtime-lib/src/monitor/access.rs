//! Who may read the monitor (`/_backworks/monitor/*`) and the metrics (`/_backworks/metrics`).
//! Both fail closed; the first rule that applies decides:
//!
//! ```text
//! Authorization: Bearer <dashboard.auth token>  ─▶ admitted (Prometheus scrapers, operators)
//! the service declares `auth:`                   ─▶ auth::admit(roles: [admin]): 401 / 403 / ok
//! `dashboard.auth` is set                        ─▶ 401 (only the token opens it)
//! neither                                        ─▶ loopback clients only, others 403
//! ```
//!
//! The token is read from the environment variable `dashboard.auth` names, at start (a missing
//! or short variable is a start-up error), and compared looking at every byte, so the time
//! taken says nothing about how much of a guess matched.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::{Extensions, HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::auth::{Access, Authenticator, admit};
use crate::http::errors::HttpError;

/// The shortest token accepted.
pub(crate) const MIN_TOKEN_BYTES: usize = 16;

/// The readers' role when the service declares `auth:`.
const READERS: Access = Access::Required { roles: &["admin"] };

/// The decision rules above, with what they need.
#[derive(Debug, Clone)]
pub(crate) struct Gate {
    pub(crate) token: Option<Arc<str>>,
    pub(crate) authenticator: Option<Arc<Authenticator>>,
}

impl Gate {
    /// Whether a request from `peer` with `headers` (and `extensions`, where a key from the
    /// query waits) may read; the refusal otherwise.
    pub(crate) async fn check(
        &self,
        headers: &HeaderMap,
        extensions: &Extensions,
        peer: Option<SocketAddr>,
    ) -> Result<(), Response> {
        if let Some(token) = &self.token
            && let Some(given) = bearer(headers)
            && same(given.as_bytes(), token.as_bytes())
        {
            return Ok(());
        }
        if let Some(authenticator) = &self.authenticator {
            return admit(Some(authenticator), READERS, headers, extensions)
                .await
                .map(drop)
                .map_err(|refusal| HttpError::from(refusal).into_response());
        }
        if self.token.is_some() {
            return Err(refused(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "the monitor needs the dashboard token (dashboard.auth) as a bearer token",
            ));
        }
        if peer.is_some_and(|peer| peer.ip().is_loopback()) {
            return Ok(());
        }
        Err(refused(
            StatusCode::FORBIDDEN,
            "forbidden",
            "the monitor answers only local clients unless the blueprint sets dashboard.auth",
        ))
    }
}

/// The bearer token of the `Authorization` header, if it holds exactly one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return None;
    };
    let text = value.to_str().ok()?;
    let (scheme, token) = text.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Equality that looks at every byte of the longer side whatever differs.
fn same(given: &[u8], expected: &[u8]) -> bool {
    let mut differ = u8::from(given.len() != expected.len());
    for at in 0..given.len().max(expected.len()) {
        let a = given.get(at).copied().unwrap_or(0);
        let b = expected.get(at).copied().unwrap_or(0xff);
        differ |= a ^ b;
    }
    differ == 0
}

fn refused(status: StatusCode, error: &str, message: &str) -> Response {
    let body = serde_json::json!({ "error": error, "message": message });
    let mut response = (status, axum::Json(body)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static("Bearer"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_match_only_exactly() {
        assert!(same(b"0123456789abcdef", b"0123456789abcdef"));
        assert!(!same(b"0123456789abcde", b"0123456789abcdef"));
        assert!(!same(b"0123456789abcdefX", b"0123456789abcdef"));
        assert!(!same(b"", b"0123456789abcdef"));
        assert!(!same(b"1123456789abcdef", b"0123456789abcdef"));
    }
}
