//! The diagnostics of the transport keys: `rate_limit:` (top level and per endpoint) and
//! `cors:`, one constructor each.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};

use super::data::suggest;
use super::span;

/// `per` that is not a whole number of seconds of at least one.
pub fn rate_window(source: SourceId, range: Range<usize>, text: &str) -> Diagnostic {
    Diagnostic::error(
        "rate-limit-window",
        format!("`per: {text}` is not a whole number of seconds"),
    )
    .with_label(span(source, range), "the window of a rate limit")
    .with_help("write whole seconds (`per: 30`) or a duration such as `30s`, `1m` or `1h`; the RateLimit headers count in seconds")
}

/// `requests` too large to count.
pub fn rate_requests(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error("rate-limit-requests", "`requests` is too large")
        .with_label(
            span(source, range),
            "more than 4294967295 requests per window",
        )
        .with_help("use a shorter window (`per`) with fewer requests")
}

/// `by` is not one of the three words.
pub fn rate_key(source: SourceId, range: Range<usize>, word: &str) -> Diagnostic {
    Diagnostic::error(
        "rate-limit-by",
        format!("unknown rate-limit key `by: {word}`"),
    )
    .with_label(span(source, range), "not `ip`, `user` or `key`")
    .with_help(suggest(word, ["ip", "user", "key"]))
}

/// `rate_limit` on a resource that has no generated routes to limit.
pub fn rate_limit_without_routes(
    source: SourceId,
    range: Range<usize>,
    resource: &str,
) -> Diagnostic {
    Diagnostic::error(
        "rate-limit-without-routes",
        format!("`{resource}` has a rate_limit but no generated endpoints"),
    )
    .with_label(span(source, range), "this limit would apply to nothing")
    .with_help("add `endpoints: true` (or a list of operations) to the resource, or limit the endpoints whose handlers use it with their own `rate_limit`")
}

/// An entry of `server.trusted_proxies` that is neither an address nor a CIDR network.
pub fn trusted_proxy(source: SourceId, range: Range<usize>, text: &str) -> Diagnostic {
    Diagnostic::error(
        "trusted-proxy",
        format!("`{text}` is not an IP address or a CIDR network"),
    )
    .with_label(span(source, range), "a trusted proxy")
    .with_help("write a network such as `10.0.0.0/8` or `2001:db8::/32`, or one address such as `192.0.2.10`; the prefix is at most 32 bits for IPv4, 128 for IPv6")
}

/// `by: user` or `by: key` in a service that identifies no caller.
pub fn rate_key_without_auth(source: SourceId, range: Range<usize>, word: &str) -> Diagnostic {
    Diagnostic::error(
        "rate-limit-by",
        format!("`by: {word}` but the blueprint declares no `auth:`"),
    )
    .with_label(span(source, range), "no caller is ever identified")
    .with_help("declare `auth:`, or count callers by address with `by: ip`")
}

/// `origins: ["*"]` together with `credentials: true`.
pub fn wildcard_with_credentials(
    source: SourceId,
    range: Range<usize>,
    credentials: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "cors-wildcard-credentials",
        "`cors` allows any origin (`*`) with credentials",
    )
    .with_label(span(source, range), "any origin")
    .with_label(
        span(source, credentials),
        "would let every site act with its visitors' credentials",
    )
    .with_help("list the origins that may call with credentials, e.g. `origins: [https://app.example.com]`; browsers refuse `*` with credentials anyway")
}

/// An origin that is not `scheme://host[:port]`.
pub fn invalid_origin(source: SourceId, range: Range<usize>, origin: &str) -> Diagnostic {
    let trimmed = origin.trim_end_matches('/');
    let help = if trimmed != origin && valid_origin(trimmed) {
        format!("write `{trimmed}`: an origin has no path, not even `/`")
    } else {
        "write an origin as browsers send it: `https://app.example.com` or `http://localhost:5173`"
            .to_string()
    };
    Diagnostic::error("cors-origin", format!("`{origin}` is not an origin"))
        .with_label(span(source, range), "not `scheme://host[:port]`")
        .with_help(help)
}

/// A method or header name in `cors` that HTTP does not allow.
pub fn invalid_cors_token(
    source: SourceId,
    range: Range<usize>,
    what: &str,
    text: &str,
) -> Diagnostic {
    Diagnostic::error("cors-token", format!("`{text}` is not an HTTP {what}"))
        .with_label(span(source, range), format!("not a {what} name"))
        .with_help("use letters, digits and `-` (e.g. `GET`, `content-type`)")
}

/// `cors.origins` is empty.
pub fn no_origins(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error("cors-origin", "`cors.origins` lists no origin")
        .with_label(span(source, range), "no origin may call")
        .with_help("list the origins of the pages that call the service, or remove `cors:`")
}

/// Whether `text` is `http(s)://host[:port]` without path, query or credentials.
pub(crate) fn valid_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || rest.starts_with('[') => (host, Some(port)),
        _ => (rest, None),
    };
    matches!(scheme, "http" | "https")
        && !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.[]:".contains(&b))
        && port.is_none_or(|port| !port.is_empty() && port.parse::<u16>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::valid_origin;

    #[test]
    fn origins_are_scheme_host_and_port() {
        assert!(valid_origin("https://app.example.com"));
        assert!(valid_origin("http://localhost:5173"));
        assert!(!valid_origin("https://app.example.com/"));
        assert!(!valid_origin("app.example.com"));
        assert!(!valid_origin("https://user@app.example.com"));
        assert!(!valid_origin("https://app.example.com:99999"));
    }
}
