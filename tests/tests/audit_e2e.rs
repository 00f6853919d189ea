//! The audit log in a compiled server: `examples/notes-auth` (data and `auth:`) copied with
//! `audit: { retain: 3s }` added, compiled by the real pipeline, built and run. A create
//! through the generated route is listed at `GET /_backworks/audit` with its caller and
//! `x-request-id`; only admins read it; the document describes it; and the entry is gone once
//! older than the retention period. Tokens are signed by `openssl`, not by the server's code.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use backworks_tests::http::{Response, request};
use backworks_tests::jwt;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, example, workspace_root};
use serde_json::{Value, json};

const SECRET: &str = "an-e2e-test-secret-that-is-long-enough";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the example") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// notes-auth, renamed `notes-audit` and keeping its audit entries for 3 seconds, built.
fn built() -> PathBuf {
    let project = workspace_root().join("target/e2e/notes-audit-project");
    let _ = std::fs::remove_dir_all(&project);
    copy_dir(&example("notes-auth"), &project);
    let blueprint = project.join("backworks.yaml");
    let text = std::fs::read_to_string(&blueprint).expect("the blueprint");
    let text =
        text.replacen("name: notes-auth", "name: notes-audit", 1) + "\naudit:\n  retain: 3s\n";
    std::fs::write(&blueprint, text).expect("write the blueprint");
    let compiled = compile(&project).unwrap_or_else(|diagnostics| panic!("{diagnostics}"));
    let out = workspace_root().join("target/e2e/notes-audit");
    compiled.tree.write(&out).expect("output written");
    build_server(&out)
}

/// An HS256 JWT for `sub` with `roles`, signed by `openssl` (`backworks_tests::jwt`).
fn token(sub: &str, roles: &[&str]) -> String {
    let now = jwt::now();
    let claims = json!({
        "sub": sub, "roles": roles, "iss": "https://id.example.com", "aud": "notes-api",
        "iat": now, "exp": now + 600,
    });
    jwt::hs256(&claims, SECRET)
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
fn a_compiled_server_keeps_and_purges_its_audit_log() {
    let binary = built();
    let folder = workspace_root().join("target/e2e/notes-audit-run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    let server = RunningServer::start_in(
        &binary,
        &folder,
        &[
            ("JWT_SECRET", SECRET),
            (
                "SESSION_SECRET",
                "the-audit-tests-accounts-secret-long-enough",
            ),
            ("ADMIN_EMAIL", "admin@example.com"),
            ("ADMIN_PASSWORD", "the audit test's admin password"),
        ],
    );
    let (reader, admin) = (token("user-7", &["reader"]), token("admin-1", &["admin"]));

    let created = call(
        &server,
        "POST",
        "/notes",
        Some(&reader),
        Some(r#"{"title":"audited"}"#),
    );
    assert_eq!(created.status, 201, "{created:?}");
    let request_id = created
        .header("x-request-id")
        .expect("x-request-id")
        .to_owned();
    let id = created.json()["id"].to_string();

    let page = call(&server, "GET", "/_backworks/audit", Some(&admin), None);
    assert_eq!(page.status, 200, "{page:?}");
    let items = page.json()["items"].clone();
    assert_eq!(items.as_array().map(Vec::len), Some(1), "{items}");
    let entry = &items[0];
    assert_eq!(entry["action"], "create");
    assert_eq!(entry["resource"], "notes");
    assert_eq!(entry["record"], id.as_str());
    assert_eq!(entry["actor"], json!({"kind": "user", "id": "user-7"}));
    assert_eq!(entry["request_id"], request_id.as_str());
    assert_eq!(entry["changed"]["title"], "audited");

    assert_eq!(
        call(&server, "GET", "/_backworks/audit", None, None).status,
        401
    );
    assert_eq!(
        call(&server, "GET", "/_backworks/audit", Some(&reader), None).status,
        403
    );
    assert_eq!(
        call(&server, "DELETE", "/_backworks/audit", Some(&admin), None).status,
        405
    );

    let document: Value = call(&server, "GET", "/_backworks/openapi.json", None, None).json();
    let operation = &document["paths"]["/_backworks/audit"]["get"];
    assert_eq!(operation["security"], json!([{"bearerAuth": ["admin"]}]));

    // Older than `retain: 3s`, the entry is purged on the server's timer.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let page = call(&server, "GET", "/_backworks/audit", Some(&admin), None).json();
        if page["items"].as_array().is_some_and(Vec::is_empty) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the entry outlived its retention: {page}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    // The note itself stays.
    let note = call(&server, "GET", &format!("/notes/{id}"), Some(&reader), None);
    assert_eq!(note.status, 200, "{note:?}");
}
