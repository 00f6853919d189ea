//! The response half of the contract, over real HTTP: status and headers from the handler,
//! default content types, empty bodies, global headers (on errors and 404s too, and yielding to
//! the handler's), invalid handler output as a 500, `HEAD`, and `x-request-id` on every response.

mod http_support;

use http_support::{SERVICE, TestServer, get, raw, request};

#[test]
fn a_json_body_gets_status_headers_and_the_json_content_type() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/shape?case=json"));
    assert_eq!(reply.status, 201);
    assert_eq!(reply.header("x-custom"), Some("yes"));
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.text(), "{\"a\":1}");
}

#[test]
fn a_text_body_gets_text_plain_utf8() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/shape?case=text"));
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(reply.text(), "héllo");
}

#[test]
fn the_handlers_content_type_wins() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/shape?case=typed"));
    assert_eq!(
        reply.header_all("content-type"),
        ["text/html; charset=utf-8"]
    );
    assert_eq!(reply.text(), "<b>hi</b>");
}

#[test]
fn an_empty_body_sends_no_body_and_no_content_type() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/shape?case=empty"));
    assert_eq!(reply.status, 204);
    assert!(reply.body.is_empty());
    assert_eq!(reply.header("content-type"), None);
}

#[test]
fn repeated_handler_headers_are_all_sent() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/shape?case=cookies"));
    assert_eq!(reply.header_all("set-cookie"), ["a=1", "b=2"]);
}

#[test]
fn global_headers_are_on_every_response_unless_the_handler_set_them() {
    let server = TestServer::start(&SERVICE);
    for path in [
        "/echo",
        "/shape?case=empty",
        "/fail?kind=thrown",
        "/fail?kind=panic",
        "/nowhere",
        "/_backworks/nothing",
        "/_backworks/health",
    ] {
        let reply = get(&server.url(path));
        assert_eq!(reply.header("x-powered-by"), Some("backworks"), "{path}");
        assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{path}");
    }
    let reply = request("DELETE", &server.url("/echo"), &[], None);
    assert_eq!(reply.status, 405);
    assert_eq!(reply.header("x-powered-by"), Some("backworks"));

    let reply = get(&server.url("/shape?case=override_global"));
    assert_eq!(reply.header_all("x-powered-by"), ["my-handler"]);
    assert_eq!(reply.header("x-frame-options"), Some("DENY"));
}

#[test]
fn invalid_handler_headers_and_statuses_are_a_500_not_a_panic() {
    let server = TestServer::start(&SERVICE);
    let message =
        get(&server.url("/shape?case=bad_header_name")).assert_error(500, "invalid_response");
    assert!(
        message.contains("\"bad header\" is not a valid header name"),
        "{message}"
    );
    let message =
        get(&server.url("/shape?case=bad_header_value")).assert_error(500, "invalid_response");
    assert!(message.contains("x-bad"), "{message}");
    let message = get(&server.url("/shape?case=bad_status")).assert_error(500, "invalid_response");
    assert!(message.contains("42"), "{message}");
    // The server is still serving.
    assert_eq!(get(&server.url("/shape?case=json")).status, 201);
}

#[test]
fn head_on_a_get_route_runs_it_without_a_body() {
    let server = TestServer::start(&SERVICE);
    let reply = raw(
        server.addr,
        b"HEAD /shape?case=json HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n",
    );
    assert_eq!(reply.status, 201);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.header("x-custom"), Some("yes"));
    assert!(reply.header("x-request-id").is_some());
    // `raw` reads until the server closes: no body bytes arrived after the head.
    assert!(reply.body.is_empty());

    let reply = request("HEAD", &server.url("/echo"), &[], None);
    assert_eq!(reply.status, 200);
    assert!(reply.body.is_empty());
}

#[test]
fn every_response_has_a_request_id_and_a_fresh_one_is_a_uuid() {
    let server = TestServer::start(&SERVICE);
    let mut seen = Vec::new();
    for path in [
        "/echo",
        "/nowhere",
        "/fail?kind=timeout",
        "/_backworks/health",
    ] {
        let reply = get(&server.url(path));
        let id = reply
            .header("x-request-id")
            .expect("x-request-id is set")
            .to_owned();
        assert_eq!(id.len(), 36, "{id}");
        assert_eq!(&id[14..15], "4", "a version-4 UUID: {id}");
        assert!(!seen.contains(&id), "ids are unique");
        seen.push(id);
    }
}

#[test]
fn a_well_formed_incoming_request_id_is_reused_and_a_malformed_one_replaced() {
    let server = TestServer::start(&SERVICE);
    let kept = "a".repeat(128);
    for path in ["/echo", "/nowhere"] {
        let reply = request("GET", &server.url(path), &[("x-request-id", &kept)], None);
        assert_eq!(reply.header("x-request-id"), Some(kept.as_str()), "{path}");
    }
    let too_long = "a".repeat(129);
    let reply = request(
        "GET",
        &server.url("/echo"),
        &[("x-request-id", &too_long)],
        None,
    );
    let id = reply.header("x-request-id").expect("x-request-id is set");
    assert_ne!(id, too_long);
    assert_eq!(id.len(), 36);

    let reply = raw(
        server.addr,
        b"GET /echo HTTP/1.1\r\nhost: 127.0.0.1\r\nx-request-id: caf\xc3\xa9\r\nconnection: close\r\n\r\n",
    );
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("x-request-id").map(str::len), Some(36));
}
