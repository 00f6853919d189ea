//! Lowers `audit:` to the IR's [`AuditLog`]: the retention period in milliseconds.
//!
//! ```text
//! audit: { retain: 90d }  ─▶ AuditLog { retain_ms: Some(7_776_000_000) }
//! audit: { retain: 90 }   ─▶ error[invalid-retention] (a period needs its unit)
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::AuditLog;

use crate::config::{AuditConfig, Size};
use crate::diagnostics::audit as diagnostic;
use crate::quantity::{self, DURATION_UNITS};
use crate::yaml::Node;

/// Units a retention period may be written in: the durations', and hours and days.
fn units() -> Vec<(&'static str, f64)> {
    let mut units = DURATION_UNITS.to_vec();
    units.extend([("h", 3_600e3), ("d", 86_400e3)]);
    units
}

/// `audit:` as the IR holds it; `None` when absent or wrong (after reporting why).
pub(crate) fn lower_audit(
    source: SourceId,
    config: Option<&AuditConfig>,
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<AuditLog> {
    let config = config?;
    let node = root.get("audit")?;
    let retain_ms = match &config.retain {
        None => None,
        Some(retain) => {
            let units = units();
            let text = match retain {
                Size::Number(number) => number.to_string(),
                Size::Text(text) => text.clone(),
            };
            let with_unit = text.trim().ends_with(|c: char| c.is_ascii_alphabetic());
            match quantity::parse(&text, &units).filter(|&ms| with_unit && ms > 0) {
                Some(ms) => Some(ms),
                None => {
                    let range = node
                        .get("retain")
                        .map_or(node.span.clone(), |n| n.span.clone());
                    let names = quantity::unit_names(&units);
                    diagnostics.push(diagnostic::invalid_retention(source, range, &text, &names));
                    return None;
                }
            }
        }
    };
    Some(AuditLog { retain_ms })
}
