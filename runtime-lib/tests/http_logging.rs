//! Logging over real HTTP: every request, whatever its outcome (200, 404, 405, 413, a thrown
//! error, a panic), writes exactly one event on target `backworks::request` with method, path,
//! status, endpoint, request_id and duration_ms; thrown errors and panics also write an error
//! event on `backworks::handler` with the stack or the panic message.
//!
//! The events are captured as JSON lines by a process-wide subscriber this test crate installs.

mod http_support;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use http_support::{SERVICE, TestServer, request};
use serde_json::Value;

/// Everything the subscriber wrote.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("the capture lock is not poisoned")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn captured() -> &'static Captured {
    static CAPTURED: OnceLock<Captured> = OnceLock::new();
    CAPTURED.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || writer.clone())
            .init();
        captured
    })
}

/// Every event captured so far.
fn all_events() -> Vec<Value> {
    let bytes = captured()
        .0
        .lock()
        .expect("the capture lock is not poisoned")
        .clone();
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .collect()
}

/// The captured events whose fields carry `request_id`.
fn events_for(request_id: &str) -> Vec<Value> {
    all_events()
        .into_iter()
        .filter(|event| event["fields"]["request_id"] == request_id)
        .collect()
}

fn on_target<'a>(events: &'a [Value], target: &str) -> Vec<&'a Value> {
    events
        .iter()
        .filter(|event| event["target"] == target)
        .collect()
}

/// Method, path, body, expected status, expected endpoint.
type Case<'a> = (&'a str, &'a str, Option<&'a [u8]>, u16, &'a str);

#[test]
fn every_request_writes_exactly_one_request_line() {
    captured();
    let server = TestServer::start(&SERVICE);
    let oversized = vec![b'x'; http_support::BODY_LIMIT + 1];
    let cases: [Case; 6] = [
        ("GET", "/echo?q=1", None, 200, "echo_get"),
        ("GET", "/missing", None, 404, "-"),
        ("DELETE", "/echo", None, 405, "-"),
        ("POST", "/echo", Some(&oversized), 413, "echo_post"),
        ("GET", "/fail?kind=thrown", None, 500, "fail"),
        ("GET", "/_backworks/health", None, 200, "_backworks/health"),
    ];
    for (index, (method, path, body, status, endpoint)) in cases.into_iter().enumerate() {
        let request_id = format!("log-test-{index}");
        let reply = request(
            method,
            &server.url(path),
            &[("x-request-id", &request_id)],
            body,
        );
        assert_eq!(reply.status, status, "{method} {path}");

        let events = events_for(&request_id);
        let lines = on_target(&events, "backworks::request");
        assert_eq!(lines.len(), 1, "{method} {path}: {events:#?}");
        let fields = &lines[0]["fields"];
        assert_eq!(fields["method"], method);
        assert_eq!(fields["path"], path.split('?').next().unwrap_or_default());
        assert_eq!(fields["status"], status);
        assert_eq!(fields["endpoint"], endpoint);
        assert!(
            fields["duration_ms"].as_f64().is_some_and(|ms| ms >= 0.0),
            "{fields}"
        );
        let level = if status >= 500 { "WARN" } else { "INFO" };
        assert_eq!(lines[0]["level"], level);
    }
}

#[test]
fn a_thrown_error_logs_its_stack_at_error_level() {
    captured();
    let server = TestServer::start(&SERVICE);
    let id = "log-test-thrown-stack";
    request(
        "GET",
        &server.url("/fail?kind=thrown"),
        &[("x-request-id", id)],
        None,
    );
    let events = events_for(id);
    let handler_events = on_target(&events, "backworks::handler");
    assert_eq!(handler_events.len(), 1, "{events:#?}");
    let event = handler_events[0];
    assert_eq!(event["level"], "ERROR");
    assert_eq!(event["fields"]["endpoint"], "fail");
    let stack = event["fields"]["stack"]
        .as_str()
        .expect("the stack is logged");
    assert!(stack.contains("at handler (fail.js:3:7)"), "{stack}");
    let message = event["fields"]["message"].as_str().expect("a message");
    assert!(
        message.contains("TypeError: x.y is not a function"),
        "{message}"
    );
}

#[test]
fn a_panic_logs_its_message_at_error_level() {
    captured();
    let server = TestServer::start(&SERVICE);
    let id = "log-test-panic";
    let reply = request(
        "GET",
        &server.url("/fail?kind=panic"),
        &[("x-request-id", id)],
        None,
    );
    assert_eq!(reply.status, 500);
    let events = events_for(id);
    let handler_events = on_target(&events, "backworks::handler");
    assert_eq!(handler_events.len(), 1, "{events:#?}");
    assert_eq!(handler_events[0]["level"], "ERROR");
    assert_eq!(
        handler_events[0]["fields"]["panic"],
        "deliberate test panic"
    );
    assert_eq!(on_target(&events, "backworks::request").len(), 1);
}

#[test]
fn console_output_is_logged_inside_the_handler_span() {
    captured();
    let server = TestServer::start(&SERVICE);
    let id = "log-test-console";
    let reply = request(
        "GET",
        &server.url("/fail?kind=logged"),
        &[("x-request-id", id)],
        None,
    );
    assert_eq!(reply.status, 200);
    let events = all_events();
    let line = events
        .iter()
        .find(|event| event["span"]["request_id"] == id && event["target"] == "handler")
        .unwrap_or_else(|| panic!("no console line in the handler span: {events:#?}"));
    assert_eq!(line["fields"]["message"], "written by the handler");
    assert_eq!(line["level"], "WARN");
    assert_eq!(line["span"]["name"], "handler");
    assert_eq!(line["span"]["endpoint"], "fail");
}
