//! The diagnostics of `audit:`, one constructor each.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};

use super::span;

/// `audit.retain` is not a period with a unit.
pub fn invalid_retention(
    source: SourceId,
    range: Range<usize>,
    text: &str,
    units: &str,
) -> Diagnostic {
    Diagnostic::error(
        "invalid-retention",
        format!("cannot read `{text}` as how long to keep audit entries"),
    )
    .with_label(span(source, range), "not a period with a unit")
    .with_help(format!(
        "write a number followed by one of {units}, such as `90d`"
    ))
}
