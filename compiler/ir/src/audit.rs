//! The audit log's settings, from `audit:`. The log itself is always kept (every write and
//! identity event); only its retention is configurable.
//!
//! ```text
//! audit: { retain: 90d } ─▶ AuditLog { retain_ms: Some(7_776_000_000) }
//! ```

/// `audit:` as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLog {
    /// How long entries are kept, in milliseconds; `None`: until the operator removes them.
    pub retain_ms: Option<u64>,
}
