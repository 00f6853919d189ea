//! `auth.api_keys:` as written: keys an admin issues, sent in a header.
//!
//! ```yaml
//! auth:
//!   api_keys:
//!     header: x-api-key                        # the default
//!     query: api_key                           # optional: also accept ?api_key=…
//!     admin_token: ${BACKWORKS_ADMIN_TOKEN}    # optional: an operator's token for the key routes
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
    /// A query parameter that may carry the key instead of the header (e.g. `api_key`), for
    /// clients that cannot set headers. Off unless named: a key in a URL can end up in
    /// browser histories and proxy logs (the server itself removes it before logging).
    #[serde(default)]
    pub query: Option<String>,
    /// An operator's token, as a reference to an environment variable
    /// (`${BACKWORKS_ADMIN_TOKEN}`), accepted as `Authorization: Bearer <token>` by the key
    /// administration routes (`/_backworks/api-keys`) only: how the first key is made when no
    /// other provider can vouch for an admin.
    #[serde(default)]
    pub admin_token: Option<String>,
}
