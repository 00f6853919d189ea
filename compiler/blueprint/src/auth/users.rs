//! `auth.users:` → the IR's [`Users`]: built-in accounts.

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::Users;

use super::variable_reference;
use crate::config::UsersConfig;
use crate::diagnostics::auth as diagnostic;
use crate::yaml::Node;

/// Lowers `auth.users:`, whose key is `key`; `None` after reporting what is wrong.
pub(super) fn lower_users(
    source: SourceId,
    users: &UsersConfig,
    key: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Users> {
    let Some(secret_variable) = variable_reference(&users.secret) else {
        // Pointed at `users:`: an excerpt of the value's line would print the secret.
        diagnostics.push(diagnostic::secret_in_blueprint(
            source,
            key.span.clone(),
            "users",
            "secret",
        ));
        return None;
    };
    Some(Users {
        secret_variable: secret_variable.to_string(),
        roles: users.roles.clone(),
        default_role: users.default_role.clone(),
    })
}
