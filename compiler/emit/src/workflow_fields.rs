//! The fields a table or chart names, checked against the rows its GET endpoint answers with
//! once the handlers are known: the response schema the OpenAPI document holds for the
//! endpoint (inferred from the handler's code, or its TypeScript annotation). The blueprint
//! stage already checked endpoints that declare a 200 response; this covers the rest.
//!
//! ```text
//! author_report (inferred: { status, authors: [{ id, name, books, average_price }] })
//! prices: { type: chart, endpoint: author_report, rows: authors, x: name, y: avg_price }
//!   ─▶ error[workflow-unknown-field]: `y` names `avg_price`, which the rows `author_report`
//!      answers with do not have … did you mean `average_price`?
//! ```
//!
//! Only a schema known to list every member counts: an object with `required` (the inference
//! writes it only for an object literal without a spread; an annotation for an interface
//! with required members). Anything vaguer accepts every field.

use backworks_diagnostics::{Diagnostic, closest};
use backworks_ir::{Method, RowSource, Service, WorkflowKind};
use serde_json::Value;

/// A diagnostic for each field a workflow names that its endpoint's rows cannot have.
pub fn check_workflow_fields(service: &Service, document: &Value) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for workflow in &service.dashboard.workflows {
        let source = match &workflow.kind {
            WorkflowKind::Table { source, .. } | WorkflowKind::Chart { source, .. } => source,
            _ => continue,
        };
        let RowSource::Endpoint { endpoint, rows } = source else {
            continue;
        };
        let declares_200 = service
            .routes
            .iter()
            .filter(|route| route.path.to_string() == endpoint.path)
            .flat_map(|route| &route.operations)
            .filter(|operation| operation.method == Method::Get)
            .any(|operation| operation.responses.iter().any(|r| r.status == 200));
        if declares_200 {
            continue;
        }
        let Some(fields) = row_fields(document, &endpoint.path, rows.as_deref()) else {
            continue;
        };
        for used in &workflow.field_uses {
            if fields.contains(&used.field) {
                continue;
            }
            let help = match closest(&used.field, fields.iter().map(String::as_str)) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => format!(
                    "its rows have {}",
                    fields
                        .iter()
                        .map(|field| format!("`{field}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            diagnostics.push(
                Diagnostic::error(
                    "workflow-unknown-field",
                    format!(
                        "`{}` names `{}`, which the rows `{}` answers with do not have",
                        used.key, used.field, endpoint.name
                    ),
                )
                .with_label(used.span, "no such field in the handler's response")
                .with_help(help),
            );
        }
    }
    diagnostics
}

/// The members of the rows `GET path` answers with, when the document knows all of them.
fn row_fields(document: &Value, path: &str, rows: Option<&str>) -> Option<Vec<String>> {
    let body = document
        .get("paths")?
        .get(path)?
        .get("get")?
        .get("responses")?
        .get("200")?
        .pointer("/content/application~1json/schema")?;
    let body = resolve(document, body)?;
    let row = if body.get("type").and_then(Value::as_str) == Some("array") {
        body.get("items")?
    } else {
        body.get("properties")?
            .get(rows.unwrap_or("items"))?
            .get("items")?
    };
    let row = resolve(document, row)?;
    let properties = row.get("properties")?.as_object()?;
    // `required` is written only for an object seen whole (a spread drops it).
    row.get("required")
        .is_some()
        .then(|| properties.keys().cloned().collect())
}

/// `schema`, or the named schema its `$ref` points at.
fn resolve<'d>(document: &'d Value, schema: &'d Value) -> Option<&'d Value> {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => document.pointer(reference.strip_prefix('#')?),
        None => Some(schema),
    }
}
