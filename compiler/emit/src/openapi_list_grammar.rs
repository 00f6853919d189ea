//! The list grammar of the generated `GET /<resource>` as ECMAScript patterns, one per query
//! parameter, so the document admits exactly what the storage layer's parser
//! (`runtime-lib/src/storage/query.rs`, `select.rs`) accepts for each column's type.
//!
//! ```text
//! price (number) ─▶ ^(?:not\.)?(?:(?:eq|neq|gt|gte|lt|lte)\.N|in\.\((?:I(?:,I){0,999})?\)|is\.null)$
//! tags (array)   ─▶ ^(?:not\.)?is\.null$          (JSON and arrays take only `is`)
//! select         ─▶ ^(?:\*|id|title|author(?:\((?:\*|id|name|…)(?:,…)*\))?)(?:,…)*$
//! ```
//!
//! Where a pattern cannot follow the parser exactly it is narrower, never wider: integers have
//! at most 18 digits (always within 64 bits), numbers at most 15 digits and a two-digit
//! exponent (always finite), and an embedded row nests one level deep.

use backworks_ir::{FieldType, IdStrategy, Resource, Service};

/// A column's type as the filter grammar sees it.
#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Integer,
    Uuid,
    Number,
    Boolean,
    Instant,
    Date,
    /// Any text; `like`/`ilike` apply.
    Text,
    /// One of these strings; `like`/`ilike` apply.
    Enum(Vec<String>),
    /// JSON or an array: only `is.null`.
    Json,
}

/// What `eq.<operand>` admits, unanchored.
fn operand_pattern(operand: &Operand) -> String {
    const INTEGER: &str = "[+-]?[0-9]{1,18}";
    const NUMBER: &str =
        r"[+-]?(?:[0-9]{1,15}(?:\.[0-9]{0,15})?|\.[0-9]{1,15})(?:[eE][+-]?[0-9]{1,2})?";
    const UUID: &str =
        "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";
    match operand {
        Operand::Integer => INTEGER.to_string(),
        Operand::Uuid => UUID.to_string(),
        Operand::Number => NUMBER.to_string(),
        Operand::Boolean => "(?:true|false)".to_string(),
        Operand::Date => date(),
        Operand::Instant => format!(
            r"{}[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])",
            date()
        ),
        Operand::Text => r"[^\u0000]*".to_string(),
        Operand::Enum(values) => format!(
            "(?:{})",
            values
                .iter()
                .map(|value| escape(value))
                .collect::<Vec<_>>()
                .join("|")
        ),
        Operand::Json => String::new(),
    }
}

/// An instant the storage layer parses, anchored (the audit log's `since` and `until`).
pub(crate) fn instant_pattern() -> String {
    format!("^{}$", operand_pattern(&Operand::Instant))
}

/// `YYYY-MM-DD` of a day that exists (the 29th of February in leap years only).
fn date() -> String {
    const LEAP_YEAR: &str =
        "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
    format!(
        "(?:[0-9]{{4}}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|{LEAP_YEAR}-02-29)"
    )
}

/// One item of `in.(…)`: the operand bare, or in double quotes (the form for text holding
/// `,` or `"`, with `\` escaping the next character).
fn in_item_pattern(operand: &Operand) -> String {
    match operand {
        Operand::Text => r#"(?:[^,"\u0000]*|"(?:[^"\\\u0000]|\\[^\u0000])*")"#.to_string(),
        other => {
            let bare = operand_pattern(other);
            format!(r#"(?:{bare}|"{bare}")"#)
        }
    }
}

/// The pattern of the filter parameter of a column whose values are `operand`s.
fn filter_pattern(operand: &Operand) -> String {
    if *operand == Operand::Json {
        return r"^(?:not\.)?is\.null$".to_string();
    }
    let value = operand_pattern(operand);
    let item = in_item_pattern(operand);
    let mut forms = vec![
        format!(r"(?:eq|neq|gt|gte|lt|lte)\.{value}"),
        format!(r"in\.\((?:{item}(?:,{item}){{0,999}})?\)"),
    ];
    forms.push(match operand {
        Operand::Boolean => r"is\.(?:null|true|false)".to_string(),
        _ => r"is\.null".to_string(),
    });
    if matches!(operand, Operand::Text | Operand::Enum(_)) {
        forms.push(r"i?like\.[^\u0000]*".to_string());
    }
    format!(r"^(?:not\.)?(?:{})$", forms.join("|"))
}

/// `\` before every character that means something in a pattern.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if r"\^$.|?*+()[]{}".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A column of a resource as the list grammar sees it.
struct Column {
    name: String,
    operand: Operand,
    /// The resource a ref column refers to.
    target: Option<String>,
}

fn columns(service: &Service, resource: &Resource) -> Vec<Column> {
    let id = |strategy: IdStrategy| match strategy {
        IdStrategy::Integer => Operand::Integer,
        IdStrategy::Uuid => Operand::Uuid,
    };
    let mut columns = vec![Column {
        name: "id".to_string(),
        operand: id(resource.id),
        target: None,
    }];
    for field in &resource.fields {
        let (operand, target) = match &field.kind {
            FieldType::String | FieldType::Text => (Operand::Text, None),
            FieldType::Integer => (Operand::Integer, None),
            FieldType::Number => (Operand::Number, None),
            FieldType::Boolean => (Operand::Boolean, None),
            FieldType::Datetime => (Operand::Instant, None),
            FieldType::Date => (Operand::Date, None),
            FieldType::Json | FieldType::Array { .. } => (Operand::Json, None),
            FieldType::Enum { values } => (Operand::Enum(values.clone()), None),
            FieldType::Ref { to, .. } => {
                let strategy = service
                    .resources
                    .iter()
                    .find(|resource| resource.name == *to)
                    .map_or(IdStrategy::Integer, |resource| resource.id);
                (id(strategy), Some(to.clone()))
            }
        };
        columns.push(Column {
            name: field.name.clone(),
            operand,
            target,
        });
    }
    if resource.timestamps {
        for name in ["created_at", "updated_at"] {
            columns.push(Column {
                name: name.to_string(),
                operand: Operand::Instant,
                target: None,
            });
        }
    }
    columns
}

/// Each column's filter parameter: its name and pattern, in table order.
pub(crate) fn filter_patterns(service: &Service, resource: &Resource) -> Vec<(String, String)> {
    columns(service, resource)
        .into_iter()
        .map(|column| {
            let pattern = filter_pattern(&column.operand);
            (column.name, pattern)
        })
        .collect()
}

/// `order`: comma-separated keys, each a sortable column (not JSON or an array), `-column`,
/// or `column.asc` / `column.desc`, spaces around a key allowed.
pub(crate) fn order_pattern(service: &Service, resource: &Resource) -> String {
    let names: Vec<String> = columns(service, resource)
        .into_iter()
        .filter(|column| column.operand != Operand::Json)
        .map(|column| column.name)
        .collect();
    let name = format!("(?:{})", names.join("|"));
    let key = format!(r" *(?:-{name}|{name}(?:\.(?:asc|desc))?) *");
    format!("^{key}(?:,{key})*$")
}

/// `select`: comma-separated members, each `*`, a column, or a ref embedding the row it names
/// (`author(id,name)`), one level deep.
pub(crate) fn select_pattern(service: &Service, resource: &Resource) -> String {
    format!("^{}$", select_list(service, resource, 1))
}

fn select_list(service: &Service, resource: &Resource, depth: usize) -> String {
    let items: Vec<String> = std::iter::once(r"\*".to_string())
        .chain(columns(service, resource).into_iter().map(|column| {
            let target = column
                .target
                .as_ref()
                .and_then(|to| service.resources.iter().find(|r| r.name == *to));
            match target {
                Some(target) if depth > 0 => format!(
                    r"{}(?:\({}\))?",
                    column.name,
                    select_list(service, target, depth - 1)
                ),
                _ => column.name,
            }
        }))
        .collect();
    let item = format!("(?:{})", items.join("|"));
    format!("{item}(?:,{item})*")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admits(pattern: &str, value: &str) -> bool {
        // regress is an ECMAScript engine, as the validators and the runtime use.
        regress::Regex::new(pattern).unwrap().find(value).is_some()
    }

    #[test]
    fn each_type_admits_its_operands_only() {
        let cases: &[(Operand, &[&str], &[&str])] = &[
            (
                Operand::Integer,
                &[
                    "eq.7",
                    "not.gt.-3",
                    "in.(1,\"2\")",
                    "in.()",
                    "is.null",
                    "eq.+5",
                ],
                &[
                    "eq.",
                    "eq.x",
                    "eq.1.5",
                    "like.1*",
                    "is.true",
                    "in.(1,)",
                    "eq.1234567890123456789",
                ],
            ),
            (
                Operand::Number,
                &[
                    "eq.2.5",
                    "lt..5",
                    "gte.5.",
                    "eq.1e10",
                    "eq.-1E-05",
                    "in.(1,2.5)",
                ],
                &["eq.", "eq.abc", "eq.1e400", "eq.NaN", "eq.inf", "eq.."],
            ),
            (
                Operand::Boolean,
                &["eq.true", "is.false", "not.is.true", "is.null"],
                &["eq.1", "eq.", "like.t*"],
            ),
            (
                Operand::Date,
                &[
                    "eq.2026-12-04",
                    "gt.2024-02-29",
                    "eq.2000-02-29",
                    "lt.2026-04-30",
                ],
                &[
                    "eq.2026-02-29",
                    "eq.1900-02-29",
                    "eq.2026-04-31",
                    "eq.2026-13-01",
                    "eq.2026-1-1",
                ],
            ),
            (
                Operand::Instant,
                &[
                    "gt.2026-12-04T13:50:00Z",
                    "eq.2026-12-04 13:50:00.123456+01:00",
                    "lt.2026-12-04t00:00:60z",
                ],
                &[
                    "eq.2026-12-04",
                    "eq.2026-12-04T24:00:00Z",
                    "eq.2026-12-04T13:50:00",
                    "eq.2026-12-04T13:50:00.Z",
                ],
            ),
            (
                Operand::Text,
                &[
                    "eq.",
                    "eq.a.b",
                    "ilike.*rust*",
                    "in.(a,\"b,c\",\"d\\\"e\")",
                    "neq.x y",
                ],
                &["eq.a\u{0}", "is.true", "in.(a\"b)", "between.x"],
            ),
            (
                Operand::Enum(vec!["draft".into(), "a.b".into()]),
                &["eq.draft", "eq.a.b", "in.(draft,\"a.b\")", "like.dr*"],
                &["eq.", "eq.lost", "eq.axb", "eq.draftx"],
            ),
            (
                Operand::Uuid,
                &[
                    "eq.0e4f1c2a-9b7d-4e3f-8a1b-2c3d4e5f6a7b",
                    "in.(\"0E4F1C2A-9B7D-4E3F-8A1B-2C3D4E5F6A7B\")",
                ],
                &["eq.7", "eq.0e4f1c2a9b7d4e3f8a1b2c3d4e5f6a7b"],
            ),
            (
                Operand::Json,
                &["is.null", "not.is.null"],
                &["eq.x", "is.true", "eq.[]"],
            ),
        ];
        for (operand, good, bad) in cases {
            let pattern = filter_pattern(operand);
            for value in *good {
                assert!(
                    admits(&pattern, value),
                    "{operand:?} should admit {value:?}"
                );
            }
            for value in *bad {
                assert!(
                    !admits(&pattern, value),
                    "{operand:?} should refuse {value:?}"
                );
            }
        }
    }
}
