//! `cors:` → the IR's [`Cors`]: origins as browsers send them, no wildcard with credentials.
//!
//! ```text
//! cors: { origins: [https://app.example.com], credentials: true, max_age: 10m }
//!   ─▶ Cors { origins: ["https://app.example.com"], methods: [], headers: [],
//!             credentials: true, max_age_s: Some(600) }
//! cors: { origins: ["*"], credentials: true }  ─▶ error: cors-wildcard-credentials
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{Cors, Method};

use crate::config::{CorsConfig, Size};
use crate::diagnostics::invalid_quantity;
use crate::diagnostics::transport::{self as diagnostic, valid_origin};
use crate::quantity::{self, DURATION_UNITS};
use crate::yaml::{Node, NodeKind};

/// Lowers `cors:` at `node`. Every problem is reported; the settings are returned only
/// without any.
pub fn lower_cors(
    source: SourceId,
    config: &CorsConfig,
    node: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cors> {
    let before = diagnostics.len();
    let items = |key: &str| -> Vec<Node> {
        match node.get(key) {
            Some(Node {
                kind: NodeKind::Sequence(items),
                ..
            }) => items.clone(),
            _ => Vec::new(),
        }
    };
    let range_of = |items: &[Node], index: usize| {
        items
            .get(index)
            .map_or(node.span.clone(), |item| item.span.clone())
    };
    let origin_nodes = items("origins");
    if config.origins.is_empty() {
        let range = node
            .get("origins")
            .map_or(node.span.clone(), |n| n.span.clone());
        diagnostics.push(diagnostic::no_origins(source, range));
    }
    let credentials = config.credentials.unwrap_or(false);
    for (index, origin) in config.origins.iter().enumerate() {
        let range = range_of(&origin_nodes, index);
        if origin == "*" {
            if credentials {
                let credentials_range = node
                    .get("credentials")
                    .map_or(node.span.clone(), |n| n.span.clone());
                diagnostics.push(diagnostic::wildcard_with_credentials(
                    source,
                    range,
                    credentials_range,
                ));
            }
        } else if !valid_origin(origin) {
            diagnostics.push(diagnostic::invalid_origin(source, range, origin));
        }
    }
    let method_nodes = items("methods");
    let mut methods = Vec::new();
    for (index, method) in config.methods.iter().flatten().enumerate() {
        match Method::parse(method) {
            Some(method) => methods.push(method.as_str().to_string()),
            None => diagnostics.push(diagnostic::invalid_cors_token(
                source,
                range_of(&method_nodes, index),
                "method",
                method,
            )),
        }
    }
    let header_nodes = items("headers");
    let mut headers = Vec::new();
    for (index, header) in config.headers.iter().flatten().enumerate() {
        let token = !header.is_empty()
            && header
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if token {
            headers.push(header.to_ascii_lowercase());
        } else {
            diagnostics.push(diagnostic::invalid_cors_token(
                source,
                range_of(&header_nodes, index),
                "header",
                header,
            ));
        }
    }
    let max_age_s = match &config.max_age {
        None => None,
        Some(Size::Number(seconds)) => Some(*seconds),
        Some(Size::Text(text)) => match quantity::parse(text, DURATION_UNITS) {
            Some(ms) => Some(ms / 1000),
            None => {
                let range = node
                    .get("max_age")
                    .map_or(node.span.clone(), |n| n.span.clone());
                diagnostics.push(invalid_quantity(
                    source,
                    range,
                    text,
                    &quantity::unit_names(DURATION_UNITS),
                ));
                None
            }
        },
    };
    (diagnostics.len() == before).then(|| Cors {
        origins: config.origins.clone(),
        methods,
        headers,
        credentials,
        max_age_s,
    })
}
