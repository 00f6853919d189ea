//! Giving each module's named schemas a name unique in the document: the blueprint's
//! `schemas:`, the server's own `Error`/`InvalidRequest` and other modules' types come first.
//!
//! ```text
//! blueprint schemas: Note         module notes.ts: interface Note {…} (a different shape)
//!   ──▶ components.schemas: Note (blueprint), Note2 (notes.ts), and notes.ts's $refs say Note2
//! ```
//!
//! Two modules declaring the same name with the same shape share one component.

use std::collections::HashMap;

use backworks_ir::{HandlerTypes, TypedBody};
use serde_json::Value;

use super::ModuleTypes;

const PREFIX: &str = "#/components/schemas/";

/// Adds `found`'s schemas to `added` (and `taken`) under unique names and returns its
/// annotations with their `$ref`s renamed to match.
pub(crate) fn merge(
    found: ModuleTypes,
    taken: &mut Vec<(String, Value)>,
    added: &mut Vec<(String, Value)>,
) -> HandlerTypes {
    let mut renames: HashMap<String, String> = HashMap::new();
    let mut fresh: Vec<(String, Value)> = Vec::new();
    for (name, schema) in &found.schemas {
        // Shapes are compared with every `$ref` written out, so a module that inlines what
        // another names still shares its component.
        let shape = dereferenced(schema, &found.schemas, 0);
        let same = |taken: &[(String, Value)], wanted: &str| {
            taken.iter().any(|(existing, known)| {
                existing == wanted && dereferenced(known, taken, 0) == shape
            })
        };
        let free = |taken: &[(String, Value)], wanted: &str| {
            !taken.iter().any(|(existing, _)| existing == wanted)
        };
        let chosen = std::iter::once(name.clone())
            .chain((2..).map(|suffix| format!("{name}{suffix}")))
            .find(|wanted| same(taken, wanted) || free(taken, wanted))
            .unwrap_or_else(|| name.clone());
        if chosen != *name {
            renames.insert(name.clone(), chosen.clone());
        }
        if free(taken, &chosen) {
            fresh.push((chosen.clone(), schema.clone()));
            taken.push((chosen, Value::Null));
        }
    }
    for (_, schema) in &mut fresh {
        rename_refs(schema, &renames);
    }
    // The placeholders above become the final schemas (their `$ref`s renamed too).
    for (name, schema) in &fresh {
        if let Some(entry) = taken.iter_mut().find(|(existing, _)| existing == name) {
            entry.1 = schema.clone();
        }
    }
    added.extend(fresh);
    let mut types = found.types;
    for export in &mut types.exports {
        if let Some(body) = &mut export.request_body {
            rename_refs(body, &renames);
        }
        for response in &mut export.responses {
            if let TypedBody::Json(schema) = &mut response.body {
                rename_refs(schema, &renames);
            }
        }
    }
    types
}

/// How deep `$ref`s are written out when comparing shapes (recursive types stop there).
const MAX_DEREF: usize = 16;

/// `schema` with each `$ref` to one of `named` replaced by that schema, recursively.
fn dereferenced(schema: &Value, named: &[(String, Value)], depth: usize) -> Value {
    match schema {
        Value::Object(map) => {
            if depth < MAX_DEREF
                && let Some(target) = map
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|text| text.strip_prefix(PREFIX))
                && let Some((_, target)) = named.iter().find(|(name, _)| name == target)
            {
                return dereferenced(target, named, depth + 1);
            }
            Value::Object(
                map.iter()
                    .map(|(key, value)| (key.clone(), dereferenced(value, named, depth)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| dereferenced(item, named, depth))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Rewrites `$ref`s to renamed components, everywhere in `schema`.
fn rename_refs(schema: &mut Value, renames: &HashMap<String, String>) {
    if renames.is_empty() {
        return;
    }
    match schema {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "$ref"
                    && let Some(target) = value.as_str().and_then(|text| text.strip_prefix(PREFIX))
                    && let Some(renamed) = renames.get(target)
                {
                    *value = Value::String(format!("{PREFIX}{renamed}"));
                } else {
                    rename_refs(value, renames);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                rename_refs(item, renames);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backworks_ir::{ExportTypes, TypedResponse};
    use serde_json::json;

    #[test]
    fn clashing_names_are_renamed_and_identical_ones_shared() {
        let mut taken = vec![("Note".to_string(), json!({ "type": "string" }))];
        let mut added = Vec::new();
        let found = ModuleTypes {
            types: HandlerTypes {
                exports: vec![ExportTypes {
                    method: None,
                    request_body: Some(json!({ "$ref": "#/components/schemas/Note" })),
                    request_body_required: true,
                    responses: vec![TypedResponse {
                        status: 200,
                        body: TypedBody::Json(json!({ "$ref": "#/components/schemas/Tag" })),
                    }],
                }],
            },
            schemas: vec![
                ("Note".into(), json!({ "type": "object" })),
                ("Tag".into(), json!({ "type": "string" })),
            ],
        };
        let types = merge(found.clone(), &mut taken, &mut added);
        assert_eq!(
            types.exports[0].request_body,
            Some(json!({ "$ref": "#/components/schemas/Note2" }))
        );
        assert_eq!(
            added
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>(),
            ["Note2", "Tag"]
        );
        // The same module again: every name now exists with the same shape.
        let again = merge(found, &mut taken, &mut added);
        assert_eq!(added.len(), 2);
        assert_eq!(again, types);
    }
}
