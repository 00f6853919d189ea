//! `auth.api_keys:` → the IR's [`ApiKeys`]: keys an admin issues.
//!
//! ```text
//! api_keys: { header: X-Api-Key, query: api_key, admin_token: ${BACKWORKS_ADMIN_TOKEN} }
//!   ─▶ ApiKeys { header: "x-api-key", query: Some("api_key"),
//!                admin_token_variable: Some("BACKWORKS_ADMIN_TOKEN") }
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::ApiKeys;

use super::variable_reference;
use crate::config::ApiKeysConfig;
use crate::diagnostics::auth as diagnostic;
use crate::yaml::Node;

const DEFAULT_HEADER: &str = "x-api-key";

/// Lowers `auth.api_keys:`, whose value is `node` (and key `key`); `None` after reporting what
/// is wrong. `admins_elsewhere`: another provider (`jwt`, `users`) can vouch for an admin, who
/// may then issue keys; without one, only the operator's `admin_token` can.
pub(super) fn lower_api_keys(
    source: SourceId,
    api_keys: &ApiKeysConfig,
    (node, key): (&Node, &Node),
    admins_elsewhere: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ApiKeys> {
    let errors_before = diagnostics.len();
    let header = api_keys
        .header
        .as_deref()
        .unwrap_or(DEFAULT_HEADER)
        .to_ascii_lowercase();
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_');
    if header.is_empty() || !header.chars().all(is_token_char) || header == "authorization" {
        let at = node
            .get("header")
            .map_or(node.span.clone(), |n| n.span.clone());
        diagnostics.push(diagnostic::api_key_header(source, at, &header));
    }
    let query = api_keys.query.clone();
    if let Some(name) = &query
        && (name.is_empty() || !name.chars().all(is_token_char))
    {
        let at = node
            .get("query")
            .map_or(node.span.clone(), |n| n.span.clone());
        diagnostics.push(diagnostic::api_key_query(source, at, name));
    }
    let admin_token_variable = match &api_keys.admin_token {
        None => None,
        Some(text) => {
            let variable = variable_reference(text);
            if variable.is_none() {
                // Pointed at `api_keys:`: an excerpt of the value's line would print it.
                diagnostics.push(diagnostic::secret_in_blueprint(
                    source,
                    key.span.clone(),
                    "api_keys",
                    "admin_token",
                ));
            }
            variable.map(str::to_owned)
        }
    };
    if api_keys.admin_token.is_none() && !admins_elsewhere {
        diagnostics.push(diagnostic::no_key_issuer(source, key.span.clone()));
    }
    (diagnostics.len() == errors_before).then_some(ApiKeys {
        header,
        query,
        admin_token_variable,
    })
}
