//! `auth.api_keys:` → the IR's [`ApiKeys`]: keys an admin issues.

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::ApiKeys;

use crate::config::ApiKeysConfig;
use crate::yaml::Node;

const DEFAULT_HEADER: &str = "x-api-key";

/// Lowers `auth.api_keys:`, whose value is `node`; `None` after reporting what is wrong.
pub(super) fn lower_api_keys(
    _source: SourceId,
    api_keys: &ApiKeysConfig,
    _node: &Node,
    _diagnostics: &mut Vec<Diagnostic>,
) -> Option<ApiKeys> {
    Some(ApiKeys {
        header: api_keys
            .header
            .clone()
            .unwrap_or_else(|| DEFAULT_HEADER.to_string()),
    })
}
