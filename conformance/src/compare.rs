//! What "the same response" means: same status, same content type, same handler-set headers,
//! same body bytes. Headers each server adds on its own (date, connection management, request
//! ids, lengths, the compiled server's default security headers) are not part of the
//! comparison.

use backworks_tests::http::Response;

/// Headers that belong to the transport or to one server, not to the handler's answer.
const TRANSPORT_HEADERS: &[&str] = &[
    "date",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "content-length",
    "x-request-id",
];

/// The security headers the compiled server adds to every response that does not set its own
/// (`runtime-lib/src/http/security_headers.rs`): left out when they hold the default, so a
/// handler that sets one of them is still compared.
const DEFAULT_SECURITY_HEADERS: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("content-security-policy", "frame-ancestors 'none'"),
];

/// Describes how `backworks` differs from `node`, or `None` when they match.
pub fn difference(node: &Response, backworks: &Response) -> Option<String> {
    if node.status != backworks.status {
        return Some(format!(
            "status: node {} ≠ backworks {} (node body: {}, backworks body: {})",
            node.status,
            backworks.status,
            excerpt(&node.body),
            excerpt(&backworks.body)
        ));
    }
    if node.body != backworks.body {
        return Some(format!(
            "body: node {} ≠ backworks {}",
            excerpt(&node.body),
            excerpt(&backworks.body)
        ));
    }
    let node_headers = handler_headers(node);
    let backworks_headers = handler_headers(backworks);
    if node_headers != backworks_headers {
        return Some(format!(
            "headers: node {node_headers:?} ≠ backworks {backworks_headers:?}"
        ));
    }
    None
}

fn handler_headers(response: &Response) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = response
        .headers
        .iter()
        .filter(|(name, _)| !TRANSPORT_HEADERS.contains(&name.as_str()))
        .filter(|(name, value)| {
            !DEFAULT_SECURITY_HEADERS.contains(&(name.as_str(), value.as_str()))
        })
        .cloned()
        .collect();
    headers.sort();
    headers
}

/// At most 300 characters of a body, for failure reports.
fn excerpt(body: &str) -> String {
    let mut text: String = body.chars().take(300).collect();
    if text.len() < body.len() {
        text.push('…');
    }
    format!("{text:?}")
}
