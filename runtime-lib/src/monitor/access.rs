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
//! The dashboard's admin workflows ask a wider question of the same rules, [`Gate::viewer`]:
//! not "may this caller read the monitor" but "who is this caller" — the operator (the token),
//! a verified user of any role (whose roles then pick the workflows), or a local reader — so
//! a user without `admin` is told which workflows are theirs rather than refused.
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
/// Any verified caller, whatever their roles (the workflows' question).
const ANY_CALLER: Access = Access::Required { roles: &[] };
/// The role that reads the monitor, and that the operator holds.
pub(crate) const ADMIN: &str = "admin";

/// Who opened the dashboard, as far as the gate can tell.
#[derive(Debug, Clone)]
pub(crate) enum Viewer {
    /// The holder of the `dashboard.auth` token: everything, as role `admin`.
    Operator,
    /// A loopback client of a service with neither `auth:` nor a token: everything.
    Local,
    /// A caller the service's `auth:` verified, with their roles.
    User(crate::contract::User),
}

impl Viewer {
    /// Whether the viewer may read the monitor's pages too.
    pub(crate) fn reads_monitor(&self) -> bool {
        match self {
            Viewer::Operator | Viewer::Local => true,
            Viewer::User(user) => user.roles.iter().any(|role| role == ADMIN),
        }
    }

    /// Whether the viewer may use a workflow open to `permissions` (empty: any viewer).
    pub(crate) fn may_use(&self, permissions: &[String]) -> bool {
        match self {
            Viewer::Operator | Viewer::Local => true,
            Viewer::User(user) => {
                permissions.is_empty()
                    || permissions
                        .iter()
                        .any(|wanted| user.roles.iter().any(|held| held == wanted))
            }
        }
    }
}

/// The decision rules above, with what they need.
#[derive(Debug, Clone)]
pub(crate) struct Gate {
    pub(crate) token: Option<Arc<str>>,
    pub(crate) authenticator: Option<Arc<Authenticator>>,
}

/// Why the gate refused a reader.
#[derive(Debug)]
pub(crate) enum Denied {
    /// The service's `auth:` refused the caller (401, 403 or 503), answered as every route
    /// answers it.
    Auth(crate::auth::Refusal),
    /// The gate's own refusal: only the dashboard token opens the monitor (401), or only
    /// loopback clients may read (403).
    Gate {
        status: StatusCode,
        code: &'static str,
        message: &'static str,
    },
}

impl Denied {
    /// The refusal as the gate answers it: the service's own 401/403/503, or the gate's.
    pub(crate) fn into_response(self) -> Response {
        match self {
            Denied::Auth(refusal) => HttpError::from(refusal).into_response(),
            Denied::Gate {
                status,
                code,
                message,
            } => refused(status, code, message),
        }
    }
}

impl Gate {
    /// Whether a request with `headers` (and `extensions`, where a key from the query and the
    /// connection's peer wait) may read; the refusal as a response otherwise.
    pub(crate) async fn check(
        &self,
        headers: &HeaderMap,
        extensions: &Extensions,
    ) -> Result<(), Response> {
        self.decide(headers, extensions, connection_peer(extensions))
            .await
            .map_err(Denied::into_response)
    }

    /// The rules above: who may read, or why not.
    pub(crate) async fn decide(
        &self,
        headers: &HeaderMap,
        extensions: &Extensions,
        peer: Option<SocketAddr>,
    ) -> Result<(), Denied> {
        if self.is_token(headers) {
            return Ok(());
        }
        if let Some(authenticator) = &self.authenticator {
            return admit(Some(authenticator), READERS, headers, extensions)
                .await
                .map(drop)
                .map_err(Denied::Auth);
        }
        if self.token.is_some() {
            return Err(Denied::Gate {
                status: StatusCode::UNAUTHORIZED,
                code: "unauthorized",
                message: "the monitor needs the dashboard token (dashboard.auth) as a bearer token",
            });
        }
        if peer.is_some_and(|peer| peer.ip().is_loopback()) {
            return Ok(());
        }
        Err(Denied::Gate {
            status: StatusCode::FORBIDDEN,
            code: "forbidden",
            message: "the monitor answers only local clients unless the blueprint sets dashboard.auth",
        })
    }

    /// Who the caller is by the rules above, with `auth:` admitting a verified caller of any
    /// role (the workflows filter by role themselves); why not otherwise.
    pub(crate) async fn viewer(
        &self,
        headers: &HeaderMap,
        extensions: &Extensions,
    ) -> Result<Viewer, Denied> {
        if self.is_token(headers) {
            return Ok(Viewer::Operator);
        }
        if let Some(authenticator) = &self.authenticator {
            return match admit(Some(authenticator), ANY_CALLER, headers, extensions).await {
                Ok(Some(user)) => Ok(Viewer::User(user)),
                Ok(None) => Err(Denied::Auth(crate::auth::Refusal::Missing)),
                Err(refusal) => Err(Denied::Auth(refusal)),
            };
        }
        self.decide(headers, extensions, connection_peer(extensions))
            .await
            .map(|()| Viewer::Local)
    }

    /// Whether `headers` carry the dashboard token as their bearer token.
    pub(crate) fn is_token(&self, headers: &HeaderMap) -> bool {
        self.token.as_ref().is_some_and(|token| {
            bearer(headers).is_some_and(|given| same(given.as_bytes(), token.as_bytes()))
        })
    }
}

/// The TCP peer of the connection (axum's `ConnectInfo`): the loopback rule is about the
/// machine that connected, never an address a proxy forwarded.
fn connection_peer(extensions: &Extensions) -> Option<SocketAddr> {
    extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|axum::extract::ConnectInfo(peer)| *peer)
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

pub(crate) fn refused(status: StatusCode, error: &str, message: &str) -> Response {
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
