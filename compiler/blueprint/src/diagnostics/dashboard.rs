//! The diagnostics of `dashboard:`, one constructor each. None of them repeats a value the
//! blueprint wrote where a token might be.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};

use super::span;

/// `dashboard.auth` holds something other than a `${VAR}` reference; `range` is the
/// `dashboard` key, never the value's line (an excerpt would print the token).
pub fn token_in_blueprint(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "secret-in-blueprint",
        "`dashboard.auth` must name an environment variable, not hold the token",
    )
    .with_label(
        span(source, range),
        "its `auth` holds the token instead of a `${VAR}` reference",
    )
    .with_help(
        "secrets belong in the environment: write `auth: ${DASHBOARD_TOKEN}` and set \
         DASHBOARD_TOKEN (at least 16 bytes) where the server runs",
    )
}

/// `dashboard.port` is the port the service itself listens on.
pub fn port_taken(source: SourceId, range: Range<usize>, port: u16) -> Diagnostic {
    Diagnostic::error(
        "dashboard-port-taken",
        format!("the dashboard cannot have port {port}: the service listens on it"),
    )
    .with_label(span(source, range), "the service's own port")
    .with_help(
        "give the dashboard a port of its own, or leave `port` out to serve it on the \
         service's port under /_backworks/",
    )
}

/// A workflow id that cannot appear in a URL as written.
pub fn workflow_id(source: SourceId, range: Range<usize>, id: &str) -> Diagnostic {
    Diagnostic::error(
        "workflow-id",
        format!("`{id}` is not a workflow id: ids are `[a-z][a-z0-9_]*`"),
    )
    .with_label(span(source, range), "used in the dashboard's URLs")
    .with_help("start with a lower-case letter; then lower-case letters, digits and `_`")
}

/// `dashboard.workflows` on a service whose dashboard is off.
pub fn workflows_disabled(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "workflows-without-dashboard",
        "workflows need the dashboard, and `dashboard.enabled` is false",
    )
    .with_label(span(source, range), "no dashboard will show these")
    .with_help("remove `enabled: false`, or remove the workflows")
}

/// A workflow `type` (or a chart's kind, or the theme's mode) that is not one of `known`.
pub fn unknown_word(
    source: SourceId,
    range: Range<usize>,
    code: &'static str,
    what: &str,
    word: &str,
    known: &[&str],
) -> Diagnostic {
    Diagnostic::error(code, format!("unknown {what} `{word}`"))
        .with_label(span(source, range), format!("not a {what}"))
        .with_help(super::data::suggest(word, known.iter().copied()))
}

/// A workflow names a resource or an endpoint the blueprint does not declare.
pub fn unknown_target(
    source: SourceId,
    range: Range<usize>,
    what: &str,
    name: &str,
    known: &[&str],
) -> Diagnostic {
    Diagnostic::error(
        "workflow-unknown-target",
        format!("the workflow names {what} `{name}`, which the blueprint does not declare"),
    )
    .with_label(span(source, range), format!("no such {what}"))
    .with_help(super::data::suggest(name, known.iter().copied()))
}

/// A column, `x`, `y`, `label` or `value` that the rows do not have.
pub fn unknown_field(
    source: SourceId,
    range: Range<usize>,
    key: &str,
    field: &str,
    rows: &str,
    known: &[&str],
) -> Diagnostic {
    Diagnostic::error(
        "workflow-unknown-field",
        format!("`{key}` names `{field}`, which {rows} do not have"),
    )
    .with_label(span(source, range), "no such field")
    .with_help(super::data::suggest(field, known.iter().copied()))
}

/// A workflow that lacks what its type needs (a resource, an endpoint, a chart's fields), or
/// holds a key its type does not use.
pub fn workflow_shape(
    source: SourceId,
    range: Range<usize>,
    message: String,
    label: &str,
    help: &str,
) -> Diagnostic {
    Diagnostic::error("workflow-shape", message)
        .with_label(span(source, range), label.to_owned())
        .with_help(help.to_owned())
}

/// A `table` or `chart` bound to an endpoint that has no GET.
pub fn source_not_get(
    source: SourceId,
    range: Range<usize>,
    endpoint: &str,
    methods: &str,
) -> Diagnostic {
    Diagnostic::error(
        "workflow-source-not-get",
        format!("`{endpoint}` answers {methods}, but a table or chart reads its rows with GET"),
    )
    .with_label(span(source, range), "not a GET endpoint")
    .with_help(
        "bind the table or chart to a GET endpoint or to `resource:`; a `form` sends \
         requests of any method",
    )
}

/// A `crud_table` over a resource whose list route is not generated.
pub fn no_list_route(source: SourceId, range: Range<usize>, resource: &str) -> Diagnostic {
    Diagnostic::error(
        "workflow-no-list-route",
        format!(
            "`{resource}` has no generated list route (`GET /{resource}`) to fill a crud_table"
        ),
    )
    .with_label(
        span(source, range),
        "this resource's `endpoints` leave out `list`",
    )
    .with_help(format!(
        "add `list` to `resources.{resource}.endpoints` (or write `endpoints: true`)"
    ))
}

/// A `query:` the list grammar of the resource's `GET` rejects.
pub fn bad_query(source: SourceId, range: Range<usize>, problem: &str) -> Diagnostic {
    Diagnostic::error("workflow-query", format!("the list query is not valid: {problem}"))
        .with_label(span(source, range), "in the list grammar of the resource's GET")
        .with_help(
            "write filters as `field=op.value` (eq, neq, gt, gte, lt, lte, like, ilike, in, is; \
             `not.` negates), `order=-price,title`, `limit=10`, `select=title,price`, joined by `&`",
        )
}

/// A role no caller of this service can hold.
pub fn unknown_role(
    source: SourceId,
    range: Range<usize>,
    role: &str,
    known: &[&str],
) -> Diagnostic {
    Diagnostic::error(
        "workflow-unknown-role",
        format!("no caller can hold the role `{role}`"),
    )
    .with_label(span(source, range), "not one of `auth.users.roles`")
    .with_help(super::data::suggest(role, known.iter().copied()))
}

/// `permissions` other than `[admin]` on a service without `auth:`.
pub fn roles_without_auth(source: SourceId, range: Range<usize>, role: &str) -> Diagnostic {
    Diagnostic::error(
        "workflow-role-without-auth",
        format!("without `auth:` no caller holds the role `{role}`"),
    )
    .with_label(span(source, range), "the service verifies no callers")
    .with_help(
        "without `auth:` whoever may open the dashboard (its token, or this machine) uses every \
         workflow: leave `permissions` out, or declare `auth:`",
    )
}

/// `dashboard.theme.accent` that is not a hex colour.
pub fn bad_accent(source: SourceId, range: Range<usize>, accent: &str) -> Diagnostic {
    Diagnostic::error(
        "theme-accent",
        format!("`{accent}` is not an accent colour"),
    )
    .with_label(span(source, range), "expected `#rgb` or `#rrggbb`")
    .with_help("write a hex colour in quotes, e.g. `accent: \"#0f766e\"`")
}
