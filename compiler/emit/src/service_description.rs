//! `dashboard/service.json`: the service as compiled, for the dashboard's pages (endpoints,
//! configuration, sign-in). Read only from the IR and the handler sources; it never holds a
//! secret or an environment value — secrets are named by variables in the blueprint, and not
//! even those names are written here, nor the database URL.
//!
//! ```text
//! { "name": "notes-auth", "version": "0.1.0",
//!   "sign_in": "accounts" | "token" | "local" ,
//!   "routes": [{ "method": "GET", "path": "/me", "endpoint": "me", "kind": "endpoint",
//!                "auth": "required", "roles": [], "parameters": [...], "handler": 0 }, …],
//!   "resources": [{ "name": "notes", "fields": [...], "rules": { "list": "record.owner == …" } }],
//!   "limits": {...}, "handlers": [{ "file": "handlers/me.js", "inline": false, "source": "…" }] }
//! ```

use backworks_ir::{Access, CrudOperation, FieldType, HandlerOrigin, Service};
use backworks_js::HandlerSource;
use serde_json::{Map, Value, json};

/// The description, pretty-printed with a final newline (byte-stable for a given input).
pub(crate) fn service_json(
    service: &Service,
    handlers: &[HandlerSource],
    blueprint_name: &str,
) -> String {
    let description = json!({
        "name": service.name,
        "version": service.version,
        "description": service.description,
        "sign_in": sign_in(service),
        "routes": routes(service),
        "resources": resources(service),
        "limits": limits(service),
        "handlers": handler_files(service, handlers, blueprint_name),
        "theme": crate::workflows_description::theme(service),
        "workflows": crate::workflows_description::workflows(service),
    });
    serde_json::to_string_pretty(&description).unwrap_or_default() + "\n"
}

/// How a person opens the dashboard: built-in accounts (`/auth/login`, admin role), another
/// identity provider's token, the `dashboard.auth` token, or only from this machine. The
/// order is the monitor's access rule (`runtime-lib/src/monitor/access.rs`).
fn sign_in(service: &Service) -> &'static str {
    match &service.auth {
        Some(auth) if auth.users.is_some() => "accounts",
        Some(_) => "bearer",
        None if service.dashboard.auth_variable.is_some() => "token",
        None => "local",
    }
}

fn access(access: &Access) -> (&'static str, Vec<String>) {
    match access {
        Access::Public => ("public", Vec::new()),
        Access::Optional => ("optional", Vec::new()),
        Access::Required { roles } => ("required", roles.clone()),
    }
}

fn routes(service: &Service) -> Vec<Value> {
    let mut routes = Vec::new();
    for route in &service.routes {
        for operation in &route.operations {
            let (auth, roles) = access(&operation.access);
            let parameters: Vec<Value> = operation
                .parameters
                .iter()
                .map(|parameter| {
                    json!({
                        "name": parameter.name,
                        "in": parameter.location.as_str(),
                        "type": parameter.kind.as_str(),
                        "required": parameter.required,
                        "description": parameter.description,
                    })
                })
                .collect();
            routes.push(json!({
                "method": operation.method.as_str(),
                "path": route.path.to_string(),
                "endpoint": operation.endpoint,
                "kind": "endpoint",
                "description": operation.description,
                "auth": auth,
                "roles": roles,
                "parameters": parameters,
                "rate_limit": operation.rate_limit.as_ref().map(|limit| {
                    format!("{} per {} s", limit.requests, limit.per_s)
                }),
                "handler": operation.handler.0,
            }));
        }
    }
    for resource in &service.resources {
        for operation in &resource.operations {
            let (methods, path): (&[&str], String) = match operation {
                CrudOperation::List => (&["GET"], format!("/{}", resource.name)),
                CrudOperation::Create => (&["POST"], format!("/{}", resource.name)),
                CrudOperation::Get => (&["GET"], format!("/{}/{{id}}", resource.name)),
                CrudOperation::Update => (&["PATCH", "PUT"], format!("/{}/{{id}}", resource.name)),
                CrudOperation::Delete => (&["DELETE"], format!("/{}/{{id}}", resource.name)),
            };
            let rule = rule_text(resource, *operation);
            let id_type = match resource.id {
                backworks_ir::IdStrategy::Integer => "integer",
                backworks_ir::IdStrategy::Uuid => "string",
            };
            let (auth, roles) = match (&service.auth, &rule) {
                (None, _) => ("public", Vec::new()),
                (Some(_), Some(_)) => ("rule", Vec::new()),
                (Some(auth), None) => access(&auth.resources),
            };
            for method in methods {
                routes.push(json!({
                    "method": method,
                    "path": path,
                    "endpoint": format!("{}.{}", resource.name, operation.as_str()),
                    "kind": "resource",
                    "description": resource.description,
                    "auth": auth,
                    "roles": roles,
                    "rule": rule,
                    "parameters": if path.ends_with("{id}") {
                        vec![json!({ "name": "id", "in": "path", "type": id_type, "required": true })]
                    } else {
                        Vec::new()
                    },
                }));
            }
        }
    }
    routes.extend(platform_routes(service));
    routes
}

/// The routes the platform adds for `auth:` (built-in accounts, API keys), as the runtime
/// mounts them (`runtime-lib/src/auth/users/routes.rs`, `auth/api_keys_routes.rs`).
fn platform_routes(service: &Service) -> Vec<Value> {
    let Some(auth) = &service.auth else {
        return Vec::new();
    };
    let mut routes: Vec<(&str, &str, &str, &str, &[&str])> = Vec::new();
    if auth.users.is_some() {
        routes.extend([
            (
                "POST",
                "/auth/register",
                "Creates an account.",
                "public",
                &[][..],
            ),
            (
                "POST",
                "/auth/login",
                "Email and password to tokens.",
                "public",
                &[],
            ),
            (
                "POST",
                "/auth/refresh",
                "A refresh token to a new pair.",
                "public",
                &[],
            ),
            (
                "POST",
                "/auth/logout",
                "Revokes a refresh token.",
                "public",
                &[],
            ),
            ("GET", "/auth/me", "The signed-in account.", "required", &[]),
            (
                "PATCH",
                "/auth/users/{id}",
                "Sets an account's roles.",
                "required",
                &["admin"],
            ),
        ]);
    }
    if auth.api_keys.is_some() {
        routes.extend([
            (
                "GET",
                "/_backworks/api-keys",
                "The issued API keys.",
                "required",
                &["admin"][..],
            ),
            (
                "POST",
                "/_backworks/api-keys",
                "Issues an API key.",
                "required",
                &["admin"],
            ),
        ]);
    }
    routes
        .into_iter()
        .map(|(method, path, description, auth, roles)| {
            let parameters: Vec<Value> = if path.ends_with("{id}") {
                vec![json!({ "name": "id", "in": "path", "type": "string", "required": true })]
            } else {
                Vec::new()
            };
            json!({
                "method": method,
                "path": path,
                "endpoint": path.trim_start_matches('/'),
                "kind": "platform",
                "description": description,
                "auth": auth,
                "roles": roles,
                "parameters": parameters,
            })
        })
        .collect()
}

fn rule_text(resource: &backworks_ir::Resource, operation: CrudOperation) -> Option<String> {
    let rules = &resource.rules;
    let rule = match operation {
        CrudOperation::List => &rules.list,
        CrudOperation::Get => &rules.get,
        CrudOperation::Create => &rules.create,
        CrudOperation::Update => &rules.update,
        CrudOperation::Delete => &rules.delete,
    };
    rule.as_ref().map(|rule| rule.text.clone())
}

fn resources(service: &Service) -> Vec<Value> {
    service
        .resources
        .iter()
        .map(|resource| {
            let fields: Vec<Value> = resource
                .fields
                .iter()
                .map(|field| {
                    json!({
                        "name": field.name,
                        "type": field_type(&field.kind),
                        "required": field.required,
                        "unique": field.unique,
                        "constraints": field.constraints,
                        "description": field.description,
                    })
                })
                .collect();
            let mut rules = Map::new();
            for operation in CrudOperation::ALL {
                if let Some(text) = rule_text(resource, operation) {
                    rules.insert(operation.as_str().to_owned(), text.into());
                }
            }
            json!({
                "name": resource.name,
                "description": resource.description,
                "fields": fields,
                "timestamps": resource.timestamps,
                "search": resource.search,
                "operations": resource.operations.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
                "rules": rules,
            })
        })
        .collect()
}

/// `string`, `enum(a | b)`, `array<integer>`, `ref(authors)`.
fn field_type(kind: &FieldType) -> String {
    match kind {
        FieldType::String => "string".into(),
        FieldType::Text => "text".into(),
        FieldType::Integer => "integer".into(),
        FieldType::Number => "number".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::Datetime => "datetime".into(),
        FieldType::Date => "date".into(),
        FieldType::Json => "json".into(),
        FieldType::Enum { values } => format!("enum({})", values.join(" | ")),
        FieldType::Array { items } => format!(
            "array<{}>",
            serde_json::to_value(items)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ),
        FieldType::Ref { to, .. } => format!("ref({to})"),
    }
}

fn limits(service: &Service) -> Value {
    let transport = &service.transport;
    json!({
        "body_size_bytes": service.limits.body_size,
        "timeout_ms": service.limits.timeout_ms,
        "rate_limit": transport.rate_limit.as_ref().map(|limit| {
            format!("{} per {} s", limit.requests, limit.per_s)
        }),
        "connections_per_ip": transport.connections_per_ip,
        "header_timeout_ms": transport.header_timeout_ms,
        "hsts": transport.hsts,
        "cors": transport.cors.is_some(),
    })
}

/// Each handler module's source; an inline one is named by the blueprint and its endpoint.
fn handler_files(
    service: &Service,
    handlers: &[HandlerSource],
    blueprint_name: &str,
) -> Vec<Value> {
    service
        .handlers
        .iter()
        .zip(handlers)
        .enumerate()
        .map(|(index, (module, source))| {
            let file = match module.origin {
                HandlerOrigin::File(_) => source.path.display().to_string().replace('\\', "/"),
                HandlerOrigin::Inline(_) => {
                    let endpoint = service
                        .routes
                        .iter()
                        .flat_map(|route| &route.operations)
                        .find(|operation| operation.handler.0 == index)
                        .map_or("", |operation| operation.endpoint.as_str());
                    format!("{blueprint_name} (inline, endpoint {endpoint})")
                }
            };
            json!({
                "file": file,
                "inline": matches!(module.origin, HandlerOrigin::Inline(_)),
                "source": source.text,
            })
        })
        .collect()
}
