//! One field of a resource → [`Field`]: its type, the options that type takes, and its default.
//!
//! ```text
//! price: { type: number, minimum: 0 }         ──▶  Field { kind: Number, constraints: { minimum: 0 } }
//! title: { type: string, minimum: 1 }         ──▶  error[inapplicable-option]: use `minLength`
//! author: { type: ref, to: autors }           ──▶  error[unknown-resource]: did you mean `authors`?
//! ```

use backworks_diagnostics::Span;
use backworks_ir::{Constraints, Field, FieldType, OnDelete, ScalarType};

use super::DataChecker;
use super::defaults::lower_default;
use super::names::{self, NameOf};
use crate::config::FieldConfig;
use crate::diagnostics::data as diagnostics;
use crate::yaml::{Node, NodeKind};

/// Every field type, as the blueprint writes them.
pub const TYPES: [&str; 11] = [
    "string", "text", "integer", "number", "boolean", "datetime", "date", "json", "enum", "array",
    "ref",
];

/// The formats JSON Schema 2020-12 defines (what OpenAPI 3.1 tools understand).
const FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// An option only some types take: its key, the types, and how to say them.
struct OptionRule {
    key: &'static str,
    types: &'static [&'static str],
    described: &'static str,
}

const TEXT: &[&str] = &["string", "text"];
const NUMERIC: &[&str] = &["integer", "number"];

const OPTION_RULES: &[OptionRule] = &[
    OptionRule {
        key: "values",
        types: &["enum"],
        described: "`enum` fields",
    },
    OptionRule {
        key: "items",
        types: &["array"],
        described: "`array` fields",
    },
    OptionRule {
        key: "to",
        types: &["ref"],
        described: "`ref` fields",
    },
    OptionRule {
        key: "on_delete",
        types: &["ref"],
        described: "`ref` fields",
    },
    OptionRule {
        key: "minLength",
        types: TEXT,
        described: "`string` and `text` fields",
    },
    OptionRule {
        key: "maxLength",
        types: TEXT,
        described: "`string` and `text` fields",
    },
    OptionRule {
        key: "pattern",
        types: TEXT,
        described: "`string` and `text` fields",
    },
    OptionRule {
        key: "format",
        types: TEXT,
        described: "`string` and `text` fields",
    },
    OptionRule {
        key: "minimum",
        types: NUMERIC,
        described: "`integer` and `number` fields",
    },
    OptionRule {
        key: "maximum",
        types: NUMERIC,
        described: "`integer` and `number` fields",
    },
];

/// The blueprint's name of a field type.
pub fn type_name(kind: &FieldType) -> &'static str {
    match kind {
        FieldType::String => "string",
        FieldType::Text => "text",
        FieldType::Integer => "integer",
        FieldType::Number => "number",
        FieldType::Boolean => "boolean",
        FieldType::Datetime => "datetime",
        FieldType::Date => "date",
        FieldType::Json => "json",
        FieldType::Enum { .. } => "enum",
        FieldType::Array { .. } => "array",
        FieldType::Ref { .. } => "ref",
    }
}

/// Lowers the field written as `key: node`. `None` when its type cannot be known; every other
/// problem is reported and the field still returned, so checks that name it (indexes, search)
/// do not report it missing.
pub fn lower_field(
    checker: &mut DataChecker,
    key: &Node,
    node: &Node,
    config: &FieldConfig,
) -> Option<Field> {
    let name = key.as_str()?;
    let source = checker.source;
    let value_at = |option: &str| node.get(option).unwrap_or(key).span.clone();
    let key_at = |option: &str| node.key(option).unwrap_or(key).span.clone();
    if let Err(problem) = names::check(name, NameOf::Field) {
        checker.diagnostics.push(diagnostics::invalid_name(
            source,
            key.span.clone(),
            "field",
            name,
            &problem.reason,
            &problem.help,
        ));
    }
    let written = config.kind.as_str();
    if !TYPES.contains(&written) {
        checker.diagnostics.push(diagnostics::unknown_field_type(
            source,
            value_at("type"),
            written,
            &TYPES,
        ));
        return None;
    }
    for rule in OPTION_RULES {
        if node.get(rule.key).is_some() && !rule.types.contains(&written) {
            checker.diagnostics.push(diagnostics::inapplicable_option(
                source,
                key_at(rule.key),
                rule.key,
                written,
                rule.described,
                instead(rule.key, written),
            ));
        }
    }
    let required = config.required.unwrap_or(false);
    let kind = match written {
        "string" => FieldType::String,
        "text" => FieldType::Text,
        "integer" => FieldType::Integer,
        "number" => FieldType::Number,
        "boolean" => FieldType::Boolean,
        "datetime" => FieldType::Datetime,
        "date" => FieldType::Date,
        "json" => FieldType::Json,
        "enum" => FieldType::Enum {
            values: enum_values(checker, key, node, config),
        },
        "array" => FieldType::Array {
            items: array_items(checker, key, node, config),
        },
        _ => reference(checker, name, key, node, config, required),
    };
    let constraints = constraints(checker, node, config, &kind);
    let ref_id = match &kind {
        FieldType::Ref { to, .. } => checker.resources.get(to).copied().flatten(),
        _ => None,
    };
    let default = match (&config.default, node.get("default")) {
        (Some(value), Some(at)) => {
            lower_default(checker, name, &kind, &constraints, ref_id, value, at)
        }
        _ => None,
    };
    Some(Field {
        name: name.to_string(),
        kind,
        required,
        unique: config.unique.unwrap_or(false),
        default,
        constraints,
        description: config.description.clone(),
        span: Span::new(source, key.span.start, key.span.end),
    })
}

/// The option meant instead of a misplaced one, for the common mix-ups.
fn instead(option: &str, kind: &str) -> Option<&'static str> {
    match (option, kind) {
        ("minimum" | "maximum", "string" | "text") => Some("`minLength` and `maxLength`"),
        ("minLength" | "maxLength", "integer" | "number") => Some("`minimum` and `maximum`"),
        ("values", "string" | "text") => Some("`type: enum` with `values`"),
        ("items", "json") => Some("`type: array` with `items`"),
        ("to", "integer" | "string") => Some("`type: ref` with `to`"),
        _ => None,
    }
}

fn enum_values(
    checker: &mut DataChecker,
    key: &Node,
    node: &Node,
    config: &FieldConfig,
) -> Vec<String> {
    let source = checker.source;
    let Some(values) = &config.values else {
        let at = node.get("type").unwrap_or(key).span.clone();
        checker.diagnostics.push(diagnostics::missing_option(
            source,
            at,
            "enum",
            "values",
            "values: [draft, published]",
        ));
        return Vec::new();
    };
    let items: Vec<&Node> = match node.get("values").map(|values| &values.kind) {
        Some(NodeKind::Sequence(items)) => items.iter().collect(),
        _ => Vec::new(),
    };
    if values.is_empty() {
        let at = node.key("values").unwrap_or(key).span.clone();
        checker
            .diagnostics
            .push(diagnostics::empty_enum(source, at));
    }
    for (index, value) in values.iter().enumerate() {
        if let Some(first) = values[..index].iter().position(|seen| seen == value) {
            let at = |i: usize| {
                items
                    .get(i)
                    .map_or(key.span.clone(), |item| item.span.clone())
            };
            checker.diagnostics.push(diagnostics::duplicate_enum_value(
                source,
                at(index),
                value,
                at(first),
            ));
        }
    }
    values.clone()
}

fn array_items(
    checker: &mut DataChecker,
    key: &Node,
    node: &Node,
    config: &FieldConfig,
) -> ScalarType {
    let source = checker.source;
    match config.items.as_deref() {
        Some("string") => ScalarType::String,
        Some("integer") => ScalarType::Integer,
        Some("number") => ScalarType::Number,
        Some("boolean") => ScalarType::Boolean,
        Some(other) => {
            let at = node.get("items").unwrap_or(key).span.clone();
            checker
                .diagnostics
                .push(diagnostics::invalid_items(source, at, other));
            ScalarType::String
        }
        None => {
            let at = node.get("type").unwrap_or(key).span.clone();
            checker.diagnostics.push(diagnostics::missing_option(
                source,
                at,
                "array",
                "items",
                "items: string",
            ));
            ScalarType::String
        }
    }
}

fn reference(
    checker: &mut DataChecker,
    name: &str,
    key: &Node,
    node: &Node,
    config: &FieldConfig,
    required: bool,
) -> FieldType {
    let source = checker.source;
    let to = match &config.to {
        Some(target) => {
            if !checker.resources.contains_key(target) {
                let known: Vec<&str> = checker.resources.keys().map(String::as_str).collect();
                let at = node.get("to").unwrap_or(key).span.clone();
                checker
                    .diagnostics
                    .push(diagnostics::unknown_resource(source, at, target, &known));
            }
            target.clone()
        }
        None => {
            let at = node.get("type").unwrap_or(key).span.clone();
            checker.diagnostics.push(diagnostics::missing_option(
                source,
                at,
                "ref",
                "to",
                "to: authors",
            ));
            String::new()
        }
    };
    let at = node.get("on_delete").unwrap_or(key).span.clone();
    let on_delete = match config.on_delete.as_deref() {
        None | Some("restrict") => OnDelete::Restrict,
        Some("cascade") => OnDelete::Cascade,
        Some("set_null") => {
            if required {
                let required_at = node.get("required").unwrap_or(key).span.clone();
                checker.diagnostics.push(diagnostics::set_null_on_required(
                    source,
                    at,
                    name,
                    required_at,
                ));
            }
            OnDelete::SetNull
        }
        Some(other) => {
            checker
                .diagnostics
                .push(diagnostics::unknown_on_delete(source, at, other));
            OnDelete::Restrict
        }
    };
    FieldType::Ref { to, on_delete }
}

/// The constraints the field's type takes (misplaced ones were reported and are dropped),
/// with a pattern that compiles and bounds that leave room for a value.
fn constraints(
    checker: &mut DataChecker,
    node: &Node,
    config: &FieldConfig,
    kind: &FieldType,
) -> Constraints {
    let source = checker.source;
    let text = matches!(kind, FieldType::String | FieldType::Text);
    let numeric = matches!(kind, FieldType::Integer | FieldType::Number);
    let constraints = Constraints {
        min_length: config.min_length.filter(|_| text),
        max_length: config.max_length.filter(|_| text),
        minimum: config.minimum.filter(|_| numeric),
        maximum: config.maximum.filter(|_| numeric),
        pattern: config.pattern.clone().filter(|_| text),
        format: config.format.clone().filter(|_| text),
    };
    let at = |option: &str| node.get(option).map_or(0..0, |value| value.span.clone());
    if let Some(pattern) = &constraints.pattern
        && let Err(error) = regress::Regex::new(pattern)
    {
        checker.diagnostics.push(diagnostics::invalid_pattern(
            source,
            at("pattern"),
            &error.to_string(),
        ));
    }
    if let Some(format) = &constraints.format
        && !FORMATS.contains(&format.as_str())
    {
        checker.diagnostics.push(diagnostics::unknown_format(
            source,
            at("format"),
            format,
            FORMATS,
        ));
    }
    if let (Some(min), Some(max)) = (constraints.min_length, constraints.max_length)
        && min > max
    {
        checker.diagnostics.push(diagnostics::crossed_bounds(
            source,
            at("minLength"),
            "minLength",
            "maxLength",
            at("maxLength"),
        ));
    }
    if let (Some(min), Some(max)) = (constraints.minimum, constraints.maximum)
        && min > max
    {
        checker.diagnostics.push(diagnostics::crossed_bounds(
            source,
            at("minimum"),
            "minimum",
            "maximum",
            at("maximum"),
        ));
    }
    // A pattern that does not compile is reported; the IR keeps only usable ones.
    Constraints {
        pattern: constraints
            .pattern
            .clone()
            .filter(|pattern| regress::Regex::new(pattern).is_ok()),
        ..constraints
    }
}
