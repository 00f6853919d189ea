//! `serve` end to end, as a generated server's `main` runs it: this test binary starts itself as a
//! child process that calls `serve`, and checks the start-up line on stdout, `HOST`/`PORT`, JSON
//! logs with `BACKWORKS_LOG=json` (panics included), a clean exit on SIGTERM, and a one-line error with exit code 1
//! when the port is taken or `PORT` is not a number.

mod http_support;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::Duration;

use backworks_runtime::http::{RouteSpec, ServiceSpec};
use http_support::{SERVICE, get};

/// Set in the child's environment: the child runs `serve` instead of tests.
const CHILD: &str = "BACKWORKS_HTTP_SERVE_CHILD";

/// A spec the router refuses: two routes whose paths conflict.
static CONFLICTING: ServiceSpec = ServiceSpec {
    name: "conflicting",
    version: "0.0.0",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 1024,
    global_headers: &[],
    routes: &[
        RouteSpec {
            method: "GET",
            path: "/a/{x}",
            endpoint: "a_x",
            timeout_ms: 1_000,
            handler: http_support::echo,
            operation: None,
            typed_params: &[],
            auth: backworks_runtime::auth::Access::Public,
        },
        RouteSpec {
            method: "POST",
            path: "/a/{y}",
            endpoint: "a_y",
            timeout_ms: 1_000,
            handler: http_support::echo,
            operation: None,
            typed_params: &[],
            auth: backworks_runtime::auth::Access::Public,
        },
    ],
    openapi: None,
    data: None,
    auth: None,
    transport: None,
    dashboard: None,
};

/// In the child, this "test" is the server's `main`; in a normal run it does nothing.
#[test]
fn serve_child_process() {
    if let Some(which) = std::env::var_os(CHILD) {
        let spec = if which == "conflicting" {
            &CONFLICTING
        } else {
            &SERVICE
        };
        let code = backworks_runtime::http::serve(spec);
        std::process::exit(if code == ExitCode::SUCCESS { 0 } else { 1 });
    }
}

fn spawn_server(env: &[(&str, &str)]) -> Child {
    spawn_child("service", env)
}

fn spawn_child(which: &str, env: &[(&str, &str)]) -> Child {
    let mut command = Command::new(std::env::current_exe().expect("the test binary's path"));
    command
        .args([
            "--exact",
            "serve_child_process",
            "--quiet",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, which)
        .env_remove("PORT")
        .env_remove("HOST")
        .env_remove("RUST_LOG")
        .env_remove("BACKWORKS_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    command.spawn().expect("start the child server")
}

/// Reads stdout until the start-up line and returns the port it names.
fn wait_for_listening_line(child: &mut Child) -> u16 {
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let prefix = "test-service listening on http://127.0.0.1:";
    for line in lines.by_ref() {
        let line = line.expect("stdout is readable");
        if let Some(port) = line.strip_prefix(prefix) {
            return port.parse().expect("the line ends with the port");
        }
    }
    panic!("the server exited without announcing itself");
}

fn terminate(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

fn wait_with_timeout(child: &mut Child) -> std::process::ExitStatus {
    for _ in 0..1_000 {
        if let Some(status) = child.try_wait().expect("poll the child") {
            return status;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    panic!("the server did not exit within 10 s");
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        stderr
            .read_to_string(&mut text)
            .expect("stderr is readable");
    }
    text
}

#[cfg(unix)]
#[test]
fn serve_announces_itself_serves_and_exits_cleanly_on_sigterm() {
    let mut child = spawn_server(&[("PORT", "0"), ("BACKWORKS_LOG", "json")]);
    let port = wait_for_listening_line(&mut child);
    assert_ne!(port, 0, "the line shows the bound port");

    let reply = get(&format!("http://127.0.0.1:{port}/_backworks/health"));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["name"], "test-service");

    let reply = get(&format!("http://127.0.0.1:{port}/fail?kind=panic"));
    assert_eq!(reply.status, 500);

    terminate(&child);
    let status = wait_with_timeout(&mut child);
    assert!(status.success(), "{status:?}");

    // Every log line is JSON, the panic message included.
    let stderr = stderr_of(&mut child);
    let events: Vec<serde_json::Value> = stderr
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|_| panic!("not a JSON line: {line:?}"))
        })
        .collect();
    let request_line = events
        .iter()
        .find(|event| event["target"] == "backworks::request")
        .unwrap_or_else(|| panic!("no request line in {stderr:?}"));
    assert_eq!(request_line["fields"]["path"], "/_backworks/health");
    assert_eq!(request_line["fields"]["status"], 200);
    let panic_line = events
        .iter()
        .find(|event| event["target"] == "backworks::panic")
        .unwrap_or_else(|| panic!("no panic line in {stderr:?}"));
    assert_eq!(panic_line["level"], "ERROR");
    let message = panic_line["fields"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("deliberate test panic"), "{panic_line}");
    // Logged inside the handler's span, which names the endpoint.
    assert_eq!(panic_line["span"]["endpoint"], "fail", "{panic_line}");
}

#[cfg(unix)]
#[test]
fn without_port_the_default_port_is_used() {
    // The test service's default port is 0, so an unset PORT binds a free port.
    let mut child = spawn_server(&[("HOST", "127.0.0.1")]);
    let port = wait_for_listening_line(&mut child);
    assert_eq!(get(&format!("http://127.0.0.1:{port}/echo")).status, 200);
    terminate(&child);
    assert!(wait_with_timeout(&mut child).success());
}

#[test]
fn a_taken_port_is_a_one_line_error_and_exit_code_1() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = taken
        .local_addr()
        .expect("the bound address")
        .port()
        .to_string();
    let mut child = spawn_server(&[("PORT", &port)]);
    let status = wait_with_timeout(&mut child);
    assert_eq!(status.code(), Some(1));
    let stderr = stderr_of(&mut child);
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr:?}");
    assert!(
        errors[0].starts_with(&format!(
            "error: test-service: cannot listen on 127.0.0.1:{port}: "
        )),
        "{stderr:?}"
    );
    assert!(!stderr.contains("panicked"), "{stderr:?}");
}

#[test]
fn a_malformed_port_is_a_one_line_error_and_exit_code_1() {
    let mut child = spawn_server(&[("PORT", "eighty")]);
    let status = wait_with_timeout(&mut child);
    assert_eq!(status.code(), Some(1));
    let stderr = stderr_of(&mut child);
    assert!(
        stderr.contains("error: test-service: PORT=\"eighty\" is not a port number"),
        "{stderr:?}"
    );
}

#[test]
fn conflicting_routes_are_a_one_line_error_and_exit_code_1() {
    let mut child = spawn_child("conflicting", &[("PORT", "0")]);
    let status = wait_with_timeout(&mut child);
    assert_eq!(status.code(), Some(1));
    let stderr = stderr_of(&mut child);
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    assert_eq!(lines.len(), 1, "{stderr:?}");
    assert!(
        lines[0].starts_with("error: conflicting: invalid routes: "),
        "{stderr:?}"
    );
}
