//! Transport hygiene over real HTTP on loopback: default security headers (and
//! `global_headers` overriding them), HSTS only when asked for, CORS preflights and actual
//! requests from allowed and disallowed origins, and a slowloris from one address — many
//! connections sending their headers a byte at a time — that neither starves a client at
//! another address nor keeps its connections past the header-read timeout.

mod http_support;
mod transport_support;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use backworks_runtime::http::{CorsSpec, ServiceSpec, TransportSpec};
use http_support::{SERVICE, TestServer};
use transport_support::{connect_from, send_from};

const fn with(transport: &'static TransportSpec) -> ServiceSpec {
    ServiceSpec {
        name: SERVICE.name,
        version: SERVICE.version,
        default_port: 0,
        default_host: "127.0.0.1",
        body_limit: SERVICE.body_limit,
        global_headers: &[("content-security-policy", "default-src 'self'")],
        routes: SERVICE.routes,
        openapi: None,
        data: None,
        auth: None,
        transport: Some(transport),
        dashboard: None,
    }
}

#[test]
fn every_response_carries_the_security_headers_and_global_headers_override_them() {
    static PLAIN: ServiceSpec = with(&TransportSpec::DEFAULT);
    let server = TestServer::start(&PLAIN);
    for path in ["/echo", "/nowhere", "/_backworks/health"] {
        let answer = send_from("127.0.0.1", server.addr, "GET", path, &[]);
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            answer.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
        assert_eq!(answer.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(
            answer.header("content-security-policy"),
            Some("default-src 'self'"),
            "{path}: the blueprint's own value wins"
        );
        assert_eq!(answer.header("strict-transport-security"), None, "{path}");
    }
}

#[test]
fn hsts_is_sent_only_when_the_service_says_it_is_served_over_https() {
    static HTTPS: ServiceSpec = with(&TransportSpec {
        hsts: true,
        ..TransportSpec::DEFAULT
    });
    let server = TestServer::start(&HTTPS);
    let answer = send_from("127.0.0.1", server.addr, "GET", "/echo", &[]);
    assert_eq!(
        answer.header("strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
}

static CORS: ServiceSpec = with(&TransportSpec {
    cors: Some(CorsSpec {
        origins: &["https://app.example.com"],
        methods: &[],
        headers: &["authorization", "content-type"],
        credentials: true,
        max_age_s: Some(600),
    }),
    ..TransportSpec::DEFAULT
});

#[test]
fn a_preflight_from_an_allowed_origin_is_answered() {
    let server = TestServer::start(&CORS);
    let answer = send_from(
        "127.0.0.1",
        server.addr,
        "OPTIONS",
        "/echo",
        &[
            ("origin", "https://app.example.com"),
            ("access-control-request-method", "POST"),
            (
                "access-control-request-headers",
                "authorization, content-type",
            ),
        ],
    );
    assert_eq!(answer.status, 204, "{answer:?}");
    assert_eq!(
        answer.header("access-control-allow-origin"),
        Some("https://app.example.com")
    );
    assert_eq!(
        answer.header("access-control-allow-credentials"),
        Some("true")
    );
    assert!(
        answer
            .header("access-control-allow-methods")
            .is_some_and(|methods| methods.contains("POST"))
    );
    assert_eq!(
        answer.header("access-control-allow-headers"),
        Some("authorization, content-type")
    );
    assert_eq!(answer.header("access-control-max-age"), Some("600"));
    assert!(
        answer.header("x-request-id").is_some(),
        "enveloped like any answer"
    );
}

#[test]
fn a_request_from_an_allowed_origin_may_be_read_by_its_page() {
    let server = TestServer::start(&CORS);
    let answer = send_from(
        "127.0.0.1",
        server.addr,
        "GET",
        "/echo",
        &[("origin", "https://app.example.com")],
    );
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("access-control-allow-origin"),
        Some("https://app.example.com"),
        "echoed, never `*`, since credentials are allowed"
    );
    assert_eq!(
        answer.header("access-control-allow-credentials"),
        Some("true")
    );
    assert!(
        answer
            .header("access-control-expose-headers")
            .is_some_and(|exposed| exposed.contains("ratelimit"))
    );
    assert_eq!(answer.header("vary"), Some("origin"));
}

#[test]
fn a_disallowed_origin_gets_no_cors_headers() {
    let server = TestServer::start(&CORS);
    let preflight = send_from(
        "127.0.0.1",
        server.addr,
        "OPTIONS",
        "/echo",
        &[
            ("origin", "https://evil.example"),
            ("access-control-request-method", "POST"),
        ],
    );
    let actual = send_from(
        "127.0.0.1",
        server.addr,
        "GET",
        "/echo",
        &[("origin", "https://app.example.com.evil.example")],
    );
    assert_eq!(
        preflight.status, 405,
        "not answered as a preflight: {preflight:?}"
    );
    assert_eq!(actual.status, 200);
    for answer in [&preflight, &actual] {
        let cors: Vec<_> = answer
            .headers
            .iter()
            .filter(|(name, _)| name.starts_with("access-control-"))
            .collect();
        assert!(cors.is_empty(), "{cors:?}");
    }
}

/// 40 connections from 127.0.0.1 trickle their headers a byte every 200 ms; the cap is 16 per
/// address and the header timeout 1 s. A client at 127.0.0.2 is served meanwhile; connections
/// over the cap are closed at once; the others are closed once the timeout has passed.
#[test]
fn a_slowloris_from_one_address_starves_no_one_and_is_cut_off() {
    static GUARDED: ServiceSpec = with(&TransportSpec {
        header_timeout_ms: 1_000,
        connections_per_ip: 16,
        ..TransportSpec::DEFAULT
    });
    let server = TestServer::start(&GUARDED);
    let mut slow: Vec<_> = (0..40)
        .map(|_| connect_from("127.0.0.1", server.addr))
        .collect();
    let request = b"GET /echo HTTP/1.1\r\nhost: test\r\nx-padding: aaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    let started = Instant::now();
    let mut closed_early = 0;
    // Trickle for 3 s (well past the 1 s timeout), noting which connections the server ends.
    let mut ended = vec![None; slow.len()];
    let mut position = 0;
    while started.elapsed() < Duration::from_secs(3) {
        for (index, stream) in slow.iter_mut().enumerate() {
            if ended[index].is_some() {
                continue;
            }
            let byte = request[position % request.len()];
            if stream.write_all(&[byte]).is_err() {
                ended[index] = Some(started.elapsed());
            }
        }
        position += 1;
        if position == 2 {
            // Meanwhile a real client elsewhere is served, from its own address.
            let answer = send_from("127.0.0.2", server.addr, "GET", "/echo", &[]);
            assert_eq!(answer.status, 200, "{answer:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    for (index, stream) in slow.iter_mut().enumerate() {
        if ended[index].is_none() {
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .expect("a read timeout");
            let mut buffer = [0u8; 256];
            // The server closed it: end of stream (or a reset), never a timeout of ours.
            match stream.read(&mut buffer) {
                Ok(_) => {}
                Err(error) => assert!(
                    !matches!(
                        error.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ),
                    "connection {index} still open: {error}"
                ),
            }
            ended[index] = Some(started.elapsed());
        } else if ended[index].is_some_and(|at| at < Duration::from_millis(900)) {
            closed_early += 1;
        }
    }
    assert!(
        closed_early >= 40 - 16,
        "the {} connections over the cap are closed at once; {closed_early} were",
        40 - 16
    );
    // And the server still serves the slow address once its connections are gone.
    let answer = send_from("127.0.0.1", server.addr, "GET", "/echo", &[]);
    assert_eq!(answer.status, 200);
}
