//! The request inputs a handler's code was inferred to read and require
//! (`HandlerModule::inputs`), placed in the document where the blueprint and the TypeScript
//! annotations say nothing: a path parameter declared as any text, a query parameter the
//! blueprint does not list, a JSON body that neither declares.
//!
//! ```text
//! GET /tasks/{id}, handler: parseInt(id) ≥ 1 else 400   ──▶  {"name":"id","in":"path","required":true,
//!                                                            "schema":{"type":"string","pattern":"^…"},
//!                                                            "x-backworks-inferred":true}
//! ```
//!
//! Each inferred parameter and body carries `x-backworks-inferred: true`: it documents the
//! handler, which answers its own refusals, so the server's validator skips it (an enforced
//! 400 would pre-empt the handler's answer and change what it sends).

use backworks_ir::{ExportInputs, Method, Operation, ParamLocation, ParamType, Parameter, Service};
use serde_json::{Map, Value, json};

/// The extension marking what inference added.
pub(crate) const INFERRED: &str = "x-backworks-inferred";

/// The inferred inputs of the export serving `operation`: its per-method export, else the
/// module's default handler.
fn export_inputs<'a>(service: &'a Service, operation: &Operation) -> Option<&'a ExportInputs> {
    let exports = &service.handlers.get(operation.handler.0)?.inputs.exports;
    exports
        .iter()
        .find(|export| export.method == Some(operation.method))
        .or_else(|| exports.iter().find(|export| export.method.is_none()))
}

/// Whether the export serving `operation` serves other operations too.
fn serves_several(service: &Service, operation: &Operation) -> bool {
    let Some(exports) = service
        .handlers
        .get(operation.handler.0)
        .map(|module| &module.inputs.exports)
    else {
        return false;
    };
    let own_export = |method: Method| exports.iter().any(|export| export.method == Some(method));
    let serving = |other: &Operation| {
        other.handler == operation.handler
            && (other.method == operation.method
                || !own_export(operation.method) && !own_export(other.method))
    };
    service
        .routes
        .iter()
        .flat_map(|route| &route.operations)
        .filter(|other| serving(other))
        .count()
        > 1
}

/// A declared parameter that says no more than "any text" (every undeclared path parameter).
fn says_nothing(parameter: &Parameter) -> bool {
    parameter.kind == ParamType::String
        && parameter.pattern.is_none()
        && parameter.minimum.is_none()
        && parameter.maximum.is_none()
        && parameter.allowed.is_empty()
}

/// The operation's parameter objects: the declared ones (`declared`, in order), a path
/// parameter declared as any text narrowed by inference, then the query parameters the
/// handler reads that the blueprint does not declare.
pub(crate) fn parameters(
    service: &Service,
    operation: &Operation,
    declared: impl Fn(&Parameter) -> Value,
) -> Vec<Value> {
    let inputs = export_inputs(service, operation);
    let inferred = |parameter: &Parameter| {
        inputs?.parameters.iter().find(|inferred| {
            inferred.location == parameter.location && inferred.name == parameter.name
        })
    };
    let mut objects: Vec<Value> = operation
        .parameters
        .iter()
        .map(|parameter| {
            let mut object = declared(parameter);
            if parameter.location == ParamLocation::Path
                && says_nothing(parameter)
                && let Some(found) = inferred(parameter)
                && found.schema != json!({ "type": "string" })
            {
                object["schema"] = found.schema.clone();
                object[INFERRED] = json!(true);
            }
            object
        })
        .collect();
    let shared = serves_several(service, operation);
    for found in inputs.map_or(&[][..], |inputs| &inputs.parameters) {
        let known = operation
            .parameters
            .iter()
            .any(|parameter| parameter.location == found.location && parameter.name == found.name);
        // A path parameter the route does not have is never sent.
        if known || found.location != ParamLocation::Query {
            continue;
        }
        // A handler serving several routes may read a parameter for one of them only: there,
        // only what it requires of every request is documented.
        let unconstrained = !found.required && found.schema == json!({ "type": "string" });
        if shared && unconstrained {
            continue;
        }
        let mut object = Map::new();
        object.insert("name".into(), json!(found.name));
        object.insert("in".into(), json!(found.location.as_str()));
        object.insert("required".into(), json!(found.required));
        object.insert("schema".into(), found.schema.clone());
        object.insert(INFERRED.into(), json!(true));
        objects.push(Value::Object(object));
    }
    objects
}

/// The request body object for an operation that declares none, from the members its handler
/// reads (methods that carry a body only).
pub(crate) fn request_body(service: &Service, operation: &Operation) -> Option<Value> {
    if !matches!(operation.method, Method::Post | Method::Put | Method::Patch) {
        return None;
    }
    let body = export_inputs(service, operation)?.body.as_ref()?;
    Some(json!({
        "required": body.required,
        "content": { "application/json": { "schema": body.schema } },
        INFERRED: true,
    }))
}
