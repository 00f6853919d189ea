//! Errors over real HTTP, each as the JSON body `{"error", "message"}`: every `HandlerError`, a
//! panicking handler (after which the server keeps serving), unknown paths (404, including under
//! `/_backworks/`), known paths with another method (405 with `Allow`), and the health route.

mod http_support;

use http_support::{SERVICE, TestServer, get, raw, request};
use serde_json::json;

#[test]
fn bad_request_from_the_bridge_is_a_400_with_its_code() {
    let server = TestServer::start(&SERVICE);
    let message = get(&server.url("/fail?kind=bad_request")).assert_error(400, "invalid_json");
    assert_eq!(message, "Unexpected token } in JSON at position 9");
}

#[test]
fn a_thrown_error_is_a_500_handler_error_with_name_and_message() {
    let server = TestServer::start(&SERVICE);
    let message = get(&server.url("/fail?kind=thrown")).assert_error(500, "handler_error");
    assert_eq!(message, "TypeError: x.y is not a function");
}

#[test]
fn a_timeout_is_a_504() {
    let server = TestServer::start(&SERVICE);
    let message = get(&server.url("/fail?kind=timeout")).assert_error(504, "timeout");
    assert!(message.contains("250 ms"), "{message}");
}

#[test]
fn a_stack_overflow_is_a_500() {
    let server = TestServer::start(&SERVICE);
    get(&server.url("/fail?kind=stack_overflow")).assert_error(500, "stack_overflow");
}

#[test]
fn a_panic_is_a_500_and_the_server_keeps_serving() {
    let server = TestServer::start(&SERVICE);
    for _ in 0..3 {
        let message = get(&server.url("/fail?kind=panic")).assert_error(500, "internal_error");
        assert!(
            !message.contains("deliberate"),
            "the panic message stays in the log: {message}"
        );
        assert_eq!(get(&server.url("/echo")).status, 200);
    }
}

#[test]
fn an_unknown_path_is_a_json_404() {
    let server = TestServer::start(&SERVICE);
    let message = get(&server.url("/no/such/route?x=1")).assert_error(404, "not_found");
    assert_eq!(message, "no route matches GET /no/such/route");
    request("POST", &server.url("/nope"), &[], Some(b"x")).assert_error(404, "not_found");
}

#[test]
fn undefined_reserved_paths_are_json_404s_and_defined_ones_route() {
    let server = TestServer::start(&SERVICE);
    for path in [
        "/_backworks/",
        "/_backworks/monitor",
        "/_backworks/metrics/extra",
        "/_backworks/health/extra",
    ] {
        get(&server.url(path)).assert_error(404, "not_found");
    }
    assert_eq!(
        get(&server.url("/_backworks/custom")).json()["path"],
        "/_backworks/custom"
    );
}

#[test]
fn the_health_route_reports_name_and_version() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/_backworks/health"));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        json!({"status": "ok", "name": "test-service", "version": "1.2.3"})
    );
    request("POST", &server.url("/_backworks/health"), &[], Some(b"x"))
        .assert_error(405, "method_not_allowed");
}

#[test]
fn a_known_path_with_another_method_is_a_json_405_with_allow() {
    let server = TestServer::start(&SERVICE);
    let reply = request("DELETE", &server.url("/echo"), &[], None);
    let message = reply.assert_error(405, "method_not_allowed");
    assert!(message.contains("DELETE"), "{message}");
    // axum's behaviour: a GET route also answers HEAD, so HEAD is listed.
    assert_eq!(reply.header("allow"), Some("GET,HEAD,POST,PUT"));

    let reply = request("GET", &server.url("/posts/1/comments"), &[], None);
    reply.assert_error(405, "method_not_allowed");
    assert_eq!(reply.header("allow"), Some("POST"));

    let reply = raw(
        server.addr,
        b"PATCH /items/1/parts/2 HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
    );
    reply.assert_error(405, "method_not_allowed");
    assert_eq!(reply.header("allow"), Some("GET,HEAD"));
}

#[test]
fn routes_sharing_a_path_each_answer_their_method() {
    let server = TestServer::start(&SERVICE);
    for method in ["GET", "POST", "PUT"] {
        let body = (method != "GET").then_some(&b"x"[..]);
        let reply = request(method, &server.url("/echo"), &[], body);
        assert_eq!(reply.status, 200, "{method}");
        assert_eq!(reply.json()["method"], method);
    }
}

#[test]
fn the_openapi_document_is_served_as_json() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/_backworks/openapi.json"));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.text(), http_support::OPENAPI);
    let wrong_method = request("POST", &server.url("/_backworks/openapi.json"), &[], None);
    wrong_method.assert_error(405, "method_not_allowed");
}
