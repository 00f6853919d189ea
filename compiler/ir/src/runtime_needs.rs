//! Which optional parts of the runtime a service's handlers need, so the generated server
//! builds only those (`compiler/emit/src/server.rs`, `runtime_features`, reads this).
//!
//! ```text
//! new Intl.NumberFormat("de")           ─▶ RuntimeNeeds { intl: true, .. }   ─▶ runtime feature `intl`
//! (5).toLocaleString()                  ─▶ intl: false  (Node's default en-US, built in)
//! handlers/weather.js: await fetch(url) ─▶ RuntimeNeeds { fetch: true, .. }  ─▶ runtime feature `fetch`
//! ```
//!
//! Filled in by the JavaScript compiler (`backworks_js::CompiledProgram::runtime_needs`) after the
//! handlers compile, and copied here by the pipeline (all `false` until then).

/// The optional runtime features the handlers' code uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuntimeNeeds {
    /// `Intl`, or locales/options passed to `toLocaleString`, `toLocaleDateString`,
    /// `toLocaleTimeString` or `localeCompare`: the runtime's `intl` feature (ICU4X and its
    /// CLDR data).
    pub intl: bool,
    /// Some handler calls `fetch` (the runtime's HTTP client).
    pub fetch: bool,
}
