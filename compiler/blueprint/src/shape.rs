//! Checks the shape of a blueprint — keys, types, required fields — against the JSON Schema that
//! schemars derives from [`crate::config`], and reports *every* mismatch with its location.
//!
//! serde stops at the first error and knows no positions; walking the positioned YAML tree
//! alongside the schema gives one diagnostic per problem instead:
//!
//! ```text
//! endpoints:                  error[unknown-key]: unknown key `methdo` in endpoint
//!   - path: /a         ──▶      --> backworks.yaml:3:5      = help: did you mean `method`?
//!     methdo: GET
//! ```
//!
//! The schema is the single source of truth: adding a field to a config struct is enough for this
//! check to accept it. Only the keywords schemars emits for our types are understood: `type`,
//! `properties`, `additionalProperties`, `required`, `items`, `anyOf`, `$ref`, `minimum`.

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};
use serde_json::Value;

use crate::diagnostics;
use crate::yaml::{Node, NodeKind, ScalarType};

/// Checks `root` against `schema` (a schemars root schema with `$defs`).
pub fn check(source: SourceId, root: &Node, schema: &Value) -> Vec<Diagnostic> {
    let mut checker = ShapeChecker {
        source,
        root_schema: schema,
        diagnostics: Vec::new(),
    };
    checker.check(root, schema, "blueprint", root.span.clone());
    checker.diagnostics
}

struct ShapeChecker<'a> {
    source: SourceId,
    root_schema: &'a Value,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> ShapeChecker<'a> {
    /// Checks `node` against `schema`. `what` names the thing for messages ("endpoint"), and
    /// `anchor` is where to point when the node itself has no useful span (the key above it).
    fn check(&mut self, node: &Node, schema: &'a Value, what: &str, anchor: Range<usize>) {
        let (schema, what) = self.resolve(schema, what);
        let what = what.as_str();
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            self.check_any_of(node, branches, what, anchor);
            return;
        }
        if !self.type_matches(node, schema) {
            self.diagnostics.push(diagnostics::wrong_type(
                self.source,
                type_error_span(node, anchor),
                what,
                &expected_types(schema),
                node,
            ));
            return;
        }
        if let (Some(minimum), Some(text)) = (schema.get("minimum"), node.as_str())
            && let (Some(minimum), Ok(value)) = (minimum.as_f64(), text.parse::<f64>())
            && value < minimum
        {
            self.diagnostics.push(diagnostics::below_minimum(
                self.source,
                node.span.clone(),
                what,
                minimum,
            ));
        }
        match &node.kind {
            NodeKind::Mapping(entries) => self.check_mapping(node, entries, schema, what, anchor),
            NodeKind::Sequence(items) => {
                if let Some(item_schema) = schema.get("items") {
                    let item_name = singular(what);
                    for item in items {
                        let span = item.span.clone();
                        self.check(item, item_schema, &item_name, span);
                    }
                }
            }
            NodeKind::Scalar { .. } => {}
        }
    }

    fn check_mapping(
        &mut self,
        node: &Node,
        entries: &[(Node, Node)],
        schema: &'a Value,
        what: &str,
        anchor: Range<usize>,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        for (key, value) in entries {
            let Some(name) = key.as_str() else { continue };
            let property = properties.and_then(|properties| properties.get(name));
            match (property, additional) {
                (Some(property), _) => {
                    self.check(value, property, name, key.span.clone());
                }
                (None, Some(Value::Bool(false))) => {
                    let known: Vec<&str> = properties
                        .map(|properties| properties.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    self.diagnostics.push(diagnostics::unknown_key(
                        self.source,
                        key.span.clone(),
                        name,
                        what,
                        &known,
                    ));
                }
                (None, Some(value_schema)) if value_schema.is_object() => {
                    let item_name = format!("{} `{name}`", singular(what));
                    self.check(value, value_schema, &item_name, key.span.clone());
                }
                (None, _) => {}
            }
        }
        let required = schema.get("required").and_then(Value::as_array);
        for name in required.into_iter().flatten().filter_map(Value::as_str) {
            if node.get(name).is_none() {
                self.diagnostics.push(diagnostics::missing_key(
                    self.source,
                    anchor.clone(),
                    name,
                    what,
                ));
            }
        }
    }

    /// Accepts the node if any branch accepts it; otherwise reports the errors of the branch
    /// whose type fits the node (a mapping is checked as the mapping branch, and so on).
    fn check_any_of(
        &mut self,
        node: &Node,
        branches: &'a [Value],
        what: &str,
        anchor: Range<usize>,
    ) {
        let mut best: Option<Vec<Diagnostic>> = None;
        for branch in branches {
            let (resolved, _) = self.resolve(branch, what);
            if !self.type_matches(node, resolved) {
                continue;
            }
            let mut trial = ShapeChecker {
                source: self.source,
                root_schema: self.root_schema,
                diagnostics: Vec::new(),
            };
            trial.check(node, branch, what, anchor.clone());
            if trial.diagnostics.is_empty() {
                return;
            }
            if best
                .as_ref()
                .is_none_or(|best| trial.diagnostics.len() < best.len())
            {
                best = Some(trial.diagnostics);
            }
        }
        match best {
            Some(diagnostics) => self.diagnostics.extend(diagnostics),
            None => {
                let expected: Vec<String> = branches
                    .iter()
                    .flat_map(|branch| expected_types(self.resolve(branch, what).0))
                    .collect();
                self.diagnostics.push(diagnostics::wrong_type(
                    self.source,
                    type_error_span(node, anchor),
                    what,
                    &expected,
                    node,
                ));
            }
        }
    }

    /// Follows a `$ref` to its definition; a definition's name becomes the thing's name when
    /// the caller has only a key name (so an endpoint is "endpoint", not "posts").
    fn resolve(&self, schema: &'a Value, what: &str) -> (&'a Value, String) {
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
            return (schema, what.to_string());
        };
        let name = reference.rsplit('/').next().unwrap_or(reference);
        let definition = self
            .root_schema
            .get("$defs")
            .and_then(|defs| defs.get(name))
            .unwrap_or(&Value::Null);
        (definition, definition_label(name, what))
    }

    fn type_matches(&self, node: &Node, schema: &Value) -> bool {
        let accepted = match schema.get("type") {
            Some(Value::String(single)) => vec![single.as_str()],
            Some(Value::Array(several)) => several.iter().filter_map(Value::as_str).collect(),
            // No `type`: an `anyOf` resolved elsewhere, or anything goes.
            _ => match schema.get("anyOf").and_then(Value::as_array) {
                Some(branches) => {
                    return branches
                        .iter()
                        .any(|branch| self.type_matches(node, self.resolve(branch, "").0));
                }
                None => return true,
            },
        };
        accepted
            .iter()
            .any(|expected| match (&node.kind, *expected) {
                (NodeKind::Mapping(_), "object") => true,
                (NodeKind::Sequence(_), "array") => true,
                (NodeKind::Scalar { .. }, _) => {
                    let actual = node.scalar_type().unwrap_or(ScalarType::String);
                    matches!(
                        (actual, *expected),
                        (ScalarType::String, "string")
                            | (ScalarType::Null, "null")
                            | (ScalarType::Boolean, "boolean")
                            | (ScalarType::Integer, "integer" | "number")
                            | (ScalarType::Number, "number")
                    )
                }
                _ => false,
            })
    }
}

/// Where a wrong type is shown: the scalar itself, or the key above a mapping, a list (whose own
/// span is only its start) or an empty value.
fn type_error_span(node: &Node, anchor: Range<usize>) -> Range<usize> {
    // An empty value (`title:` alone) has no text to underline; its key does.
    if matches!(node.kind, NodeKind::Scalar { .. }) && !node.span.is_empty() {
        node.span.clone()
    } else {
        anchor
    }
}

/// The human names of the types a schema accepts, without `null` (omitting a key is how YAML
/// authors write "none").
fn expected_types(schema: &Value) -> Vec<String> {
    let names: Vec<&str> = match schema.get("type") {
        Some(Value::String(single)) => vec![single.as_str()],
        Some(Value::Array(several)) => several.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    names
        .into_iter()
        .filter(|name| *name != "null")
        .map(|name| {
            match name {
                "object" => "a mapping",
                "array" => "a list",
                "integer" => "an integer",
                "number" => "a number",
                "boolean" => "a boolean",
                _ => "a string",
            }
            .to_string()
        })
        .collect()
}

/// `Endpoint` → `endpoint`, `ServerConfig` → `server`; keeps the key name for generic wrappers.
fn definition_label(definition: &str, key: &str) -> String {
    match definition {
        "Endpoint" => "endpoint".into(),
        "Endpoints" | "Size" | "CrudEndpoints" => key.to_string(),
        other => {
            let base = other.strip_suffix("Config").unwrap_or(other).to_lowercase();
            // Entries of a map keep their name: "field `title`" says which one.
            if key.starts_with(&format!("{base} `")) {
                key.to_string()
            } else {
                base
            }
        }
    }
}

/// `endpoints` → `endpoint`, for the items of a list.
fn singular(what: &str) -> String {
    match what.strip_suffix('s') {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => format!("item of {what}"),
    }
}
