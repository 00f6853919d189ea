//! The blueprint's transport settings → the IR's [`Transport`]: the service's `rate_limit:`
//! ([`crate::rate_limit`]), `cors:` ([`crate::cors`]), `server.hsts`, and the connection limits
//! `limits.header_timeout` and `limits.connections_per_ip`.
//!
//! ```text
//! server: { hsts: true, trusted_proxies: [10.0.0.0/8] }
//! limits: { header_timeout: 5s, connections_per_ip: 32 }
//!   ─▶ Transport { hsts: true, header_timeout_ms: 5000, connections_per_ip: 32,
//!                  trusted_proxies: ["10.0.0.0/8"], … }
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{ResourceRateLimit, Transport};

use crate::config::{Blueprint, CrudEndpoints, ResourceConfig, Size};
use crate::cors::lower_cors;
use crate::diagnostics::invalid_quantity;
use crate::diagnostics::transport::{rate_limit_without_routes, trusted_proxy};
use crate::parts::Part;
use crate::quantity::{self, DURATION_UNITS};
use crate::rate_limit::lower_rate_limit;
use crate::yaml::{Node, NodeKind};

/// Lowers the service-wide transport keys (each absent or malformed key keeps its default;
/// shape errors are reported already).
pub fn lower_transport(
    source: SourceId,
    blueprint: &Blueprint,
    resources: &[Part<'_, ResourceConfig>],
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
    let trusted_proxies = lower_trusted_proxies(source, blueprint, root, diagnostics);
    let resource_limits = lower_resource_limits(source, resources, root, diagnostics);
    Transport {
        rate_limit,
        cors,
        trusted_proxies,
        resource_limits,
        hsts: blueprint
            .server
            .as_ref()
            .and_then(|server| server.hsts)
            .unwrap_or(false),
        header_timeout_ms,
        connections_per_ip,
    }
}

/// `server.trusted_proxies`: each entry an address or a CIDR network, written back in a
/// canonical form (`10.0.0.0/8`, `2001:db8::/32`); each bad entry is its own diagnostic.
fn lower_trusted_proxies(
    source: SourceId,
    blueprint: &Blueprint,
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let Some(entries) = blueprint
        .server
        .as_ref()
        .and_then(|server| server.trusted_proxies.as_ref())
    else {
        return Vec::new();
    };
    let nodes = root
        .get("server")
        .and_then(|server| server.get("trusted_proxies"));
    let mut proxies = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        match network(entry) {
            Some(network) => proxies.push(network),
            None => {
                let range = nodes
                    .and_then(|node| match &node.kind {
                        NodeKind::Sequence(items) => items.get(index),
                        _ => None,
                    })
                    .or(nodes)
                    .map_or(0..0, |node| node.span.clone());
                diagnostics.push(trusted_proxy(source, range, entry));
            }
        }
    }
    proxies
}

/// `text` as `address/prefix`, or `None` when it is no address or network.
fn network(text: &str) -> Option<String> {
    let (address, prefix) = match text.trim().split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (text.trim(), None),
    };
    let address: std::net::IpAddr = address.parse().ok()?;
    let bits = if address.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        None => bits,
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse::<u8>().ok().filter(|prefix| *prefix <= bits)?
        }
        Some(_) => return None,
    };
    Some(format!("{address}/{prefix}"))
}

/// `resources.<name>.rate_limit`: one limit per resource, over its generated routes; on a
/// resource without generated routes it would limit nothing, which is an error rather than
/// a silent no-op.
fn lower_resource_limits(
    source: SourceId,
    resources: &[Part<'_, ResourceConfig>],
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ResourceRateLimit> {
    let auth_declared = root.get("auth").is_some();
    let mut limits = Vec::new();
    for part in resources {
        let resource = &part.config;
        let (Some(config), Some(node), Some(name)) = (
            &resource.rate_limit,
            part.node.get("rate_limit"),
            part.name(),
        ) else {
            continue;
        };
        let has_routes = match &resource.endpoints {
            None | Some(CrudEndpoints::All(false)) => false,
            Some(CrudEndpoints::All(true)) => true,
            Some(CrudEndpoints::Some(operations)) => !operations.is_empty(),
        };
        if !has_routes {
            let at = part.node.key("rate_limit").unwrap_or(node);
            diagnostics.push(rate_limit_without_routes(source, at.span.clone(), name));
            continue;
        }
        if let Some(limit) = lower_rate_limit(source, config, node, auth_declared, diagnostics) {
            limits.push(ResourceRateLimit {
                resource: name.to_string(),
                limit,
            });
        }
    }
    limits
}
