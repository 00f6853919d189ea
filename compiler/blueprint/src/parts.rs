//! Reads the typed blueprint part by part, so a malformed part hides nothing about the others.
//!
//! serde reads a document all or nothing: one unknown key in one endpoint would stop every
//! semantic check (a missing handler file elsewhere, a `ref` to a missing resource) until the
//! typo is fixed. Instead, each endpoint, each resource and each other top-level key is
//! deserialized on its own; a part holding a shape error (already reported by [`crate::shape`])
//! is left out, and lowering checks the rest.
//!
//! ```text
//! endpoints:
//!   a: { path: /a, methdo: GET }       error[unknown-key] (shape)   ─▶ `a` left out
//!   b: { path: /b, handler: ./b.js }   error[handler-not-found]      ─▶ `b` still lowered
//! ```

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use crate::config::{Blueprint, Endpoint, ResourceConfig};
use crate::diagnostics;
use crate::yaml::{Node, NodeKind};

/// The well-formed parts of a blueprint, each with the YAML it came from.
pub struct WellFormed<'n> {
    /// The top-level settings; `endpoints` and `resources` are empty here (see the fields
    /// below), and a malformed top-level key is as if absent.
    pub blueprint: Blueprint,
    /// The well-formed endpoints, in blueprint order.
    pub endpoints: Vec<Part<'n, Endpoint>>,
    /// The well-formed resources, in blueprint order.
    pub resources: Vec<Part<'n, ResourceConfig>>,
}

/// One entry of a collection (an endpoint, a resource) and where it is written.
pub struct Part<'n, T> {
    /// Its key in the map form (`posts:`), absent for list items.
    pub key: Option<&'n Node>,
    /// Its value.
    pub node: &'n Node,
    /// The entry, deserialized.
    pub config: T,
    /// Entries of its nested maps (a resource's `fields`) left out for their shape errors;
    /// checks that would miss them (a seed row naming one) must not run.
    pub left_out: Vec<String>,
}

impl<T> Part<'_, T> {
    /// The name the map form gives it.
    pub fn name(&self) -> Option<&str> {
        self.key.and_then(Node::as_str)
    }
}

/// Splits `document` (serde's view) along `root` (the positioned view of the same text) into
/// its parts, leaving out those that contain one of `shape_errors`. A part serde rejects
/// although the shape check accepted it is reported here, at the part.
pub fn read<'n>(
    source: SourceId,
    document: &Value,
    root: &'n Node,
    shape_errors: &[Diagnostic],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<WellFormed<'n>> {
    let (Value::Mapping(mapping), NodeKind::Mapping(entries)) = (document, &root.kind) else {
        // Not a mapping at all: the shape check said so, and nothing can be lowered.
        return None;
    };
    let reader = Reader {
        source,
        shape_failed: !shape_errors.is_empty(),
        // A missing top-level key is reported at the document itself (an empty span where it
        // starts), which belongs to no part.
        broken: shape_errors
            .iter()
            .filter_map(Diagnostic::primary_span)
            .filter(|span| (span.start as usize..span.end as usize) != root.span)
            .map(|span| span.start as usize)
            .collect(),
    };
    let mut settings = Mapping::new();
    let mut endpoints = Vec::new();
    let mut resources = Vec::new();
    // serde_yaml's mapping keeps document order, so its entries pair with the tree's.
    for ((key, value), (key_node, value_node)) in mapping.iter().zip(entries) {
        match key_node.as_str() {
            Some("endpoints") => {
                endpoints = reader.collection(value, value_node, &[], diagnostics);
            }
            Some("resources") => {
                resources = reader.collection(value, value_node, &["fields"], diagnostics);
            }
            _ if reader.is_broken(key_node.span.start, value_node) => {}
            _ => {
                let alone = Mapping::from_iter([
                    (Value::from("name"), Value::from("_")),
                    (key.clone(), value.clone()),
                ]);
                match serde_yaml::from_value::<Blueprint>(Value::Mapping(alone)) {
                    Ok(_) => {
                        settings.insert(key.clone(), value.clone());
                    }
                    Err(error) => {
                        if !reader.shape_failed {
                            diagnostics.push(reader.rejected(key_node, &error));
                        }
                    }
                }
            }
        }
    }
    // A missing `name` is already reported; a stand-in lets the other parts be checked.
    let name = Value::from("name");
    if !settings.contains_key(&name) {
        settings.insert(name, Value::from("service"));
    }
    let blueprint = serde_yaml::from_value(Value::Mapping(settings)).ok()?;
    Some(WellFormed {
        blueprint,
        endpoints,
        resources,
    })
}

struct Reader {
    source: SourceId,
    /// Whether the shape check reported anything: then a part serde rejects is left out
    /// silently, since a shape error (perhaps positioned just outside it) already explains it.
    shape_failed: bool,
    /// Where the shape check found problems.
    broken: Vec<usize>,
}

impl Reader {
    /// The entries of a list or map collection that are well-formed, each deserialized alone.
    /// An entry whose shape errors all lie in entries of its `nested` maps is kept without
    /// those entries.
    fn collection<'n, T: DeserializeOwned>(
        &self,
        value: &Value,
        node: &'n Node,
        nested: &[&str],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<Part<'n, T>> {
        let pairs: Vec<(Option<&'n Node>, &'n Node, &Value)> = match (value, &node.kind) {
            (Value::Sequence(values), NodeKind::Sequence(items)) => values
                .iter()
                .zip(items)
                .map(|(value, item)| (None, item, value))
                .collect(),
            (Value::Mapping(values), NodeKind::Mapping(entries)) => values
                .values()
                .zip(entries)
                .map(|(value, (key, item))| (Some(key), item, value))
                .collect(),
            _ => Vec::new(),
        };
        let mut parts = Vec::new();
        for (key, item, value) in pairs {
            let start = key.map_or(extent(item).start, |key| key.span.start);
            let (value, left_out) = if self.is_broken(start, item) {
                match self.prune(start, value, item, nested) {
                    Some(pruned) => pruned,
                    None => continue,
                }
            } else {
                (value.clone(), Vec::new())
            };
            match serde_yaml::from_value::<T>(value) {
                Ok(config) => parts.push(Part {
                    key,
                    node: item,
                    config,
                    left_out,
                }),
                Err(error) => {
                    if !self.shape_failed {
                        diagnostics.push(self.rejected(key.unwrap_or(item), &error));
                    }
                }
            }
        }
        parts
    }

    /// `value` (written at `node`, from `start`) without the entries of its `nested` maps that
    /// hold shape errors, and their names; `None` when some error lies elsewhere in it.
    fn prune(
        &self,
        start: usize,
        value: &Value,
        node: &Node,
        nested: &[&str],
    ) -> Option<(Value, Vec<String>)> {
        let Value::Mapping(mapping) = value else {
            return None;
        };
        let mut pruned = mapping.clone();
        let mut left_out = Vec::new();
        let mut dropped: Vec<Range<usize>> = Vec::new();
        for name in nested {
            let (Some(Value::Mapping(inner)), Some(inner_node)) =
                (mapping.get(*name), node.get(name))
            else {
                continue;
            };
            let NodeKind::Mapping(inner_entries) = &inner_node.kind else {
                continue;
            };
            let mut kept = Mapping::new();
            for ((key, entry), (key_node, entry_node)) in inner.iter().zip(inner_entries) {
                let entry_start = key_node.span.start;
                if self.is_broken(entry_start, entry_node) {
                    left_out.push(key_node.as_str().unwrap_or_default().to_string());
                    dropped.push(entry_start..extent(entry_node).end.max(entry_start + 1));
                } else {
                    kept.insert(key.clone(), entry.clone());
                }
            }
            pruned.insert(Value::from(*name), Value::Mapping(kept));
        }
        let whole = start.min(extent(node).start)..extent(node).end.max(start + 1);
        let unexplained = self.broken.iter().any(|offset| {
            whole.contains(offset) && !dropped.iter().any(|range| range.contains(offset))
        });
        (!unexplained && !left_out.is_empty()).then_some((Value::Mapping(pruned), left_out))
    }

    /// Whether a shape error lies in the part that starts at `start` and holds `node`.
    fn is_broken(&self, start: usize, node: &Node) -> bool {
        let start = start.min(extent(node).start);
        let end = extent(node).end.max(start + 1);
        self.broken
            .iter()
            .any(|offset| (start..end).contains(offset))
    }

    /// serde refused a part the shape check accepted: the last line of defence.
    fn rejected(&self, at: &Node, error: &serde_yaml::Error) -> Diagnostic {
        diagnostics::invalid_blueprint(self.source, at.span.start, &error.to_string())
    }
}

/// The bytes a node covers, from its first to the end of its last descendant (a collection's
/// own span is only a mark near its start, which for a block mapping may follow its first key).
pub fn extent(node: &Node) -> Range<usize> {
    let children: Vec<Range<usize>> = match &node.kind {
        NodeKind::Scalar { .. } => Vec::new(),
        NodeKind::Sequence(items) => items.iter().map(extent).collect(),
        NodeKind::Mapping(entries) => entries
            .iter()
            .flat_map(|(key, value)| [extent(key), extent(value)])
            .collect(),
    };
    let start = children
        .iter()
        .map(|child| child.start)
        .fold(node.span.start, usize::min);
    let end = children
        .iter()
        .map(|child| child.end)
        .fold(node.span.end, usize::max);
    start..end
}

#[cfg(test)]
mod tests {
    use backworks_diagnostics::{Sources, Span};

    use super::*;

    fn error_at(source: SourceId, text: &str, needle: &str) -> Diagnostic {
        let start = text.find(needle).expect("needle in text");
        Diagnostic::error("test", "x").with_label(Span::new(source, start, start + 1), "")
    }

    #[test]
    fn a_broken_endpoint_leaves_the_others_readable() {
        let text = "name: s\nendpoints:\n  a: { path: /a, methdo: GET }\n  b: { path: /b }\n";
        let mut sources = Sources::new();
        let source = sources.add("b.yaml", text);
        let document: Value = serde_yaml::from_str(text).unwrap();
        let root = crate::yaml::parse(text).unwrap();
        let errors = [error_at(source, text, "methdo")];
        let mut diagnostics = Vec::new();
        let parts = read(source, &document, &root, &errors, &mut diagnostics).unwrap();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let names: Vec<_> = parts
            .endpoints
            .iter()
            .filter_map(|part| part.name())
            .collect();
        assert_eq!(names, ["b"]);
        assert_eq!(parts.blueprint.name, "s");
    }

    #[test]
    fn a_broken_setting_is_as_if_absent_and_a_missing_name_gets_a_stand_in() {
        let text = "server: { port: 80, hots: x }\nlimits: { timeout: 5s }\n";
        let mut sources = Sources::new();
        let source = sources.add("b.yaml", text);
        let document: Value = serde_yaml::from_str(text).unwrap();
        let root = crate::yaml::parse(text).unwrap();
        let errors = [
            error_at(source, text, "hots"),
            Diagnostic::error("missing-key", "name").with_label(Span::new(source, 0, 0), ""),
        ];
        let mut diagnostics = Vec::new();
        let parts = read(source, &document, &root, &errors, &mut diagnostics).unwrap();
        assert!(parts.blueprint.server.is_none());
        assert!(parts.blueprint.limits.is_some());
        assert_eq!(parts.blueprint.name, "service");
    }

    #[test]
    fn a_broken_field_leaves_the_rest_of_its_resource_readable() {
        let text = "name: s\nresources:\n  books:\n    fields:\n      a: { type: string, maxlen: 3 }\n      b: { type: ref, to: x }\n  notes:\n    endpoints: 3\n";
        let mut sources = Sources::new();
        let source = sources.add("b.yaml", text);
        let document: Value = serde_yaml::from_str(text).unwrap();
        let root = crate::yaml::parse(text).unwrap();
        let errors = [
            error_at(source, text, "maxlen"),
            error_at(source, text, "3\n"),
        ];
        let mut diagnostics = Vec::new();
        let parts = read(source, &document, &root, &errors, &mut diagnostics).unwrap();
        // `notes` is broken outside its fields: left out whole.
        assert_eq!(parts.resources.len(), 1);
        let books = &parts.resources[0];
        assert_eq!(books.name(), Some("books"));
        assert_eq!(books.left_out, ["a"]);
        let fields: Vec<&String> = books.config.fields.keys().collect();
        assert_eq!(fields, ["b"]);
    }

    #[test]
    fn extent_reaches_the_last_descendant() {
        let text = "a:\n  b: [1, 22]\n";
        let root = crate::yaml::parse(text).unwrap();
        let a = root.get("a").unwrap();
        assert_eq!(&text[extent(a)], "b: [1, 22");
        let list = crate::yaml::parse("- x: 1\n  y: 22\n").unwrap();
        let NodeKind::Sequence(items) = &list.kind else {
            panic!("a list")
        };
        // The item starts at its first key, wherever the parser marks the mapping.
        assert_eq!(extent(&items[0]), 2..14);
    }
}
