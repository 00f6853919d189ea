//! Which optional parts of the runtime a service's handlers need, so the generated server
//! builds only those (`compiler/emit/src/server.rs`, `runtime_features`, reads this).
//!
//! ```text
//! handlers/weather.js: await fetch(url)   ─▶ RuntimeNeeds { fetch: true, .. }  ─▶ runtime feature `fetch`
//! ```
//!
//! Filled in by the JavaScript crate after the handlers compile (all `false` until then).

/// The optional runtime features the handlers' code uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuntimeNeeds {
    /// Some handler uses `Intl` (the runtime's ICU4X data).
    pub intl: bool,
    /// Some handler uses `fetch`, `Request`, `Response` or `Headers` (the runtime's HTTP client).
    pub fetch: bool,
}
