//! Graceful shutdown through `serve_on`: when the shutdown future fires while a request is in
//! flight, that request still completes with its response, new connections are refused at once,
//! and `serve_on` returns `Ok` once the in-flight request is done.

mod http_support;

use std::net::TcpStream;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use http_support::{SERVICE, SLOW_MS, SLOW_STARTED, TestServer, get};

#[test]
fn an_in_flight_request_completes_and_later_connections_fail() {
    let mut server = TestServer::start(&SERVICE);
    let slow_url = server.url("/slow");
    let started = Instant::now();
    let in_flight = std::thread::spawn(move || get(&slow_url));

    // Wait until the handler is running, so the request is truly in flight.
    while !SLOW_STARTED.load(Ordering::SeqCst) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the slow handler never started"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    server.signal_shutdown();

    // The listener closes promptly, well before the slow handler finishes.
    let refused_by = loop {
        if TcpStream::connect(server.addr).is_err() {
            break started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "new connections were still accepted"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    assert!(
        refused_by < Duration::from_millis(SLOW_MS),
        "connections were refused only after {refused_by:?}"
    );

    let reply = in_flight.join().expect("the client thread does not panic");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.text(), "finally");
    assert!(started.elapsed() >= Duration::from_millis(SLOW_MS));

    let addr = server.addr;
    server
        .stop()
        .expect("serve_on returns Ok after a graceful shutdown");
    assert!(TcpStream::connect(addr).is_err(), "the port stays closed");
}
