//! Reads the credentials of a request: `Authorization: Bearer <token>` (RFC 6750 §2.1).
//!
//! ```text
//! (no Authorization header)          ─▶ Credentials::Absent
//! Authorization: Bearer eyJhbGciOi…  ─▶ Credentials::Bearer("eyJhbGciOi…")
//! Authorization: Basic dXNlcjpwdw==  ─▶ Credentials::Malformed   (another scheme is refused,
//! Authorization: Bearer              ─▶ Credentials::Malformed    never taken as anonymous)
//! ```

use axum::http::{HeaderMap, header};

/// What a request presents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Credentials<'r> {
    /// No `Authorization` header.
    Absent,
    /// A bearer token (not yet verified).
    Bearer(&'r str),
    /// An `Authorization` header that holds no single bearer token.
    Malformed,
}

/// The request's credentials. Several `Authorization` headers are malformed: which one would
/// count is ambiguous, so none does.
pub(crate) fn credentials(headers: &HeaderMap) -> Credentials<'_> {
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return if headers.contains_key(header::AUTHORIZATION) {
            Credentials::Malformed
        } else {
            Credentials::Absent
        };
    };
    let Ok(text) = value.to_str() else {
        return Credentials::Malformed;
    };
    let Some((scheme, token)) = text.split_once(' ') else {
        return Credentials::Malformed;
    };
    let token = token.trim_start_matches(' ');
    // The scheme name is case-insensitive; the token is RFC 6750's b64token.
    let is_token_char =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '+' | '/');
    let token_chars = token.trim_end_matches('=');
    if !scheme.eq_ignore_ascii_case("bearer")
        || token_chars.is_empty()
        || !token_chars.chars().all(is_token_char)
    {
        return Credentials::Malformed;
    }
    Credentials::Bearer(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn reads_bearer_tokens_and_refuses_everything_else() {
        assert_eq!(credentials(&with(&[])), Credentials::Absent);
        assert_eq!(
            credentials(&with(&["Bearer a.b.c"])),
            Credentials::Bearer("a.b.c")
        );
        assert_eq!(
            credentials(&with(&["bearer a.b.c"])),
            Credentials::Bearer("a.b.c")
        );
        for malformed in [
            "Basic dXNlcjpwdw==",
            "Bearer",
            "Bearer ",
            "Bearer a b",
            "a.b.c",
        ] {
            assert_eq!(
                credentials(&with(&[malformed])),
                Credentials::Malformed,
                "{malformed}"
            );
        }
        assert_eq!(
            credentials(&with(&["Bearer a.b.c", "Bearer d.e.f"])),
            Credentials::Malformed
        );
    }
}
