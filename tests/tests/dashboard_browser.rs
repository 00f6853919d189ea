//! The dashboard end to end, in a real browser: `examples/notes-auth` (built-in accounts,
//! record rules, rate limits) with a `dashboard.auth` token added, built and run with marker
//! strings as its secrets, then driven once by `tests/dashboard/browser.mjs` in Debian's
//! chromium (playwright-core): sign in as the admin, every page with real data (the requests
//! sent here show in the live log and in the endpoints' counts), the explorer creating a
//! note, every asset served from loopback, no console error, axe-core on every page, no
//! secret anywhere, screenshots of every page in both themes at both widths
//! (`target/dashboard-screenshots/`), and an optional boolean kept null through the
//! crud_table's tri-state edit form (the database read afterwards). Over plain HTTP first:
//! content types, the content security policy, ETags, redirects, and who may read
//! `service.json`. Then the same binary with `DASHBOARD_PORT` set, under
//! `tests/dashboard/own_port.mjs`: sign-in, the explorer and the live log's socket on the
//! dashboard's own port, through its `/_backworks/api/` prefix.
//!
//! The admin workflows: `examples/bookstore` (every workflow type, no `auth:`: the dashboard
//! answers this machine), the binary bookstore_e2e builds, driven by
//! `tests/dashboard/workflows.mjs` — the crud_table against the database, the form, the
//! table, every chart (an endpoint chart's 10-second refresh under Playwright's clock), live
//! updates, axe in both themes, screenshots of every workflow page.
//! In the notes-auth run, a member sees no admin workflow
//! and the server refuses the member's call to one (403).

use std::path::{Path, PathBuf};
use std::process::Command;

use backworks_tests::http::{raw, request};
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, example, workspace_root};

/// Every secret the server reads, each a marker that must never reach the dashboard.
const JWT_SECRET: &str = "MARKER-jwt-secret-4c1e9a0b7d2f-long-enough";
const SESSION_SECRET: &str = "MARKER-session-secret-8b3d5e1f2a-long-enough";
const ADMIN_PASSWORD: &str = "MARKER-admin-password-6f0c2d";
const DASHBOARD_TOKEN: &str = "MARKER-dashboard-token-9e4a7c1b";
const ADMIN_EMAIL: &str = "admin@example.com";
/// An account with the default role (`member`), registered by the test.
const MEMBER_EMAIL: &str = "member@example.com";
const MEMBER_PASSWORD: &str = "a member's long password";
/// An account the admin gives the `reports` role: it may use the report workflow only.
const REPORTER_EMAIL: &str = "reporter@example.com";
const REPORTER_PASSWORD: &str = "a reporter's long password";

/// How many `GET /status` the test sends before the browser looks.
const STATUS_REQUESTS: usize = 3;

fn project() -> PathBuf {
    let project = workspace_root().join("target/e2e/dashboard-browser-project");
    let _ = std::fs::remove_dir_all(&project);
    copy_dir(&example("notes-auth"), &project);
    let blueprint = project.join("backworks.yaml");
    let text = std::fs::read_to_string(&blueprint).expect("the blueprint");
    // A name of its own, so its binary in the shared target folder is not auth_e2e's.
    let text = text.replacen("name: notes-auth", "name: dashboard-notes", 1);
    // An endpoint that logs (the example's last section is `endpoints:`), for the live log's
    // details, and the dashboard token (in the example's `dashboard:` section).
    let text = text.replacen(
        "\ndashboard:\n",
        "\ndashboard:\n  auth: ${DASHBOARD_TOKEN}\n",
        1,
    );
    let logger = "  logger:\n    path: /logger\n    method: GET\n    auth: none\n    handler: |\n      \
                  export default function (req, ctx) {\n        \
                  console.log(\"logged by the dashboard test\");\n        \
                  return { body: { logged: true } };\n      }\n";
    std::fs::write(&blueprint, format!("{text}{logger}")).expect("write the blueprint");
    project
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the example") {
        let entry = entry.expect("an entry");
        let name = entry.file_name();
        if name == "out" || name == "data" {
            continue;
        }
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(name));
        } else {
            std::fs::copy(entry.path(), to.join(name)).expect("copy a file");
        }
    }
}

#[test]
fn the_dashboard_works_in_a_real_browser() {
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "the browser test needs Debian's chromium: apt-get install -y chromium"
    );
    let compiled = compile(&project())
        .unwrap_or_else(|diagnostics| panic!("the project does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target/e2e/dashboard-browser");
    compiled.tree.write(&out).expect("output written");
    for file in ["index.html", "assets/app.js", "service.json"] {
        assert!(
            out.join("dashboard").join(file).exists(),
            "OUT/dashboard/{file}"
        );
    }
    let binary = build_server(&out);
    let folder = workspace_root().join("target/e2e/dashboard-browser-run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    let server = RunningServer::start_in(&binary, &folder, &SECRETS);
    let base = server.base_url.clone();
    pages_are_served_as_pages(&base, server.port);
    the_description_is_read_only_by_admins(&base);
    for _ in 0..STATUS_REQUESTS {
        assert_eq!(
            request("GET", &format!("{base}/status"), &[], None).status,
            200
        );
    }
    let logged = request("GET", &format!("{base}/logger"), &[], None);
    assert_eq!(logged.status, 200, "{}", logged.body);

    let screenshots = workspace_root().join("target/dashboard-screenshots");
    let config = serde_json::json!({
        "email": ADMIN_EMAIL,
        "password": ADMIN_PASSWORD,
        "markers": [JWT_SECRET, SESSION_SECRET, ADMIN_PASSWORD, DASHBOARD_TOKEN],
        "token": DASHBOARD_TOKEN,
        "member": { "email": MEMBER_EMAIL, "password": MEMBER_PASSWORD },
        "reporter": { "email": REPORTER_EMAIL, "password": REPORTER_PASSWORD },
        "screenshots": screenshots,
        "probe": "/live-probe-of-the-dashboard-test",
        "status_requests": STATUS_REQUESTS,
        "sent": STATUS_REQUESTS + 1,
    });
    run_browser_script("browser", &base, &folder, &config);
    server.terminate();
    an_unset_boolean_is_null_in_the_database(&folder);
    the_dashboard_works_on_its_own_port(&binary, &folder, &screenshots);
}

/// The server's environment: every secret a marker.
const SECRETS: [(&str, &str); 5] = [
    ("JWT_SECRET", JWT_SECRET),
    ("SESSION_SECRET", SESSION_SECRET),
    ("ADMIN_EMAIL", ADMIN_EMAIL),
    ("ADMIN_PASSWORD", ADMIN_PASSWORD),
    ("DASHBOARD_TOKEN", DASHBOARD_TOKEN),
];

/// After browser.mjs saved the note whose optional `shared` it left unset in the edit form,
/// the database holds SQL NULL there (not false), read with the `sqlite3` shell.
fn an_unset_boolean_is_null_in_the_database(folder: &Path) {
    let database = folder.join("data/dashboard-notes.db");
    let output = Command::new("sqlite3")
        .arg(&database)
        .arg("SELECT typeof(shared) FROM notes WHERE title = 'Tri-state note, edited'")
        .output()
        .expect("sqlite3 runs (Debian: apt-get install sqlite3)");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "null",
        "the note's shared column in {}",
        database.display()
    );
}

/// The same server run with its dashboard on a port of its own (`DASHBOARD_PORT`, as
/// `dashboard.port` would put it): `tests/dashboard/own_port.mjs` signs in with the account,
/// uses the explorer and follows the live log's socket, all through the dashboard port's
/// `/_backworks/api/` prefix.
fn the_dashboard_works_on_its_own_port(binary: &Path, folder: &Path, screenshots: &Path) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port");
    let port_text = port.to_string();
    let mut env = SECRETS.to_vec();
    env.push(("DASHBOARD_PORT", &port_text));
    let server = RunningServer::start_in(binary, folder, &env);
    let dashboard = format!("http://127.0.0.1:{port}");
    // The monitor moved: not on the service's port, on the dashboard's.
    assert_eq!(
        request(
            "GET",
            &format!("{}/_backworks/", server.base_url),
            &[],
            None
        )
        .status,
        404
    );
    let config = serde_json::json!({
        "api": server.base_url,
        "email": ADMIN_EMAIL,
        "password": ADMIN_PASSWORD,
        "probe": "/live-probe-of-the-dashboard-port",
        "screenshots": screenshots,
    });
    run_browser_script("own_port", &dashboard, folder, &config);
    server.terminate();
}

/// Runs `tests/dashboard/<script>.mjs` against `base` with `config` (written beside the
/// project) and fails with its report unless every check passed.
fn run_browser_script(script: &str, base: &str, folder: &Path, config: &serde_json::Value) {
    let config_path = folder.join(format!("{script}.json"));
    std::fs::write(&config_path, config.to_string()).expect("write the config");
    let output = Command::new("node")
        .arg(workspace_root().join(format!("tests/dashboard/{script}.mjs")))
        .arg(base)
        .arg(&config_path)
        .current_dir(workspace_root())
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    assert!(
        output.status.success(),
        "the {script} checks failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The shell and its assets: public, typed, revalidated by ETag, under a policy that allows
/// nothing but this origin.
fn pages_are_served_as_pages(base: &str, port: u16) {
    // Without its slash, the page is redirected (read raw: the client follows redirects).
    let root = raw(
        port,
        b"GET /_backworks HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n",
    );
    assert!(root.starts_with("HTTP/1.1 308"), "{root}");
    assert!(
        root.to_ascii_lowercase()
            .contains("location: /_backworks/\r\n"),
        "{root}"
    );
    let index = request("GET", &format!("{base}/_backworks/"), &[], None);
    assert_eq!(index.status, 200, "{}", index.body);
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let policy = index.header("content-security-policy").unwrap_or_default();
    assert!(policy.starts_with("default-src 'self'"), "{policy}");
    assert!(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"));
    assert!(!index.body.contains("<script>"), "no inline script");
    for (path, kind) in [
        ("assets/app.js", "text/javascript; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        (
            "assets/vendor/uPlot.iife.min.js",
            "text/javascript; charset=utf-8",
        ),
    ] {
        let asset = request("GET", &format!("{base}/_backworks/{path}"), &[], None);
        assert_eq!(asset.status, 200, "{path}");
        assert_eq!(asset.header("content-type"), Some(kind), "{path}");
        assert_eq!(asset.header("cache-control"), Some("no-cache"), "{path}");
        let etag = asset.header("etag").expect("an etag").to_owned();
        let again = request(
            "GET",
            &format!("{base}/_backworks/{path}"),
            &[("if-none-match", &etag)],
            None,
        );
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
    }
    let missing = request(
        "GET",
        &format!("{base}/_backworks/assets/nope.js"),
        &[],
        None,
    );
    assert_eq!(missing.status, 404);
}

/// `service.json` holds handler sources: the monitor's readers only.
fn the_description_is_read_only_by_admins(base: &str) {
    let url = format!("{base}/_backworks/service.json");
    assert_eq!(request("GET", &url, &[], None).status, 401);
    let bearer = format!("Bearer {DASHBOARD_TOKEN}");
    let by_token = request("GET", &url, &[("authorization", &bearer)], None);
    assert_eq!(by_token.status, 200, "{}", by_token.body);
    let description = by_token.json();
    assert_eq!(description["name"], "dashboard-notes");
    assert_eq!(description["sign_in"], "accounts");
    // A member (the default role) may not read it.
    let account =
        serde_json::json!({ "email": MEMBER_EMAIL, "password": MEMBER_PASSWORD }).to_string();
    let account = account.as_str();
    let registered = request(
        "POST",
        &format!("{base}/auth/register"),
        &[("content-type", "application/json")],
        Some(account),
    );
    assert!(registered.status < 300, "{}", registered.body);
    let login = request(
        "POST",
        &format!("{base}/auth/login"),
        &[("content-type", "application/json")],
        Some(account),
    );
    let member = format!("Bearer {}", login.json()["access_token"].as_str().unwrap());
    assert_eq!(
        request("GET", &url, &[("authorization", &member)], None).status,
        403
    );
    workflows_follow_roles(base, &member);
}

/// The workflows a caller may use are those of their roles, and the forwarding routes refuse
/// the others: the member gets none (and no monitoring pages), the admin both, a reporter
/// the report only.
fn workflows_follow_roles(base: &str, member: &str) {
    let described = request(
        "GET",
        &format!("{base}/_backworks/workflows"),
        &[("authorization", member)],
        None,
    );
    assert_eq!(described.status, 200, "{}", described.body);
    let described = described.json();
    assert_eq!(described["monitor"], false, "{described}");
    assert_eq!(described["workflows"], serde_json::json!([]), "{described}");
    for path in ["/_backworks/w/notes/notes", "/_backworks/w/report/report"] {
        let refused = request(
            "GET",
            &format!("{base}{path}"),
            &[("authorization", member)],
            None,
        );
        assert_eq!(refused.status, 403, "{path}: {}", refused.body);
    }
    let admin = sign_in(base, ADMIN_EMAIL, ADMIN_PASSWORD);
    let described = request(
        "GET",
        &format!("{base}/_backworks/workflows"),
        &[("authorization", &admin)],
        None,
    )
    .json();
    assert_eq!(described["monitor"], true, "{described}");
    let ids: Vec<&str> = described["workflows"]
        .as_array()
        .expect("workflows")
        .iter()
        .filter_map(|w| w["id"].as_str())
        .collect();
    assert_eq!(ids, ["notes", "report"]);
    let listed = request(
        "GET",
        &format!("{base}/_backworks/w/notes/notes"),
        &[("authorization", &admin)],
        None,
    );
    assert_eq!(listed.status, 200, "{}", listed.body);

    // A reporter (member + reports, granted by the admin): the report and nothing else.
    let account = serde_json::json!({ "email": REPORTER_EMAIL, "password": REPORTER_PASSWORD });
    let registered = request(
        "POST",
        &format!("{base}/auth/register"),
        &[("content-type", "application/json")],
        Some(&account.to_string()),
    );
    assert!(registered.status < 300, "{}", registered.body);
    let reporter = sign_in(base, REPORTER_EMAIL, REPORTER_PASSWORD);
    let me = request(
        "GET",
        &format!("{base}/auth/me"),
        &[("authorization", &reporter)],
        None,
    )
    .json();
    let granted = request(
        "PATCH",
        &format!("{base}/auth/users/{}", me["id"].as_str().expect("an id")),
        &[
            ("authorization", &admin),
            ("content-type", "application/json"),
        ],
        Some(r#"{"roles":["member","reports"]}"#),
    );
    assert_eq!(granted.status, 200, "{}", granted.body);
    // Roles travel in the token: a fresh sign-in carries the new one.
    let reporter = sign_in(base, REPORTER_EMAIL, REPORTER_PASSWORD);
    let described = request(
        "GET",
        &format!("{base}/_backworks/workflows"),
        &[("authorization", &reporter)],
        None,
    )
    .json();
    assert_eq!(described["monitor"], false, "{described}");
    assert_eq!(described["workflows"][0]["id"], "report", "{described}");
    assert_eq!(described["workflows"].as_array().map(Vec::len), Some(1));
    let allowed = request(
        "GET",
        &format!("{base}/_backworks/w/report/report"),
        &[("authorization", &reporter)],
        None,
    );
    assert_eq!(allowed.status, 200, "{}", allowed.body);
    let refused = request(
        "GET",
        &format!("{base}/_backworks/w/notes/notes"),
        &[("authorization", &reporter)],
        None,
    );
    assert_eq!(refused.status, 403, "{}", refused.body);
}

/// `Bearer <access token>` of an account.
fn sign_in(base: &str, email: &str, password: &str) -> String {
    let account = serde_json::json!({ "email": email, "password": password }).to_string();
    let login = request(
        "POST",
        &format!("{base}/auth/login"),
        &[("content-type", "application/json")],
        Some(&account),
    );
    assert_eq!(login.status, 200, "{}", login.body);
    format!("Bearer {}", login.json()["access_token"].as_str().unwrap())
}

#[test]
fn the_workflows_work_in_a_real_browser() {
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "the browser test needs Debian's chromium: apt-get install -y chromium"
    );
    // The very project and folder bookstore_e2e builds: the emitter rewrites no unchanged file,
    // so cargo finds its binary fresh and no second bookstore server is compiled.
    let compiled = compile(&example("bookstore"))
        .unwrap_or_else(|diagnostics| panic!("the bookstore does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target/e2e/bookstore");
    compiled.tree.write(&out).expect("output written");
    let binary = build_server(&out);
    let folder = workspace_root().join("target/e2e/dashboard-bookstore-run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    let server = RunningServer::start_in(&binary, &folder, &[]);
    let base = server.base_url.clone();

    // What the page builds on: this machine may use every workflow and the monitoring pages.
    let described = request("GET", &format!("{base}/_backworks/workflows"), &[], None);
    assert_eq!(described.status, 200, "{}", described.body);
    let described = described.json();
    assert_eq!(described["monitor"], true);
    assert_eq!(described["theme"]["accent"], "#0f766e");
    let kinds: Vec<&str> = described["workflows"]
        .as_array()
        .expect("workflows")
        .iter()
        .filter_map(|w| w["type"].as_str())
        .collect();
    for kind in ["crud_table", "form", "table", "chart"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }

    let config = serde_json::json!({
        "screenshots": workspace_root().join("target/dashboard-screenshots"),
    });
    run_browser_script("workflows", &base, &folder, &config);
    server.terminate();
}
