//! The diagnostics of `auth.users:` (built-in accounts), one constructor each. Like those of
//! [`super::auth`], none repeats a value where a secret might be: labels on credentials point
//! at their key, never at the value's line.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};

use super::data::suggest;
use super::span;

/// `auth.users.admin.<key>` is not a `${VAR}` reference; `range` is the `users:` key (the
/// `admin:` line may hold the value).
pub fn admin_credential_literal(source: SourceId, range: Range<usize>, key: &str) -> Diagnostic {
    let variable = if key == "email" {
        "ADMIN_EMAIL"
    } else {
        "ADMIN_PASSWORD"
    };
    Diagnostic::error(
        "secret-in-blueprint",
        format!("`auth.users.admin.{key}` must name an environment variable"),
    )
    .with_label(
        span(source, range),
        format!("its `admin.{key}` is written below instead of a `${{VAR}}` reference"),
    )
    .with_help(format!(
        "the admin's credentials belong in the environment: write `{key}: ${{{variable}}}` and set {variable} where the server first starts"
    ))
}

/// `default_role` names a role the accounts cannot hold.
pub fn unknown_default_role(
    source: SourceId,
    range: Range<usize>,
    role: &str,
    roles: &[String],
) -> Diagnostic {
    Diagnostic::error(
        "unknown-role",
        format!("`default_role: {role}` is not one of `auth.users.roles`"),
    )
    .with_label(span(source, range), "new accounts could never hold it")
    .with_help(format!(
        "{} (or add `{role}` to `roles`)",
        suggest(role, roles.iter().map(String::as_str))
    ))
}

/// A role name that is empty or holds characters a role claim should not.
pub fn invalid_role(source: SourceId, range: Range<usize>, role: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-role",
        format!("`{role}` is not a usable role name"),
    )
    .with_label(
        span(source, range),
        "letters, digits, `_`, `-`, `.` and `:` only",
    )
    .with_help("name roles like `member`, `admin` or `billing:read`")
}

/// A role listed twice.
pub fn duplicate_role(source: SourceId, range: Range<usize>, role: &str) -> Diagnostic {
    Diagnostic::error(
        "duplicate-role",
        format!("the role `{role}` is listed twice"),
    )
    .with_label(span(source, range), "listed again here")
    .with_help("list each role once")
}

/// A resource named `users` beside `auth.users`, which defines that resource itself.
pub fn users_resource_clash(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "users-resource",
        "a resource named `users` beside `auth.users`",
    )
    .with_label(
        span(source, range),
        "`auth.users` keeps its accounts in a resource of this name",
    )
    .with_help("rename this resource (e.g. `profiles` with `user: { type: ref, to: users }`), or drop `auth.users`")
}

/// A declared endpoint on a path the built-in account routes use.
pub fn account_route_clash(
    source: SourceId,
    range: Range<usize>,
    method: &str,
    path: &str,
) -> Diagnostic {
    Diagnostic::error(
        "duplicate-route",
        format!("`{method} {path}` is a route of the built-in accounts"),
    )
    .with_label(span(source, range), "`auth.users` serves this route")
    .with_help("move the endpoint elsewhere; `/auth/register`, `/auth/login`, `/auth/refresh`, `/auth/logout`, `/auth/me` and `/auth/users/{id}` belong to `auth.users`")
}

/// A duration out of its allowed range.
pub fn duration_out_of_range(
    source: SourceId,
    range: Range<usize>,
    key: &str,
    bounds: &str,
) -> Diagnostic {
    Diagnostic::error(
        "out-of-range",
        format!("`auth.users.{key}` is out of range"),
    )
    .with_label(span(source, range), format!("must be {bounds}"))
    .with_help("write a duration such as `15m`, `12h` or `30d`")
}

/// A password rule out of its allowed range.
pub fn password_rule(source: SourceId, range: Range<usize>, message: &str) -> Diagnostic {
    Diagnostic::error("password-rule", format!("`auth.users.password`: {message}"))
        .with_label(span(source, range), "out of range")
        .with_help("passwords need `min_length` ≥ 8 and `min_length` ≤ `max_length` ≤ 1024")
}

/// `login_throttle.failures: 0` would refuse every login.
pub fn zero_failures(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "out-of-range",
        "`auth.users.login_throttle.failures` must be at least 1",
    )
    .with_label(span(source, range), "no login could ever fail once")
    .with_help("the default is 5 failures per 15 minutes")
}
