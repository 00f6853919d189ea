//! The security headers every response carries unless it sets its own or the blueprint's
//! `global_headers` names the same header (which then wins):
//!
//! ```text
//! x-content-type-options: nosniff                 no MIME sniffing of JSON into HTML
//! referrer-policy: no-referrer                    URLs (ids, tokens in queries) stay private
//! x-frame-options: DENY                           no framing (older browsers) …
//! content-security-policy: frame-ancestors 'none' … and the standard way to say it
//! strict-transport-security: max-age=31536000; includeSubDomains   only with `server.hsts: true`
//! ```
//!
//! They suit API responses. A route serving pages (the dashboard under `/_backworks/`) sets
//! its own `content-security-policy`, which is then kept: these are only defaults. HSTS is
//! opt-in because a browser that saw it refuses plain HTTP to the host for a year, which is
//! wrong for a server reached over `http://localhost` or behind a proxy that does not
//! terminate TLS.

/// The default headers, lower-case names.
pub(crate) fn defaults(hsts: bool) -> Vec<(&'static str, &'static str)> {
    let mut headers = vec![
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("content-security-policy", "frame-ancestors 'none'"),
    ];
    if hsts {
        headers.push((
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        ));
    }
    headers
}
