//! The diagnostics of `dashboard:`, one constructor each. None of them repeats a value the
//! blueprint wrote where a token might be.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};

use super::span;

/// `dashboard.auth` holds something other than a `${VAR}` reference; `range` is the `auth`
/// key, never the value's line (an excerpt would print the token).
pub fn token_in_blueprint(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "secret-in-blueprint",
        "`dashboard.auth` must name an environment variable, not hold the token",
    )
    .with_label(
        span(source, range),
        "the token is written here instead of a `${VAR}` reference",
    )
    .with_help(
        "secrets belong in the environment: write `auth: ${DASHBOARD_TOKEN}` and set \
         DASHBOARD_TOKEN (at least 16 bytes) where the server runs",
    )
}
