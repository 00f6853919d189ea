//! The diagnostics of `database:`, `resources:`, seed files and the `migrations/` folder, one
//! constructor each.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId, Span, closest};

use super::{article, span};

/// "did you mean `x`?" when one candidate is close, else the list of candidates.
pub(crate) fn suggest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    match closest(input, candidates.clone()) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => {
            let all: Vec<String> = candidates.into_iter().map(|c| format!("`{c}`")).collect();
            if all.is_empty() {
                "there is none to choose from".to_string()
            } else {
                format!("choose one of {}", all.join(", "))
            }
        }
    }
}

/// A resource or field name that breaks a naming rule.
pub fn invalid_name(
    source: SourceId,
    range: Range<usize>,
    what: &str,
    name: &str,
    reason: &str,
    help: &str,
) -> Diagnostic {
    Diagnostic::error("invalid-name", format!("`{name}` cannot name a {what}"))
        .with_label(span(source, range), reason.to_string())
        .with_help(help.to_string())
}

/// `type:` names no field type.
pub fn unknown_field_type(
    source: SourceId,
    range: Range<usize>,
    kind: &str,
    known: &[&str],
) -> Diagnostic {
    Diagnostic::error("unknown-field-type", format!("unknown field type `{kind}`"))
        .with_label(span(source, range), "not a field type")
        .with_help(suggest(kind, known.iter().copied()))
}

/// An option written on a type it means nothing for.
pub fn inapplicable_option(
    source: SourceId,
    range: Range<usize>,
    option: &str,
    kind: &str,
    applies_to: &str,
    instead: Option<&str>,
) -> Diagnostic {
    let help = match instead {
        Some(instead) => format!("`{option}` applies to {applies_to}; for a {kind}, use {instead}"),
        None => format!("`{option}` applies to {applies_to}; remove it"),
    };
    Diagnostic::error(
        "inapplicable-option",
        format!("`{option}` does not apply to a `{kind}` field"),
    )
    .with_label(span(source, range), format!("not an option of `{kind}`"))
    .with_help(help)
}

/// A type that needs an option (`enum` its values, `array` its items, `ref` its target).
pub fn missing_option(
    source: SourceId,
    range: Range<usize>,
    kind: &str,
    option: &str,
    example: &str,
) -> Diagnostic {
    Diagnostic::error(
        "missing-option",
        format!("{} field needs `{option}`", article(&format!("`{kind}`"))),
    )
    .with_label(span(source, range), format!("`{option}` is missing"))
    .with_help(format!("add it, e.g. `{example}`"))
}

/// The same enum value twice.
pub fn duplicate_enum_value(
    source: SourceId,
    range: Range<usize>,
    value: &str,
    earlier: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "invalid-enum",
        format!("enum value `{value}` is listed twice"),
    )
    .with_label(span(source, range), "listed again here")
    .with_label(span(source, earlier), "first listed here")
    .with_help("list each value once")
}

/// An `enum` with `values: []`.
pub fn empty_enum(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error("invalid-enum", "an `enum` field needs at least one value")
        .with_label(span(source, range), "no values")
        .with_help("list the allowed values, e.g. `values: [draft, published]`")
}

/// `items:` of an array that is not a scalar type.
pub fn invalid_items(source: SourceId, range: Range<usize>, items: &str) -> Diagnostic {
    const SCALARS: [&str; 4] = ["string", "integer", "number", "boolean"];
    let help = match closest(items, SCALARS) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => "arrays hold `string`, `integer`, `number` or `boolean`; for anything else use \
                 `type: json`"
            .to_string(),
    };
    Diagnostic::error(
        "invalid-array",
        format!("an array cannot hold `{items}` elements"),
    )
    .with_label(span(source, range), "not a scalar type")
    .with_help(help)
}

/// `to:` names no resource.
pub fn unknown_resource(
    source: SourceId,
    range: Range<usize>,
    target: &str,
    known: &[&str],
) -> Diagnostic {
    Diagnostic::error(
        "unknown-resource",
        format!("`ref` to unknown resource `{target}`"),
    )
    .with_label(span(source, range), "no resource has this name")
    .with_help(suggest(target, known.iter().copied()))
}

/// `on_delete:` that is not a known action.
pub fn unknown_on_delete(source: SourceId, range: Range<usize>, action: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-on-delete",
        format!("unknown `on_delete` action `{action}`"),
    )
    .with_label(span(source, range), "not an action")
    .with_help(suggest(action, ["restrict", "cascade", "set_null"]))
}

/// `on_delete: set_null` on a field that may never be null.
pub fn set_null_on_required(
    source: SourceId,
    range: Range<usize>,
    field: &str,
    required: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "invalid-on-delete",
        format!("`{field}` is required, so deleting its target cannot set it to null"),
    )
    .with_label(span(source, range), "sets the field to null")
    .with_label(span(source, required), "but the field is required")
    .with_help("use `on_delete: cascade` or `restrict`, or make the field optional")
}

/// A `pattern` that is not an ECMAScript regular expression.
pub fn invalid_pattern(source: SourceId, range: Range<usize>, error: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-constraint",
        format!("invalid regular expression: {error}"),
    )
    .with_label(span(source, range), "not an ECMAScript regular expression")
    .with_help("patterns use JavaScript's regular expression syntax")
}

/// A `format` JSON Schema does not define: allowed (OpenAPI permits custom formats), but
/// most often a typo.
pub fn unknown_format(
    source: SourceId,
    range: Range<usize>,
    format: &str,
    known: &[&str],
) -> Diagnostic {
    let help = match closest(format, known.iter().copied()) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => "a custom format is documented in OpenAPI but checked by no validator".to_string(),
    };
    Diagnostic::warning(
        "unknown-format",
        format!("`{format}` is not a JSON Schema format"),
    )
    .with_label(span(source, range), "unknown format")
    .with_help(help)
}

/// A lower bound above its upper bound.
pub fn crossed_bounds(
    source: SourceId,
    range: Range<usize>,
    lower: &str,
    upper: &str,
    upper_range: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "invalid-constraint",
        format!("`{lower}` is greater than `{upper}`: no value can satisfy both"),
    )
    .with_label(span(source, range), "this lower bound")
    .with_label(span(source, upper_range), "is above this upper bound")
    .with_help(format!("make `{lower}` at most `{upper}`"))
}

/// A default its own field would refuse.
pub fn invalid_default(
    source: SourceId,
    range: Range<usize>,
    field: &str,
    problem: &str,
    help: &str,
) -> Diagnostic {
    Diagnostic::error(
        "invalid-default",
        format!("the default of `{field}` {problem}"),
    )
    .with_label(span(source, range), "this default")
    .with_help(help.to_string())
}

/// `id:` that is neither `integer` nor `uuid`.
pub fn unknown_id_strategy(source: SourceId, range: Range<usize>, id: &str) -> Diagnostic {
    Diagnostic::error("invalid-id", format!("unknown id type `{id}`"))
        .with_label(span(source, range), "not an id type")
        .with_help(suggest(id, ["integer", "uuid"]))
}

/// An index or `search` entry naming a column the resource does not have.
pub fn unknown_column(
    source: SourceId,
    range: Range<usize>,
    resource: &str,
    column: &str,
    known: &[&str],
) -> Diagnostic {
    Diagnostic::error(
        "unknown-column",
        format!("resource `{resource}` has no column `{column}`"),
    )
    .with_label(span(source, range), "no such field")
    .with_help(suggest(column, known.iter().copied()))
}

/// The same entry twice in a list that names each thing once.
pub fn duplicate_entry(
    source: SourceId,
    range: Range<usize>,
    what: &str,
    entry: &str,
    earlier: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "duplicate-entry",
        format!("{what} `{entry}` is listed twice"),
    )
    .with_label(span(source, range), "listed again here")
    .with_label(span(source, earlier), "first listed here")
    .with_help("list it once")
}

/// An index without columns.
pub fn empty_index(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error("invalid-index", "an index needs at least one column")
        .with_label(span(source, range), "no columns")
        .with_help("list the columns, e.g. `indexes: [[status, created_at]]`")
}

/// A `search` field that is not text.
pub fn search_not_text(
    source: SourceId,
    range: Range<usize>,
    field: &str,
    kind: &str,
) -> Diagnostic {
    Diagnostic::error(
        "invalid-search",
        format!("`{field}` is a `{kind}` field, and search covers text"),
    )
    .with_label(span(source, range), "not a `string` or `text` field")
    .with_help("list only `string` and `text` fields under `search`")
}

/// `endpoints:` naming no CRUD operation.
pub fn unknown_operation(source: SourceId, range: Range<usize>, operation: &str) -> Diagnostic {
    Diagnostic::error(
        "unknown-operation",
        format!("unknown resource operation `{operation}`"),
    )
    .with_label(span(source, range), "not an operation")
    .with_help(suggest(
        operation,
        ["list", "get", "create", "update", "delete"],
    ))
}

/// A declared endpoint answering a request a resource's generated operation answers.
pub fn route_taken_by_resource(
    source: SourceId,
    range: Range<usize>,
    method: &str,
    path: &str,
    resource: &str,
    resource_range: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "duplicate-route",
        format!("`{method} {path}` is declared twice"),
    )
    .with_label(span(source, range), "declared here")
    .with_label(
        span(source, resource_range),
        format!("and generated by resource `{resource}`"),
    )
    .with_help(format!(
        "leave the operation out of `{resource}`'s `endpoints`, or give the endpoint another path"
    ))
}

/// A declared path the router cannot tell from a resource's `/<name>/{id}`.
pub fn path_conflicts_with_resource(
    source: SourceId,
    range: Range<usize>,
    path: &str,
    generated: &str,
    resource: &str,
    resource_range: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "conflicting-paths",
        format!("path `{path}` conflicts with `{generated}`"),
    )
    .with_label(span(source, range), "an endpoint on this path")
    .with_label(
        span(source, resource_range),
        format!("matches the same requests as resource `{resource}`'s `{generated}`"),
    )
    .with_help(format!(
        "write the path as `{generated}` so both form one route, or choose another path"
    ))
}

/// A `database.url` Backworks cannot connect to.
pub fn unsupported_database(source: SourceId, range: Range<usize>, url: &str) -> Diagnostic {
    let scheme = url.split(':').next().unwrap_or(url);
    let help = match closest(scheme, ["sqlite", "postgres", "postgresql"]) {
        Some(suggestion) if suggestion != scheme => format!("did you mean `{suggestion}:`?"),
        _ => "write `sqlite://data/app.db`, `sqlite::memory:` or `postgres://user@host/db`"
            .to_string(),
    };
    Diagnostic::error(
        "invalid-database-url",
        format!("`{url}` is not an SQLite or PostgreSQL URL"),
    )
    .with_label(span(source, range), "unsupported database")
    .with_help(help)
}

/// `${` without its `}` in the database URL.
pub fn unclosed_variable(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error("invalid-database-url", "unclosed `${` in the database URL")
        .with_label(span(source, range), "`${` needs a `}`")
        .with_help("write `${DATABASE_URL}` or `${DATABASE_URL:-sqlite://data/app.db}`")
}

/// A password written into the blueprint.
pub fn password_in_blueprint(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::warning("secret-in-blueprint", "the database URL holds a password")
        .with_label(
            span(source, range),
            "this password is committed with the blueprint",
        )
        .with_help("secrets belong in the environment: write ${DATABASE_URL}")
}

/// A seed file that is not there.
pub fn seed_not_found(
    source: SourceId,
    range: Range<usize>,
    path: &str,
    tried: &str,
) -> Diagnostic {
    Diagnostic::error(
        "seed-not-found",
        format!("seed file `{path}` does not exist"),
    )
    .with_label(span(source, range), "no such file")
    .with_help(format!(
        "looked for {tried}; seed paths are relative to the project folder"
    ))
}

/// A seed file that cannot be read.
pub fn seed_unreadable(source: SourceId, range: Range<usize>, error: &str) -> Diagnostic {
    Diagnostic::error("seed-unreadable", format!("cannot read seed file: {error}"))
        .with_label(span(source, range), "this file")
        .with_help("check the file's permissions and that it is UTF-8 text")
}

/// Something wrong in a seed file: primary label in the file, secondary at `seed:`.
pub fn invalid_seed(
    at: Span,
    label: &str,
    message: String,
    seed_key: Span,
    help: &str,
) -> Diagnostic {
    Diagnostic::error("invalid-seed", message)
        .with_label(at, label.to_string())
        .with_label(seed_key, "seeded from here")
        .with_help(help.to_string())
}

/// A problem in the `migrations/` folder, located in the file it concerns.
pub fn invalid_migrations(at: Span, label: &str, message: String, help: &str) -> Diagnostic {
    Diagnostic::error("invalid-migrations", message)
        .with_label(at, label.to_string())
        .with_help(help.to_string())
}
