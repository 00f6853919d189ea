//! JSON Schemas written in the blueprint (`schemas:`, an endpoint's `request` and `responses`):
//! checked keyword by keyword with positions, and converted to JSON with `$ref`s normalized to
//! OpenAPI's `#/components/schemas/<Name>`.
//!
//! ```text
//! request:                          {"type": "object",
//!   type: object               ──▶   "properties": {"author": {"$ref": "#/components/schemas/Author"}},
//!   properties:                      "required": ["author"]}
//!     author: { $ref: Author }
//!   requried: [author]         ──▶  error[invalid-schema]: unknown keyword `requried` … did you mean `required`?
//! ```

use backworks_diagnostics::{Diagnostic, SourceId, Span, closest};
use serde_json::{Map, Number, Value};

use crate::yaml::{Node, NodeKind, ScalarType};

/// The keywords a blueprint schema may use (JSON Schema 2020-12's validation and annotation
/// vocabularies, as OpenAPI 3.1 takes them).
const KEYWORDS: &[&str] = &[
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "prefixItems",
    "enum",
    "const",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
];

const TYPES: &[&str] = &[
    "string", "number", "integer", "boolean", "object", "array", "null",
];

/// Checks schemas and converts them, knowing which names `$ref` may point at.
pub struct SchemaChecker<'a> {
    /// The blueprint's source.
    pub source: SourceId,
    /// Names declared under `schemas:`.
    pub names: &'a [String],
    /// Problems found so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl SchemaChecker<'_> {
    /// Checks the schema at `node` and returns it as JSON (also when it has errors, so checking
    /// can go on; the caller stops on any diagnostic).
    pub fn check(&mut self, node: &Node) -> Value {
        match &node.kind {
            NodeKind::Mapping(entries) => {
                let mut out = Map::new();
                for (key, value) in entries {
                    let Some(keyword) = key.as_str() else {
                        continue;
                    };
                    if !KEYWORDS.contains(&keyword) {
                        let help = match closest(keyword, KEYWORDS.iter().copied()) {
                            Some(suggestion) => format!("did you mean `{suggestion}`?"),
                            None => {
                                "use JSON Schema keywords (type, properties, required, items, …)"
                                    .to_string()
                            }
                        };
                        self.error(
                            key,
                            format!("unknown schema keyword `{keyword}`"),
                            "not a JSON Schema keyword",
                            help,
                        );
                        continue;
                    }
                    let converted = self.keyword(keyword, value);
                    out.insert(keyword.to_string(), converted);
                }
                Value::Object(out)
            }
            _ if node.scalar_type() == Some(ScalarType::Boolean) => to_json(node),
            _ => {
                self.error(
                    node,
                    format!("a schema must be a mapping, not {}", node.describe()),
                    "expected a schema",
                    "write a schema such as `{ type: string }`",
                );
                Value::Null
            }
        }
    }

    fn keyword(&mut self, keyword: &str, value: &Node) -> Value {
        match keyword {
            "$ref" => self.reference(value),
            "type" => {
                let names: Vec<&Node> = match &value.kind {
                    NodeKind::Sequence(items) => items.iter().collect(),
                    _ => vec![value],
                };
                for name in names {
                    if !name.as_str().is_some_and(|text| TYPES.contains(&text)) {
                        let help = match name
                            .as_str()
                            .and_then(|text| closest(text, TYPES.iter().copied()))
                        {
                            Some(suggestion) => format!("did you mean `{suggestion}`?"),
                            None => format!("use one of {}", TYPES.join(", ")),
                        };
                        self.error(
                            name,
                            "unknown schema type".to_string(),
                            "not a JSON Schema type",
                            help,
                        );
                    }
                }
                to_json(value)
            }
            "properties" => match &value.kind {
                NodeKind::Mapping(entries) => Value::Object(
                    entries
                        .iter()
                        .filter_map(|(name, schema)| {
                            Some((name.as_str()?.to_string(), self.check(schema)))
                        })
                        .collect(),
                ),
                _ => self.expected(value, "`properties` must map property names to schemas"),
            },
            "items" | "additionalProperties" | "not" => self.check(value),
            "prefixItems" | "oneOf" | "anyOf" | "allOf" => match &value.kind {
                NodeKind::Sequence(items) => {
                    Value::Array(items.iter().map(|item| self.check(item)).collect())
                }
                _ => self.expected(value, &format!("`{keyword}` must be a list of schemas")),
            },
            "required" => match &value.kind {
                NodeKind::Sequence(items)
                    if items
                        .iter()
                        .all(|item| matches!(item.kind, NodeKind::Scalar { .. })) =>
                {
                    to_json(value)
                }
                _ => self.expected(value, "`required` must be a list of property names"),
            },
            "enum" => match &value.kind {
                NodeKind::Sequence(_) => to_json(value),
                _ => self.expected(value, "`enum` must be a list of values"),
            },
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => {
                match value.scalar_type() {
                    Some(ScalarType::Integer | ScalarType::Number) => to_json(value),
                    _ => self.expected(value, &format!("`{keyword}` must be a number")),
                }
            }
            "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties"
            | "maxProperties" => match value.scalar_type() {
                Some(ScalarType::Integer)
                    if !value.as_str().unwrap_or_default().starts_with('-') =>
                {
                    to_json(value)
                }
                _ => self.expected(
                    value,
                    &format!("`{keyword}` must be a non-negative integer"),
                ),
            },
            "pattern" => {
                let pattern = value.as_str().unwrap_or_default();
                if let Err(error) = regress::Regex::new(pattern) {
                    self.error(
                        value,
                        format!("invalid regular expression: {error}"),
                        "not an ECMAScript regular expression",
                        "patterns use JavaScript's regular expression syntax",
                    );
                }
                Value::String(pattern.to_string())
            }
            _ => to_json(value),
        }
    }

    /// `Author`, `#/schemas/Author` and `#/components/schemas/Author` all name `schemas.Author`.
    fn reference(&mut self, value: &Node) -> Value {
        let text = value.as_str().unwrap_or_default();
        let name = text
            .strip_prefix("#/components/schemas/")
            .or_else(|| text.strip_prefix("#/schemas/"))
            .unwrap_or(text);
        if !self.names.iter().any(|known| known == name) {
            let help = match closest(name, self.names.iter().map(String::as_str)) {
                Some(suggestion) => format!("did you mean `#/schemas/{suggestion}`?"),
                None if self.names.is_empty() => {
                    "declare the schema under a top-level `schemas:` section".to_string()
                }
                None => format!("declared schemas: {}", self.names.join(", ")),
            };
            self.error(
                value,
                format!("`$ref` to unknown schema `{name}`"),
                "no schema of this name",
                help,
            );
        }
        Value::String(format!("#/components/schemas/{name}"))
    }

    fn expected(&mut self, node: &Node, message: &str) -> Value {
        self.error(
            node,
            message.to_string(),
            "here",
            "see https://json-schema.org/understanding-json-schema/ for the keyword's form",
        );
        Value::Null
    }

    fn error(&mut self, node: &Node, message: String, label: &str, help: impl Into<String>) {
        let span = Span::new(self.source, node.span.start, node.span.end);
        self.diagnostics.push(
            Diagnostic::error("invalid-schema", message)
                .with_label(span, label)
                .with_help(help),
        );
    }
}

/// A YAML node as JSON, resolving plain scalars as YAML 1.2's core schema does.
pub fn to_json(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Mapping(entries) => Value::Object(
            entries
                .iter()
                .filter_map(|(key, value)| Some((key.as_str()?.to_string(), to_json(value))))
                .collect(),
        ),
        NodeKind::Sequence(items) => Value::Array(items.iter().map(to_json).collect()),
        NodeKind::Scalar { text, .. } => match node.scalar_type() {
            Some(ScalarType::Null) => Value::Null,
            Some(ScalarType::Boolean) => Value::Bool(text.eq_ignore_ascii_case("true")),
            Some(ScalarType::Integer) => text
                .parse::<i64>()
                .map(Value::from)
                .unwrap_or_else(|_| float(text)),
            Some(ScalarType::Number) => float(text),
            _ => Value::String(text.clone()),
        },
    }
}

fn float(text: &str) -> Value {
    text.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map_or_else(|| Value::String(text.to_string()), Value::Number)
}
