//! `examples/notes-auth` end to end: compiled with the real pipeline, its server built and run
//! with its secrets in its environment, and exercised over HTTP with tokens signed by
//! `openssl` (an implementation independent of the server's), built-in accounts that register
//! and log in, and an API key an admin issues. Also: the server refuses to start without a
//! secret, the OpenAPI document passes both validators and documents who may call what, and a
//! secret written into a blueprint never reaches the build's output.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use backworks_tests::http::{Response, request};
use backworks_tests::jwt::{self, now};
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, diagnostics_of, example, workspace_root};
use serde_json::{Value, json};

const SECRET: &str = "an-e2e-test-secret-that-is-long-enough";
/// Signs the built-in accounts' tokens.
const SESSION_SECRET: &str = "the-e2e-accounts-signing-secret-long-enough";
const ADMIN_EMAIL: &str = "admin@example.com";
const ADMIN_PASSWORD: &str = "an admin password for the e2e test";

/// Every variable the example reads at start.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("JWT_SECRET", SECRET),
    ("SESSION_SECRET", SESSION_SECRET),
    ("ADMIN_EMAIL", ADMIN_EMAIL),
    ("ADMIN_PASSWORD", ADMIN_PASSWORD),
];

/// The example's server binary, compiled and built once per test process (the tests run in
/// parallel and share its output folder).
fn built() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let compiled = compile(&example("notes-auth"))
            .unwrap_or_else(|diagnostics| panic!("notes-auth does not compile:\n{diagnostics}"));
        let out = workspace_root().join("target/e2e/notes-auth");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

fn start(binary: &Path, name: &str) -> RunningServer {
    let folder = workspace_root().join("target/e2e").join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    RunningServer::start_in(binary, &folder, ENVIRONMENT)
}

/// An HS256 JWT signed with the service's secret (by `openssl`).
fn token(claims: &Value) -> String {
    jwt::hs256(claims, SECRET)
}

fn claims(sub: &str, roles: &[&str]) -> Value {
    json!({
        "sub": sub, "name": "Ada", "roles": roles,
        "iss": "https://id.example.com", "aud": "notes-api",
        "iat": now(), "exp": now() + 600,
    })
}

fn call(
    server: &RunningServer,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Response {
    let bearer = token.map(|token| format!("Bearer {token}"));
    let mut headers: Vec<(&str, &str)> = vec![("content-type", "application/json")];
    if let Some(bearer) = &bearer {
        headers.push(("authorization", bearer));
    }
    request(
        method,
        &format!("{}{path}", server.base_url),
        &headers,
        body,
    )
}

#[test]
fn notes_auth_admits_verified_callers_and_refuses_the_rest() {
    let server = start(built(), "notes-auth-run");
    let reader = token(&claims("user-7", &["reader"]));
    let admin = token(&claims("admin-1", &["admin"]));

    let open = call(&server, "GET", "/status", None, None);
    assert_eq!((open.status, open.json()), (200, json!({ "ok": true })));

    let anonymous = call(&server, "GET", "/me", None, None);
    assert_eq!(anonymous.status, 401, "{anonymous:?}");
    assert_eq!(anonymous.header("www-authenticate"), Some("Bearer"));
    assert_eq!(anonymous.json()["error"], "unauthorized");

    let me = call(&server, "GET", "/me", Some(&reader), None);
    assert_eq!(me.status, 200, "{me:?}");
    let user = me.json();
    assert_eq!(user["id"], "user-7");
    assert_eq!(user["roles"], json!(["reader"]));
    assert_eq!(user["claims"]["name"], "Ada");

    let forbidden = call(&server, "GET", "/report", Some(&reader), None);
    assert_eq!(forbidden.status, 403, "{forbidden:?}");
    assert_eq!(forbidden.json()["error"], "forbidden");

    let mut expired = claims("user-7", &["reader"]);
    expired["exp"] = json!(now() - 3600);
    let refused = call(&server, "GET", "/me", Some(&token(&expired)), None);
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.header("www-authenticate"),
        Some(r#"Bearer error="invalid_token""#)
    );

    let greeting = call(&server, "GET", "/greeting", None, None);
    assert_eq!(greeting.json(), json!({ "greeting": "Hello, stranger!" }));
    let greeting = call(&server, "GET", "/greeting", Some(&reader), None);
    assert_eq!(greeting.json(), json!({ "greeting": "Hello, Ada!" }));

    // The notes' rules decide: an anonymous caller may read the shared notes (none yet) but
    // not write; a signed-in one writes as themselves.
    let note = r#"{"title":"first"}"#;
    let anonymous_write = call(&server, "POST", "/notes", None, Some(note));
    assert_eq!(anonymous_write.status, 401, "{anonymous_write:?}");
    let anonymous_read = call(&server, "GET", "/notes", None, None);
    assert_eq!(anonymous_read.status, 200, "{anonymous_read:?}");
    assert_eq!(anonymous_read.json()["items"], json!([]));
    let created = call(&server, "POST", "/notes", Some(&reader), Some(note));
    assert_eq!(created.status, 201, "{created:?}");
    assert_eq!(created.json()["owner"], "user-7");

    // `report` awaits the database on an event-loop thread; the caller crossed with it.
    let report = call(&server, "GET", "/report", Some(&admin), None);
    assert_eq!(report.status, 200, "{report:?}");
    assert_eq!(
        report.json(),
        json!({ "notes": 1, "requested_by": "admin-1" })
    );
}

/// Logs in a built-in account; its access token.
fn log_in(server: &RunningServer, email: &str, password: &str) -> String {
    let body = json!({ "email": email, "password": password }).to_string();
    let reply = call(server, "POST", "/auth/login", None, Some(&body));
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.json()["access_token"]
        .as_str()
        .expect("an access token")
        .to_owned()
}

#[test]
fn accounts_keep_their_notes_private_and_a_key_reads_the_report() {
    let server = start(built(), "notes-auth-accounts");
    let register = |email: &str| {
        let body = json!({ "email": email, "password": "correct horse battery" }).to_string();
        let reply = call(&server, "POST", "/auth/register", None, Some(&body));
        assert_eq!(reply.status, 201, "{reply:?}");
        reply.json()["user"]["id"]
            .as_str()
            .expect("an account id")
            .to_owned()
    };
    let ada_id = register("ada@example.com");
    register("bob@example.com");
    let ada = log_in(&server, "ada@example.com", "correct horse battery");
    let bob = log_in(&server, "bob@example.com", "correct horse battery");

    let private = call(
        &server,
        "POST",
        "/notes",
        Some(&ada),
        Some(r#"{"title":"ada's"}"#),
    );
    assert_eq!(private.status, 201, "{private:?}");
    assert_eq!(private.json()["owner"], ada_id.as_str());
    let id = private.json()["id"].as_i64().expect("a note id");
    let shared = r#"{"title":"for all","shared":true}"#;
    assert_eq!(
        call(&server, "POST", "/notes", Some(&ada), Some(shared)).status,
        201
    );
    // Nobody writes in someone else's name.
    let forged = format!(r#"{{"title":"forged","owner":"{ada_id}"}}"#);
    assert_eq!(
        call(&server, "POST", "/notes", Some(&bob), Some(&forged)).status,
        403
    );

    // Bob sees the shared note only; Ada's private one reads as absent, and stays hers.
    let titles = |token: Option<&str>| -> Vec<Value> {
        let reply = call(&server, "GET", "/notes?order=title", token, None);
        assert_eq!(reply.status, 200, "{reply:?}");
        reply.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|item| item["title"].clone())
            .collect()
    };
    assert_eq!(titles(Some(&bob)), [json!("for all")]);
    assert_eq!(titles(None), [json!("for all")]);
    assert_eq!(titles(Some(&ada)), [json!("ada's"), json!("for all")]);
    let path = format!("/notes/{id}");
    assert_eq!(call(&server, "GET", &path, Some(&bob), None).status, 404);
    let change = r#"{"title":"bob was here"}"#;
    assert_eq!(
        call(&server, "PATCH", &path, Some(&bob), Some(change)).status,
        404
    );
    assert_eq!(call(&server, "DELETE", &path, Some(&bob), None).status, 404);

    // The admin (created at start from the environment) sees everything and issues a key
    // that may read the report.
    let admin = log_in(&server, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert_eq!(titles(Some(&admin)).len(), 2);
    let body = r#"{"name":"reporting","roles":["reports"]}"#;
    let issued = call(
        &server,
        "POST",
        "/_backworks/api-keys",
        Some(&admin),
        Some(body),
    );
    assert_eq!(issued.status, 201, "{issued:?}");
    let key = issued.json()["key"].as_str().expect("the key").to_owned();
    assert_eq!(
        call(&server, "GET", "/report", Some(&bob), None).status,
        403
    );
    let report = request(
        "GET",
        &format!("{}/report", server.base_url),
        &[("x-api-key", &key)],
        None,
    );
    assert_eq!(report.status, 200, "{report:?}");
    assert_eq!(report.json()["notes"], 2);

    // The audit log has who did what: Bob's refused writes left nothing.
    let audit = call(
        &server,
        "GET",
        "/_backworks/audit?resource=notes",
        Some(&admin),
        None,
    );
    assert_eq!(audit.status, 200, "{audit:?}");
    let entries = audit.json()["items"].as_array().expect("entries").clone();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(
        entries
            .iter()
            .all(|entry| entry["actor"]["id"] == ada_id.as_str())
    );
    assert_eq!(
        call(&server, "GET", "/_backworks/audit", Some(&bob), None).status,
        403
    );
}

#[test]
fn the_server_refuses_to_start_without_its_secret() {
    let binary = built();
    let folder = workspace_root().join("target/e2e/notes-auth-nosecret");
    std::fs::create_dir_all(&folder).expect("a working folder");
    let output = Command::new(binary)
        .current_dir(&folder)
        .envs(
            ENVIRONMENT
                .iter()
                .filter(|(name, _)| *name != "JWT_SECRET")
                .copied(),
        )
        .env_remove("JWT_SECRET")
        .env("PORT", "0")
        .stdin(Stdio::null())
        .output()
        .expect("the server runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(lines[0].starts_with("error: notes-auth: "), "{stderr}");
    assert!(lines[0].contains("JWT_SECRET"), "{stderr}");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("listening"));
}

#[test]
fn the_openapi_document_passes_both_validators_and_says_who_may_call_what() {
    let compiled = compile(&example("notes-auth")).expect("notes-auth compiles");
    let text = compiled.tree.get("openapi.json").expect("openapi.json");
    let path = workspace_root().join("target/openapi/notes-auth.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    for (program, args) in [
        ("openapi-spec-validator".to_string(), vec![]),
        (
            workspace_root()
                .join("node_modules/.bin/redocly")
                .display()
                .to_string(),
            vec!["lint", "--format=summary"],
        ),
    ] {
        let output = Command::new(&program)
            .args(&args)
            .arg(&path)
            .current_dir(workspace_root())
            .output()
            .unwrap_or_else(|error| panic!("cannot run {program}: {error}"));
        assert!(
            output.status.success(),
            "{program}:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let document: Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        document["components"]["securitySchemes"]["bearerAuth"],
        json!({ "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                "description": document["components"]["securitySchemes"]["bearerAuth"]["description"] })
    );
    let op = |path: &str, method: &str| document["paths"][path][method].clone();
    assert_eq!(op("/status", "get")["security"], json!([]));
    // Either provider's credentials are one alternative: a bearer token or an API key.
    assert_eq!(
        op("/greeting", "get")["security"],
        json!([{ "bearerAuth": [] }, { "apiKeyAuth": [] }, {}])
    );
    assert_eq!(
        op("/me", "get")["security"],
        json!([{ "bearerAuth": [] }, { "apiKeyAuth": [] }])
    );
    assert_eq!(
        op("/report", "get")["security"],
        json!([{ "bearerAuth": ["admin", "reports"] }, { "apiKeyAuth": ["admin", "reports"] }])
    );
    // The notes' operations all have a rule, which decides for anonymous callers too.
    for (path, method) in [
        ("/notes", "post"),
        ("/notes", "get"),
        ("/notes/{id}", "delete"),
    ] {
        assert_eq!(
            op(path, method)["security"],
            json!([{ "bearerAuth": [] }, { "apiKeyAuth": [] }, {}]),
            "{method} {path}"
        );
    }
    assert!(op("/me", "get")["responses"]["401"].is_object());
    assert!(op("/report", "get")["responses"]["403"].is_object());
    assert!(op("/me", "get")["responses"].get("403").is_none());
    assert!(op("/status", "get")["responses"].get("401").is_none());
}

/// The generated manifest and route table: the `auth` feature, each route's `Access`, and an
/// `AuthSpec` naming the variable (never a key).
#[test]
fn the_generated_server_declares_who_may_call_each_route() {
    let compiled = compile(&example("notes-auth")).expect("notes-auth compiles");
    let mut sections = String::new();
    for path in ["server/Cargo.toml", "server/src/main.rs"] {
        let text = compiled.tree.get(path).expect("generated");
        sections.push_str(&format!("=== {path}\n{text}\n"));
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots/examples");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("notes-auth", sections));
}

#[test]
fn a_secret_written_in_the_blueprint_never_reaches_the_output() {
    let fixture = workspace_root().join("tests/fixtures/errors/auth-literal-secret");
    let rendered = diagnostics_of(&fixture);
    assert!(rendered.contains("secret-in-blueprint"), "{rendered}");
    assert!(
        !rendered.contains("correct-horse-battery-staple"),
        "{rendered}"
    );
}

#[test]
fn handlers_never_see_the_key_variable_in_ctx_env() {
    let project = workspace_root().join("tests/fixtures/auth-env");
    let compiled = compile(&project)
        .unwrap_or_else(|diagnostics| panic!("the fixture does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target/e2e/auth-env");
    compiled.tree.write(&out).expect("output written");
    let server = RunningServer::start_with_env(
        &build_server(&out),
        &[("JWT_SECRET", SECRET), ("AUTH_ENV_OTHER", "visible")],
    );
    let reply = call(&server, "GET", "/env", None, None);
    assert_eq!(
        (reply.status, reply.json()),
        (200, json!({ "secret": "undefined", "other": "visible" }))
    );
}
