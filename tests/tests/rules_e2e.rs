//! Record rules end to end: a small blueprint with `rules:` compiled by the real pipeline, its
//! server built and run on SQLite and on a throw-away PostgreSQL 15 cluster, and exercised
//! over HTTP by two users and an admin with HS256 tokens signed by `openssl` (independent of
//! the server's `jsonwebtoken`). The blueprint is the issue's notes example with a string
//! `owner`; the runtime's own tests (`runtime-lib/tests/rules_crud.rs`) prove each path in
//! detail, this one proves the compiler wires rules, `default: user.id` and the OpenAPI
//! answers through to a generated server.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use backworks_tests::http::{Response, request};
use backworks_tests::jwt;
use backworks_tests::postgres::Postgres;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};
use serde_json::{Value, json};

const SECRET: &str = "a-rules-e2e-secret-that-is-long-enough";

const BLUEPRINT: &str = r#"name: rules-notes
auth:
  jwt: { secret: "${JWT_SECRET}" }
resources:
  notes:
    fields:
      title: { type: string, required: true }
      body: { type: text }
      shared: { type: boolean, default: false }
      owner: { type: string, required: true, default: user.id }
    rules:
      list: record.owner == user.id || record.shared || "admin" in user.roles
      get: record.owner == user.id || record.shared || "admin" in user.roles
      create: record.owner == user.id
      update: record.owner == user.id || "admin" in user.roles
      delete: record.owner == user.id || "admin" in user.roles
    endpoints: true
"#;

/// The project compiled and its server built, once per test process.
fn built() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let root = workspace_root().join("target/e2e/rules-notes");
        let project = root.join("project");
        let _ = std::fs::remove_dir_all(&project);
        std::fs::create_dir_all(&project).expect("a project folder");
        std::fs::write(project.join("backworks.yaml"), BLUEPRINT).expect("write the blueprint");
        let compiled = compile(&project)
            .unwrap_or_else(|diagnostics| panic!("the blueprint does not compile:\n{diagnostics}"));
        let out = root.join("out");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

/// An HS256 JWT for `sub` with `roles`, signed by `openssl` (`backworks_tests::jwt`).
fn token(sub: &str, roles: &[&str]) -> String {
    let now = jwt::now();
    let claims = json!({ "sub": sub, "roles": roles, "iat": now, "exp": now + 600 });
    jwt::hs256(&claims, SECRET)
}

fn call(
    server: &RunningServer,
    token: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Response {
    let bearer = format!("Bearer {token}");
    let body = body.map(|body| body.to_string());
    request(
        method,
        &format!("{}{path}", server.base_url),
        &[
            ("authorization", bearer.as_str()),
            ("content-type", "application/json"),
        ],
        body.as_deref(),
    )
}

fn titles(response: &Response) -> Vec<String> {
    assert_eq!(response.status, 200, "{response:?}");
    response.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["title"].as_str().unwrap_or("?").to_string())
        .collect()
}

/// The scenario, on whichever database `server` uses.
fn exercise(server: &RunningServer) {
    let (alice, bob, root) = (
        token("alice", &[]),
        token("bob", &[]),
        token("root", &["admin"]),
    );
    let create = |who: &str, body: Value| {
        let reply = call(server, who, "POST", "/notes", Some(body));
        assert_eq!(reply.status, 201, "{reply:?}");
        let row = reply.json();
        (row["id"].as_i64().expect("an id"), row)
    };
    let (secret, row) = create(&alice, json!({"title": "secret", "body": "pin 4711"}));
    assert_eq!(row["owner"], "alice", "default: user.id");
    let (shared, _) = create(&alice, json!({"title": "shared", "shared": true}));
    create(&bob, json!({"title": "bob's"}));

    // Lists, counts and filters see only what the rules admit.
    let page = call(server, &bob, "GET", "/notes?order=title&count=exact", None);
    assert_eq!(titles(&page), ["bob's", "shared"]);
    assert_eq!(page.json()["total"], 2);
    let probe = call(
        server,
        &bob,
        "GET",
        "/notes?body=like.pin*&count=exact",
        None,
    );
    assert_eq!(titles(&probe), Vec::<String>::new());
    assert_eq!(probe.json()["total"], 0);

    // A hidden note is absent, for reads and writes alike.
    let hidden = call(server, &bob, "GET", &format!("/notes/{secret}"), None);
    let missing = call(server, &bob, "GET", "/notes/424242", None);
    assert_eq!((hidden.status, missing.status), (404, 404));
    assert_eq!(
        hidden.json()["message"],
        format!("notes has no row with id {secret}")
    );
    assert_eq!(
        missing.json()["message"],
        "notes has no row with id 424242".to_string()
    );
    let patch = call(
        server,
        &bob,
        "PATCH",
        &format!("/notes/{secret}"),
        Some(json!({"title": "x"})),
    );
    assert_eq!(patch.status, 404, "{patch:?}");
    // Shared but not Bob's: visible, not his to delete.
    let delete = call(server, &bob, "DELETE", &format!("/notes/{shared}"), None);
    assert_eq!(delete.status, 403, "{delete:?}");
    // Forging another owner, or handing one's note over, is refused.
    let forged = call(
        server,
        &bob,
        "POST",
        "/notes",
        Some(json!({"title": "forged", "owner": "alice"})),
    );
    assert_eq!(forged.status, 403, "{forged:?}");
    let handed = call(
        server,
        &alice,
        "PATCH",
        &format!("/notes/{secret}"),
        Some(json!({"owner": "bob"})),
    );
    assert_eq!(handed.status, 403, "{handed:?}");

    // The admin sees and changes everything.
    assert_eq!(
        titles(&call(server, &root, "GET", "/notes?order=title", None)),
        ["bob's", "secret", "shared"]
    );
    let removed = call(server, &root, "DELETE", &format!("/notes/{secret}"), None);
    assert_eq!(removed.status, 204, "{removed:?}");
    assert_eq!(
        titles(&call(server, &alice, "GET", "/notes", None)),
        ["shared"]
    );
}

#[test]
fn rules_hold_on_sqlite() {
    let folder = workspace_root().join("target/e2e/rules-notes/sqlite-run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    let server = RunningServer::start_in(built(), &folder, &[("JWT_SECRET", SECRET)]);
    exercise(&server);

    // The document says which answers the rules add.
    let document = request(
        "GET",
        &format!("{}/_backworks/openapi.json", server.base_url),
        &[],
        None,
    )
    .json();
    let delete = &document["paths"]["/notes/{id}"]["delete"];
    assert_eq!(
        delete["responses"]["403"]["description"],
        "The resource's `delete` rule refuses this caller: `record.owner == user.id || \"admin\" in user.roles`."
    );
    assert!(
        delete["responses"]["404"]["description"]
            .as_str()
            .is_some_and(|text| text.contains("the `get` rule hides it")),
        "{delete}"
    );
}

#[test]
fn rules_hold_on_postgres() {
    let postgres = Postgres::start("rules-e2e");
    postgres.create_database("notes");
    let folder = workspace_root().join("target/e2e/rules-notes/postgres-run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    let url = postgres.url("notes");
    let server = RunningServer::start_in(
        built(),
        &folder,
        &[("JWT_SECRET", SECRET), ("DATABASE_URL", url.as_str())],
    );
    exercise(&server);
    // The rows are really there: the rules hid them, nothing else did.
    assert_eq!(
        postgres.query_in("notes", "SELECT count(*) FROM notes"),
        "2"
    );
}
