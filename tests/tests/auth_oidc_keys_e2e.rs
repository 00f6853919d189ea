//! `auth.jwt.issuer` and `auth.api_keys` end to end: the fixture `tests/fixtures/auth-oidc-keys`
//! compiled by the real pipeline, its server built (with the runtime's `oidc` and `storage`
//! features, which the blueprint implies) and run against a real `oidc-provider`, with the
//! issuer and the operator's token only in its environment. Tokens come from the provider's
//! token endpoint; keys from the server's admin route. The OpenAPI document offers both ways
//! in, and neither a key, a token nor the operator's token reaches the server's log.

use std::path::PathBuf;

use backworks_tests::http::{Response, request};
use backworks_tests::oidc::Provider;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};
use serde_json::{Value, json};

const AUDIENCE: &str = "https://api.notes.test";
const OPERATOR: &str = "an-operator-token-for-the-e2e-test-0123456789";

fn project() -> PathBuf {
    workspace_root().join("tests/fixtures/auth-oidc-keys")
}

fn call(server: &RunningServer, method: &str, path: &str, headers: &[(&str, &str)]) -> Response {
    request(method, &format!("{}{path}", server.base_url), headers, None)
}

#[test]
fn issuer_tokens_and_api_keys_through_a_generated_server() {
    let compiled = compile(&project()).unwrap_or_else(|diagnostics| panic!("{diagnostics}"));
    let file = |path: &str| {
        compiled
            .tree
            .files()
            .find(|(name, _)| name.to_string_lossy() == path)
            .map(|(_, text)| text.to_string())
            .unwrap_or_else(|| panic!("{path} is generated"))
    };
    let manifest = file("server/Cargo.toml");
    assert!(
        manifest.contains(r#"features = ["storage", "auth", "oidc"]"#),
        "{manifest}"
    );
    let main = file("server/src/main.rs");
    assert!(main.contains("JwtKeys::Discovered"), "{main}");
    assert!(main.contains(r#"admin_token_variable: Some("BACKWORKS_ADMIN_TOKEN")"#));

    // The document: a bearer token or an API key on every secured operation; the key routes.
    let document: Value = serde_json::from_str(&file("openapi.json")).expect("JSON");
    let schemes = &document["components"]["securitySchemes"];
    assert_eq!(
        schemes["apiKeyAuth"],
        json!({
            "type": "apiKey", "in": "header", "name": "x-api-key",
            "description": schemes["apiKeyAuth"]["description"].clone()
        })
    );
    assert_eq!(schemes["bearerAuth"]["scheme"], "bearer");
    assert_eq!(
        document["paths"]["/report"]["get"]["security"],
        json!([{ "bearerAuth": ["reports"] }, { "apiKeyAuth": ["reports"] }])
    );
    for (path, method) in [
        ("/_backworks/api-keys", "post"),
        ("/_backworks/api-keys", "get"),
        ("/_backworks/api-keys/{id}", "delete"),
    ] {
        let operation = &document["paths"][path][method];
        assert!(operation["security"].is_array(), "{path} {method}");
        assert!(operation["responses"]["403"].is_object(), "{path} {method}");
    }

    let out = workspace_root().join("target/e2e/auth-oidc-keys");
    compiled.tree.write(&out).expect("output written");
    // Both validators the examples' documents pass accept this one too.
    let redocly = workspace_root().join("node_modules/.bin/redocly");
    for (program, args) in [
        ("openapi-spec-validator", vec![]),
        (redocly.to_str().unwrap(), vec!["lint", "--format=summary"]),
    ] {
        let output = std::process::Command::new(program)
            .args(&args)
            .arg(out.join("openapi.json"))
            .current_dir(workspace_root())
            .output()
            .unwrap_or_else(|error| panic!("cannot run {program}: {error}"));
        assert!(
            output.status.success(),
            "{program} rejected the document:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let binary = build_server(&out);

    let state = workspace_root().join("target/e2e/auth-oidc-keys-provider");
    let _ = std::fs::remove_dir_all(&state);
    let provider = Provider::start(&state);
    let folder = workspace_root().join("target/e2e/auth-oidc-keys-run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    let server = RunningServer::start_in(
        &binary,
        &folder,
        &[
            ("OIDC_ISSUER", provider.issuer.as_str()),
            ("BACKWORKS_ADMIN_TOKEN", OPERATOR),
        ],
    );

    // A token from the provider's token endpoint, verified by the issuer's discovered keys.
    let token = provider.token("notes-admin", AUDIENCE);
    let bearer = format!("Bearer {token}");
    let me = call(&server, "GET", "/me", &[("authorization", &bearer)]);
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.json()["user"]["id"], "notes-admin");
    assert_eq!(me.json()["user"]["roles"], json!(["admin"]));
    let foreign = provider.token("notes-admin", "https://other-api.test");
    let refused = call(
        &server,
        "GET",
        "/me",
        &[("authorization", &format!("Bearer {foreign}"))],
    );
    assert_eq!(refused.status, 401, "{}", refused.body);

    // The operator issues a key; it calls the service as `key:<id>` with its roles.
    let created = request(
        "POST",
        &format!("{}/_backworks/api-keys", server.base_url),
        &[
            ("authorization", &format!("Bearer {OPERATOR}")),
            ("content-type", "application/json"),
        ],
        Some(r#"{"name": "reporting", "roles": ["reports"]}"#),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.json()["id"].as_str().unwrap().to_owned();
    let key = created.json()["key"].as_str().unwrap().to_owned();
    let report = call(&server, "GET", "/report", &[("x-api-key", &key)]);
    assert_eq!(report.status, 200, "{}", report.body);
    assert_eq!(report.json()["by"], format!("key:{id}"));
    // The admin's token from the provider manages keys too; the key list holds no secret.
    let listed = call(
        &server,
        "GET",
        "/_backworks/api-keys",
        &[("authorization", &bearer)],
    );
    assert_eq!(listed.status, 200, "{}", listed.body);
    assert!(!listed.body.contains(&key[4..]), "{}", listed.body);
    let revoked = call(
        &server,
        "DELETE",
        &format!("/_backworks/api-keys/{id}"),
        &[("authorization", &bearer)],
    );
    assert_eq!(revoked.status, 204, "{}", revoked.body);
    assert_eq!(
        call(&server, "GET", "/report", &[("x-api-key", &key)]).status,
        401
    );

    // Nothing secret in the log: everything the server wrote since it started.
    let mut log = String::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !log.contains("API key revoked") && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
        for line in server.output.try_iter() {
            log.push_str(&line);
            log.push('\n');
        }
    }
    assert!(log.contains("API key created"), "the log is read:\n{log}");
    for secret in [&key[4..], OPERATOR, token.as_str()] {
        assert!(!log.contains(secret), "a secret in the log:\n{log}");
    }
}
