//! Built-in accounts end to end: `tests/fixtures/accounts` (an `auth.users` blueprint whose
//! notes refer to their owner) compiled with the real pipeline, its server built and run with
//! the secret and the admin's credentials in its environment, and exercised over HTTP:
//! registration and login, `ctx.user` and `ctx.db.users` in a handler (no password hash, no
//! secret in `ctx.env`), a `ref` to `users`, refresh rotation and reuse, throttling, the
//! bootstrap admin changing a role, no CRUD routes for `users`, and an OpenAPI document that
//! passes both validators and documents the account routes without any password hash.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use backworks_tests::http::{Response, request};
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};
use serde_json::{Value, json};

const SECRET: &str = "the-accounts-e2e-signing-secret-0123456789";
const ADMIN_EMAIL: &str = "boss@example.org";
const ADMIN_PASSWORD: &str = "the boss's password";

fn project() -> PathBuf {
    workspace_root().join("tests/fixtures/accounts")
}

fn built() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let compiled = compile(&project())
            .unwrap_or_else(|diagnostics| panic!("accounts does not compile:\n{diagnostics}"));
        let out = workspace_root().join("target/e2e/accounts");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

fn environment() -> Vec<(&'static str, &'static str)> {
    vec![
        ("ACCOUNTS_SECRET", SECRET),
        ("ADMIN_EMAIL", ADMIN_EMAIL),
        ("ADMIN_PASSWORD", ADMIN_PASSWORD),
    ]
}

fn start(name: &str) -> RunningServer {
    let folder = workspace_root().join("target/e2e").join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    RunningServer::start_in(built(), &folder, &environment())
}

fn call(
    server: &RunningServer,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Response {
    let bearer = token.map(|token| format!("Bearer {token}"));
    let mut headers: Vec<(&str, &str)> = vec![("content-type", "application/json")];
    if let Some(bearer) = &bearer {
        headers.push(("authorization", bearer));
    }
    let body = body.map(|body| body.to_string());
    request(
        method,
        &format!("{}{path}", server.base_url),
        &headers,
        body.as_deref(),
    )
}

fn credentials(email: &str, password: &str) -> Option<Value> {
    Some(json!({ "email": email, "password": password }))
}

#[test]
fn accounts_register_log_in_and_own_notes() {
    let server = start("accounts-flow");
    let registered = call(
        &server,
        "POST",
        "/auth/register",
        None,
        credentials("Pat@Example.org", "pat's long password"),
    );
    assert_eq!(registered.status, 201, "{}", registered.body);
    let session = registered.json();
    let id = session["user"]["id"].as_str().unwrap().to_owned();
    assert_eq!(session["user"]["email"], "pat@example.org");
    assert_eq!(session["user"]["roles"], json!(["member"]));
    assert_eq!(session["expires_in"], 600);

    let login = call(
        &server,
        "POST",
        "/auth/login",
        None,
        credentials("pat@example.org", "pat's long password"),
    );
    assert_eq!(login.status, 200, "{}", login.body);
    let access = login.json()["access_token"].as_str().unwrap().to_owned();

    // The handler sees the caller and reads the account through ctx.db: no hash, no secret.
    let whoami = call(&server, "GET", "/whoami", Some(&access), None);
    assert_eq!(whoami.status, 200, "{}", whoami.body);
    let body = whoami.json();
    assert_eq!(body["user"], json!({ "id": id, "roles": ["member"] }));
    let keys: Vec<&String> = body["account"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "email", "roles", "created_at", "updated_at"]);
    assert_eq!(body["secretSeen"], false);
    assert!(!whoami.body.contains("argon2"));

    // A note refers to its owner's account; a reference to no account is refused.
    let note = call(
        &server,
        "POST",
        "/notes",
        Some(&access),
        Some(json!({ "title": "mine", "owner": id })),
    );
    assert_eq!(note.status, 201, "{}", note.body);
    let orphan = call(
        &server,
        "POST",
        "/notes",
        Some(&access),
        Some(json!({ "title": "nobody's", "owner": "00000000-0000-4000-8000-000000000000" })),
    );
    assert_eq!(orphan.status, 409, "{}", orphan.body);

    // No generated CRUD routes for the accounts.
    assert_eq!(
        call(&server, "GET", "/users", Some(&access), None).status,
        404
    );

    // Rotation; presenting the spent token again revokes the newest one too.
    let r1 = login.json()["refresh_token"].as_str().unwrap().to_owned();
    let rotated = call(
        &server,
        "POST",
        "/auth/refresh",
        None,
        Some(json!({ "refresh_token": r1 })),
    );
    assert_eq!(rotated.status, 200, "{}", rotated.body);
    let r2 = rotated.json()["refresh_token"].as_str().unwrap().to_owned();
    let reuse = call(
        &server,
        "POST",
        "/auth/refresh",
        None,
        Some(json!({ "refresh_token": r1 })),
    );
    assert_eq!(reuse.status, 401);
    let newest = call(
        &server,
        "POST",
        "/auth/refresh",
        None,
        Some(json!({ "refresh_token": r2 })),
    );
    assert_eq!(newest.status, 401);

    // The bootstrap admin exists and may change roles.
    let admin = call(
        &server,
        "POST",
        "/auth/login",
        None,
        credentials(ADMIN_EMAIL, ADMIN_PASSWORD),
    );
    assert_eq!(admin.status, 200, "{}", admin.body);
    let admin_token = admin.json()["access_token"].as_str().unwrap().to_owned();
    let promoted = call(
        &server,
        "PATCH",
        &format!("/auth/users/{id}"),
        Some(&admin_token),
        Some(json!({ "roles": ["member", "editor"] })),
    );
    assert_eq!(promoted.status, 200, "{}", promoted.body);
    let demoted = call(
        &server,
        "PATCH",
        &format!("/auth/users/{id}"),
        Some(&access),
        Some(json!({ "roles": ["admin"] })),
    );
    assert_eq!(demoted.status, 403);
}

#[test]
fn logins_are_throttled_and_answers_do_not_tell_who_exists() {
    let server = start("accounts-throttle");
    call(
        &server,
        "POST",
        "/auth/register",
        None,
        credentials("quinn@example.org", "quinn's password"),
    );
    let wrong = call(
        &server,
        "POST",
        "/auth/login",
        None,
        credentials("quinn@example.org", "not it at all"),
    );
    let unknown = call(
        &server,
        "POST",
        "/auth/login",
        None,
        credentials("ghost@example.org", "not it at all"),
    );
    assert_eq!((wrong.status, &wrong.body), (unknown.status, &unknown.body));
    assert_eq!(wrong.status, 401);
    for _ in 0..2 {
        call(
            &server,
            "POST",
            "/auth/login",
            None,
            credentials("quinn@example.org", "not it at all"),
        );
    }
    let locked = call(
        &server,
        "POST",
        "/auth/login",
        None,
        credentials("quinn@example.org", "quinn's password"),
    );
    assert_eq!(locked.status, 429, "{}", locked.body);
    let retry: u64 = locked.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=600).contains(&retry));
}

#[test]
fn the_server_refuses_to_start_without_the_admin_password() {
    let folder = workspace_root().join("target/e2e/accounts-no-admin");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let output = std::process::Command::new(built())
        .current_dir(&folder)
        .env("PORT", "0")
        .env("ACCOUNTS_SECRET", SECRET)
        .env("ADMIN_EMAIL", ADMIN_EMAIL)
        .env_remove("ADMIN_PASSWORD")
        .output()
        .expect("the server runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        "error: accounts: auth: the environment variable ADMIN_PASSWORD (auth.users.admin.password) is not set"
    );
    assert!(!stderr.contains(SECRET));
}

#[test]
fn the_document_describes_the_account_routes_and_passes_both_validators() {
    let compiled = compile(&project()).expect("accounts compiles");
    let text = compiled.tree.get("openapi.json").expect("openapi.json");
    let path = workspace_root().join("target/openapi/accounts.json");
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
        let output = std::process::Command::new(&program)
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
    assert!(!text.contains("password_hash") && !text.contains(SECRET));
    let document: Value = serde_json::from_str(text).unwrap();
    let paths = document["paths"].as_object().unwrap();
    for path in [
        "/auth/register",
        "/auth/login",
        "/auth/refresh",
        "/auth/logout",
        "/auth/me",
        "/auth/users/{id}",
    ] {
        assert!(paths.contains_key(path), "{path}");
    }
    assert!(!paths.contains_key("/users"), "no CRUD routes for accounts");
    let login = &document["paths"]["/auth/login"]["post"];
    assert_eq!(login["security"], json!([]));
    assert!(login["responses"]["429"]["headers"]["Retry-After"].is_object());
    let patch = &document["paths"]["/auth/users/{id}"]["patch"];
    assert_eq!(patch["security"], json!([{ "bearerAuth": ["admin"] }]));
    let account = &document["components"]["schemas"]["AuthAccount"];
    assert_eq!(
        account["properties"]["roles"]["items"]["enum"],
        json!(["member", "editor", "admin"])
    );
    let credentials = &document["components"]["schemas"]["AuthCredentials"];
    assert_eq!(credentials["properties"]["password"]["minLength"], 10);

    // The planner creates the accounts table (uuid ids, unique email) before the notes.
    let migration = compiled
        .tree
        .files()
        .find(|(path, _)| path.ends_with("sqlite.sql"))
        .map(|(_, text)| text.to_owned())
        .expect("a migration");
    let users = migration
        .find("CREATE TABLE \"users\"")
        .expect("users table");
    let notes = migration
        .find("CREATE TABLE \"notes\"")
        .expect("notes table");
    assert!(users < notes, "{migration}");
}

/// schemathesis fuzzes the account routes from the server's own document, with every check
/// (documented statuses, responses matching their schemas, schema-valid requests accepted,
/// invalid ones refused), anonymously and then as the admin, and must find nothing.
#[test]
fn schemathesis_finds_nothing_on_the_account_routes() {
    let server = start("accounts-schemathesis");
    let admin = call(
        &server,
        "POST",
        "/auth/login",
        None,
        credentials(ADMIN_EMAIL, ADMIN_PASSWORD),
    );
    let token = admin.json()["access_token"].as_str().unwrap().to_owned();
    let authorization = format!("Authorization: Bearer {token}");
    for (paths, header) in [
        ("^/auth/", None),
        ("^/auth/(me|users)", Some(&authorization)),
    ] {
        let mut command = std::process::Command::new("schemathesis");
        command
            .args(["run", "--checks", "all"])
            .arg(format!("{}/_backworks/openapi.json", server.base_url))
            .args(["--max-examples", "25", "--seed", "1"])
            .args(["--include-path-regex", paths]);
        if let Some(header) = header {
            command.args(["-H", header]);
        }
        let output = command
            .env("NO_COLOR", "1")
            .output()
            .unwrap_or_else(|error| panic!("cannot run schemathesis: {error}"));
        let report = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{paths}:\n{report}");
    }
}
