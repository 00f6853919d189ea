//! `fetch` in handlers, over the real pipeline and HTTP: an upstream call is I/O of the
//! request's event loop, so while one handler waits for a held upstream response, other
//! requests to the same isolate (one loop thread) are all served — checked by ordering, not by
//! timing: the upstream answers only after every quick request has. A response body past the
//! runtime's cap fails the fetch (a rejection the handler catches) and the server keeps
//! serving. The server's runtime gets the `fetch` feature only because a handler calls `fetch`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{OnceLock, mpsc};
use std::time::Duration;

use backworks_tests::http::get;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};

/// The upstream, written by hand on std sockets so that the test controls when `/held`
/// answers: it reports the request's arrival on `arrived` and answers on a message from
/// `release`.
struct Upstream {
    base_url: String,
    arrived: mpsc::Receiver<()>,
    release: mpsc::Sender<()>,
    /// A message when the client of `/watched` closes its connection.
    closed: mpsc::Receiver<()>,
}

fn start_upstream() -> Upstream {
    let listener = TcpListener::bind("127.0.0.1:0").expect("upstream binds");
    let base_url = format!("http://{}", listener.local_addr().expect("address"));
    let (arrived_sender, arrived) = mpsc::channel();
    let (release, release_receiver) = mpsc::channel::<()>();
    let (closed_sender, closed) = mpsc::channel();
    let release_receiver = std::sync::Arc::new(std::sync::Mutex::new(release_receiver));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let arrived = arrived_sender.clone();
            let release = release_receiver.clone();
            let closed = closed_sender.clone();
            std::thread::spawn(move || serve(stream, &arrived, &release, &closed));
        }
    });
    Upstream {
        base_url,
        arrived,
        release,
        closed,
    }
}

fn serve(
    mut stream: TcpStream,
    arrived: &mpsc::Sender<()>,
    release: &std::sync::Mutex<mpsc::Receiver<()>>,
    closed: &mpsc::Sender<()>,
) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let target = request_line.split(' ').nth(1).unwrap_or("/").to_string();
    if target == "/watched" {
        // Never answers; reports when the client gives up the connection.
        let mut rest = Vec::new();
        let _ = std::io::Read::read_to_end(&mut reader, &mut rest);
        let _ = closed.send(());
    } else if target == "/held" {
        let _ = arrived.send(());
        let _ = release.lock().expect("release lock").recv();
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 8\r\nconnection: close\r\n\r\nreleased",
        );
    } else if target == "/huge?declared=true" {
        // Declares 100 MiB, past the cap: refused before reading.
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-length: 104857600\r\nconnection: close\r\n\r\n",
        );
        let _ = stream.write_all(&vec![b'x'; 1 << 20]);
    } else {
        // No length: the body runs until the connection closes, 80 MiB of it.
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n");
        let chunk = vec![b'y'; 1 << 20];
        for _ in 0..80 {
            if stream.write_all(&chunk).is_err() {
                return;
            }
        }
    }
}

/// The fixture's server, compiled and built once for the tests of this file.
fn fixture_binary() -> &'static PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let project = workspace_root().join("tests/fixtures/fetch-io");
        let compiled = compile(&project)
            .unwrap_or_else(|diagnostics| panic!("the fixture does not compile:\n{diagnostics}"));
        let manifest = compiled
            .tree
            .files()
            .find(|(path, _)| path.to_string_lossy() == "server/Cargo.toml")
            .map(|(_, text)| text.to_string())
            .expect("the server has a manifest");
        assert!(
            manifest.contains("\"fetch\""),
            "a handler calls fetch, so the runtime's fetch feature is on:\n{manifest}"
        );
        let out = workspace_root().join("target").join("e2e").join("fetch-io");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

fn fixture_server(upstream: &str) -> RunningServer {
    RunningServer::start_with_env(fixture_binary(), &[("UPSTREAM", upstream)])
}

#[test]
fn waiting_for_an_upstream_holds_back_no_other_request() {
    let upstream = start_upstream();
    let server = fixture_server(&upstream.base_url);
    let base = server.base_url.clone();

    let slow = std::thread::spawn({
        let url = format!("{base}/slow");
        move || get(&url)
    });
    // The slow handler's fetch has reached the upstream, which holds it.
    upstream
        .arrived
        .recv_timeout(Duration::from_secs(30))
        .expect("the slow handler's fetch reaches the upstream");

    // Meanwhile 20 requests to the same isolate (the same loop thread) are all answered.
    let quick: Vec<_> = (0..20)
        .map(|_| {
            let url = format!("{base}/quick");
            std::thread::spawn(move || get(&url))
        })
        .collect();
    for request in quick {
        let response = request.join().expect("quick request thread");
        assert_eq!(response.status, 200, "{}", response.body);
    }
    assert!(
        !slow.is_finished(),
        "the slow request waits for the upstream, which has not answered"
    );

    upstream.release.send(()).expect("the upstream is waiting");
    let response = slow.join().expect("slow request thread");
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.json()["upstream"], "released");
    assert_eq!(
        response.json()["servedMeanwhile"],
        20,
        "every quick request ran while the slow one awaited fetch"
    );
}

#[test]
fn an_aborted_fetch_closes_its_connection_at_once() {
    let upstream = start_upstream();
    let server = fixture_server(&upstream.base_url);
    let response = get(&format!("{}/abort", server.base_url));
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(response.json()["name"], "TimeoutError", "{}", response.body);
    // The upstream never answers; without cancelling, the exchange would hold the connection
    // for its 300 s limit.
    upstream
        .closed
        .recv_timeout(Duration::from_secs(10))
        .expect("the aborted exchange closed its connection");
}

#[test]
fn a_response_past_the_cap_fails_the_fetch_and_the_server_keeps_serving() {
    let upstream = start_upstream();
    let server = fixture_server(&upstream.base_url);
    let base = server.base_url.clone();
    for declared in ["true", "false"] {
        let response = get(&format!("{base}/huge?declared={declared}"));
        assert_eq!(response.status, 200, "{}", response.body);
        let body = response.json();
        assert_eq!(body["name"], "TypeError", "declared={declared}: {body}");
        assert_eq!(body["message"], "fetch failed");
        assert_eq!(body["code"], "UND_ERR_RES_EXCEEDED_MAX_SIZE");
        assert_eq!(body["cause"], "Response content exceeded max size");
    }
    assert_eq!(get(&format!("{base}/quick")).status, 200);
}

#[test]
fn an_unknown_host_fails_as_node_words_it() {
    let upstream = start_upstream();
    let server = fixture_server(&upstream.base_url);
    let body = get(&format!("{}/unknown-host", server.base_url)).json();
    assert_eq!(body["name"], "TypeError", "{body}");
    assert_eq!(body["message"], "fetch failed");
    // What Node 20 gives for this URL: ENOTFOUND, or EAI_AGAIN where no resolver answers.
    let code = body["code"].as_str().unwrap_or_default();
    assert!(code == "ENOTFOUND" || code == "EAI_AGAIN", "{body}");
    assert_eq!(
        body["cause"],
        format!("getaddrinfo {code} does-not-exist.invalid")
    );
}

#[test]
fn a_server_whose_handlers_never_fetch_builds_without_the_http_client() {
    let project = workspace_root().join("tests/fixtures/async-io");
    let compiled = compile(&project)
        .unwrap_or_else(|diagnostics| panic!("the fixture does not compile:\n{diagnostics}"));
    let (_, manifest) = compiled
        .tree
        .files()
        .find(|(path, _)| path.to_string_lossy() == "server/Cargo.toml")
        .expect("the server has a manifest");
    assert!(!manifest.contains("\"fetch\""), "{manifest}");
}
