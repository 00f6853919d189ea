//! `audit:`, the audit log's settings. Every write and identity event is logged whether or not
//! the key is there; it only says how long entries are kept.
//!
//! ```yaml
//! audit:
//!   retain: 90d        # delete entries older than 90 days, on a timer (default: keep them all)
//! ```

use schemars::JsonSchema;
use serde::Deserialize;

use super::Size;

/// `audit:` settings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditConfig {
    /// How long entries are kept, with a unit: `90d`, `12h`, `30m` (units `ms`, `s`, `m`,
    /// `min`, `h`, `d`); a bare number is refused, since no unit is obvious. Older entries are
    /// deleted on a timer. Default: kept until the operator removes them.
    #[serde(default)]
    pub retain: Option<Size>,
}
