//! JSON Schemas (2020-12, as the OpenAPI document holds them) as TypeScript types.
//!
//! ```text
//! { "$ref": "#/components/schemas/Book" }                  ─▶ Book
//! { "type": ["string", "null"] }                           ─▶ string | null
//! { "enum": ["draft", "published"] }                       ─▶ "draft" | "published"
//! { "type": "object", "properties": { "id": {…} },
//!   "required": ["id"] }                                   ─▶ { id: number; }
//! { "anyOf": [A, B] }, { "allOf": [A, B] }                 ─▶ A | B, A & B
//! {}                                                       ─▶ unknown
//! ```
//!
//! An object without `additionalProperties` is closed, as openapi-typescript reads it: a
//! consumer's misspelt member is an error rather than an unknown extra. What a type cannot say
//! (a `$ref` outside the document, `not`, an unknown `type`) is `unknown` with a comment
//! saying why; no schema fails generation.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::names::{property_key, string_literal};

/// Deeper than this, a schema is typed `unknown` (the document's schemas are trees; only a
/// pathological one gets near it).
const MAX_DEPTH: usize = 48;

/// Writes TypeScript types for schemas of one document.
pub(crate) struct TypeWriter<'a> {
    /// The TypeScript name of each component schema, by its name in the document.
    pub(crate) components: &'a BTreeMap<String, String>,
}

impl TypeWriter<'_> {
    /// The type of `schema`, laid out for a line indented by `indent` levels.
    pub(crate) fn type_of(&self, schema: &Value, indent: usize) -> String {
        self.write(schema, indent, 0)
    }

    /// `export interface Name { … }` for an object schema with properties, else
    /// `export type Name = …;`, with the schema's description above it.
    pub(crate) fn declaration(&self, name: &str, schema: &Value) -> String {
        let mut out = String::new();
        if let Some(description) = schema.get("description").and_then(Value::as_str) {
            out.push_str(&doc_comment(description, 0));
        }
        let plain_object = schema.as_object().is_some_and(|map| {
            map.get("properties").is_some_and(Value::is_object)
                && ["$ref", "anyOf", "oneOf", "allOf", "enum", "const"]
                    .iter()
                    .all(|key| !map.contains_key(*key))
                && map.get("type").is_none_or(|kind| kind == "object")
        });
        if plain_object {
            let body = self.write(schema, 0, 0);
            out.push_str(&format!("export interface {name} {body}\n"));
        } else {
            let body = self.write(schema, 0, 0);
            out.push_str(&format!("export type {name} = {body};\n"));
        }
        out
    }

    fn write(&self, schema: &Value, indent: usize, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "unknown /* nested too deeply to type */".to_string();
        }
        let map = match schema {
            Value::Bool(true) => return "unknown".to_string(),
            Value::Bool(false) => return "never".to_string(),
            Value::Object(map) => map,
            _ => return "unknown /* not a schema */".to_string(),
        };
        if let Some(reference) = map.get("$ref") {
            return self.reference(reference);
        }
        if let Some(value) = map.get("const") {
            return literal(value);
        }
        if let Some(values) = map.get("enum").and_then(Value::as_array) {
            return union(values.iter().map(literal).collect());
        }
        for combinator in ["oneOf", "anyOf"] {
            if let Some(members) = map.get(combinator).and_then(Value::as_array) {
                return union(
                    members
                        .iter()
                        .map(|member| self.write(member, indent, depth + 1))
                        .collect(),
                );
            }
        }
        if let Some(parts) = map.get("allOf").and_then(Value::as_array) {
            let parts: Vec<String> = parts
                .iter()
                .map(|part| parenthesized(self.write(part, indent, depth + 1)))
                .collect();
            return match parts.len() {
                0 => "unknown".to_string(),
                _ => parts.join(" & "),
            };
        }
        match map.get("type") {
            Some(Value::String(kind)) => self.typed(kind, map, indent, depth),
            Some(Value::Array(kinds)) => union(
                kinds
                    .iter()
                    .map(|kind| match kind {
                        Value::String(kind) => self.typed(kind, map, indent, depth),
                        _ => "unknown /* a type that is not a name */".to_string(),
                    })
                    .collect(),
            ),
            Some(_) => "unknown /* a type that is not a name */".to_string(),
            None if map.contains_key("properties") => self.object(map, indent, depth),
            None if map.contains_key("items") => self.typed("array", map, indent, depth),
            None if map.contains_key("not") => {
                "unknown /* `not` has no TypeScript type */".to_string()
            }
            None => "unknown".to_string(),
        }
    }

    fn reference(&self, reference: &Value) -> String {
        let target = reference.as_str().unwrap_or_default();
        let name = target.strip_prefix("#/components/schemas/");
        match name.and_then(|name| self.components.get(&unescape_pointer(name))) {
            Some(name) => name.clone(),
            None => format!(
                "unknown /* $ref {} is not a schema of this document */",
                target.replace("*/", "*\\/")
            ),
        }
    }

    fn typed(&self, kind: &str, map: &Map<String, Value>, indent: usize, depth: usize) -> String {
        match kind {
            "string" => "string".to_string(),
            "integer" | "number" => "number".to_string(),
            "boolean" => "boolean".to_string(),
            "null" => "null".to_string(),
            "array" => match map.get("items") {
                Some(items) => format!("{}[]", parenthesized(self.write(items, indent, depth + 1))),
                None => "unknown[]".to_string(),
            },
            "object" => self.object(map, indent, depth),
            other => format!("unknown /* type {} */", string_literal(other)),
        }
    }

    fn object(&self, map: &Map<String, Value>, indent: usize, depth: usize) -> String {
        let properties = map.get("properties").and_then(Value::as_object);
        let required: Vec<&str> = map
            .get("required")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        // `additionalProperties` absent or false: closed. true, `{}` or a schema: open.
        let extra = match map.get("additionalProperties") {
            None | Some(Value::Bool(false)) => None,
            Some(Value::Bool(true)) => Some("unknown".to_string()),
            // Every member must fit the index signature's type; `unknown` always does.
            Some(_) if properties.is_some_and(|p| !p.is_empty()) => Some("unknown".to_string()),
            Some(schema) => Some(self.write(schema, indent, depth + 1)),
        };
        let Some(properties) = properties.filter(|properties| !properties.is_empty()) else {
            return match (extra, map.get("additionalProperties")) {
                (Some(value), _) => format!("Record<string, {value}>"),
                (None, Some(Value::Bool(false))) => "Record<string, never>".to_string(),
                // No members said and none forbidden: any object.
                (None, _) => "Record<string, unknown>".to_string(),
            };
        };
        let inner = "  ".repeat(indent + 1);
        let mut out = String::from("{\n");
        for (name, schema) in properties {
            if let Some(description) = schema.get("description").and_then(Value::as_str) {
                out.push_str(&doc_comment(description, indent + 1));
            }
            let optional = if required.contains(&name.as_str()) {
                ""
            } else {
                "?"
            };
            let value = self.write(schema, indent + 1, depth + 1);
            out.push_str(&format!(
                "{inner}{}{optional}: {value};\n",
                property_key(name)
            ));
        }
        if let Some(value) = extra {
            out.push_str(&format!("{inner}[member: string]: {value};\n"));
        }
        out.push_str(&"  ".repeat(indent));
        out.push('}');
        out
    }
}

/// `~1` and `~0` in a JSON pointer segment read as `/` and `~`.
fn unescape_pointer(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// A JSON value as a TypeScript literal type; objects and arrays have none.
fn literal(value: &Value) -> String {
    match value {
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => value.to_string(),
        _ => "unknown /* a non-scalar constant */".to_string(),
    }
}

/// `A | B`, each member once, in order (a member that is a union is flattened, so
/// `null | number | null` reads `null | number`); no members is `never`.
pub(crate) fn union(members: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for member in members
        .iter()
        .flat_map(|member| split_top_level(member, '|'))
    {
        if !unique.contains(&member) {
            unique.push(member);
        }
    }
    if unique.iter().any(|member| member == "unknown") {
        return "unknown".to_string();
    }
    match unique.len() {
        0 => "never".to_string(),
        _ => unique
            .into_iter()
            .map(|member| {
                if top_level(&member, '&') {
                    format!("({member})")
                } else {
                    member
                }
            })
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// `text` cut at each `separator` outside brackets, strings and comments, each part trimmed.
fn split_top_level(text: &str, separator: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (index, _) in top_level_positions(text, separator) {
        parts.push(text[start..index].trim().to_string());
        start = index + separator.len_utf8();
    }
    parts.push(text[start..].trim().to_string());
    parts
}

/// The type in parentheses when it is a union or intersection (for `T[]` and `A & B`).
fn parenthesized(text: String) -> String {
    if top_level(&text, '|') || top_level(&text, '&') {
        format!("({text})")
    } else {
        text
    }
}

/// Whether `operator` occurs outside brackets, strings and comments in `text`.
fn top_level(text: &str, operator: char) -> bool {
    !top_level_positions(text, operator).is_empty()
}

/// The byte offsets of `operator` outside brackets, strings and comments in `text`.
fn top_level_positions(text: &str, operator: char) -> Vec<(usize, char)> {
    let mut positions = Vec::new();
    let mut depth = 0i32;
    let mut chars = text.char_indices().peekable();
    let mut in_string = false;
    while let Some((index, c)) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '(' | '[' | '<' => depth += 1,
            '}' | ')' | ']' | '>' => depth -= 1,
            '/' if chars.peek().map(|(_, c)| *c) == Some('*') => {
                // A comment: skip to its end.
                let mut previous = ' ';
                for (_, c) in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            c if c == operator && depth == 0 => positions.push((index, c)),
            _ => {}
        }
    }
    positions
}

/// `/** text */` at `indent` levels; a `*/` inside cannot end it early.
pub(crate) fn doc_comment(text: &str, indent: usize) -> String {
    let pad = "  ".repeat(indent);
    let text = text.trim().replace("*/", "*\\/");
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= 1 {
        format!("{pad}/** {text} */\n")
    } else {
        let mut out = format!("{pad}/**\n");
        for line in lines {
            out.push_str(&format!("{pad} * {}\n", line.trim_end()).replace(" * \n", " *\n"));
        }
        out.push_str(&format!("{pad} */\n"));
        out
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn ts(schema: Value) -> String {
        let components = BTreeMap::from([("Book".to_string(), "Book".to_string())]);
        TypeWriter {
            components: &components,
        }
        .type_of(&schema, 0)
    }

    #[test]
    fn scalars_nullables_and_literals() {
        assert_eq!(ts(json!({ "type": "integer" })), "number");
        assert_eq!(ts(json!({ "type": ["string", "null"] })), "string | null");
        assert_eq!(
            ts(json!({ "enum": ["a", "b", null] })),
            r#""a" | "b" | null"#
        );
        assert_eq!(ts(json!({ "const": 3 })), "3");
        assert_eq!(ts(json!({})), "unknown");
    }

    #[test]
    fn references_arrays_and_combinations() {
        assert_eq!(ts(json!({ "$ref": "#/components/schemas/Book" })), "Book");
        assert!(ts(json!({ "$ref": "other.json#/x" })).starts_with("unknown /*"));
        assert_eq!(
            ts(json!({ "type": "array", "items": { "type": ["string", "null"] } })),
            "(string | null)[]"
        );
        assert_eq!(
            ts(json!({ "anyOf": [{ "$ref": "#/components/schemas/Book" }, { "type": "string" }] })),
            "Book | string"
        );
        assert_eq!(
            ts(
                json!({ "allOf": [{ "$ref": "#/components/schemas/Book" }, { "anyOf": [{ "type": "string" }, { "type": "number" }] }] })
            ),
            "Book & (string | number)"
        );
        assert_eq!(
            ts(json!({ "anyOf": [{ "type": "string" }, {}] })),
            "unknown"
        );
    }

    #[test]
    fn unions_are_flat() {
        assert_eq!(
            ts(json!({ "anyOf": [{ "type": "null" }, { "type": ["number", "null"] }] })),
            "null | number"
        );
        assert_eq!(
            ts(json!({ "anyOf": [{ "enum": ["a|b", "c"] }, { "const": "c" }] })),
            r#""a|b" | "c""#
        );
    }

    #[test]
    fn objects_are_closed_unless_they_say_otherwise() {
        assert_eq!(
            ts(
                json!({ "type": "object", "properties": { "id": { "type": "integer" }, "my name": { "type": "string" } }, "required": ["id"] })
            ),
            "{\n  id: number;\n  \"my name\"?: string;\n}"
        );
        assert_eq!(
            ts(json!({ "type": "object", "additionalProperties": { "type": "number" } })),
            "Record<string, number>"
        );
        assert_eq!(ts(json!({ "type": "object" })), "Record<string, unknown>");
        assert_eq!(
            ts(
                json!({ "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": true })
            ),
            "{\n  a?: string;\n  [member: string]: unknown;\n}"
        );
    }

    #[test]
    fn comments_cannot_end_early() {
        assert_eq!(doc_comment("a */ b", 1), "  /** a *\\/ b */\n");
    }
}
