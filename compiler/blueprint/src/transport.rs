//! The blueprint's transport settings → the IR's [`Transport`]: the service's `rate_limit:`
//! ([`crate::rate_limit`]), `cors:` ([`crate::cors`]), `server.hsts`, and the connection limits
//! `limits.header_timeout` and `limits.connections_per_ip`.
//!
//! ```text
//! server: { hsts: true }
//! limits: { header_timeout: 5s, connections_per_ip: 32 }
//!   ─▶ Transport { hsts: true, header_timeout_ms: 5000, connections_per_ip: 32, … }
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::Transport;

use crate::config::{Blueprint, Size};
use crate::cors::lower_cors;
use crate::diagnostics::invalid_quantity;
use crate::quantity::{self, DURATION_UNITS};
use crate::rate_limit::lower_rate_limit;
use crate::yaml::Node;

/// Lowers the service-wide transport keys (each absent or malformed key keeps its default;
/// shape errors are reported already).
pub fn lower_transport(
    source: SourceId,
    blueprint: &Blueprint,
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Transport {
    let defaults = Transport::default();
    let auth_declared = root.get("auth").is_some();
    let rate_limit = match (&blueprint.rate_limit, root.get("rate_limit")) {
        (Some(config), Some(node)) => {
            lower_rate_limit(source, config, node, auth_declared, diagnostics)
        }
        _ => None,
    };
    let cors = match (&blueprint.cors, root.get("cors")) {
        (Some(config), Some(node)) => lower_cors(source, config, node, diagnostics),
        _ => None,
    };
    let limits = blueprint.limits.as_ref();
    let header_timeout_ms = match limits.and_then(|limits| limits.header_timeout.as_ref()) {
        None => defaults.header_timeout_ms,
        Some(Size::Number(ms)) => *ms,
        Some(Size::Text(text)) => quantity::parse(text, DURATION_UNITS).unwrap_or_else(|| {
            let range = root
                .get("limits")
                .and_then(|limits| limits.get("header_timeout"))
                .map_or(0..0, |node| node.span.clone());
            diagnostics.push(invalid_quantity(
                source,
                range,
                text,
                &quantity::unit_names(DURATION_UNITS),
            ));
            defaults.header_timeout_ms
        }),
    };
    let connections_per_ip = limits
        .and_then(|limits| limits.connections_per_ip)
        .map_or(defaults.connections_per_ip, |cap| {
            u32::try_from(cap).unwrap_or(u32::MAX)
        });
    Transport {
        rate_limit,
        cors,
        hsts: blueprint
            .server
            .as_ref()
            .and_then(|server| server.hsts)
            .unwrap_or(false),
        header_timeout_ms,
        connections_per_ip,
    }
}
