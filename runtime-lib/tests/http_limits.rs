//! The body limit over real HTTP: a declared `Content-Length` over the limit is refused before the
//! body is read (even when the body never comes), a chunked body is cut off once it passes the
//! limit, and both are a JSON 413 that leaves the server serving.

mod http_support;

use http_support::{BODY_LIMIT, SERVICE, TestServer, get, raw, request};

#[test]
fn an_oversized_body_with_content_length_is_a_413() {
    let server = TestServer::start(&SERVICE);
    let body = vec![b'x'; BODY_LIMIT + 1];
    let reply = request("POST", &server.url("/echo"), &[], Some(&body));
    let message = reply.assert_error(413, "payload_too_large");
    assert!(message.contains(&BODY_LIMIT.to_string()), "{message}");
    assert!(reply.header("x-request-id").is_some());
}

#[test]
fn a_declared_length_over_the_limit_is_refused_without_reading_the_body() {
    let server = TestServer::start(&SERVICE);
    // Claims 10 MB and sends none of it: the answer must not wait for the body.
    let reply = raw(
        server.addr,
        b"POST /echo HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 10000000\r\n\r\n",
    );
    reply.assert_error(413, "payload_too_large");
    assert_eq!(get(&server.url("/echo")).status, 200);
}

#[test]
fn a_chunked_body_is_cut_off_past_the_limit() {
    let server = TestServer::start(&SERVICE);
    let mut raw_request =
        b"POST /echo HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
            .to_vec();
    let chunk = vec![b'y'; 300];
    // Four chunks of 300 bytes: 1 200 bytes in all, over the 1 024-byte limit.
    for _ in 0..4 {
        raw_request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        raw_request.extend_from_slice(&chunk);
        raw_request.extend_from_slice(b"\r\n");
    }
    raw_request.extend_from_slice(b"0\r\n\r\n");
    raw(server.addr, &raw_request).assert_error(413, "payload_too_large");
    assert_eq!(get(&server.url("/echo")).status, 200);
}

#[test]
fn a_chunked_body_within_the_limit_is_read_whole() {
    let server = TestServer::start(&SERVICE);
    let raw_request = b"POST /echo HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    let reply = raw(server.addr, raw_request);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["body"]["text"], "hello world");
}
