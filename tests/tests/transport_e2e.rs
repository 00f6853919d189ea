//! The transport keys end to end: `tests/fixtures/transport` compiled with the real pipeline,
//! its server built and run, and exercised over loopback — the endpoint's rate limit and the
//! service's (on the generated CRUD routes too), CORS, the security headers with HSTS, the
//! per-address connection cap, and the 429 in the OpenAPI document.

use std::io::Read;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use backworks_tests::http::request;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};

fn built() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let project = workspace_root().join("tests/fixtures/transport");
        let compiled = compile(&project)
            .unwrap_or_else(|diagnostics| panic!("the fixture does not compile:\n{diagnostics}"));
        let out = workspace_root().join("target/e2e/transport");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

fn start(name: &str) -> RunningServer {
    let folder = workspace_root().join("target/e2e").join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    RunningServer::start_in(built(), &folder, &[])
}

#[test]
fn the_endpoint_limit_and_the_service_limit_both_hold() {
    let server = start("transport-limits");
    let url = format!("{}/report", server.base_url);
    let statuses: Vec<u16> = (0..4)
        .map(|_| request("GET", &url, &[], None).status)
        .collect();
    assert_eq!(statuses, [200, 200, 200, 429]);
    let refused = request("GET", &url, &[], None);
    assert_eq!(refused.json()["error"], "rate_limited");
    assert_eq!(refused.header("retry-after"), Some("20"));
    assert_eq!(
        refused.header("ratelimit-policy"),
        Some(r#""global";q=300;w=60, "report";q=3;w=60"#)
    );
    // The generated CRUD routes share the service's limit: the six requests above spent six
    // of its 300 (one comes back every 200 ms, so a slow machine sees a few more).
    let notes = request("GET", &format!("{}/notes", server.base_url), &[], None);
    assert_eq!(notes.status, 200);
    let remaining: u32 = notes
        .header("ratelimit")
        .and_then(|value| value.strip_prefix(r#""global";r="#))
        .and_then(|rest| rest.split(';').next())
        .and_then(|r| r.parse().ok())
        .unwrap_or_else(|| panic!("no global RateLimit: {notes:?}"));
    assert!((294..300).contains(&remaining), "{notes:?}");
}

/// `resources.tags.rate_limit` limits the resource's generated routes and nothing else; the
/// service trusts 127.0.0.1 as a proxy, so a forwarded client is counted apart.
#[test]
fn a_resource_limit_holds_and_forwarded_clients_are_told_apart() {
    let server = start("transport-resource");
    let tags = format!("{}/tags", server.base_url);
    let statuses: Vec<u16> = (0..3)
        .map(|_| request("GET", &tags, &[], None).status)
        .collect();
    assert_eq!(statuses, [200, 200, 429]);
    let refused = request("GET", &format!("{tags}/1"), &[], None);
    assert_eq!(refused.status, 429, "the item route shares the quota");
    assert!(refused.header("retry-after").is_some(), "{refused:?}");
    assert_eq!(
        refused.header("ratelimit-policy"),
        Some(r#""global";q=300;w=60, "tags";q=2;w=60"#)
    );
    let notes = request("GET", &format!("{}/notes", server.base_url), &[], None);
    assert_eq!(notes.status, 200, "another resource is not limited by it");
    let forwarded = request("GET", &tags, &[("x-forwarded-for", "203.0.113.9")], None);
    assert_eq!(
        forwarded.status, 200,
        "a client forwarded by a trusted proxy has its own quota"
    );
}

#[test]
fn cors_security_headers_and_hsts_come_from_the_blueprint() {
    let server = start("transport-cors");
    let url = format!("{}/notes", server.base_url);
    let preflight = request(
        "OPTIONS",
        &url,
        &[
            ("origin", "https://app.example.com"),
            ("access-control-request-method", "POST"),
        ],
        None,
    );
    assert_eq!(preflight.status, 204);
    assert_eq!(
        preflight.header("access-control-allow-origin"),
        Some("https://app.example.com")
    );
    assert_eq!(
        preflight.header("access-control-allow-headers"),
        Some("authorization, content-type")
    );
    assert_eq!(preflight.header("access-control-max-age"), Some("600"));
    let foreign = request("GET", &url, &[("origin", "https://evil.example")], None);
    assert_eq!(foreign.status, 200);
    assert_eq!(foreign.header("access-control-allow-origin"), None);
    assert_eq!(foreign.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(foreign.header("x-frame-options"), Some("DENY"));
    assert_eq!(
        foreign.header("strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
}

#[test]
fn a_connection_over_the_per_address_cap_is_closed_at_once() {
    let server = start("transport-connections");
    let address = format!("127.0.0.1:{}", server.port);
    // Four idle connections (the cap), which send nothing.
    let _held: Vec<TcpStream> = (0..4)
        .map(|_| TcpStream::connect(&address).expect("connect"))
        .collect();
    let mut fifth = TcpStream::connect(&address).expect("the kernel accepts it");
    fifth
        .set_read_timeout(Some(Duration::from_secs(1)))
        .expect("a read timeout");
    let mut byte = [0u8; 1];
    let closed = match fifth.read(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(error) => !matches!(
            error.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    };
    assert!(
        closed,
        "the fifth connection is closed by the server, not left open"
    );
}

#[test]
fn the_openapi_document_says_limited_operations_may_answer_429() {
    let project = workspace_root().join("tests/fixtures/transport");
    let compiled = compile(&project).expect("compiles");
    let document: serde_json::Value = serde_json::from_str(
        compiled
            .tree
            .get("openapi.json")
            .expect("an OpenAPI document"),
    )
    .expect("JSON");
    for (path, method) in [
        ("/report", "get"),
        ("/notes", "post"),
        ("/notes/{id}", "get"),
    ] {
        let answer = &document["paths"][path][method]["responses"]["429"];
        assert!(
            answer["headers"]["Retry-After"].is_object(),
            "{path} {method}"
        );
    }
}
