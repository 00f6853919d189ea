//! An API key sent as a query parameter (`auth.api_keys.query`), for clients that cannot set
//! headers. The outermost layer of the router takes the parameter out of the request's URI
//! before anything else reads it — the request log, `req.query_params`, the list grammar of
//! the generated routes — and leaves what it found in the request's extensions, where
//! [`admit`](super::admit) looks for it beside the header.
//!
//! ```text
//! GET /report?api_key=bwk_9f…&day=mon
//!   ─▶ GET /report?day=mon   + extension QueryKey::Key("bwk_9f…")
//! GET /report?api_key=a&api_key=b  ─▶ QueryKey::Malformed (refused by admit: 401)
//! ```
//!
//! The layer never answers a request itself, so a refusal still passes through the envelope
//! (request id, log line) like any other.

use axum::extract::{Request, State};
use axum::http::Uri;
use axum::middleware::Next;
use axum::response::Response;

/// What the query string carried in the key's parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QueryKey {
    /// One value (not yet verified).
    Key(String),
    /// The parameter more than once: which one counts would be ambiguous.
    Malformed,
}

/// The middleware, installed with `from_fn_with_state(parameter, take_query_key)`.
pub(crate) async fn take_query_key(
    State(parameter): State<&'static str>,
    mut req: Request,
    next: Next,
) -> Response {
    if let Some((found, rest)) = split(req.uri(), parameter) {
        req.extensions_mut().insert(found);
        if let Some(uri) = without_query(req.uri(), &rest) {
            *req.uri_mut() = uri;
        }
    }
    next.run(req).await
}

/// The key `uri` carries in `parameter`, and the query without it; `None` when it carries none.
fn split(uri: &Uri, parameter: &str) -> Option<(QueryKey, String)> {
    let query = uri.query()?;
    let mut found = Vec::new();
    let mut kept = Vec::new();
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if decode(name) == parameter {
            found.push(decode(value));
        } else {
            kept.push(pair);
        }
    }
    let key = match found.len() {
        0 => return None,
        1 => QueryKey::Key(found.remove(0).trim().to_owned()),
        _ => QueryKey::Malformed,
    };
    Some((key, kept.join("&")))
}

/// `uri` with `query` as its query string (none when empty).
fn without_query(uri: &Uri, query: &str) -> Option<Uri> {
    let path = uri.path();
    let path_and_query = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(path_and_query.parse().ok()?);
    Uri::from_parts(parts).ok()
}

/// Form decoding of one name or value: `+` is a space, `%XX` a byte; a malformed escape is
/// kept as written (it then matches no parameter name and is no valid key).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_of(uri: &str) -> Option<(QueryKey, String)> {
        split(&uri.parse().unwrap(), "api_key")
    }

    #[test]
    fn the_parameter_is_taken_out_and_the_rest_kept_as_written() {
        assert_eq!(
            split_of("/r?day=mon&api_key=bwk_1&x=%20a"),
            Some((QueryKey::Key("bwk_1".into()), "day=mon&x=%20a".into()))
        );
        assert_eq!(
            split_of("/r?api%5Fkey=bwk_2"),
            Some((QueryKey::Key("bwk_2".into()), String::new())),
            "an escaped name is the same parameter"
        );
        assert_eq!(
            split_of("/r?api_key=a&api_key=b").map(|(key, _)| key),
            Some(QueryKey::Malformed)
        );
        assert_eq!(split_of("/r?apikey=a"), None);
        assert_eq!(split_of("/r"), None);
        let uri: Uri = "/r?api_key=k".parse().unwrap();
        assert_eq!(without_query(&uri, "").unwrap(), "/r");
    }

    #[test]
    fn decoding_keeps_malformed_escapes() {
        assert_eq!(decode("a%41+b"), "aA b");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
    }
}
