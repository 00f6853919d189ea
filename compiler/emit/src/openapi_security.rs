//! Identity in the OpenAPI document: the `bearerAuth` scheme and, on every operation, who
//! may call it — declared endpoints by their `Access`, the resources' generated operations by
//! `Auth::resources` — with the 401 and 403 answers the server gives before any handler runs.
//!
//! ```text
//! auth: none                 ─▶ "security": []
//! auth: optional             ─▶ "security": [{"bearerAuth": []}, {}]          + 401
//! auth: required, roles: [a] ─▶ "security": [{"bearerAuth": ["a"]}]          + 401, 403
//! ```
//!
//! OpenAPI 3.1 lets a non-OAuth scheme list role names in its requirement, which is how the
//! roles are documented. A service without `auth:` keeps the document's `"security": []`.

use backworks_ir::{Access, Service};
use serde_json::{Map, Value, json};

use crate::openapi::ERROR_SCHEMA;

/// The security scheme's name in `components.securitySchemes`.
const SCHEME: &str = "bearerAuth";

/// The document's top-level `security`, after adding each operation's own and, with `auth:`,
/// the scheme to `components`.
pub(crate) fn secure(
    service: &Service,
    paths: &mut Map<String, Value>,
    components: &mut Map<String, Value>,
) -> Value {
    let Some(auth) = &service.auth else {
        // No authentication: said explicitly.
        return json!([]);
    };
    components.insert(
        "securitySchemes".into(),
        json!({
            SCHEME: {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "JWT",
                "description": "A JWT from the service's identity provider, sent as `Authorization: Bearer <token>`."
            }
        }),
    );
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            let declared = service
                .routes
                .iter()
                .filter(|route| route.path.to_string() == *path)
                .flat_map(|route| &route.operations)
                .find(|op| op.method.as_str().eq_ignore_ascii_case(method));
            let access = declared.map_or(&auth.resources, |op| &op.access);
            if let Some(operation) = operation.as_object_mut() {
                describe(operation, access);
            }
        }
    }
    json!([{ SCHEME: [] }])
}

/// Sets one operation's `security` and documents the answers its access rule adds.
fn describe(operation: &mut Map<String, Value>, access: &Access) {
    let security = match access {
        Access::Public => json!([]),
        Access::Optional => json!([{ SCHEME: [] }, {}]),
        Access::Required { roles } => json!([{ SCHEME: roles }]),
    };
    operation.insert("security".into(), security);
    let Some(responses) = operation
        .get_mut("responses")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    if *access != Access::Public {
        responses.entry("401").or_insert_with(|| {
            refusal(
                "No valid bearer token: missing, malformed, expired, not yet valid, badly signed, or for another issuer or audience.",
                true,
            )
        });
    }
    if matches!(access, Access::Required { roles } if !roles.is_empty()) {
        responses.entry("403").or_insert_with(|| {
            refusal(
                "The caller holds none of the roles this operation requires.",
                false,
            )
        });
    }
}

fn refusal(description: &str, challenge: bool) -> Value {
    let mut response = json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{ERROR_SCHEMA}") } } }
    });
    if challenge {
        response["headers"] = json!({
            "WWW-Authenticate": {
                "description": "`Bearer`, with `error=\"invalid_token\"` when a token was sent and refused (RFC 6750).",
                "schema": { "type": "string" }
            }
        });
    }
    response
}
