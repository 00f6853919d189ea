//! A `rate_limit:` (the service's, or an endpoint's) → the IR's [`RateLimit`].
//!
//! ```text
//! { requests: 10, per: 1m, by: user }  ─▶ RateLimit { requests: 10, per_s: 60, by: User, shared: None }
//! { requests: 10, per: 1.5s }          ─▶ error: not a whole number of seconds
//! ```
//!
//! `per` is whole seconds (a bare number is seconds here, unlike `limits.timeout`): the
//! RateLimit headers state windows in seconds. `by: user|key` needs `auth:`, or no caller
//! would ever be identified and the limit would silently count addresses.

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{RateKey, RateLimit};

use crate::config::{RateLimitConfig, Size};
use crate::diagnostics::invalid_quantity;
use crate::diagnostics::transport as diagnostic;
use crate::quantity::{self, DURATION_UNITS};
use crate::yaml::Node;

/// Lowers one `rate_limit` mapping at `node`; `auth_declared` is whether the blueprint has
/// `auth:`. Every problem is reported; the limit is returned only without any.
pub fn lower_rate_limit(
    source: SourceId,
    config: &RateLimitConfig,
    node: &Node,
    auth_declared: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<RateLimit> {
    let before = diagnostics.len();
    let range = |key: &str| node.get(key).map_or(node.span.clone(), |n| n.span.clone());
    let requests = u32::try_from(config.requests).unwrap_or_else(|_| {
        diagnostics.push(diagnostic::rate_requests(source, range("requests")));
        0
    });
    let per_s = window_seconds(&config.per).unwrap_or_else(|text| {
        diagnostics.push(match text {
            Unreadable(text) => invalid_quantity(
                source,
                range("per"),
                &text,
                &quantity::unit_names(DURATION_UNITS),
            ),
            Fractional(text) => diagnostic::rate_window(source, range("per"), &text),
        });
        0
    });
    let by = match config.by.as_deref() {
        None | Some("ip") => RateKey::Ip,
        Some(word @ ("user" | "key")) => {
            if !auth_declared {
                diagnostics.push(diagnostic::rate_key_without_auth(source, range("by"), word));
            }
            if word == "user" {
                RateKey::User
            } else {
                RateKey::Key
            }
        }
        Some(other) => {
            diagnostics.push(diagnostic::rate_key(source, range("by"), other));
            RateKey::Ip
        }
    };
    (diagnostics.len() == before).then_some(RateLimit {
        requests,
        per_s,
        by,
        shared: config.shared,
    })
}

/// Why a window could not be read.
enum WindowError {
    Unreadable(String),
    Fractional(String),
}
use WindowError::{Fractional, Unreadable};

/// `per` in whole seconds (at least one).
fn window_seconds(per: &Size) -> Result<u32, WindowError> {
    let ms = match per {
        Size::Number(seconds) => seconds.saturating_mul(1000),
        Size::Text(text) => {
            quantity::parse(text, DURATION_UNITS).ok_or_else(|| Unreadable(text.clone()))?
        }
    };
    let shown = || match per {
        Size::Number(n) => n.to_string(),
        Size::Text(text) => text.clone(),
    };
    if ms == 0 || ms % 1000 != 0 {
        return Err(Fractional(shown()));
    }
    u32::try_from(ms / 1000).map_err(|_| Fractional(shown()))
}
