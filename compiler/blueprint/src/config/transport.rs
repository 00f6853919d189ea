//! The transport keys as written: `rate_limit:` (at the top and on an endpoint) and `cors:`.
//! The connection limits are `limits.header_timeout` / `limits.connections_per_ip`, and HSTS
//! is `server.hsts`, beside the settings they belong with.
//!
//! ```yaml
//! rate_limit: { requests: 300, per: 1m, by: ip }
//! cors: { origins: [https://app.example.com], credentials: true, max_age: 10m }
//! endpoints:
//!   - path: /report
//!     rate_limit: { requests: 10, per: 1m, by: user }
//! ```

use schemars::JsonSchema;
use serde::Deserialize;

use super::Size;

/// A rate limit: at most `requests` per `per` for each caller.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateLimitConfig {
    /// How many requests one caller may make per window (also the largest burst).
    #[schemars(range(min = 1))]
    pub requests: u64,
    /// The window: whole seconds as a number, or a duration such as `30s`, `1m`, `1h`.
    pub per: Size,
    /// What counts as one caller: `ip` (default; the client address), `user` (the verified
    /// caller, anonymous callers by address) or `key` (the API key; other callers as for
    /// `user`).
    #[serde(default)]
    #[schemars(extend("enum" = ["ip", "user", "key"]))]
    pub by: Option<String>,
    /// Whether several instances share the counters through the service's PostgreSQL
    /// database (default: yes when the database is PostgreSQL; on SQLite each instance
    /// counts in memory).
    #[serde(default)]
    pub shared: Option<bool>,
}

/// `cors:`: which origins' browser code may call the service.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorsConfig {
    /// Allowed origins, e.g. `https://app.example.com`; `"*"` allows any (not with
    /// `credentials: true`).
    pub origins: Vec<String>,
    /// Methods a preflight allows (default: GET, HEAD, POST, PUT, PATCH, DELETE).
    #[serde(default)]
    pub methods: Option<Vec<String>>,
    /// Request headers a preflight allows (default: those the browser asks for).
    #[serde(default)]
    pub headers: Option<Vec<String>>,
    /// Whether browsers may send cookies and `Authorization` (default false).
    #[serde(default)]
    pub credentials: Option<bool>,
    /// How long browsers may cache a preflight: seconds as a number, or a duration (`10m`).
    #[serde(default)]
    pub max_age: Option<Size>,
}
