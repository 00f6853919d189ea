//! The rules resource and field names follow: each becomes an SQL identifier, a URL segment,
//! a JSON member and a JavaScript property, and must be safe as all four.
//!
//! ```text
//! books, published_at        ok
//! Books, 2fa, order, id      error[invalid-name]: with the rule broken and a way out
//! ```

/// The longest name PostgreSQL keeps whole (`NAMEDATALEN - 1`).
const MAX_LENGTH: usize = 63;

/// SQL keywords reserved by PostgreSQL (its "reserved" and "reserved, can be function or type"
/// classes) or by SQLite (those its parser never falls back to an identifier for): a column
/// named so needs quoting in every hand-written query, so the blueprint refuses them.
const SQL_RESERVED: &[&str] = &[
    "add",
    "all",
    "alter",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "autoincrement",
    "between",
    "binary",
    "both",
    "by",
    "case",
    "cast",
    "check",
    "collate",
    "collation",
    "column",
    "commit",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "delete",
    "desc",
    "distinct",
    "do",
    "drop",
    "else",
    "end",
    "escape",
    "except",
    "exists",
    "false",
    "fetch",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "glob",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "index",
    "initially",
    "inner",
    "insert",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "not",
    "notnull",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "overlaps",
    "placing",
    "primary",
    "references",
    "regexp",
    "returning",
    "right",
    "select",
    "session_user",
    "set",
    "similar",
    "some",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "to",
    "trailing",
    "transaction",
    "true",
    "union",
    "unique",
    "update",
    "user",
    "using",
    "values",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
];

/// Query parameters of the generated list endpoint (PostgREST's grammar): a field named so
/// could not be filtered on.
const QUERY_RESERVED: &[&str] = &[
    "select", "order", "limit", "offset", "count", "after", "search",
];

/// Columns every table has implicitly.
pub const IMPLICIT_COLUMNS: &[&str] = &["id", "created_at", "updated_at"];

/// What a name names, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    /// A resource (table, URL segment, `ctx.db.<name>`).
    Resource,
    /// A field (column, JSON member).
    Field,
}

impl NameOf {
    fn noun(self) -> &'static str {
        match self {
            NameOf::Resource => "resource",
            NameOf::Field => "field",
        }
    }
}

/// A broken naming rule: the headline's reason and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameProblem {
    /// Why the name is refused, completing "`<name>` cannot name a field: …".
    pub reason: String,
    /// How to fix it.
    pub help: String,
}

/// Checks `name` against the rules for `what`.
pub fn check(name: &str, what: NameOf) -> Result<(), NameProblem> {
    let noun = what.noun();
    let problem = |reason: String, help: String| Err(NameProblem { reason, help });
    if name.starts_with("_backworks") {
        return problem(
            "names starting with `_backworks` belong to the server".into(),
            format!("rename the {noun}"),
        );
    }
    let mut chars = name.chars();
    let well_formed = chars.next().is_some_and(|first| first.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !well_formed {
        let suggestion = snake_case(name);
        let help = if suggestion.is_empty() || suggestion == name {
            "start with a lower-case letter and use only `a-z`, `0-9` and `_`".to_string()
        } else {
            format!("write `{suggestion}`")
        };
        return problem(
            "a name is a lower-case letter followed by lower-case letters, digits and `_`".into(),
            help,
        );
    }
    if name.len() > MAX_LENGTH {
        return problem(
            format!(
                "it is {} characters long, and PostgreSQL keeps {MAX_LENGTH}",
                name.len()
            ),
            "choose a shorter name".into(),
        );
    }
    if what == NameOf::Field && IMPLICIT_COLUMNS.contains(&name) {
        return problem(
            format!("every resource has `{name}` already"),
            "remove the field: `id`, `created_at` and `updated_at` are kept automatically".into(),
        );
    }
    if QUERY_RESERVED.contains(&name) {
        return problem(
            format!("`?{name}=` is a query parameter of the generated list endpoint"),
            format!("choose another name, e.g. `{name}_value`"),
        );
    }
    if SQL_RESERVED.contains(&name) {
        return problem(
            "it is a reserved SQL word".into(),
            format!("choose another name, e.g. `{name}_{noun}`"),
        );
    }
    Ok(())
}

/// `PublishedAt` → `published_at`, `first-name` → `first_name`: a likely intended name.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if previous_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            previous_lower = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
            previous_lower = false;
        }
    }
    let trimmed = out.trim_end_matches('_');
    if trimmed.starts_with(|c: char| c.is_ascii_lowercase()) {
        trimmed.to_string()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_snake_case_names_pass() {
        for name in ["books", "published_at", "isbn13", "a"] {
            assert_eq!(check(name, NameOf::Field), Ok(()), "{name}");
        }
    }

    #[test]
    fn each_rule_refuses_its_names() {
        let reason = |name: &str, what| check(name, what).unwrap_err().reason;
        assert!(reason("Title", NameOf::Field).contains("lower-case"));
        assert_eq!(
            check("PublishedAt", NameOf::Field).unwrap_err().help,
            "write `published_at`"
        );
        assert!(reason("2fa", NameOf::Field).contains("lower-case"));
        assert!(reason(&"a".repeat(64), NameOf::Resource).contains("64 characters"));
        assert!(reason("order", NameOf::Field).contains("query parameter"));
        assert!(reason("user", NameOf::Resource).contains("reserved SQL word"));
        assert!(reason("created_at", NameOf::Field).contains("already"));
        assert_eq!(check("id", NameOf::Resource).map_err(|_| ()), Ok(()));
        assert!(reason("_backworks_x", NameOf::Resource).contains("server"));
    }
}
