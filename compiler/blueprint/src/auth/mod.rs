//! `auth:` → the IR's [`Auth`]: which providers verify callers. The endpoints' `auth`/`roles`
//! keys are [`access`]'s; each provider is its own file.
//!
//! Fails closed at compile time: with `auth:` every endpoint requires a caller unless it
//! says otherwise; without it, an endpoint asking for a caller is an error (nothing could
//! verify one). Keys are references to environment variables, never values.
//!
//! ```text
//! auth: { jwt: {…}, users: {…}, api_keys: {…} }
//!   ─▶ Auth { jwt: Some(Jwt {…}), users: Some(Users {…}), api_keys: Some(ApiKeys {…}), resources }
//! ```

mod access;
mod api_keys;
mod jwt;
mod users;

pub use access::endpoint_access;
pub use users::{USERS_RESOURCE, accounts_resource, check_account_routes};

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{Access, Auth};

use crate::config::AuthConfig;
use crate::diagnostics::auth as diagnostic;
use crate::yaml::Node;

/// Lowers `auth:` (`config` is `None` when it is absent or malformed: its shape errors are
/// reported already).
pub fn lower_auth(
    source: SourceId,
    config: Option<&AuthConfig>,
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Auth> {
    let config = config?;
    let node = root.get("auth")?;
    let errors_before = diagnostics.len();
    let provider = |key: &str| node.get(key);
    let provider_key = |key: &str| node.key(key);
    let jwt = match (&config.jwt, provider("jwt")) {
        (Some(jwt), Some(jwt_node)) => jwt::lower_jwt(source, jwt, jwt_node, root, diagnostics),
        _ => None,
    };
    let users = match (&config.users, provider_key("users"), provider("users")) {
        (Some(users), Some(users_key), Some(users_node)) => {
            users::lower_users(source, users, users_key, users_node, root, diagnostics)
        }
        _ => None,
    };
    let api_keys = match (
        &config.api_keys,
        provider("api_keys"),
        provider_key("api_keys"),
    ) {
        (Some(api_keys), Some(api_keys_node), Some(key)) => {
            let admins_elsewhere = config.jwt.is_some() || config.users.is_some();
            api_keys::lower_api_keys(
                source,
                api_keys,
                (api_keys_node, key),
                admins_elsewhere,
                diagnostics,
            )
        }
        _ => None,
    };
    if config.jwt.is_none() && config.users.is_none() && config.api_keys.is_none() {
        let key = root.key("auth").unwrap_or(node);
        diagnostics.push(diagnostic::no_provider(source, key.span.clone()));
    }
    if diagnostics.len() > errors_before {
        return None;
    }
    Some(Auth {
        jwt,
        users,
        api_keys,
        resources: Access::Required { roles: Vec::new() },
    })
}

/// `VAR` of a value written exactly `${VAR}`; anything else (a literal, a default
/// `${VAR:-…}`, which would be a literal secret too) is `None`.
pub(crate) fn variable_reference(value: &str) -> Option<&str> {
    let name = value.trim().strip_prefix("${")?.strip_suffix('}')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    ((first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_'))
    .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_bare_variable_reference_names_a_key() {
        assert_eq!(variable_reference("${JWT_SECRET}"), Some("JWT_SECRET"));
        assert_eq!(variable_reference(" ${_K1} "), Some("_K1"));
        assert_eq!(variable_reference("hunter2"), None);
        assert_eq!(variable_reference("${JWT_SECRET:-dev}"), None);
        assert_eq!(variable_reference("${}"), None);
        assert_eq!(variable_reference("${1X}"), None);
        assert_eq!(variable_reference("x${JWT_SECRET}"), None);
    }
}
