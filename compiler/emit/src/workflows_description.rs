//! The `theme` and `workflows` members of `service.json`: each admin screen with everything
//! the dashboard needs to draw it and the server needs to forward its calls
//! (`runtime-lib/src/dashboard/workflows/`, which reads this same JSON from the embedded
//! description): the resource's fields with their constraints and list-grammar facts, or the
//! endpoint's method, path, parameters and request schema. Read only from the IR.
//!
//! ```text
//! books: { type: crud_table, resource: books }
//!   ─▶ { "id": "books", "type": "crud_table", "title": "Books", "permissions": ["admin"],
//!        "base": "/_backworks/w/books",
//!        "resource": { "name": "books", "path": "/books", "operations": ["list", …],
//!                      "search": true, "page_size": { "default": 20, "max": 100 },
//!                      "fields": [{ "name": "author", "type": "ref",
//!                                   "ref": { "resource": "authors", "path": "/authors",
//!                                            "label": "name" }, … }] },
//!        "columns": [] }
//! ```

use backworks_ir::{
    EndpointBinding, Field, FieldDefault, FieldType, IdStrategy, Method, Resource, RowSource,
    Service, Workflow, WorkflowKind,
};
use serde_json::{Value, json};

/// Rows a list page holds when the request names no `limit` (the storage layer's
/// `DEFAULT_LIMIT`).
const DEFAULT_PAGE: u64 = 20;
/// The largest `limit` the storage layer accepts (`MAX_LIMIT`).
const MAX_PAGE: u64 = 100;
/// Where a workflow's calls go: `/_backworks/w/<id>/<path of the bound route>`.
const BASE: &str = "/_backworks/w";

/// `{ "mode": "system", "accent": "#0f766e" | null }`.
pub(crate) fn theme(service: &Service) -> Value {
    let theme = &service.dashboard.theme;
    json!({ "mode": theme.mode.as_str(), "accent": theme.accent })
}

/// Every workflow, in blueprint order.
pub(crate) fn workflows(service: &Service) -> Vec<Value> {
    service
        .dashboard
        .workflows
        .iter()
        .map(|workflow| describe(service, workflow))
        .collect()
}

fn describe(service: &Service, workflow: &Workflow) -> Value {
    let mut description = json!({
        "id": workflow.id,
        "type": workflow.kind.as_str(),
        "title": workflow.title,
        "description": workflow.description,
        "permissions": workflow.permissions,
        "base": format!("{BASE}/{}", workflow.id),
    });
    let members = match &workflow.kind {
        WorkflowKind::CrudTable { resource, columns } => json!({
            "resource": resource_description(service, resource),
            "columns": columns,
        }),
        WorkflowKind::Form { endpoint } => json!({
            "endpoint": endpoint_description(service, endpoint),
        }),
        WorkflowKind::Table { source, columns } => json!({
            "source": source_description(service, source),
            "columns": columns,
        }),
        WorkflowKind::Chart {
            chart,
            source,
            x,
            y,
            label,
            value,
        } => json!({
            "chart": chart.as_str(),
            "source": source_description(service, source),
            "x": x,
            "y": y,
            "label": label,
            "value": value,
        }),
    };
    if let (Some(object), Value::Object(members)) = (description.as_object_mut(), members) {
        object.extend(members);
    }
    description
}

fn source_description(service: &Service, source: &RowSource) -> Value {
    match source {
        RowSource::Endpoint { endpoint, rows } => json!({
            "endpoint": endpoint_description(service, endpoint),
            "rows": rows,
        }),
        RowSource::Resource { resource, query } => json!({
            "resource": resource_description(service, resource),
            "query": query,
        }),
    }
}

fn find<'s>(service: &'s Service, name: &str) -> Option<&'s Resource> {
    service
        .resources
        .iter()
        .find(|resource| resource.name == name)
}

/// A resource as a screen needs it; `null` if the IR has none by that name (lowering made
/// sure it has).
fn resource_description(service: &Service, name: &str) -> Value {
    let Some(resource) = find(service, name) else {
        return Value::Null;
    };
    let id_type = match resource.id {
        IdStrategy::Integer => "integer",
        IdStrategy::Uuid => "string",
    };
    let mut fields = vec![implicit_field(
        "id",
        id_type,
        (resource.id == IdStrategy::Uuid).then_some("uuid"),
    )];
    fields.extend(
        resource
            .fields
            .iter()
            .map(|field| field_description(service, field)),
    );
    if resource.timestamps {
        for name in ["created_at", "updated_at"] {
            fields.push(implicit_field(name, "datetime", Some("date-time")));
        }
    }
    json!({
        "name": resource.name,
        "description": resource.description,
        "path": format!("/{}", resource.name),
        "operations": resource.operations.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
        "search": !resource.search.is_empty(),
        "page_size": { "default": DEFAULT_PAGE, "max": MAX_PAGE },
        "fields": fields,
    })
}

/// `id`, `created_at`, `updated_at`: kept by the server, never written by a form.
fn implicit_field(name: &str, kind: &str, format: Option<&str>) -> Value {
    json!({
        "name": name, "type": kind, "items": null, "required": false, "readonly": true,
        "maxLength": null, "minLength": null, "minimum": null, "maximum": null,
        "pattern": null, "format": format, "enum": null, "default": null, "generated": null,
        "ref": null, "sortable": true, "filterable": true, "description": null,
    })
}

fn field_description(service: &Service, field: &Field) -> Value {
    let (kind, items, values, reference) = match &field.kind {
        FieldType::String => ("string", None, None, None),
        FieldType::Text => ("text", None, None, None),
        FieldType::Integer => ("integer", None, None, None),
        FieldType::Number => ("number", None, None, None),
        FieldType::Boolean => ("boolean", None, None, None),
        FieldType::Datetime => ("datetime", None, None, None),
        FieldType::Date => ("date", None, None, None),
        FieldType::Json => ("json", None, None, None),
        FieldType::Enum { values } => ("enum", None, Some(values.clone()), None),
        FieldType::Array { items } => ("array", serde_json::to_value(items).ok(), None, None),
        FieldType::Ref { to, .. } => ("ref", None, None, Some(ref_description(service, to))),
    };
    let (default, generated) = match &field.default {
        None => (Value::Null, None),
        Some(FieldDefault::Value(value)) => (value.clone(), None),
        Some(FieldDefault::Now) => (Value::Null, Some("now")),
        Some(FieldDefault::Uuid) => (Value::Null, Some("uuid")),
        Some(FieldDefault::CallerId) => (Value::Null, Some("user.id")),
    };
    let complex = matches!(field.kind, FieldType::Json | FieldType::Array { .. });
    let constraints = &field.constraints;
    json!({
        "name": field.name,
        "type": kind,
        "items": items,
        "required": field.required,
        "readonly": generated == Some("user.id"),
        "maxLength": constraints.max_length,
        "minLength": constraints.min_length,
        "minimum": constraints.minimum,
        "maximum": constraints.maximum,
        "pattern": constraints.pattern,
        "format": constraints.format,
        "enum": values,
        "default": default,
        "generated": generated,
        "ref": reference,
        "sortable": !complex,
        "filterable": !complex,
        "description": field.description,
    })
}

/// What a ref field's picker lists: the target's path and the field naming a row (its first
/// required string field, else `id`).
fn ref_description(service: &Service, to: &str) -> Value {
    let label = find(service, to)
        .and_then(|target| {
            target
                .fields
                .iter()
                .find(|field| field.required && field.kind == FieldType::String)
        })
        .map_or("id", |field| field.name.as_str());
    json!({ "resource": to, "path": format!("/{to}"), "label": label })
}

/// The operation a workflow calls: method, path, parameters and the request body's schema
/// (declared, else from the handler's TypeScript annotation or its inferred reads; `null`
/// when none is known).
fn endpoint_description(service: &Service, binding: &EndpointBinding) -> Value {
    let operation = service
        .routes
        .iter()
        .filter(|route| route.path.to_string() == binding.path)
        .flat_map(|route| &route.operations)
        .find(|operation| operation.method == binding.method);
    let parameters: Vec<Value> = operation
        .map(|operation| {
            operation
                .parameters
                .iter()
                .map(|parameter| {
                    let mut schema = json!({ "type": parameter.kind.as_str() });
                    if let Some(object) = schema.as_object_mut() {
                        if let Some(minimum) = parameter.minimum {
                            object.insert("minimum".into(), crate::openapi::number(minimum));
                        }
                        if let Some(maximum) = parameter.maximum {
                            object.insert("maximum".into(), crate::openapi::number(maximum));
                        }
                        if let Some(pattern) = &parameter.pattern {
                            object.insert("pattern".into(), pattern.clone().into());
                        }
                        if !parameter.allowed.is_empty() {
                            object.insert("enum".into(), parameter.allowed.clone().into());
                        }
                    }
                    json!({
                        "name": parameter.name,
                        "in": parameter.location.as_str(),
                        "required": parameter.required,
                        "description": parameter.description,
                        "schema": schema,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let request = operation
        .filter(|_| !matches!(binding.method, Method::Get | Method::Head | Method::Delete))
        .and_then(|operation| {
            crate::openapi::request_body(service, operation)
                .map(|(schema, _)| schema.clone())
                .or_else(|| {
                    crate::openapi_inputs::request_body(service, operation)
                        .and_then(|body| body.pointer("/content/application~1json/schema").cloned())
                })
        })
        .map(|schema| inline_refs(service, schema, 0));
    json!({
        "name": binding.name,
        "method": binding.method.as_str(),
        "path": binding.path,
        "description": operation.and_then(|operation| operation.description.clone()),
        "parameters": parameters,
        "request": request,
    })
}

/// `schema` with each `#/components/schemas/<name>` reference replaced by the named schema,
/// so the dashboard builds a form from one self-contained schema (a cycle stops after a few
/// levels, leaving the reference).
fn inline_refs(service: &Service, schema: Value, depth: u32) -> Value {
    match schema {
        Value::Object(object) => {
            if depth < 8
                && let Some(Value::String(reference)) = object.get("$ref")
                && let Some(name) = reference.strip_prefix("#/components/schemas/")
                && let Some((_, named)) = service
                    .schemas
                    .iter()
                    .chain(&service.type_schemas)
                    .find(|(candidate, _)| candidate == name)
            {
                return inline_refs(service, named.clone(), depth + 1);
            }
            Value::Object(
                object
                    .into_iter()
                    .map(|(key, value)| (key, inline_refs(service, value, depth)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| inline_refs(service, item, depth))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use backworks_ir::{FieldDefault, FieldType, OnDelete, Workflow, WorkflowKind};
    use serde_json::json;

    use crate::fixtures::{FieldExt, field, resource, service_with};

    #[test]
    fn a_crud_table_describes_its_fields_refs_and_list_facts() {
        let authors = resource(
            "authors",
            vec![
                field("born", FieldType::Date),
                field("name", FieldType::String).required(),
            ],
        );
        let mut books = resource(
            "books",
            vec![
                field("title", FieldType::String).required(),
                field(
                    "author",
                    FieldType::Ref {
                        to: "authors".into(),
                        on_delete: OnDelete::Cascade,
                    },
                ),
                field("tags", FieldType::Json),
                field("owner", FieldType::String).default(FieldDefault::CallerId),
                field(
                    "status",
                    FieldType::Enum {
                        values: vec!["draft".into(), "published".into()],
                    },
                )
                .default(FieldDefault::Value(json!("draft"))),
            ],
        );
        books.search = vec!["title".into()];
        let mut service = service_with(vec![authors, books], None);
        service.dashboard.workflows = vec![Workflow {
            id: "books".into(),
            title: "Books".into(),
            description: None,
            permissions: vec!["admin".into()],
            kind: WorkflowKind::CrudTable {
                resource: "books".into(),
                columns: vec![],
            },
            field_uses: vec![],
            span: crate::fixtures::span(),
        }];
        let described = super::workflows(&service);
        let books = &described[0];
        assert_eq!(books["base"], "/_backworks/w/books");
        assert_eq!(books["permissions"], json!(["admin"]));
        let resource = &books["resource"];
        assert_eq!(resource["path"], "/books");
        assert_eq!(resource["search"], true);
        assert_eq!(resource["page_size"], json!({ "default": 20, "max": 100 }));
        let field = |name: &str| {
            resource["fields"]
                .as_array()
                .unwrap()
                .iter()
                .find(|field| field["name"] == name)
                .unwrap_or_else(|| panic!("{name}"))
                .clone()
        };
        assert_eq!(field("id")["readonly"], true);
        assert_eq!(field("title")["readonly"], false);
        assert_eq!(field("title")["required"], true);
        assert_eq!(
            field("author")["ref"],
            json!({ "resource": "authors", "path": "/authors", "label": "name" }),
            "the label is the target's first required string field"
        );
        assert_eq!(
            field("owner")["readonly"],
            true,
            "filled in with the caller's id"
        );
        assert_eq!(field("owner")["generated"], "user.id");
        assert_eq!(field("status")["enum"], json!(["draft", "published"]));
        assert_eq!(field("status")["default"], "draft");
        assert_eq!(field("tags")["sortable"], false);
        assert_eq!(field("created_at")["readonly"], true);
    }
}
