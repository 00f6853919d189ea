//! A workflow's `query:` checked against the list grammar of the generated `GET /<resource>`
//! (the grammar `runtime-lib/src/storage/query.rs` parses at run time), so a query the server
//! would answer with a 400 is a build error instead.
//!
//! ```text
//! status=eq.published&order=-price&limit=10   ─▶ Ok
//! sort=-price                                 ─▶ Err("`sort` is neither a field of `books` nor …")
//! ```
//!
//! The check follows the parser's rules for names, operators and value types; values the
//! storage layer checks more closely (dates, the items of `in.(…)`) are left to it.

use backworks_ir::{FieldType, IdStrategy, Resource};

/// The list grammar's own parameters.
const RESERVED: [&str; 7] = [
    "select", "order", "limit", "offset", "count", "after", "search",
];
/// The largest `limit` the storage layer accepts (`MAX_LIMIT`).
const MAX_LIMIT: u64 = 100;

/// How the grammar sees a column.
#[derive(Clone, Copy, PartialEq)]
enum Operand {
    Integer,
    Number,
    Boolean,
    Text,
    /// Dates, instants, uuids, enums: checked by the storage layer.
    Other,
    /// JSON and arrays: only `is.null`.
    Json,
}

/// Every problem of `query` for `resource`, in order (empty: the grammar accepts it).
pub(crate) fn problems(query: &str, resource: &Resource) -> Vec<String> {
    let columns = columns(resource);
    let operand = |name: &str| {
        columns
            .iter()
            .find(|(column, _)| column == name)
            .map(|(_, operand)| *operand)
    };
    let mut problems = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let Some((name, value)) = pair.split_once('=') else {
            problems.push(format!("`{pair}` has no `=value`"));
            continue;
        };
        match name {
            "order" => {
                for key in value.split(',') {
                    let key = key.trim();
                    let name = key
                        .strip_prefix('-')
                        .or_else(|| key.strip_suffix(".asc"))
                        .or_else(|| key.strip_suffix(".desc"))
                        .unwrap_or(key);
                    match operand(name) {
                        None => problems.push(format!(
                            "`order` names `{name}`, which is not a column of `{}`",
                            resource.name
                        )),
                        Some(Operand::Json) => problems.push(format!(
                            "`order` names `{name}`, which holds JSON or an array and cannot be sorted"
                        )),
                        Some(_) => {}
                    }
                }
            }
            "limit" => match value.parse::<u64>() {
                Ok(limit) if (1..=MAX_LIMIT).contains(&limit) => {}
                _ => problems.push(format!(
                    "`limit` must be a whole number from 1 to {MAX_LIMIT}, not `{value}`"
                )),
            },
            "offset" => {
                if value.parse::<u64>().is_err() {
                    problems.push(format!("`offset` must be a whole number, not `{value}`"));
                }
            }
            "count" => {
                if value != "exact" {
                    problems.push(format!("`count` takes only `exact`, not `{value}`"));
                }
            }
            "search" => {
                if resource.search.is_empty() {
                    problems.push(format!(
                        "`search` needs `resources.{}.search`, which is not declared",
                        resource.name
                    ));
                }
            }
            "select" => {
                for item in value.split(',') {
                    let item = item.trim();
                    let name = item.split('(').next().unwrap_or(item);
                    if name != "*" && operand(name).is_none() {
                        problems.push(format!(
                            "`select` names `{name}`, which is not a column of `{}`",
                            resource.name
                        ));
                    }
                }
            }
            "after" => {}
            column => match operand(column) {
                None => problems.push(format!(
                    "`{column}` is neither a column of `{}` nor one of {}",
                    resource.name,
                    RESERVED
                        .iter()
                        .map(|name| format!("`{name}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                Some(operand) => {
                    if let Err(problem) = condition(value, operand) {
                        problems.push(format!("`{column}={value}`: {problem}"));
                    }
                }
            },
        }
    }
    problems
}

/// `[not.]op.value` for a column of type `operand`.
fn condition(text: &str, operand: Operand) -> Result<(), String> {
    let text = text.strip_prefix("not.").unwrap_or(text);
    let Some((op, value)) = text.split_once('.') else {
        return Err("expected `op.value`, e.g. `eq.42`".into());
    };
    match op {
        "is" => {
            let allowed: &[&str] = if operand == Operand::Boolean {
                &["null", "true", "false"]
            } else {
                &["null"]
            };
            if allowed.contains(&value) {
                Ok(())
            } else {
                Err(format!("`is` takes {}", allowed.join(", ")))
            }
        }
        _ if operand == Operand::Json => Err("JSON and array columns take only `is.null`".into()),
        "eq" | "neq" | "gt" | "gte" | "lt" | "lte" => typed(value, operand),
        "like" | "ilike" if matches!(operand, Operand::Text | Operand::Other) => Ok(()),
        "like" | "ilike" => Err(format!("`{op}` applies to text only")),
        "in" => {
            let Some(items) = value
                .strip_prefix('(')
                .and_then(|rest| rest.strip_suffix(')'))
            else {
                return Err("`in` takes a list in parentheses, e.g. `in.(1,2)`".into());
            };
            if operand == Operand::Text || items.is_empty() {
                return Ok(());
            }
            items
                .split(',')
                .try_for_each(|item| typed(item.trim_matches('"'), operand))
        }
        other => Err(format!(
            "unknown operator `{other}` (eq, neq, gt, gte, lt, lte, like, ilike, in, is)"
        )),
    }
}

fn typed(value: &str, operand: Operand) -> Result<(), String> {
    let fits = match operand {
        Operand::Integer => value.parse::<i64>().is_ok(),
        Operand::Number => value.parse::<f64>().is_ok_and(f64::is_finite),
        Operand::Boolean => matches!(value, "true" | "false"),
        Operand::Text | Operand::Other | Operand::Json => true,
    };
    if fits {
        Ok(())
    } else {
        let kind = match operand {
            Operand::Integer => "a whole number",
            Operand::Number => "a number",
            _ => "`true` or `false`",
        };
        Err(format!("`{value}` is not {kind}"))
    }
}

fn columns(resource: &Resource) -> Vec<(String, Operand)> {
    let id = match resource.id {
        IdStrategy::Integer => Operand::Integer,
        IdStrategy::Uuid => Operand::Other,
    };
    let mut columns = vec![("id".to_owned(), id)];
    for field in &resource.fields {
        let operand = match &field.kind {
            FieldType::String | FieldType::Text => Operand::Text,
            FieldType::Integer => Operand::Integer,
            FieldType::Number => Operand::Number,
            FieldType::Boolean => Operand::Boolean,
            FieldType::Json | FieldType::Array { .. } => Operand::Json,
            FieldType::Datetime | FieldType::Date | FieldType::Enum { .. } => Operand::Other,
            // The referenced id's type is the target's; the storage layer checks it.
            FieldType::Ref { .. } => Operand::Other,
        };
        columns.push((field.name.clone(), operand));
    }
    if resource.timestamps {
        columns.push(("created_at".to_owned(), Operand::Other));
        columns.push(("updated_at".to_owned(), Operand::Other));
    }
    columns
}

#[cfg(test)]
mod tests {
    use backworks_diagnostics::Sources;
    use backworks_ir::{Constraints, Field, FieldType, IdStrategy, Resource, Rules};

    fn books() -> Resource {
        let mut sources = Sources::new();
        let source = sources.add("backworks.yaml", String::new());
        let span = backworks_diagnostics::Span::new(source, 0, 0);
        let field = |name: &str, kind: FieldType| Field {
            name: name.into(),
            kind,
            required: false,
            unique: false,
            default: None,
            constraints: Constraints::default(),
            description: None,
            span,
        };
        Resource {
            name: "books".into(),
            description: None,
            id: IdStrategy::Integer,
            fields: vec![
                field("title", FieldType::String),
                field("price", FieldType::Number),
                field("stock", FieldType::Integer),
                field("draft", FieldType::Boolean),
                field("tags", FieldType::Json),
            ],
            timestamps: true,
            indexes: vec![],
            search: vec![],
            operations: vec![],
            seed: vec![],
            rules: Rules::default(),
            span,
        }
    }

    fn problems(query: &str) -> Vec<String> {
        super::problems(query, &books())
    }

    #[test]
    fn what_the_list_grammar_accepts() {
        for query in [
            "",
            "title=eq.Dune",
            "price=not.gt.9.5&stock=in.(1,2)&draft=is.true",
            "order=-price,title.asc,created_at.desc&limit=100&offset=20",
            "select=title,price&count=exact&tags=is.null&title=ilike.*dune*",
        ] {
            assert_eq!(problems(query), Vec::<String>::new(), "{query}");
        }
    }

    #[test]
    fn what_it_rejects() {
        for (query, expected) in [
            ("sort=-price", "`sort` is neither a column"),
            ("limit=500", "`limit` must be a whole number from 1 to 100"),
            ("order=tags", "cannot be sorted"),
            ("order=colour", "`colour`, which is not a column"),
            ("price=gt.cheap", "`cheap` is not a number"),
            ("stock=eq.1.5", "is not a whole number"),
            ("draft=eq.yes", "is not `true` or `false`"),
            ("price=like.1", "`like` applies to text only"),
            ("tags=eq.x", "only `is.null`"),
            ("title=is.true", "`is` takes null"),
            ("title=Dune", "expected `op.value`"),
            ("count=true", "`count` takes only `exact`"),
            ("search=dune", "needs `resources.books.search`"),
            ("price", "has no `=value`"),
        ] {
            let found = problems(query);
            assert!(
                found.len() == 1 && found[0].contains(expected),
                "{query}: {found:?}"
            );
        }
    }
}
