//! `auth.api_keys:` as written: keys an admin issues, sent in a header.
//!
//! ```yaml
//! auth:
//!   api_keys: { header: x-api-key }
//! ```

use schemars::JsonSchema;
use serde::Deserialize;

/// `auth.api_keys:`: where callers send their key.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiKeysConfig {
    /// The request header carrying the key (default `x-api-key`).
    #[serde(default)]
    pub header: Option<String>,
}
