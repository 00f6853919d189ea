//! One embedded dashboard file as an HTTP answer: its content type from the extension, a
//! strong `ETag` (FNV-1a of the bytes, computed once at start), `cache-control: no-cache`
//! (revalidate every time: a rebuilt server must never leave a stale script behind) and the
//! dashboard's content security policy.
//!
//! ```text
//! assets/app.js  ─▶ 200 text/javascript; charset=utf-8, etag: "9f…", csp: default-src 'self' …
//! If-None-Match: "9f…" ─▶ 304, no body
//! ```

use std::borrow::Cow;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Only this origin: scripts and styles from files (no inline code), data from this server,
/// no framing, no plugins, forms and `<base>` pinned.
pub(crate) const POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// A file ready to serve.
#[derive(Debug)]
pub(crate) struct Asset {
    pub(crate) path: &'static str,
    /// As embedded, or as changed at start (`index.html` on the dashboard's own port).
    body: Cow<'static, str>,
    content_type: &'static str,
    etag: HeaderValue,
}

impl Asset {
    pub(crate) fn new(path: &'static str, body: impl Into<Cow<'static, str>>) -> Asset {
        let body = body.into();
        let etag = format!("\"{:016x}\"", fnv64(body.as_bytes()));
        Asset {
            path,
            body,
            content_type: content_type(path),
            etag: HeaderValue::from_str(&etag).expect("hex digits are a valid header value"),
        }
    }

    /// 200 with the body, or 304 when `headers` already name this version.
    pub(crate) fn respond(&self, headers: &HeaderMap) -> Response {
        let fresh = headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .any(|tag| tag.trim() == self.etag.to_str().unwrap_or_default() || tag.trim() == "*");
        let mut response = if fresh {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            (
                [(header::CONTENT_TYPE, self.content_type)],
                // A `&'static` body is sent without a copy.
                match &self.body {
                    Cow::Borrowed(text) => axum::body::Body::from(*text),
                    Cow::Owned(text) => axum::body::Body::from(text.clone()),
                },
            )
                .into_response()
        };
        let out = response.headers_mut();
        out.insert(header::ETAG, self.etag.clone());
        out.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        out.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(POLICY),
        );
        response
    }
}

/// The content type of a dashboard file, by its extension.
fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, extension)| extension) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    }
}

/// FNV-1a, 64 bits: stable across machines, enough to tell versions of a file apart.
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_follow_extensions() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("assets/app.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type("assets/vendor/uPlot.min.css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(
            content_type("assets/vendor/LICENSE"),
            "text/plain; charset=utf-8"
        );
    }

    #[test]
    fn a_known_version_is_not_sent_again() {
        let asset = Asset::new("assets/app.js", "export {};");
        let first = asset.respond(&HeaderMap::new());
        assert_eq!(first.status(), StatusCode::OK);
        let etag = first.headers()[header::ETAG].clone();
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(asset.respond(&headers).status(), StatusCode::NOT_MODIFIED);
        let other = Asset::new("assets/app.js", "export const x = 1;");
        assert_eq!(other.respond(&headers).status(), StatusCode::OK);
    }
}
