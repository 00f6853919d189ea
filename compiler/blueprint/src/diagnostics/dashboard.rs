//! The diagnostics of `dashboard:`, one constructor each. None of them repeats a value the
//! blueprint wrote where a token might be.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};

use super::span;

/// `dashboard.auth` holds something other than a `${VAR}` reference; `range` is the
/// `dashboard` key, never the value's line (an excerpt would print the token).
pub fn token_in_blueprint(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "secret-in-blueprint",
        "`dashboard.auth` must name an environment variable, not hold the token",
    )
    .with_label(
        span(source, range),
        "its `auth` holds the token instead of a `${VAR}` reference",
    )
    .with_help(
        "secrets belong in the environment: write `auth: ${DASHBOARD_TOKEN}` and set \
         DASHBOARD_TOKEN (at least 16 bytes) where the server runs",
    )
}

/// `dashboard.port` is the port the service itself listens on.
pub fn port_taken(source: SourceId, range: Range<usize>, port: u16) -> Diagnostic {
    Diagnostic::error(
        "dashboard-port-taken",
        format!("the dashboard cannot have port {port}: the service listens on it"),
    )
    .with_label(span(source, range), "the service's own port")
    .with_help(
        "give the dashboard a port of its own, or leave `port` out to serve it on the \
         service's port under /_backworks/",
    )
}
