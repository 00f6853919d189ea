//! `auth.users:` → the IR's [`Users`]: built-in accounts, and the `users` resource that holds
//! them ([`accounts_resource`]), so `ref, to: users` works, migrations create the table and
//! the database defaults to SQLite as for any resource.
//!
//! ```text
//! auth: { users: { secret: ${JWT_SECRET}, roles: [member], default_role: member } }
//!   ─▶ Users { secret_variable: "JWT_SECRET", roles: ["member", "admin"], access_ttl_s: 900, … }
//!    + Resource { name: "users", id: Uuid, fields: [email (unique), roles], operations: [] }
//! ```
//!
//! The resource has no generated CRUD routes (accounts change through `/auth/*`), and no
//! password column: hashes live in the platform table `_backworks_credentials`, so no read of
//! `users` — a route, `ctx.db`, an expansion through a ref — can ever return one.

use backworks_diagnostics::{Diagnostic, SourceId, Span};
use backworks_ir::{
    AdminAccount, Comparison, Constraints, Field, FieldType, IdStrategy, Resource, Route, Rule,
    RuleExpr, Rules, ScalarType, Segment, Users,
};

use super::variable_reference;
use crate::config::{Size, UsersConfig};
use crate::diagnostics::{self, auth as auth_diagnostic, users as diagnostic};
use crate::quantity;
use crate::yaml::{Node, NodeKind};

/// The resource holding the accounts.
pub const USERS_RESOURCE: &str = "users";

/// The role that may change others' roles; every account list holds it.
const ADMIN_ROLE: &str = "admin";

const DEFAULT_ACCESS_TTL_S: u64 = 15 * 60;
const MAX_ACCESS_TTL_S: u64 = 24 * 3600;
const DEFAULT_REFRESH_TTL_S: u64 = 30 * 24 * 3600;
const MAX_REFRESH_TTL_S: u64 = 365 * 24 * 3600;
/// NIST SP 800-63B's floor for a memorized secret; a blueprint may ask for more, never less.
const MIN_PASSWORD_LENGTH: u64 = 8;
const DEFAULT_MAX_PASSWORD_LENGTH: u64 = 256;
const MAX_PASSWORD_LENGTH: u64 = 1024;
const DEFAULT_THROTTLE_FAILURES: u32 = 5;
const DEFAULT_THROTTLE_WINDOW_S: u64 = 15 * 60;

/// Durations of tokens and windows: these run to hours and days.
const TTL_UNITS: &[(&str, f64)] = &[
    ("s", 1e3),
    ("m", 60e3),
    ("min", 60e3),
    ("h", 3_600e3),
    ("d", 86_400e3),
];

/// Lowers `auth.users:`, whose key is `key` and value `node`; `None` after reporting what is
/// wrong. `root` is the blueprint, for the `users` resource clash and the service's name.
pub(super) fn lower_users(
    source: SourceId,
    users: &UsersConfig,
    key: &Node,
    node: &Node,
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Users> {
    let errors_before = diagnostics.len();
    let value_range = |name: &str| node.get(name).map_or(key.span.clone(), |n| n.span.clone());

    let secret_variable = variable_reference(&users.secret);
    if secret_variable.is_none() {
        // Pointed at `users:`: an excerpt of the value's line would print the secret.
        diagnostics.push(auth_diagnostic::secret_in_blueprint(
            source,
            key.span.clone(),
            "users",
            "secret",
        ));
    }

    let roles = lower_roles(source, users, node, diagnostics);
    if let Some(role) = &users.default_role
        && !roles.iter().any(|held| held == role)
    {
        diagnostics.push(diagnostic::unknown_default_role(
            source,
            value_range("default_role"),
            role,
            &roles,
        ));
    }

    let admin = users.admin.as_ref().and_then(|admin| {
        // The `users:` key: `admin:` is often one flow mapping, whose line holds the values.
        let anchor = key.span.clone();
        let email = variable_reference(&admin.email);
        let password = variable_reference(&admin.password);
        if email.is_none() {
            diagnostics.push(diagnostic::admin_credential_literal(
                source,
                anchor.clone(),
                "email",
            ));
        }
        if password.is_none() {
            diagnostics.push(diagnostic::admin_credential_literal(
                source, anchor, "password",
            ));
        }
        Some(AdminAccount {
            email_variable: email?.to_string(),
            password_variable: password?.to_string(),
        })
    });

    let mut duration = |name: &str, value: &Option<Size>, default_s: u64, max_s: u64| {
        let range = value_range(name);
        let seconds = match value {
            None => return Some(default_s),
            Some(Size::Number(seconds)) => Some(*seconds),
            Some(Size::Text(text)) => match quantity::parse(text, TTL_UNITS) {
                Some(ms) => Some(ms.div_ceil(1000)),
                None => {
                    diagnostics.push(diagnostics::invalid_quantity(
                        source,
                        range.clone(),
                        text,
                        &quantity::unit_names(TTL_UNITS),
                    ));
                    return None;
                }
            },
        };
        match seconds {
            Some(seconds) if (60..=max_s).contains(&seconds) => Some(seconds),
            _ => {
                let bounds = format!("between 1m and {}d", max_s.div_ceil(86_400));
                diagnostics.push(diagnostic::duration_out_of_range(
                    source, range, name, &bounds,
                ));
                None
            }
        }
    };
    let access_ttl_s = duration(
        "access_ttl",
        &users.access_ttl,
        DEFAULT_ACCESS_TTL_S,
        MAX_ACCESS_TTL_S,
    );
    let refresh_ttl_s = duration(
        "refresh_ttl",
        &users.refresh_ttl,
        DEFAULT_REFRESH_TTL_S,
        MAX_REFRESH_TTL_S,
    );

    let password_node = node.get("password").unwrap_or(node);
    let password = users.password.as_ref();
    let min_length = password
        .and_then(|p| p.min_length)
        .unwrap_or(MIN_PASSWORD_LENGTH);
    let max_length = password
        .and_then(|p| p.max_length)
        .unwrap_or(DEFAULT_MAX_PASSWORD_LENGTH);
    let rule_range = |name: &str| {
        password_node
            .get(name)
            .map_or(password_node.span.clone(), |n| n.span.clone())
    };
    if min_length < MIN_PASSWORD_LENGTH {
        diagnostics.push(diagnostic::password_rule(
            source,
            rule_range("min_length"),
            "`min_length` is below 8",
        ));
    } else if max_length > MAX_PASSWORD_LENGTH {
        diagnostics.push(diagnostic::password_rule(
            source,
            rule_range("max_length"),
            "`max_length` is above 1024",
        ));
    } else if max_length < min_length {
        diagnostics.push(diagnostic::password_rule(
            source,
            rule_range("max_length"),
            "`max_length` is below `min_length`",
        ));
    }

    let throttle_node = node.get("login_throttle").unwrap_or(node);
    let throttle = users.login_throttle.as_ref();
    let throttle_failures = throttle
        .and_then(|t| t.failures)
        .unwrap_or(DEFAULT_THROTTLE_FAILURES);
    if throttle_failures == 0 {
        let range = throttle_node
            .get("failures")
            .map_or(throttle_node.span.clone(), |n| n.span.clone());
        diagnostics.push(diagnostic::zero_failures(source, range));
    }
    let throttle_window_s = {
        let per = throttle.and_then(|t| t.per.clone());
        let range = throttle_node
            .get("per")
            .map_or(throttle_node.span.clone(), |n| n.span.clone());
        match per {
            None => Some(DEFAULT_THROTTLE_WINDOW_S),
            Some(Size::Number(seconds)) if seconds >= 1 => Some(seconds),
            Some(Size::Text(text)) => {
                let parsed = quantity::parse(&text, TTL_UNITS).map(|ms| ms.div_ceil(1000));
                if parsed.is_none_or(|s| s == 0) {
                    diagnostics.push(diagnostics::invalid_quantity(
                        source,
                        range,
                        &text,
                        &quantity::unit_names(TTL_UNITS),
                    ));
                    None
                } else {
                    parsed
                }
            }
            Some(Size::Number(_)) => {
                diagnostics.push(diagnostic::duration_out_of_range(
                    source,
                    range,
                    "login_throttle.per",
                    "at least 1s",
                ));
                None
            }
        }
    };

    if let Some(resources) = root.get("resources")
        && let Some(clash) = resources.key(USERS_RESOURCE)
    {
        diagnostics.push(diagnostic::users_resource_clash(source, clash.span.clone()));
    }

    if diagnostics.len() > errors_before {
        return None;
    }
    let service = root.get("name").and_then(Node::as_str).unwrap_or("service");
    Some(Users {
        secret_variable: secret_variable?.to_string(),
        issuer: format!("urn:backworks:{service}:users"),
        roles,
        default_role: users.default_role.clone(),
        admin,
        access_ttl_s: access_ttl_s?,
        refresh_ttl_s: refresh_ttl_s?,
        password_min_length: min_length,
        password_max_length: max_length,
        throttle_failures,
        throttle_window_s: throttle_window_s?,
    })
}

/// The declared roles, checked, with `admin` appended when the blueprint does not list it.
fn lower_roles(
    source: SourceId,
    users: &UsersConfig,
    node: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let items: Vec<&Node> = match node.get("roles") {
        Some(Node {
            kind: NodeKind::Sequence(items),
            ..
        }) => items.iter().collect(),
        _ => Vec::new(),
    };
    let mut roles: Vec<String> = Vec::new();
    for (index, role) in users.roles.iter().enumerate() {
        let range = items
            .get(index)
            .map_or(node.span.clone(), |item| item.span.clone());
        let usable = !role.is_empty()
            && role
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
        if !usable {
            diagnostics.push(diagnostic::invalid_role(source, range, role));
        } else if roles.contains(role) {
            diagnostics.push(diagnostic::duplicate_role(source, range, role));
        } else {
            roles.push(role.clone());
        }
    }
    if !roles.iter().any(|role| role == ADMIN_ROLE) {
        roles.push(ADMIN_ROLE.to_string());
    }
    roles
}

/// The `users` resource `auth.users` implies, declared at `span` (the `users:` key): uuid ids
/// (an account's id says nothing about how many there are), a unique lower-case `email` (its
/// length is bounded by the routes, before lower-casing), the `roles` list and timestamps; no
/// CRUD routes.
pub fn accounts_resource(span: Span) -> Resource {
    let field = |name: &str, kind: FieldType, required: bool, unique: bool| Field {
        name: name.to_string(),
        kind,
        required,
        unique,
        default: None,
        constraints: Constraints::default(),
        description: None,
        span,
    };
    let mut email = field("email", FieldType::String, true, true);
    email.constraints.format = Some("email".to_string());
    email.description = Some("The account's email, stored lower-cased.".to_string());
    let mut roles = field(
        "roles",
        FieldType::Array {
            items: ScalarType::String,
        },
        true,
        false,
    );
    roles.default = Some(backworks_ir::FieldDefault::Value(serde_json::json!([])));
    roles.description = Some("The roles the account holds.".to_string());
    Resource {
        name: USERS_RESOURCE.to_string(),
        description: Some("Built-in accounts (`auth.users`).".to_string()),
        id: IdStrategy::Uuid,
        fields: vec![email, roles],
        timestamps: true,
        indexes: Vec::new(),
        search: Vec::new(),
        operations: Vec::new(),
        seed: Vec::new(),
        rules: private_accounts(span),
        span,
    }
}

/// Accounts are private: an account reads as absent to everyone but itself and admins, so a
/// `ref` to `users` expands (`select=owner(*)`) to another caller's email and roles never, and
/// a write may only point a `ref` at the caller's own account (or any, for an admin).
fn private_accounts(span: Span) -> Rules {
    let own = RuleExpr::Compare(
        Box::new(RuleExpr::Field("id".to_string())),
        Comparison::Eq,
        Box::new(RuleExpr::UserId),
    );
    let admin = RuleExpr::In(
        Box::new(RuleExpr::String("admin".to_string())),
        Box::new(RuleExpr::UserRoles),
    );
    Rules {
        get: Some(Rule {
            text: r#"record.id == user.id || "admin" in user.roles"#.to_string(),
            expr: RuleExpr::Or(Box::new(own), Box::new(admin)),
            span,
        }),
        ..Rules::default()
    }
}

/// The paths the runtime mounts for built-in accounts, as segments (`{}`: a parameter).
const ACCOUNT_PATHS: &[&[&str]] = &[
    &["auth", "register"],
    &["auth", "login"],
    &["auth", "refresh"],
    &["auth", "logout"],
    &["auth", "me"],
    &["auth", "users", "{}"],
];

/// Reports declared endpoints on a path of the account routes (any method: axum routes a
/// path once).
pub fn check_account_routes(source: SourceId, routes: &[Route], diagnostics: &mut Vec<Diagnostic>) {
    for route in routes {
        let taken = ACCOUNT_PATHS.iter().any(|segments| {
            route.path.segments.len() == segments.len()
                && route
                    .path
                    .segments
                    .iter()
                    .zip(segments.iter())
                    .all(|(segment, expected)| match segment {
                        Segment::Literal(text) => text == expected,
                        Segment::Param(_) => *expected == "{}",
                    })
        });
        if taken {
            for operation in &route.operations {
                let span = operation.span;
                diagnostics.push(diagnostic::account_route_clash(
                    source,
                    span.start as usize..span.end as usize,
                    operation.method.as_str(),
                    &route.path.to_string(),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use backworks_diagnostics::Sources;
    use backworks_ir::{AdminAccount, FieldType, IdStrategy, Service, Users};

    fn lowered(blueprint: &str) -> Service {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let root = std::env::temp_dir().join(format!(
            "backworks-blueprint-users-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("backworks.yaml"), blueprint).unwrap();
        let project = crate::locate(&root).unwrap();
        let mut sources = Sources::new();
        let mut diagnostics = Vec::new();
        let service = crate::load(&project, &mut sources, &mut diagnostics);
        let _ = std::fs::remove_dir_all(&root);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        service.expect("lowers")
    }

    #[test]
    fn defaults_fill_what_the_blueprint_leaves_out() {
        let service = lowered(
            "name: notes\nauth:\n  users:\n    secret: ${JWT_SECRET}\n    roles: [member]\n",
        );
        let users = service.auth.unwrap().users.unwrap();
        assert_eq!(
            users,
            Users {
                secret_variable: "JWT_SECRET".into(),
                issuer: "urn:backworks:notes:users".into(),
                roles: vec!["member".into(), "admin".into()],
                default_role: None,
                admin: None,
                access_ttl_s: 900,
                refresh_ttl_s: 30 * 86_400,
                password_min_length: 8,
                password_max_length: 256,
                throttle_failures: 5,
                throttle_window_s: 900,
            }
        );
    }

    #[test]
    fn the_accounts_are_a_resource_that_refs_reach_and_the_database_defaults_to_sqlite() {
        let service = lowered(
            r#"name: notes
auth:
  users:
    secret: ${JWT_SECRET}
    default_role: member
    roles: [member, admin]
    admin: { email: "${ADMIN_EMAIL}", password: "${ADMIN_PASSWORD}" }
    access_ttl: 5m
    refresh_ttl: 12h
    password: { min_length: 12, max_length: 128 }
    login_throttle: { failures: 3, per: 1h }
resources:
  notes:
    fields:
      owner: { type: ref, to: users }
"#,
        );
        let names: Vec<&str> = service.resources.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["users", "notes"]);
        let accounts = &service.resources[0];
        assert_eq!(accounts.id, IdStrategy::Uuid);
        assert!(accounts.operations.is_empty(), "no CRUD routes");
        let fields: Vec<&str> = accounts.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(fields, ["email", "roles"], "no password column");
        assert!(accounts.fields[0].unique);
        assert!(matches!(
            service.resources[1].fields[0].kind,
            FieldType::Ref { ref to, .. } if to == "users"
        ));
        assert_eq!(
            service.database.unwrap().url,
            "sqlite://data/notes.db",
            "a database is implied"
        );
        let users = service.auth.unwrap().users.unwrap();
        assert_eq!(users.roles, ["member", "admin"]);
        assert_eq!(
            users.admin,
            Some(AdminAccount {
                email_variable: "ADMIN_EMAIL".into(),
                password_variable: "ADMIN_PASSWORD".into(),
            })
        );
        assert_eq!((users.access_ttl_s, users.refresh_ttl_s), (300, 43_200));
        assert_eq!(
            (users.password_min_length, users.password_max_length),
            (12, 128)
        );
        assert_eq!(
            (users.throttle_failures, users.throttle_window_s),
            (3, 3600)
        );
    }
}
