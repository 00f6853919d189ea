//! What the OpenAPI document says about the opt-in access options, compiled with the real
//! pipeline (no server needed): an API key accepted in a query parameter is its own `apiKey`
//! scheme (`in: query`) beside the header's, on every secured operation; a resource's own
//! `rate_limit` puts a 429 on its generated operations only.

use std::sync::OnceLock;

use backworks_tests::{compile, workspace_root};
use serde_json::{Value, json};

const BLUEPRINT: &str = r#"
name: access-document
auth:
  api_keys: { header: x-api-key, query: api_key, admin_token: "${BACKWORKS_ADMIN_TOKEN}" }
resources:
  notes:
    fields: { title: { type: string } }
    endpoints: true
    rate_limit: { requests: 10, per: 1m, by: key }
  tags:
    fields: { name: { type: string } }
    endpoints: [list]
endpoints:
  - path: /report
    handler: |
      function handler() { return { body: "ok" }; }
"#;

/// The document, compiled once: both tests read it, and each compiling into the same folder
/// at once would race (one removing what the other is writing).
fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(compile_document)
}

fn compile_document() -> Value {
    let project = workspace_root().join("target/e2e/access-document");
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(&project).expect("a project folder");
    std::fs::write(project.join("backworks.yaml"), BLUEPRINT).expect("write the blueprint");
    let compiled = compile(&project).unwrap_or_else(|diagnostics| panic!("{diagnostics}"));
    serde_json::from_str(compiled.tree.get("openapi.json").expect("a document")).expect("JSON")
}

#[test]
fn a_query_key_is_a_scheme_of_its_own() {
    let document = document();
    let schemes = &document["components"]["securitySchemes"];
    assert_eq!(schemes["apiKeyQuery"]["type"], "apiKey");
    assert_eq!(schemes["apiKeyQuery"]["in"], "query");
    assert_eq!(schemes["apiKeyQuery"]["name"], "api_key");
    assert_eq!(schemes["apiKeyAuth"]["in"], "header");
    assert_eq!(
        document["paths"]["/report"]["get"]["security"],
        json!([{ "apiKeyAuth": [] }, { "apiKeyQuery": [] }])
    );
    let listed = &document["paths"]["/_backworks/api-keys"]["get"]["responses"]["200"];
    let item = &listed["content"]["application/json"]["schema"]["properties"]["items"]["items"];
    assert!(
        item["required"]
            .as_array()
            .is_some_and(|required| required.contains(&json!("last_used_at"))),
        "{item}"
    );
}

#[test]
fn a_resource_limit_documents_a_429_on_its_operations_only() {
    let document = document();
    for (path, method) in [
        ("/notes", "get"),
        ("/notes", "post"),
        ("/notes/{id}", "delete"),
    ] {
        let answer = &document["paths"][path][method]["responses"]["429"];
        assert!(
            answer["headers"]["Retry-After"].is_object(),
            "{path} {method}"
        );
    }
    for (path, method) in [("/tags", "get"), ("/report", "get")] {
        assert!(
            document["paths"][path][method]["responses"]["429"].is_null(),
            "{path} {method} is not limited"
        );
    }
}
