//! What the generated `main.rs` declares about the connection and everything around a
//! handler: rate limits, CORS, security headers, the header-read timeout and the per-IP
//! connection cap. Plain `static` data, like the rest of the spec.
//!
//! ```ignore
//! static TRANSPORT: TransportSpec = TransportSpec {
//!     rate_limit: Some(RateLimitSpec { policy: "global", requests: 300, per_s: 60,
//!                                      by: RateKey::Ip, shared: None }),
//!     route_limits: &[RouteRateLimit { method: "GET", path: "/report",
//!         limit: RateLimitSpec { policy: "report", requests: 10, per_s: 60,
//!                                by: RateKey::User, shared: None } }],
//!     resource_limits: &[ResourceRateLimit { resource: "notes",
//!         limit: RateLimitSpec { policy: "notes", requests: 100, per_s: 60,
//!                                by: RateKey::Ip, shared: None } }],
//!     cors: None,
//!     hsts: false,
//!     header_timeout_ms: 10_000,
//!     connections_per_ip: 64,
//!     trusted_proxies: &["10.0.0.0/8"],
//! };
//! ServiceSpec { …, transport: Some(&TRANSPORT) }   // None: TransportSpec::DEFAULT
//! ```

/// The service's transport settings (`ServiceSpec::transport`).
#[derive(Debug)]
pub struct TransportSpec {
    /// The limit every route shares (`rate_limit:` at the top of the blueprint).
    pub rate_limit: Option<RateLimitSpec>,
    /// Limits of single routes (an endpoint's `rate_limit`), checked after the global one.
    pub route_limits: &'static [RouteRateLimit],
    /// Limits of single resources' generated routes (`resources.<name>.rate_limit`), checked
    /// after the global one; one quota per caller across the resource's operations.
    pub resource_limits: &'static [ResourceRateLimit],
    /// Cross-origin requests browsers may make, when the blueprint declares `cors:`.
    pub cors: Option<CorsSpec>,
    /// Whether responses carry `Strict-Transport-Security` (`server.hsts: true`: the service
    /// is only ever reached over HTTPS, e.g. behind a TLS-terminating proxy).
    pub hsts: bool,
    /// How long a client may take to send a request's headers before its connection is
    /// closed (`limits.header_timeout`); it also bounds how long an idle keep-alive
    /// connection stays open. 0: no timeout.
    pub header_timeout_ms: u64,
    /// The most connections one client address may hold open at once
    /// (`limits.connections_per_ip`); a connection over the cap is closed at once.
    pub connections_per_ip: u32,
    /// Proxies whose `X-Forwarded-For` names the client (`server.trusted_proxies`): CIDR
    /// networks or single addresses. Empty: the header is never believed.
    pub trusted_proxies: &'static [&'static str],
}

impl TransportSpec {
    /// What a service gets when its spec names no transport settings (hand-written specs).
    pub const DEFAULT: TransportSpec = TransportSpec {
        rate_limit: None,
        route_limits: &[],
        resource_limits: &[],
        cors: None,
        hsts: false,
        header_timeout_ms: 10_000,
        connections_per_ip: 64,
        trusted_proxies: &[],
    };
}

/// One rate limit: at most `requests` per `per_s` seconds for each caller, as `by` tells
/// callers apart.
#[derive(Debug, Clone, Copy)]
pub struct RateLimitSpec {
    /// The policy's name in the `RateLimit-Policy` and `RateLimit` headers (`global`, or the
    /// endpoint's name).
    pub policy: &'static str,
    /// How many requests a caller may make per window (also the largest burst).
    pub requests: u32,
    /// The window, in whole seconds.
    pub per_s: u32,
    /// What counts as one caller.
    pub by: RateKey,
    /// Whether the counters live in the service's PostgreSQL database, shared by every
    /// instance: `None` means yes when the store is PostgreSQL.
    pub shared: Option<bool>,
}

/// What one caller is, for a rate limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateKey {
    /// The client address (an IPv6 address by its /64 network, which one host usually holds).
    Ip,
    /// The verified caller's id; an anonymous caller by address.
    User,
    /// The API key (a caller whose id is `key:<id>`); other callers as for `User`.
    Key,
}

/// The rate limit of one route.
#[derive(Debug)]
pub struct RouteRateLimit {
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// The path in axum syntax, as in its `RouteSpec`.
    pub path: &'static str,
    /// The limit.
    pub limit: RateLimitSpec,
}

/// The rate limit of one resource's generated routes.
#[derive(Debug)]
pub struct ResourceRateLimit {
    /// The resource's name (its routes are `/{name}` and `/{name}/{id}`).
    pub resource: &'static str,
    /// The limit.
    pub limit: RateLimitSpec,
}

/// `cors:` — which origins' browser code may call the service.
#[derive(Debug)]
pub struct CorsSpec {
    /// Allowed origins, exactly as browsers send them (`https://app.example.com`); `*` allows
    /// any origin (never together with `credentials`: the compiler refuses it).
    pub origins: &'static [&'static str],
    /// Methods a preflight allows; empty: `GET, HEAD, POST, PUT, PATCH, DELETE`.
    pub methods: &'static [&'static str],
    /// Request headers a preflight allows; empty: whatever the preflight asks for.
    pub headers: &'static [&'static str],
    /// Whether browsers may send cookies and `Authorization` with cross-origin requests.
    pub credentials: bool,
    /// How long browsers may cache a preflight's answer, in seconds.
    pub max_age_s: Option<u64>,
}
