//! The request half of the contract, over real HTTP: what a handler receives in its
//! `HandlerRequest` — method, path, path and query parameters, lower-cased headers, the body
//! classified by content type, the request id and the deadline.

mod http_support;

use http_support::{BODY_LIMIT, SERVICE, TestServer, get, request};
use serde_json::json;

#[test]
fn method_path_and_path_params_in_declaration_order() {
    let server = TestServer::start(&SERVICE);
    let echoed = get(&server.url("/items/42/parts/wheel%20nut")).json();
    assert_eq!(echoed["method"], "GET");
    assert_eq!(echoed["path"], "/items/42/parts/wheel%20nut");
    // Percent-decoded, in the order the path declares them.
    assert_eq!(
        echoed["path_params"],
        json!([["item", "42"], ["part", "wheel nut"]])
    );

    let echoed = request(
        "POST",
        &server.url("/posts/7/comments"),
        &[("content-type", "application/json")],
        Some(b"{}"),
    )
    .json();
    assert_eq!(echoed["method"], "POST");
    assert_eq!(echoed["path_params"], json!([["id", "7"]]));
}

#[test]
fn query_params_are_decoded_in_order_with_repeats() {
    let server = TestServer::start(&SERVICE);
    let echoed = get(&server.url("/echo?tag=b&x=1&tag=a&q=caf%C3%A9+au+lait&flag&empty=")).json();
    assert_eq!(
        echoed["query_params"],
        json!([
            ["tag", "b"],
            ["x", "1"],
            ["tag", "a"],
            ["q", "café au lait"],
            ["flag", ""],
            ["empty", ""]
        ])
    );
    assert_eq!(echoed["path"], "/echo", "the path excludes the query");
    assert_eq!(get(&server.url("/echo")).json()["query_params"], json!([]));
}

#[test]
fn header_names_are_lower_cased() {
    let server = TestServer::start(&SERVICE);
    let echoed = request(
        "GET",
        &server.url("/echo"),
        &[
            ("X-Custom-Thing", "Mixed Case Value"),
            ("ACCEPT", "text/x-test"),
        ],
        None,
    )
    .json();
    let headers = echoed["headers"].as_array().expect("headers are a list");
    assert!(
        headers.contains(&json!(["x-custom-thing", "Mixed Case Value"])),
        "{headers:?}"
    );
    assert!(
        headers.contains(&json!(["accept", "text/x-test"])),
        "{headers:?}"
    );
    for pair in headers {
        let name = pair[0].as_str().expect("a header name is a string");
        assert_eq!(name, name.to_ascii_lowercase());
    }
}

#[test]
fn bodies_are_classified_by_content_type() {
    let server = TestServer::start(&SERVICE);
    let url = server.url("/echo");
    let body_of = |content_type: Option<&str>, body: &[u8]| {
        let headers: Vec<(&str, &str)> = content_type
            .map(|ct| ("content-type", ct))
            .into_iter()
            .collect();
        request("POST", &url, &headers, Some(body)).json()["body"].clone()
    };

    assert_eq!(body_of(None, b""), json!({"kind": "empty"}));
    assert_eq!(
        body_of(Some("application/json"), b""),
        json!({"kind": "empty"})
    );
    // JSON is passed through as text, not parsed (even when it is not valid JSON).
    assert_eq!(
        body_of(Some("application/json"), b"{\"a\": 1e400}"),
        json!({"kind": "json", "text": "{\"a\": 1e400}"})
    );
    assert_eq!(
        body_of(Some("application/json; charset=utf-8"), b"[1,"),
        json!({"kind": "json", "text": "[1,"})
    );
    assert_eq!(
        body_of(Some("application/vnd.api+json"), b"{}"),
        json!({"kind": "json", "text": "{}"})
    );
    assert_eq!(
        body_of(Some("text/plain"), "héllo".as_bytes()),
        json!({"kind": "text", "text": "héllo"})
    );
    assert_eq!(
        body_of(None, b"a=1&b=2"),
        json!({"kind": "text", "text": "a=1&b=2"})
    );
    // Invalid UTF-8 in a text body is decoded lossily.
    assert_eq!(
        body_of(Some("application/octet-stream"), b"a\xffb"),
        json!({"kind": "text", "text": "a\u{fffd}b"})
    );
}

#[test]
fn invalid_utf8_in_a_json_body_is_a_400() {
    let server = TestServer::start(&SERVICE);
    let reply = request(
        "POST",
        &server.url("/echo"),
        &[("content-type", "application/json")],
        Some(b"\"\xff\xfe\""),
    );
    let message = reply.assert_error(400, "invalid_body");
    assert!(message.contains("UTF-8"), "{message}");
}

#[test]
fn a_body_exactly_at_the_limit_is_accepted() {
    let server = TestServer::start(&SERVICE);
    let body = vec![b'x'; BODY_LIMIT];
    let echoed = request("PUT", &server.url("/echo"), &[], Some(&body)).json();
    assert_eq!(
        echoed["body"]["text"].as_str().map(str::len),
        Some(BODY_LIMIT)
    );
}

#[test]
fn the_handler_sees_the_request_id_that_the_response_carries() {
    let server = TestServer::start(&SERVICE);
    let reply = get(&server.url("/echo"));
    let sent_back = reply
        .header("x-request-id")
        .expect("x-request-id is set")
        .to_owned();
    assert_eq!(reply.json()["request_id"], sent_back);

    let reply = request(
        "GET",
        &server.url("/echo"),
        &[("x-request-id", "trace-abc.123")],
        None,
    );
    assert_eq!(reply.header("x-request-id"), Some("trace-abc.123"));
    assert_eq!(reply.json()["request_id"], "trace-abc.123");
}

#[test]
fn the_deadline_is_now_plus_the_route_budget() {
    let server = TestServer::start(&SERVICE);
    let remaining = get(&server.url("/echo")).json()["remaining_ms"]
        .as_u64()
        .expect("remaining_ms is a number");
    // The routes' budget is 5 000 ms; the handler runs right after the request is read.
    assert!((4_000..=5_000).contains(&remaining), "{remaining} ms left");
}
