//! The monitor in compiled servers: `tests/fixtures/monitor` (dashboard on its own port, a
//! token from the environment) and `examples/hello-world` with `dashboard.enabled: false`,
//! built with the real pipeline and run — metric counts equal the requests sent, `promtool`
//! accepts the page, JavaScript `console` output is filed under its request (inline and after an
//! `await`), credentials are redacted, memory stays bounded under many distinct paths, a
//! disabled dashboard has no monitor routes, and hello-world (no data: built without the
//! runtime's `storage` feature) streams its requests on `/_backworks/ws`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use backworks_tests::http::request;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, example, workspace_root};
use serde_json::json;

const TOKEN: &str = "e2e-dashboard-token-0123456789";

fn build(project: &Path, name: &str) -> PathBuf {
    let compiled = compile(project)
        .unwrap_or_else(|diagnostics| panic!("{name} does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target/e2e").join(name);
    compiled.tree.write(&out).expect("output written");
    build_server(&out)
}

fn monitored() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| build(&workspace_root().join("tests/fixtures/monitor"), "monitor"))
}

/// A free loopback port (bound, read, released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

fn promtool_accepts(page: &str) {
    let mut child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool runs (Debian: apt-get install prometheus)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && said.trim().is_empty(),
        "promtool: {said}\n{page}"
    );
}

fn sample(page: &str, series: &str) -> Option<f64> {
    page.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map(|value| value.trim().parse().expect("a number"))
}

struct Dashboard {
    server: RunningServer,
    base: String,
}

impl Dashboard {
    fn start() -> Dashboard {
        let port = free_port();
        let port_text = port.to_string();
        let server = RunningServer::start_with_env(
            monitored(),
            &[("DASHBOARD_PORT", &port_text), ("DASHBOARD_TOKEN", TOKEN)],
        );
        Dashboard {
            server,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    fn get(&self, path: &str) -> backworks_tests::http::Response {
        let bearer = format!("Bearer {TOKEN}");
        request(
            "GET",
            &format!("{}{path}", self.base),
            &[("authorization", &bearer)],
            None,
        )
    }
}

#[test]
fn the_monitor_lives_on_its_own_port_behind_the_token() {
    let dashboard = Dashboard::start();
    let main = &dashboard.server.base_url;
    // Not on the service's port…
    for path in [
        "/_backworks/monitor/summary",
        "/_backworks/metrics",
        "/_backworks/",
        "/_backworks/service.json",
    ] {
        assert_eq!(
            request("GET", &format!("{main}{path}"), &[], None).status,
            404,
            "{path}"
        );
    }
    // …but on the dashboard's, with the token only.
    let anonymous = request(
        "GET",
        &format!("{}/_backworks/metrics", dashboard.base),
        &[],
        None,
    );
    assert_eq!(anonymous.status, 401);
    let summary = dashboard.get("/_backworks/monitor/summary");
    assert_eq!(summary.status, 200, "{}", summary.body);
    assert_eq!(summary.json()["service"]["name"], "monitor-e2e");
    assert_eq!(summary.json()["service"]["version"], "0.3.0");
    // The dashboard's pages moved with it; its description opens with the token.
    let page = request("GET", &format!("{}/_backworks/", dashboard.base), &[], None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("assets/app.js"));
    let description = dashboard.get("/_backworks/service.json");
    assert_eq!(description.status, 200, "{}", description.body);
    assert_eq!(description.json()["sign_in"], "token");
    assert!(!description.body.contains(TOKEN));
    // The workflows too; their calls go from the dashboard's port into the service's router
    // (the handler's own answer comes back), and only with the token.
    let workflows = dashboard.get("/_backworks/workflows");
    assert_eq!(
        workflows.json()["workflows"][0]["id"],
        "login",
        "{}",
        workflows.body
    );
    let bearer = format!("Bearer {TOKEN}");
    let forwarded = request(
        "POST",
        &format!("{}/_backworks/w/login/login", dashboard.base),
        &[("authorization", &bearer)],
        Some("{}"),
    );
    assert_eq!(
        (forwarded.status, forwarded.json()),
        (401, json!({ "error": "no" }))
    );
    let refused = request(
        "POST",
        &format!("{}/_backworks/w/login/login", dashboard.base),
        &[],
        Some("{}"),
    );
    assert_eq!(refused.status, 401);
    assert_ne!(
        refused.json(),
        json!({ "error": "no" }),
        "the gate answered, not the handler"
    );
    assert_eq!(
        request("GET", &format!("{main}/_backworks/workflows"), &[], None).status,
        404,
        "not on the service's port"
    );
    // The page on this port is told the API is behind its /_backworks/api/ prefix, which
    // answers as the service's port does (the compiled handler's answer, no token needed:
    // the service's own routes decide), and is counted once under its route.
    assert!(
        page.body
            .contains("<meta name=\"backworks-api\" content=\"api/\">"),
        "{}",
        page.body
    );
    let direct = request("GET", &format!("{main}/greet/ada"), &[], None);
    let through = request(
        "GET",
        &format!("{}/_backworks/api/greet/ada", dashboard.base),
        &[],
        None,
    );
    assert_eq!(
        (through.status, through.json()),
        (200, json!({ "hello": "ada" }))
    );
    assert_eq!(through.body, direct.body);
    assert_eq!(
        request(
            "GET",
            &format!("{main}/_backworks/api/greet/ada"),
            &[],
            None
        )
        .status,
        404,
        "no prefix on the service's port"
    );
    let metrics = dashboard.get("/_backworks/metrics").body;
    assert_eq!(
        sample(
            &metrics,
            "backworks_http_requests_total{route=\"/greet/{name}\",method=\"GET\",status=\"2xx\"}"
        ),
        Some(2.0),
        "{metrics}"
    );
}

#[test]
fn counts_equal_the_requests_sent_under_concurrent_load() {
    let dashboard = Dashboard::start();
    let main = dashboard.server.base_url.clone();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let main = main.clone();
            std::thread::spawn(move || {
                for n in 0..150 {
                    let reply = request("GET", &format!("{main}/greet/u{t}-{n}"), &[], None);
                    assert_eq!(reply.status, 200);
                }
                for _ in 0..10 {
                    let reply = request("POST", &format!("{main}/login"), &[], Some("{}"));
                    assert_eq!(reply.status, 401);
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("a load thread");
    }
    let page = dashboard.get("/_backworks/metrics").body;
    promtool_accepts(&page);
    assert_eq!(
        sample(
            &page,
            r#"backworks_http_requests_total{route="/greet/{name}",method="GET",status="2xx"}"#
        ),
        Some(1200.0),
        "{page}"
    );
    assert_eq!(
        sample(
            &page,
            r#"backworks_http_requests_total{route="/login",method="POST",status="4xx"}"#
        ),
        Some(80.0)
    );
    assert_eq!(
        sample(
            &page,
            r#"backworks_http_request_duration_seconds_count{route="/greet/{name}",method="GET"}"#
        ),
        Some(1200.0)
    );
    assert!(sample(&page, "process_resident_memory_bytes").is_some_and(|bytes| bytes > 0.0));
    let summary = dashboard.get("/_backworks/monitor/summary").json();
    assert_eq!(summary["requests"], 1280);
}

#[test]
fn console_output_of_compiled_handlers_is_filed_under_its_request() {
    let dashboard = Dashboard::start();
    let main = &dashboard.server.base_url;
    let greet = request(
        "GET",
        &format!("{main}/greet/ann"),
        &[("x-request-id", "greet-ann")],
        None,
    );
    assert_eq!(greet.status, 200);
    let later = request(
        "GET",
        &format!("{main}/later"),
        &[("x-request-id", "later-1")],
        None,
    );
    assert_eq!(later.status, 200);
    let page = dashboard.get("/_backworks/monitor/requests").json();
    let entries = page["requests"].as_array().unwrap();
    let by_id = |id: &str| {
        entries
            .iter()
            .find(|entry| entry["request_id"] == id)
            .unwrap_or_else(|| panic!("no {id} in {page:#}"))
            .clone()
    };
    let greeted = by_id("greet-ann");
    assert_eq!(greeted["route"], "/greet/{name}");
    assert_eq!(greeted["logs"][0]["level"], "info");
    assert_eq!(greeted["logs"][0]["text"], "greeting ann");
    let woke = by_id("later-1");
    assert_eq!(woke["logs"][0]["level"], "warn");
    assert_eq!(
        woke["logs"][0]["text"], "woke up",
        "logged after an await, on the event loop"
    );
    assert!(woke["duration_ms"].as_f64().unwrap() >= 20.0);
}

#[test]
fn credentials_sent_to_a_compiled_server_are_redacted() {
    let dashboard = Dashboard::start();
    let main = &dashboard.server.base_url;
    request(
        "POST",
        &format!("{main}/login"),
        &[
            ("authorization", "Bearer e2e-jwt-secret"),
            ("cookie", "sid=e2e-cookie-secret"),
            ("content-type", "application/json"),
        ],
        Some(r#"{"email":"ann@example.com","password":"e2e-password-secret"}"#),
    );
    let listed = dashboard
        .get("/_backworks/monitor/requests?method=POST")
        .body;
    for secret in ["e2e-jwt-secret", "e2e-cookie-secret", "e2e-password-secret"] {
        assert!(!listed.contains(secret), "{secret} in {listed}");
    }
    assert!(
        listed.contains("ann@example.com"),
        "non-secret fields stay: {listed}"
    );
}

#[test]
fn memory_stays_bounded_under_many_distinct_paths() {
    let dashboard = Dashboard::start();
    let main = &dashboard.server.base_url;
    let resident = || {
        sample(
            &dashboard.get("/_backworks/metrics").body,
            "process_resident_memory_bytes",
        )
        .expect("resident memory is reported on Linux")
    };
    // Fill the ring (1 000 entries) and every allocator pool first.
    for n in 0..2_000 {
        request(
            "GET",
            &format!("{main}/no/such/{n}/{}", "p".repeat(n % 300)),
            &[],
            None,
        );
    }
    let filled = resident();
    for n in 2_000..8_000 {
        request(
            "GET",
            &format!("{main}/no/such/{n}/{}", "p".repeat(n % 300)),
            &[],
            None,
        );
    }
    let after = resident();
    let grown = after - filled;
    assert!(
        grown < 4.0 * 1024.0 * 1024.0,
        "6 000 more distinct paths grew memory by {grown} bytes ({filled} → {after})"
    );
    let page = dashboard.get("/_backworks/metrics").body;
    assert!(!page.contains("/no/such"));
    assert_eq!(
        sample(
            &page,
            r#"backworks_http_requests_total{route="(unmatched)",method="GET",status="4xx"}"#
        ),
        Some(8_000.0)
    );
}

#[test]
fn a_disabled_dashboard_removes_the_monitor_routes() {
    let project = workspace_root().join("target/e2e/hello-no-dashboard-project");
    let _ = std::fs::remove_dir_all(&project);
    copy_dir(&example("hello-world"), &project);
    let blueprint = project.join("backworks.yaml");
    let text = std::fs::read_to_string(&blueprint).unwrap();
    std::fs::write(
        &blueprint,
        format!("{text}\ndashboard:\n  enabled: false\n"),
    )
    .unwrap();
    let binary = build(&project, "hello-no-dashboard");
    let out = workspace_root().join("target/e2e/hello-no-dashboard");
    assert!(
        !out.join("dashboard").exists() && !out.join("server/dashboard").exists(),
        "no dashboard files are written"
    );
    let server = RunningServer::start(&binary);
    let base = &server.base_url;
    assert_eq!(
        request("GET", &format!("{base}/hello"), &[], None).status,
        200
    );
    for path in [
        "/_backworks/monitor/summary",
        "/_backworks/monitor/requests",
        // The dashboard's pages and description go with it (tests/tests/dashboard_browser.rs).
        "/_backworks/",
        "/_backworks/assets/app.js",
        "/_backworks/service.json",
        // No data and no dashboard: no live-event socket either.
        "/_backworks/ws",
    ] {
        let reply = request("GET", &format!("{base}{path}"), &[], None);
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
    }
    let page = request("GET", &format!("{base}/_backworks/metrics"), &[], None);
    assert_eq!(page.status, 200);
    assert_eq!(
        sample(
            &page.body,
            r#"backworks_http_requests_total{route="/hello",method="GET",status="2xx"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        request("GET", &format!("{base}/_backworks/health"), &[], None).status,
        200
    );
}

#[test]
fn hello_world_streams_its_requests_on_the_websocket() {
    use tungstenite::Message;
    // A copy under its own name: built servers share `target/servers`, and a binary is named
    // after its service (`a_disabled_dashboard_removes_the_monitor_routes` builds hello-world).
    let project = workspace_root().join("target/e2e/hello-stream-project");
    let _ = std::fs::remove_dir_all(&project);
    copy_dir(&example("hello-world"), &project);
    let blueprint = project.join("backworks.yaml");
    let text = std::fs::read_to_string(&blueprint).unwrap();
    assert!(text.contains("name: hello-world"), "{text}");
    std::fs::write(
        &blueprint,
        text.replacen("name: hello-world", "name: hello-stream", 1),
    )
    .unwrap();
    let binary = build(&project, "hello-stream");
    let server = RunningServer::start(&binary);
    let (mut socket, _) =
        tungstenite::connect(format!("ws://127.0.0.1:{}/_backworks/ws", server.port))
            .expect("the WebSocket connects");
    if let tungstenite::stream::MaybeTlsStream::Plain(stream) = socket.get_ref() {
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("a read timeout");
    }
    let mut recv = move |send: Option<serde_json::Value>| {
        if let Some(message) = send {
            socket
                .send(Message::Text(message.to_string().into()))
                .expect("sent");
        }
        loop {
            match socket.read().expect("a message within 10 s") {
                Message::Text(text) => {
                    return serde_json::from_str::<serde_json::Value>(text.as_str()).expect("JSON");
                }
                Message::Close(frame) => panic!("closed: {frame:?}"),
                _ => continue,
            }
        }
    };
    let subscribed = recv(Some(
        serde_json::json!({ "type": "subscribe", "sub": "log", "stream": "requests" }),
    ));
    assert_eq!(subscribed["type"], "subscribed", "{subscribed}");
    let base = &server.base_url;
    assert_eq!(
        request("GET", &format!("{base}/hello"), &[], None).status,
        200
    );
    let message = recv(None);
    assert_eq!(message["type"], "request", "{message}");
    assert_eq!(message["entry"]["path"], "/hello", "{message}");
    assert_eq!(message["entry"]["status"], 200);
    // Nothing else to subscribe to in a service without data.
    let refused = recv(Some(
        serde_json::json!({ "type": "subscribe", "sub": "n", "resource": "notes" }),
    ));
    assert_eq!(refused["status"], 404, "{refused}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the example") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            if entry.file_name() != "out" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).expect("copy a file");
        }
    }
}
