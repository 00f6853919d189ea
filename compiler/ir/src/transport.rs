//! What surrounds the handlers: rate limits, CORS, security headers and connection limits
//! (the blueprint's `rate_limit:`, `cors:`, `server.hsts`, `limits.header_timeout`,
//! `limits.connections_per_ip`, and an endpoint's `rate_limit`).
//!
//! ```text
//! rate_limit: { requests: 300, per: 1m, by: ip }  ─▶ Transport { rate_limit: Some(RateLimit {
//!                                                       requests: 300, per_s: 60, by: Ip, shared: None }) … }
//! endpoints: [{ path: /report, rate_limit: {…} }] ─▶ Operation { rate_limit: Some(RateLimit {…}) }
//! resources: { notes: { rate_limit: {…} } }       ─▶ Transport { resource_limits: [{ resource: "notes", … }] }
//! ```

/// The service's transport settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transport {
    /// The limit every route shares.
    pub rate_limit: Option<RateLimit>,
    /// Which origins' browser code may call the service.
    pub cors: Option<Cors>,
    /// Whether responses carry `Strict-Transport-Security` (the service is reached over HTTPS).
    pub hsts: bool,
    /// How long a client may take to send a request's headers, in milliseconds.
    pub header_timeout_ms: u64,
    /// The most connections one client address may hold open.
    pub connections_per_ip: u32,
    /// Proxies whose `X-Forwarded-For` names the client (`server.trusted_proxies`), as
    /// `address/prefix`; empty: none.
    pub trusted_proxies: Vec<String>,
    /// Limits of single resources' generated routes (`resources.<name>.rate_limit`), in
    /// blueprint order.
    pub resource_limits: Vec<ResourceRateLimit>,
}

/// The limit one resource's generated routes share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceRateLimit {
    /// The resource's name.
    pub resource: String,
    /// The limit.
    pub limit: RateLimit,
}

impl Default for Transport {
    fn default() -> Transport {
        Transport {
            rate_limit: None,
            cors: None,
            hsts: false,
            header_timeout_ms: 10_000,
            connections_per_ip: 64,
            trusted_proxies: Vec::new(),
            resource_limits: Vec::new(),
        }
    }
}

/// At most `requests` per `per_s` seconds for each caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests per window (also the largest burst).
    pub requests: u32,
    /// The window, in whole seconds.
    pub per_s: u32,
    /// What counts as one caller.
    pub by: RateKey,
    /// Whether the counters are shared through PostgreSQL; `None`: whenever the store is
    /// PostgreSQL.
    pub shared: Option<bool>,
}

/// What one caller is, for a rate limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateKey {
    /// The client address.
    Ip,
    /// The verified caller (anonymous callers by address).
    User,
    /// The API key (other callers as for `User`).
    Key,
}

impl RateKey {
    /// The word the blueprint writes.
    pub fn as_str(self) -> &'static str {
        match self {
            RateKey::Ip => "ip",
            RateKey::User => "user",
            RateKey::Key => "key",
        }
    }
}

/// `cors:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cors {
    /// Allowed origins (`scheme://host[:port]`), or `*`.
    pub origins: Vec<String>,
    /// Methods a preflight allows (upper case); empty: the default list.
    pub methods: Vec<String>,
    /// Request headers a preflight allows (lower case); empty: those it asks for.
    pub headers: Vec<String>,
    /// Whether credentials (cookies, `Authorization`) may be sent.
    pub credentials: bool,
    /// How long a preflight may be cached, in seconds.
    pub max_age_s: Option<u64>,
}
