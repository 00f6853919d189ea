//! The 429 of rate-limited operations in the OpenAPI document: every operation when the
//! service declares `rate_limit:`, else those whose endpoint declares one and the generated
//! operations of a resource that declares one. The answer names
//! `Retry-After` and the RateLimit fields (draft-ietf-httpapi-ratelimit-headers-11) it carries.

use backworks_ir::Service;
use serde_json::{Map, Value, json};

use crate::openapi::ERROR_SCHEMA;

/// Adds a `429` to each limited operation of `paths`.
pub(crate) fn document_limits(service: &Service, paths: &mut Map<String, Value>) {
    let global = service.transport.rate_limit.is_some();
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            let own = service
                .routes
                .iter()
                .filter(|route| route.path.to_string() == *path)
                .flat_map(|route| &route.operations)
                .find(|op| op.method.as_str().eq_ignore_ascii_case(method))
                .is_some_and(|op| op.rate_limit.is_some());
            let resource = path
                .strip_prefix('/')
                .map(|rest| rest.strip_suffix("/{id}").unwrap_or(rest))
                .is_some_and(|name| {
                    service
                        .transport
                        .resource_limits
                        .iter()
                        .any(|limited| limited.resource == name)
                })
                && !service
                    .routes
                    .iter()
                    .any(|route| route.path.to_string() == *path);
            if !(global || own || resource) {
                continue;
            }
            if let Some(responses) = operation
                .get_mut("responses")
                .and_then(Value::as_object_mut)
            {
                responses.entry("429").or_insert_with(too_many_requests);
            }
        }
    }
}

fn too_many_requests() -> Value {
    let header =
        |description: &str| json!({ "description": description, "schema": { "type": "string" } });
    json!({
        "description": "Too many requests: the caller is over a rate limit.",
        "headers": {
            "Retry-After": {
                "description": "Seconds until a request may be admitted again.",
                "schema": { "type": "integer", "minimum": 1 }
            },
            "RateLimit-Policy": header("The limits that apply, e.g. `\"global\";q=300;w=60`."),
            "RateLimit": header("What is left of each, e.g. `\"global\";r=0;t=12`.")
        },
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{ERROR_SCHEMA}") } } }
    })
}
