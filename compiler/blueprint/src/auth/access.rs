//! An endpoint's `auth`/`roles` keys → the IR's [`Access`].
//!
//! ```text
//! - { path: /open, auth: none }               ─▶ Access::Public
//! - { path: /report, roles: [admin] }          ─▶ Access::Required { roles: ["admin"] }
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::Access;

use crate::config::Endpoint;
use crate::diagnostics::auth as diagnostic;
use crate::yaml::Node;

/// Who may call an endpoint. `declared` is whether the blueprint has an `auth:` key at all
/// (even a malformed one: its errors are reported, and a second "no provider" would be noise).
pub fn endpoint_access(
    source: SourceId,
    declared: bool,
    endpoint: &Endpoint,
    node: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Access {
    let range = |key: &str| node.get(key).map_or(node.span.clone(), |n| n.span.clone());
    let roles_key = node
        .key("roles")
        .map_or(node.span.clone(), |n| n.span.clone());
    let roles = endpoint.roles.clone();
    let word = endpoint.auth.as_deref();
    if !declared {
        if let Some(word @ ("required" | "optional")) = word {
            diagnostics.push(diagnostic::no_auth_provider(
                source,
                range("auth"),
                &format!("auth: {word}"),
            ));
        }
        if roles.is_some() {
            diagnostics.push(diagnostic::no_auth_provider(
                source,
                roles_key.clone(),
                "roles",
            ));
        }
        if let Some(other) = word.filter(|word| !matches!(*word, "required" | "optional" | "none"))
        {
            diagnostics.push(diagnostic::unknown_access(source, range("auth"), other));
        }
        return Access::Public;
    }
    match word {
        None | Some("required") => Access::Required {
            roles: roles.unwrap_or_default(),
        },
        Some(word @ ("optional" | "none")) => {
            if roles.is_some() {
                diagnostics.push(diagnostic::roles_without_caller(source, roles_key, word));
            }
            if word == "none" {
                Access::Public
            } else {
                Access::Optional
            }
        }
        Some(other) => {
            diagnostics.push(diagnostic::unknown_access(source, range("auth"), other));
            // Fail closed while the mistake is reported.
            Access::Required {
                roles: roles.unwrap_or_default(),
            }
        }
    }
}
