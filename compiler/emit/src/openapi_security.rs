//! Identity in the OpenAPI document: the `bearerAuth` scheme (with `jwt` or `users`), the
//! `apiKeyAuth` scheme (with `api_keys`) and, on every operation, who may call it — declared
//! endpoints by their `Access`, the resources' generated operations by `Auth::resources` —
//! with the 401 and 403 answers the server gives before any handler runs. With `api_keys`,
//! the key administration routes (`/_backworks/api-keys`) are documented too.
//!
//! ```text
//! auth: none                 ─▶ "security": []
//! auth: optional             ─▶ "security": [{"bearerAuth": []}, {"apiKeyAuth": []}, {}]   + 401
//! auth: required, roles: [a] ─▶ "security": [{"bearerAuth": ["a"]}, {"apiKeyAuth": ["a"]}] + 401, 403
//! ```
//!
//! Each requirement object is one alternative: a bearer token *or* an API key (a request
//! sending both is refused). OpenAPI 3.1 lets a non-OAuth scheme list role names in its
//! requirement, which is how the roles are documented. A service without `auth:` keeps the
//! document's `"security": []`.

use backworks_ir::{Access, ApiKeys, Auth, CrudOperation, Service};
use serde_json::{Map, Value, json};

use crate::openapi::ERROR_SCHEMA;

/// The bearer scheme's name in `components.securitySchemes`.
const SCHEME: &str = "bearerAuth";
/// The API key scheme's name in `components.securitySchemes`.
const API_KEY_SCHEME: &str = "apiKeyAuth";
/// The scheme of an API key sent as a query parameter (`auth.api_keys.query`).
const API_KEY_QUERY_SCHEME: &str = "apiKeyQuery";
/// The operator's bootstrap token's scheme, accepted by the key administration routes only.
const ADMIN_TOKEN_SCHEME: &str = "adminToken";
/// Where the key administration routes are served (`runtime-lib/src/auth/api_keys_routes.rs`).
const API_KEYS_PATH: &str = "/_backworks/api-keys";

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
    let schemes = schemes(auth);
    let mut definitions = Map::new();
    if schemes.contains(&SCHEME) {
        definitions.insert(
            SCHEME.into(),
            json!({
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "JWT",
                "description": "A JWT from the service's identity provider, sent as `Authorization: Bearer <token>`."
            }),
        );
    }
    if let Some(api_keys) = &auth.api_keys {
        definitions.insert(
            API_KEY_SCHEME.into(),
            json!({
                "type": "apiKey",
                "in": "header",
                "name": api_keys.header,
                "description": "An API key an admin issued (`POST /_backworks/api-keys`), sent in this header. A request with both a key and a bearer token is refused."
            }),
        );
        if let Some(parameter) = &api_keys.query {
            definitions.insert(
                API_KEY_QUERY_SCHEME.into(),
                json!({
                    "type": "apiKey",
                    "in": "query",
                    "name": parameter,
                    "description": "The same API key, sent as this query parameter instead of the header (the server removes it before logging). A request carrying the key twice, or a key and a bearer token, is refused."
                }),
            );
        }
    }
    if auth
        .api_keys
        .as_ref()
        .is_some_and(|api_keys| api_keys.admin_token_variable.is_some())
    {
        definitions.insert(
            ADMIN_TOKEN_SCHEME.into(),
            json!({
                "type": "http",
                "scheme": "bearer",
                "description": "The operator's token (`auth.api_keys.admin_token`, from the environment), accepted by the API key routes only, to issue the first keys."
            }),
        );
    }
    components.insert("securitySchemes".into(), Value::Object(definitions));
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
            let ruled = Access::Optional;
            let access = match declared {
                Some(op) => &op.access,
                // A generated operation with a record rule admits anonymous callers too; the
                // rule decides (as the server's `crud_access` does).
                None if governed_by_rule(service, path, method) => &ruled,
                None => &auth.resources,
            };
            if let Some(operation) = operation.as_object_mut() {
                describe(operation, access, &schemes);
            }
        }
    }
    if let Some(api_keys) = &auth.api_keys {
        add_api_key_routes(paths, api_keys, &schemes);
    }
    Value::Array(
        schemes
            .iter()
            .map(|scheme| json!({ *scheme: [] }))
            .collect(),
    )
}

/// Whether `method` on `path` is a generated CRUD operation of a resource with a record rule
/// for it (`/{name}`: list and create; `/{name}/{id}`: get, update and delete).
fn governed_by_rule(service: &Service, path: &str, method: &str) -> bool {
    let Some(name) = path.strip_prefix('/') else {
        return false;
    };
    let (name, item) = match name.strip_suffix("/{id}") {
        Some(name) => (name, true),
        None => (name, false),
    };
    let Some(resource) = service.resources.iter().find(|r| r.name == name) else {
        return false;
    };
    let operation = match (method, item) {
        ("get", false) => CrudOperation::List,
        ("post", false) => CrudOperation::Create,
        ("get", true) => CrudOperation::Get,
        ("patch" | "put", true) => CrudOperation::Update,
        ("delete", true) => CrudOperation::Delete,
        _ => return false,
    };
    resource.rules.of(operation).is_some()
}

/// The schemes a caller may use, each one alternative.
fn schemes(auth: &Auth) -> Vec<&'static str> {
    let mut schemes = Vec::new();
    if auth.jwt.is_some() || auth.users.is_some() {
        schemes.push(SCHEME);
    }
    if let Some(api_keys) = &auth.api_keys {
        schemes.push(API_KEY_SCHEME);
        if api_keys.query.is_some() {
            schemes.push(API_KEY_QUERY_SCHEME);
        }
    }
    schemes
}

/// Sets one operation's `security` and documents the answers its access rule adds.
fn describe(operation: &mut Map<String, Value>, access: &Access, schemes: &[&str]) {
    let alternatives = |roles: &[String]| -> Vec<Value> {
        schemes
            .iter()
            .map(|scheme| json!({ *scheme: roles }))
            .collect()
    };
    let security = match access {
        Access::Public => json!([]),
        Access::Optional => {
            let mut anyone = alternatives(&[]);
            anyone.push(json!({}));
            Value::Array(anyone)
        }
        Access::Required { roles } => Value::Array(alternatives(roles)),
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
            let description = if schemes.contains(&API_KEY_QUERY_SCHEME) {
                "No valid credentials: a missing, malformed, expired, not yet valid, badly signed or foreign bearer token; an unknown, revoked or expired API key; a key sent twice (header and query); or both a token and a key."
            } else if schemes.contains(&API_KEY_SCHEME) {
                "No valid credentials: a missing, malformed, expired, not yet valid, badly signed or foreign bearer token; an unknown, revoked or expired API key; or both a token and a key."
            } else {
                "No valid bearer token: missing, malformed, expired, not yet valid, badly signed, or for another issuer or audience."
            };
            refusal(description, true)
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

/// The key administration routes: admins (or the operator's token) create, list and revoke
/// keys. The key itself appears once, in the creation's answer.
fn add_api_key_routes(paths: &mut Map<String, Value>, api_keys: &ApiKeys, schemes: &[&str]) {
    let error = || json!({ "$ref": format!("#/components/schemas/{ERROR_SCHEMA}") });
    let summary = json!({
        "type": "object",
        "required": ["id", "name", "roles", "created_at", "expires_at", "revoked_at", "last_used_at"],
        "properties": {
            "id": { "type": "string", "format": "uuid" },
            "name": { "type": "string" },
            "roles": { "type": "array", "items": { "type": "string" } },
            "created_at": { "type": "string", "format": "date-time" },
            "expires_at": { "type": ["string", "null"], "format": "date-time" },
            "revoked_at": { "type": ["string", "null"], "format": "date-time" },
            "last_used_at": {
                "type": ["string", "null"],
                "format": "date-time",
                "description": "When the key last admitted a request, to within a minute."
            }
        }
    });
    let mut created = summary.clone();
    if let Some(required) = created["required"].as_array_mut() {
        required.push(json!("key"));
    }
    created["properties"]["key"] = json!({
        "type": "string",
        "description": format!("The key, shown this once: send it in the `{}` header.", api_keys.header)
    });
    // The operator's token is one more way in, for these routes only.
    let mut admin_schemes = schemes.to_vec();
    if api_keys.admin_token_variable.is_some() {
        admin_schemes.push(ADMIN_TOKEN_SCHEME);
    }
    let admin = |mut operation: Value| {
        if let Some(map) = operation.as_object_mut() {
            let admins = Access::Required {
                roles: vec!["admin".into()],
            };
            describe(map, &admins, &admin_schemes);
        }
        operation
    };
    let unavailable = json!({
        "description": "The database cannot be reached; try again after `Retry-After` seconds.",
        "content": { "application/json": { "schema": error() } }
    });
    paths.insert(
        API_KEYS_PATH.into(),
        json!({
            "post": admin(json!({
                "operationId": "createApiKey",
                "summary": "Issue an API key",
                "description": "Admins only (role `admin`, or the operator's `auth.api_keys.admin_token` as a bearer token). The answer holds the key; only its SHA-256 is stored, so it cannot be shown again.",
                "tags": ["_backworks"],
                "requestBody": {
                    "required": true,
                    "content": { "application/json": { "schema": {
                        "type": "object",
                        "required": ["name"],
                        "additionalProperties": false,
                        "properties": {
                            "name": { "type": "string", "minLength": 1, "maxLength": 200 },
                            "roles": { "type": "array", "items": { "type": "string", "minLength": 1 } },
                            "expires_at": { "type": ["string", "null"], "format": "date-time" }
                        }
                    } } }
                },
                "responses": {
                    "201": { "description": "The new key.", "content": { "application/json": { "schema": created } } },
                    "400": { "description": "The body is not a valid key request.", "content": { "application/json": { "schema": error() } } },
                    "503": unavailable.clone()
                }
            })),
            "get": admin(json!({
                "operationId": "listApiKeys",
                "summary": "List the API keys",
                "description": "Admins only. Keys and their hashes are never listed.",
                "tags": ["_backworks"],
                "responses": {
                    "200": { "description": "Every key, revoked and expired ones included.", "content": { "application/json": { "schema": {
                        "type": "object",
                        "required": ["items"],
                        "properties": { "items": { "type": "array", "items": summary } }
                    } } } },
                    "503": unavailable.clone()
                }
            }))
        }),
    );
    paths.insert(
        format!("{API_KEYS_PATH}/{{id}}"),
        json!({
            "delete": admin(json!({
                "operationId": "revokeApiKey",
                "summary": "Revoke an API key",
                "description": "Admins only. The key is refused from the next request on.",
                "tags": ["_backworks"],
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
                "responses": {
                    "204": { "description": "Revoked (revoking a revoked key changes nothing)." },
                    "404": { "description": "No key has this id.", "content": { "application/json": { "schema": error() } } },
                    "503": unavailable
                }
            }))
        }),
    );
}
