//! `GET /_backworks/audit` in the OpenAPI document: the audit log the server keeps of every
//! write and identity event, readable by callers with the `admin` role. Documented exactly
//! when the server mounts it — the service has a database and declares `auth:` — and after
//! `openapi_security.rs` has run, since its access (`admin` only) is not the resources'.
//!
//! ```text
//! database + auth ─▶ paths["/_backworks/audit"].get  (filters, limit/after, 200 page, 400, 401, 403)
//! otherwise       ─▶ nothing (the route does not exist)
//! ```
//!
//! Parameter patterns are never wider than what the runtime's `AuditQuery::parse` accepts
//! (`runtime-lib/src/storage/audit/read.rs`), so a request the document admits is answered.
//! The tests also check the other thing the emitter does for the log: `main.rs` setting
//! `audit.retain` before serving (`server.rs`).

use backworks_ir::Service;
use serde_json::{Map, Value, json};

use crate::openapi::{ERROR_SCHEMA, INVALID_REQUEST_SCHEMA};
use crate::openapi_resources::Names;

/// Where the server serves the log.
const AUDIT_PATH: &str = "/_backworks/audit";

/// The role the route requires.
const READER_ROLE: &str = "admin";

/// The security scheme `openapi_security.rs` declares.
const SCHEME: &str = "bearerAuth";

/// Adds the route to `paths` when the server mounts it.
pub(crate) fn add_audit(
    service: &Service,
    paths: &mut Map<String, Value>,
    operation_ids: &mut Names,
) {
    if service.database.is_none() || service.auth.is_none() {
        return;
    }
    let text = |name: &str, description: &str| {
        json!({
            "name": name, "in": "query", "required": false, "description": description,
            "schema": { "type": "string", "maxLength": 512, "pattern": "^[^\\u0000]*$" }
        })
    };
    let instant = |name: &str, description: &str| {
        json!({
            "name": name, "in": "query", "required": false, "description": description,
            "schema": { "type": "string", "pattern": crate::openapi_list_grammar::instant_pattern() }
        })
    };
    let error = |description: &str, schema: &str| {
        json!({
            "description": description,
            "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } }
        })
    };
    let operation = json!({
        "operationId": operation_ids.fresh("backworks_audit"),
        "summary": "Read the audit log",
        "description": "Every write to the service's data (generated routes, `ctx.db`, raw SQL) and every identity event (login, failed login, registration, API key created or revoked, roles changed), newest first. Append-only: no operation changes or removes an entry. Secrets are never recorded.",
        "security": [{ SCHEME: [READER_ROLE] }],
        "parameters": [
            text("actor", "The acting user's or key's id."),
            {
                "name": "actor_kind", "in": "query", "required": false,
                "description": "What kind of caller acted.",
                "schema": { "type": "string", "enum": ["user", "key", "anonymous", "system"] }
            },
            text("action", "What was done: `create`, `update`, `delete`, `sql`, `login`, `login_failed`, `register`, `key_created`, `key_revoked`, `role_changed`."),
            text("resource", "The resource concerned."),
            text("record", "The record's id."),
            instant("since", "Entries at or after this instant."),
            instant("until", "Entries before this instant."),
            text("request_id", "The `x-request-id` of the request that made the entry."),
            {
                "name": "limit", "in": "query", "required": false,
                "description": "How many entries, at most.",
                "schema": { "type": "integer", "minimum": 1, "maximum": 500, "default": 50 }
            },
            {
                "name": "after", "in": "query", "required": false,
                "description": "The `next` of the previous page: entries older than it.",
                "schema": { "type": "string", "pattern": "^[1-9][0-9]{0,17}$" }
            }
        ],
        "responses": {
            "200": {
                "description": "A page of entries, newest first.",
                "content": { "application/json": { "schema": page_schema() } }
            },
            "400": error("A filter is malformed; `violations` names each.", INVALID_REQUEST_SCHEMA),
            "401": {
                "description": "No valid bearer token.",
                "headers": { "WWW-Authenticate": { "schema": { "type": "string" } } },
                "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{ERROR_SCHEMA}") } } }
            },
            "403": error("The caller does not hold the `admin` role.", ERROR_SCHEMA),
            "503": error("The database cannot be reached; try again.", ERROR_SCHEMA)
        }
    });
    paths.insert(AUDIT_PATH.into(), json!({ "get": operation }));
}

/// `{ items: [entry…], next }`.
fn page_schema() -> Value {
    let optional_text = || json!({ "type": ["string", "null"] });
    json!({
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "at", "actor", "action", "resource", "record", "changed", "request_id", "ip"],
                    "properties": {
                        "id": { "type": "integer", "description": "The entry's position in the log; only grows." },
                        "at": { "type": "string", "format": "date-time" },
                        "actor": {
                            "type": "object",
                            "required": ["kind", "id"],
                            "properties": {
                                "kind": { "type": "string", "enum": ["user", "key", "anonymous", "system"] },
                                "id": optional_text()
                            }
                        },
                        "action": { "type": "string" },
                        "resource": optional_text(),
                        "record": optional_text(),
                        "changed": {
                            "description": "A create's or delete's fields and values; an update's changed fields as `{from, to}`; raw SQL's `statement`. Fields named like secrets are left out; long values are cut.",
                            "type": ["object", "null"]
                        },
                        "request_id": optional_text(),
                        "ip": optional_text()
                    }
                }
            },
            "next": {
                "type": ["string", "null"],
                "description": "Pass as `after` for the next (older) page; null on the last."
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use backworks_ir::{Access, Auth};

    use crate::fixtures::{resource, service_with};

    fn audit_operation(service: &backworks_ir::Service) -> Option<serde_json::Value> {
        let document = crate::openapi::document(service, &[]);
        document["paths"].get(super::AUDIT_PATH).cloned()
    }

    #[test]
    fn documented_for_admins_when_the_service_has_data_and_auth() {
        let mut service = service_with(vec![resource("books", Vec::new())], None);
        assert_eq!(audit_operation(&service), None, "no auth: no route");
        service.auth = Some(Auth {
            jwt: None,
            users: None,
            api_keys: None,
            resources: Access::Required { roles: Vec::new() },
        });
        let item = audit_operation(&service).expect("documented");
        let operation = &item["get"];
        assert_eq!(item.as_object().map(|item| item.len()), Some(1), "GET only");
        assert_eq!(
            operation["security"],
            serde_json::json!([{"bearerAuth": ["admin"]}])
        );
        let names: Vec<&str> = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|parameter| parameter["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "actor",
                "actor_kind",
                "action",
                "resource",
                "record",
                "since",
                "until",
                "request_id",
                "limit",
                "after"
            ]
        );
        service.database = None;
        assert_eq!(audit_operation(&service), None, "no data: no route");
    }
}

#[cfg(test)]
mod retention_tests {
    use backworks_ir::AuditLog;

    use crate::fixtures::{resource, service_with};

    fn main_rs(service: &backworks_ir::Service) -> String {
        let tokens = crate::server::main_rs(service, &[]);
        crate::format_rust_file(tokens, "backworks.yaml").expect("main.rs parses")
    }

    #[test]
    fn main_sets_the_retention_before_serving() {
        let mut service = service_with(vec![resource("books", Vec::new())], None);
        assert!(!main_rs(&service).contains("audit::retain"));
        service.audit = Some(AuditLog {
            retain_ms: Some(7_776_000_000),
        });
        let main = main_rs(&service);
        // prettyplease may break the call over lines; compare without whitespace.
        let flat: String = main.split_whitespace().collect();
        let retain = flat
            .find("storage::audit::retain(std::time::Duration::from_millis(7776000000u64")
            .unwrap_or_else(|| panic!("main.rs sets the retention:\n{main}"));
        let serve = flat
            .find("backworks_runtime::http::serve(&SERVICE)")
            .unwrap();
        assert!(retain < serve, "{main}");
    }
}
