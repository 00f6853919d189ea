//! What a service's handlers need of the runtime beyond what every server links: optional
//! runtime features the emitter turns on (`compiler/emit/src/server.rs::runtime_features`).
//!
//! ```text
//! new Intl.NumberFormat("de")        → intl: true   (ICU4X and its CLDR data are compiled in)
//! (5).toLocaleString()               → intl: false  (Node's default en-US, built in)
//! ```

/// The runtime features a service's handlers use, found in their code by the JavaScript
/// compiler (`backworks_js::CompiledProgram::runtime_needs`) and copied here by the pipeline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuntimeNeeds {
    /// `Intl`, or locales/options passed to `toLocaleString`, `toLocaleDateString`,
    /// `toLocaleTimeString` or `localeCompare`: the runtime's `intl` feature.
    pub intl: bool,
    /// `fetch`: outgoing HTTP from handlers.
    pub fetch: bool,
}
