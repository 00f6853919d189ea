//! The service's OpenAPI 3.1 document, from the IR: one operation per method, parameters and
//! request bodies as declared, responses as declared (an open schema where nothing is declared —
//! honest rather than guessed), and the JSON error every Backworks server answers with.
//!
//! ```text
//! posts: { path: /posts/{id}, methods: [GET] }  ──▶  paths./posts/{id}.get.operationId = "posts"
//! comments: { methods: [GET, POST] }            ──▶  "comments_get", "comments_post"
//! ```
//!
//! Resources' generated operations and schemas are added by `openapi_resources.rs`; who may
//! call each operation by `openapi_security.rs`; the audit log's route by `openapi_audit.rs`.

use backworks_ir::{
    ExportTypes, JsonSchema, Method, Operation, ParamLocation, Parameter, Route, Service,
    TypedBody, TypedResponse,
};
use backworks_js::{ExportKind, ExportResponses, InferredBody, InferredResponse};
use serde_json::{Map, Value, json};

/// The name of the error schema every server shares.
pub(crate) const ERROR_SCHEMA: &str = "Error";

/// The name of the schema of 400 answers, which may list violations.
pub(crate) const INVALID_REQUEST_SCHEMA: &str = "InvalidRequest";

/// Whether the server itself may answer 400 before the handler runs: when the operation
/// declares rules to enforce, or takes a body that may be malformed JSON.
fn can_reject(service: &Service, operation: &Operation) -> bool {
    crate::routes::declares_rules(service, operation)
        || matches!(operation.method, Method::Post | Method::Put | Method::Patch)
}

/// Builds the document. `inferred[h]` holds what the exports of handler module `h` were
/// inferred to answer; it describes operations that declare no responses.
pub fn document(service: &Service, inferred: &[Vec<ExportResponses>]) -> Value {
    let mut info = Map::new();
    info.insert("title".into(), json!(service.name));
    info.insert("version".into(), json!(service.version));
    if let Some(description) = &service.description {
        info.insert("description".into(), json!(description));
    }

    let mut paths = Map::new();
    for route in &service.routes {
        let mut item = Map::new();
        for operation in &route.operations {
            item.insert(
                operation.method.as_str().to_ascii_lowercase(),
                operation_object(service, route, operation, inferred_for(operation, inferred)),
            );
        }
        paths.insert(route.path.to_string(), Value::Object(item));
    }

    let mut schemas = Map::new();
    // TypeScript types are named apart from these (`js::annotate` renames on a clash).
    for (name, schema) in service.schemas.iter().chain(&service.type_schemas) {
        schemas.insert(name.clone(), schema.clone());
    }
    schemas.insert(
        ERROR_SCHEMA.into(),
        json!({
            "type": "object",
            "description": "The body of every error the server itself produces.",
            "properties": {
                "error": { "type": "string", "description": "A machine-readable code, e.g. `invalid_json`." },
                "message": { "type": "string", "description": "What went wrong, for people." }
            },
            "required": ["error", "message"]
        }),
    );
    schemas.insert(
        INVALID_REQUEST_SCHEMA.into(),
        json!({
            "type": "object",
            "description": "A request the server rejected before the handler ran.",
            "properties": {
                "error": { "type": "string", "description": "`invalid_request` or `invalid_json`." },
                "message": { "type": "string" },
                "violations": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "pointer": { "type": "string", "description": "JSON pointer to the offending value, e.g. `/query/limit`." },
                            "message": { "type": "string" }
                        },
                        "required": ["pointer", "message"]
                    }
                }
            },
            "required": ["error", "message"]
        }),
    );

    // The resources' generated operations, named apart from everything above.
    let mut operation_ids = crate::openapi_resources::Names::new(
        service
            .routes
            .iter()
            .flat_map(|route| route.operations.iter().map(|op| operation_id(route, op))),
    );
    crate::openapi_resources::add_resources(service, &mut paths, &mut schemas, &mut operation_ids);

    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas));
    let security = crate::openapi_security::secure(service, &mut paths, &mut components);
    crate::openapi_audit::add_audit(service, &mut paths, &mut operation_ids);
    crate::openapi_accounts::add_account_routes(service, &mut paths, &mut components);
    crate::openapi_rate_limit::document_limits(service, &mut paths);
    json!({
        "openapi": "3.1.0",
        "info": info,
        "security": security,
        "servers": [{ "url": format!("http://{}:{}", service.server.host, service.server.port) }],
        "paths": paths,
        "components": components,
    })
}

/// The operation's id: the endpoint's name when it serves one method, else name and method.
pub fn operation_id(route: &Route, operation: &Operation) -> String {
    let siblings = route
        .operations
        .iter()
        .filter(|other| other.endpoint == operation.endpoint)
        .count();
    let base = identifier(&operation.endpoint);
    if siblings > 1 {
        format!("{base}_{}", operation.method.as_str().to_ascii_lowercase())
    } else {
        base
    }
}

/// `GET /posts/{id}` → `get_posts_id`.
fn identifier(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The inferred responses of the export serving `operation`: its per-method export, else
/// the module's default handler.
fn inferred_for<'a>(
    operation: &Operation,
    inferred: &'a [Vec<ExportResponses>],
) -> Option<&'a ExportResponses> {
    let exports = inferred.get(operation.handler.0)?;
    let method = ExportKind::Method(operation.method.as_str().to_string());
    exports
        .iter()
        .find(|export| export.kind == method)
        .or_else(|| {
            exports
                .iter()
                .find(|export| export.kind == ExportKind::Default)
        })
}

/// The TypeScript annotations of the export serving `operation`: its per-method export, else
/// the module's default handler.
pub(crate) fn export_types<'a>(
    service: &'a Service,
    operation: &Operation,
) -> Option<&'a ExportTypes> {
    let exports = &service.handlers.get(operation.handler.0)?.types.exports;
    exports
        .iter()
        .find(|export| export.method == Some(operation.method))
        .or_else(|| exports.iter().find(|export| export.method.is_none()))
}

/// The operation's request body schema and whether the body is required: the blueprint's
/// `request` (always required), else the handler's TypeScript annotation.
pub(crate) fn request_body<'a>(
    service: &'a Service,
    operation: &'a Operation,
) -> Option<(&'a JsonSchema, bool)> {
    match &operation.request_body {
        Some(schema) => Some((schema, true)),
        None => export_types(service, operation).and_then(|types| {
            types
                .request_body
                .as_ref()
                .map(|schema| (schema, types.request_body_required))
        }),
    }
}

/// A response declared by a TypeScript return type as an OpenAPI response object.
fn typed_response(response: &TypedResponse) -> Value {
    let description = "Declared by the handler's TypeScript return type.";
    match &response.body {
        TypedBody::Json(schema) => {
            json!({ "description": description, "content": { "application/json": { "schema": schema } } })
        }
        TypedBody::Text => {
            json!({ "description": description, "content": { "text/plain": { "schema": { "type": "string" } } } })
        }
        TypedBody::Empty => json!({ "description": description }),
    }
}

/// An inferred response as an OpenAPI response object.
fn inferred_response(response: &InferredResponse) -> Value {
    let description = "Inferred from the handler's code.";
    match &response.body {
        InferredBody::Json(schema) => {
            json!({ "description": description, "content": { "application/json": { "schema": schema } } })
        }
        InferredBody::Text => {
            json!({ "description": description, "content": { "text/plain": { "schema": { "type": "string" } } } })
        }
        InferredBody::Empty => json!({ "description": description }),
        InferredBody::TextOrJson(schema) => json!({
            "description": description,
            "content": {
                "application/json": { "schema": schema },
                "text/plain": { "schema": { "type": "string" } }
            }
        }),
    }
}

/// One response object accepting the bodies of both (for one status answered two ways).
fn either_response(first: &Value, second: &Value) -> Value {
    let schema = |response: &Value| {
        response
            .pointer("/content/application~1json/schema")
            .cloned()
    };
    match (schema(first), schema(second)) {
        (Some(a), Some(b)) => json!({
            "description": "The server's own answer, or the handler's.",
            "content": { "application/json": { "schema": { "anyOf": [a, b] } } }
        }),
        _ => json!({ "description": "The server's own answer, or the handler's." }),
    }
}

fn operation_object(
    service: &Service,
    route: &Route,
    operation: &Operation,
    inferred: Option<&ExportResponses>,
) -> Value {
    let mut object = Map::new();
    object.insert("operationId".into(), json!(operation_id(route, operation)));
    if let Some(description) = &operation.description {
        object.insert("summary".into(), json!(summary(description)));
        object.insert("description".into(), json!(description));
    }
    if let Some(backworks_ir::Segment::Literal(first)) = route.path.segments.first() {
        object.insert("tags".into(), json!([first]));
    }
    // Declared parameters, then what the handler's code shows it reads (`openapi_inputs.rs`).
    let parameters = crate::openapi_inputs::parameters(service, operation, parameter_object);
    if !parameters.is_empty() {
        object.insert("parameters".into(), Value::Array(parameters));
    }
    if let Some((schema, required)) = request_body(service, operation) {
        object.insert(
            "requestBody".into(),
            json!({ "required": required, "content": { "application/json": { "schema": schema } } }),
        );
    } else if let Some(inferred) = crate::openapi_inputs::request_body(service, operation) {
        object.insert("requestBody".into(), inferred);
    }

    let mut responses = Map::new();
    for declared in &operation.responses {
        let description = declared
            .schema
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("Declared in the blueprint.");
        responses.insert(
            declared.status.to_string(),
            json!({ "description": description, "content": { "application/json": { "schema": declared.schema } } }),
        );
    }
    if can_reject(service, operation) && !responses.contains_key("400") {
        responses.insert(
            "400".into(),
            json!({
                "description": "The request is malformed, or breaks the parameters or body the blueprint declares; `violations` lists each problem.",
                "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{INVALID_REQUEST_SCHEMA}") } } }
            }),
        );
    }
    // What the handler answers, when the blueprint does not say: its TypeScript return type,
    // else what its code was inferred to return.
    let typed: Vec<(u16, Value)> = export_types(service, operation)
        .map(|types| {
            types
                .responses
                .iter()
                .map(|response| (response.status, typed_response(response)))
                .collect()
        })
        .unwrap_or_default();
    let handler_answers: Vec<(u16, Value)> = if !typed.is_empty() {
        typed
    } else {
        inferred
            .map(|inferred| {
                inferred
                    .responses
                    .iter()
                    .map(|response| (response.status, inferred_response(response)))
                    .collect()
            })
            .unwrap_or_default()
    };
    if operation.responses.is_empty() && !handler_answers.is_empty() {
        for (status, answer) in handler_answers {
            let status = status.to_string();
            let combined = match responses.get(&status) {
                // The server itself may answer this status too (a 400 before the handler runs).
                Some(existing) => either_response(existing, &answer),
                None => answer,
            };
            responses.insert(status, combined);
        }
    } else if operation.responses.is_empty() {
        // Nothing declared and nothing inferred: an open schema says "any JSON" truthfully.
        responses.insert(
            "200".into(),
            json!({ "description": "The handler's response.", "content": { "application/json": { "schema": {} } } }),
        );
    }
    responses.insert(
        "default".into(),
        json!({
            "description": "An error: a malformed request (400, 413), a failing handler (500) or one past its time budget (504).",
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{ERROR_SCHEMA}") } } }
        }),
    );
    object.insert("responses".into(), Value::Object(responses));
    Value::Object(object)
}

fn parameter_object(parameter: &Parameter) -> Value {
    let mut schema = Map::new();
    schema.insert("type".into(), json!(parameter.kind.as_str()));
    if let Some(minimum) = parameter.minimum {
        schema.insert("minimum".into(), number(minimum));
    }
    if let Some(maximum) = parameter.maximum {
        schema.insert("maximum".into(), number(maximum));
    }
    if let Some(pattern) = &parameter.pattern {
        schema.insert("pattern".into(), json!(pattern));
    }
    if !parameter.allowed.is_empty() {
        schema.insert("enum".into(), Value::Array(parameter.allowed.clone()));
    }
    let mut object = Map::new();
    object.insert("name".into(), json!(parameter.name));
    object.insert("in".into(), json!(parameter.location.as_str()));
    object.insert(
        "required".into(),
        json!(parameter.required || parameter.location == ParamLocation::Path),
    );
    if let Some(description) = &parameter.description {
        object.insert("description".into(), json!(description));
    }
    object.insert("schema".into(), Value::Object(schema));
    Value::Object(object)
}

/// Whole numbers print without a fraction (`1`, not `1.0`).
pub(crate) fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// The first sentence of a description, without Markdown backticks.
fn summary(description: &str) -> String {
    let first = description.split(". ").next().unwrap_or(description);
    first.trim_end_matches('.').replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_made_of_words() {
        assert_eq!(identifier("GET /posts/{id}"), "GET_posts_id");
        assert_eq!(identifier("comments"), "comments");
    }

    #[test]
    fn summaries_take_the_first_sentence() {
        assert_eq!(summary("List tasks. Filter with `done`."), "List tasks");
    }
}
