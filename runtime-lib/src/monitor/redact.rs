//! What of a request may be shown on the dashboard: header values and body fields that carry
//! credentials are replaced by `[redacted]`, by name, failing closed — a header or field whose
//! name merely *looks* secret is hidden too.
//!
//! ```text
//! authorization: Bearer eyJ…      ─▶ authorization: [redacted]
//! {"user":"ann","password":"x"}   ─▶ {"user":"ann","password":"[redacted]"}
//! name=ann&api_key=k              ─▶ name=ann&api_key=[redacted]
//! ```

use serde_json::Value;

/// What a hidden value is shown as.
pub(crate) const REDACTED: &str = "[redacted]";

/// Headers always hidden, whatever the blueprint says.
const SECRET_HEADERS: [&str; 6] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "x-csrf-token",
];

/// Name fragments that make a header or body field secret, matched against the name's
/// letters and digits only (ASCII case ignored, so `api_key`, `Api-Key` and `apiKey` are one):
/// the audit log's `CONCEALED_FIELD_MARKERS`, plus `session` and `cookie`.
const SECRET_MARKERS: [&str; 11] = [
    "password",
    "passwd",
    "secret",
    "token",
    "hash",
    "apikey",
    "privatekey",
    "credential",
    "session",
    "cookie",
    "authorization",
];

/// Whether a field or header named `name` may hold a secret.
pub(crate) fn is_secret_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if SECRET_HEADERS.contains(&lower.as_str()) {
        return true;
    }
    let letters: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    SECRET_MARKERS.iter().any(|marker| letters.contains(marker))
}

/// Whether header `name` is hidden: a secret-looking name, or the service's API-key header.
pub(crate) fn is_secret_header(name: &str, api_key_header: Option<&str>) -> bool {
    if api_key_header.is_some_and(|header| header.eq_ignore_ascii_case(name)) {
        return true;
    }
    // Most requests carry only these; answering them without the marker scan keeps the
    // ring's cost per request small (the scan allocates and searches eleven markers).
    if matches!(
        name,
        "host"
            | "user-agent"
            | "accept"
            | "accept-encoding"
            | "accept-language"
            | "content-type"
            | "content-length"
            | "connection"
            | "origin"
            | "referer"
            | "x-request-id"
            | "x-forwarded-for"
            | "x-forwarded-proto"
            | "if-none-match"
            | "if-match"
            | "cache-control"
    ) {
        return false;
    }
    is_secret_name(name)
}

/// `value` with every object member of a secret-looking name replaced, at any depth.
pub(crate) fn json(value: &mut Value) {
    match value {
        Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                if is_secret_name(name) {
                    *member = Value::String(REDACTED.to_owned());
                } else {
                    json(member);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(json),
        _ => {}
    }
}

/// A form-encoded body (`a=1&password=x`) with the values of secret-looking names replaced.
pub(crate) fn form(text: &str) -> String {
    text.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if is_secret_name(&decoded(name)) => format!("{name}={REDACTED}"),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A form name percent-decoded enough to recognise it (`pass%77ord`, `api+key`).
fn decoded(name: &str) -> String {
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'%' if at + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[at + 1..at + 3]).ok();
                match hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        at += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_headers_are_recognised_by_name() {
        for name in [
            "Authorization",
            "cookie",
            "Set-Cookie",
            "X-Api-Key",
            "x-auth-token",
            "X-Session-Id",
        ] {
            assert!(is_secret_header(name, None), "{name}");
        }
        assert!(is_secret_header("x-tenant-key", Some("X-Tenant-Key")));
        for name in [
            "accept",
            "content-type",
            "user-agent",
            "x-request-id",
            "author",
        ] {
            assert!(!is_secret_header(name, Some("x-tenant-key")), "{name}");
        }
    }

    #[test]
    fn json_members_with_secret_names_are_hidden_at_any_depth() {
        let mut body = serde_json::json!({
            "user": "ann", "Password": "hunter2",
            "nested": [{"refresh_token": "r", "keep": 1}], "apiKey": "k"
        });
        json(&mut body);
        assert_eq!(
            body,
            serde_json::json!({
                "user": "ann", "Password": REDACTED,
                "nested": [{"refresh_token": REDACTED, "keep": 1}], "apiKey": REDACTED
            })
        );
    }

    #[test]
    fn form_fields_with_secret_names_are_hidden_even_when_encoded() {
        assert_eq!(
            form("name=ann&pass%77ord=hunter2&api+key=k&x=1"),
            "name=ann&pass%77ord=[redacted]&api+key=[redacted]&x=1"
        );
        assert_eq!(form("secret=s"), "secret=[redacted]");
    }
}
