//! Shared by the `http_*` integration tests: a test service with hand-written handlers, a server
//! started on a loopback port in its own thread, a blocking `ureq` client, and a raw HTTP/1.1
//! client for requests `ureq` will not send (lying `Content-Length`, oversized chunked bodies).
//!
//! Every connection goes to 127.0.0.1 only.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use backworks_runtime::contract::{
    HandlerCall, HandlerError, HandlerRequest, HandlerResponse, RequestBody, ResponseBody,
};
use backworks_runtime::http::{RouteSpec, ServiceSpec, serve_on};
use serde_json::{Value, json};

/// The body limit of the test service, small so limit tests stay fast.
pub const BODY_LIMIT: usize = 1024;

/// How long the `slow` handler sleeps.
pub const SLOW_MS: u64 = 1_500;

const fn route(
    method: &'static str,
    path: &'static str,
    endpoint: &'static str,
    handler: backworks_runtime::contract::Handler,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        endpoint,
        timeout_ms: 5_000,
        handler,
        operation: None,
        typed_params: &[],
        auth: backworks_runtime::auth::Access::Public,
    }
}

/// The service every test runs.
pub static SERVICE: ServiceSpec = ServiceSpec {
    name: "test-service",
    version: "1.2.3",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: BODY_LIMIT,
    global_headers: &[("x-powered-by", "backworks"), ("x-frame-options", "DENY")],
    routes: &[
        route("GET", "/echo", "echo_get", echo),
        route("POST", "/echo", "echo_post", echo),
        route("PUT", "/echo", "echo_put", echo),
        route("GET", "/items/{item}/parts/{part}", "item_part", echo),
        route("POST", "/posts/{id}/comments", "add_comment", echo),
        route("GET", "/shape", "shape", shape),
        route("GET", "/fail", "fail", fail),
        route("GET", "/slow", "slow", slow),
        route("GET", "/_backworks/custom", "custom_reserved", echo),
    ],
    openapi: Some(OPENAPI),
    data: None,
    auth: None,
    transport: None,
    dashboard: None,
};

/// The test service's (tiny) OpenAPI document.
pub const OPENAPI: &str =
    r#"{"openapi":"3.1.0","info":{"title":"test-service","version":"1.0.0"},"paths":{}}"#;

/// Answers with a JSON description of the request it received.
pub fn echo(req: HandlerRequest) -> HandlerCall {
    echo_answer(req).into()
}

fn echo_answer(req: HandlerRequest) -> Result<HandlerResponse, HandlerError> {
    let pairs = |pairs: &[(String, String)]| -> Value {
        pairs
            .iter()
            .map(|(name, value)| json!([name, value]))
            .collect()
    };
    let body = match &req.body {
        RequestBody::Empty => json!({ "kind": "empty" }),
        RequestBody::Json(text) => json!({ "kind": "json", "text": text }),
        RequestBody::Text(text) => json!({ "kind": "text", "text": text }),
    };
    let remaining_ms = req
        .deadline
        .saturating_duration_since(Instant::now())
        .as_millis() as u64;
    let description = json!({
        "method": req.method,
        "path": req.path,
        "path_params": pairs(&req.path_params),
        "query_params": pairs(&req.query_params),
        "headers": pairs(&req.headers),
        "body": body,
        "request_id": req.request_id,
        "remaining_ms": remaining_ms,
    });
    Ok(HandlerResponse {
        status: 200,
        headers: vec![],
        body: ResponseBody::Json(description.to_string()),
    })
}

fn query<'a>(req: &'a HandlerRequest, name: &str) -> &'a str {
    req.query_params
        .iter()
        .find(|(key, _)| key == name)
        .map_or("", |(_, value)| value.as_str())
}

/// Answers the response shape named by `?case=`.
pub fn shape(req: HandlerRequest) -> HandlerCall {
    shape_answer(req).into()
}

fn shape_answer(req: HandlerRequest) -> Result<HandlerResponse, HandlerError> {
    let answer = |status: u16, headers: &[(&str, &str)], body: ResponseBody| HandlerResponse {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
        body,
    };
    Ok(match query(&req, "case") {
        "json" => answer(
            201,
            &[("x-custom", "yes")],
            ResponseBody::Json("{\"a\":1}".into()),
        ),
        "text" => answer(200, &[], ResponseBody::Text("héllo".into())),
        "empty" => answer(204, &[], ResponseBody::Empty),
        "typed" => answer(
            200,
            &[("Content-Type", "text/html; charset=utf-8")],
            ResponseBody::Text("<b>hi</b>".into()),
        ),
        "override_global" => answer(200, &[("x-powered-by", "my-handler")], ResponseBody::Empty),
        "cookies" => answer(
            200,
            &[("set-cookie", "a=1"), ("set-cookie", "b=2")],
            ResponseBody::Empty,
        ),
        "bad_header_name" => answer(200, &[("bad header", "x")], ResponseBody::Empty),
        "bad_header_value" => answer(200, &[("x-bad", "a\r\nb")], ResponseBody::Empty),
        "bad_status" => answer(42, &[], ResponseBody::Empty),
        other => answer(
            400,
            &[],
            ResponseBody::Text(format!("unknown case {other:?}")),
        ),
    })
}

/// Fails in the way named by `?kind=`.
pub fn fail(req: HandlerRequest) -> HandlerCall {
    fail_answer(req).into()
}

fn fail_answer(req: HandlerRequest) -> Result<HandlerResponse, HandlerError> {
    match query(&req, "kind") {
        "bad_request" => Err(HandlerError::BadRequest {
            code: "invalid_json",
            message: "Unexpected token } in JSON at position 9".into(),
        }),
        "thrown" => Err(HandlerError::Thrown {
            name: "TypeError".into(),
            message: "x.y is not a function".into(),
            stack: Some("TypeError: x.y is not a function\n    at handler (fail.js:3:7)".into()),
        }),
        "timeout" => Err(HandlerError::Timeout { budget_ms: 250 }),
        "stack_overflow" => Err(HandlerError::StackOverflow),
        "panic" => panic!("deliberate test panic"),
        "logged" => {
            // What `console.warn("…")` in a compiled handler does.
            backworks_runtime::js::console::log(
                "warn",
                &[backworks_runtime::js::Value::str("written by the handler")],
            );
            Ok(HandlerResponse {
                status: 200,
                headers: vec![],
                body: ResponseBody::Text("logged".into()),
            })
        }
        other => Ok(HandlerResponse {
            status: 200,
            headers: vec![],
            body: ResponseBody::Text(format!("did not fail: {other:?}")),
        }),
    }
}

/// Set while the `slow` handler is running.
pub static SLOW_STARTED: AtomicBool = AtomicBool::new(false);

/// Sleeps for [`SLOW_MS`] (blocking its worker, as a long sync handler would), then answers.
pub fn slow(req: HandlerRequest) -> HandlerCall {
    slow_answer(req).into()
}

fn slow_answer(_req: HandlerRequest) -> Result<HandlerResponse, HandlerError> {
    SLOW_STARTED.store(true, Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(SLOW_MS));
    Ok(HandlerResponse {
        status: 200,
        headers: vec![],
        body: ResponseBody::Text("finally".into()),
    })
}

/// A server on a free loopback port, serving [`SERVICE`] from its own runtime thread until
/// [`TestServer::stop`] or drop.
pub struct TestServer {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    /// Starts serving `spec`.
    pub fn start(spec: &'static ServiceSpec) -> TestServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        listener
            .set_nonblocking(true)
            .expect("make the listener non-blocking");
        let addr = listener.local_addr().expect("read the bound address");
        let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(4)
                .enable_all()
                .build()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                serve_on(spec, listener, async move {
                    let _ = shutdown_rx.await;
                })
                .await
            })
        });
        TestServer {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Fires the shutdown signal without waiting.
    pub fn signal_shutdown(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }

    /// Fires the shutdown signal and waits for `serve_on` to return.
    pub fn stop(mut self) -> std::io::Result<()> {
        self.signal_shutdown();
        let thread = self
            .thread
            .take()
            .expect("the server thread is joined once");
        thread.join().expect("the server thread does not panic")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.signal_shutdown();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A response as the tests look at it.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Every value of header `name`.
    pub fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("body is not JSON ({error}): {:?}", self.text()))
    }

    /// Asserts the standard JSON error shape and returns its message.
    pub fn assert_error(&self, status: u16, code: &str) -> String {
        assert_eq!(self.status, status, "status of {:?}", self.text());
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body = self.json();
        assert_eq!(body["error"], code, "{body}");
        assert_eq!(body.as_object().map(|o| o.len()), Some(2), "{body}");
        body["message"]
            .as_str()
            .expect("the message is a string")
            .to_owned()
    }
}

/// A blocking client that treats every status as a response, not an error.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// Sends one request with `ureq`; `body` goes with POST/PUT/PATCH.
pub fn request(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Reply {
    let mut builder = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder
        .body(body.unwrap_or_default().to_vec())
        .expect("a valid request");
    let mut response = agent().run(request).expect("the request gets a response");
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect();
    let body = response
        .body_mut()
        .with_config()
        .limit(16 * 1024 * 1024)
        .read_to_vec()
        .expect("the body can be read");
    Reply {
        status,
        headers,
        body,
    }
}

/// Sends `body`, when there is one, as JSON, with `authorization` (the whole header value)
/// when there is one.
pub fn send_json(
    method: &str,
    url: &str,
    authorization: Option<&str>,
    body: Option<&Value>,
) -> Reply {
    let text = body.map(Value::to_string);
    let mut headers = Vec::new();
    if let Some(authorization) = authorization {
        headers.push(("authorization", authorization));
    }
    if text.is_some() {
        headers.push(("content-type", "application/json"));
    }
    request(method, url, &headers, text.as_deref().map(str::as_bytes))
}

/// A GET with no extra headers.
pub fn get(url: &str) -> Reply {
    request("GET", url, &[], None)
}

/// Writes `raw` as is on a new connection and reads the response until the server closes the
/// connection or the declared `Content-Length` has arrived (a `HEAD` request is read until the
/// server closes, so any body bytes sent by mistake are in the reply). Write errors are ignored: a server
/// that refuses a body may close before it has all been sent, and the response still counts.
pub fn raw(addr: SocketAddr, raw: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect to the test server");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("set a read timeout");
    let _ = stream.write_all(raw);
    let head_request = raw.starts_with(b"HEAD ");
    let mut received = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                received.extend_from_slice(&buffer[..n]);
                // A HEAD response is read to the end, so stray body bytes would show.
                if head_request {
                    continue;
                }
                if let Some(reply) = parse_complete(&received, head_request) {
                    return reply;
                }
            }
            Err(error) => {
                if let Some(reply) = parse_complete(&received, head_request) {
                    return reply;
                }
                panic!("reading the response failed after {received:?}: {error}");
            }
        }
    }
    parse_complete(&received, head_request).unwrap_or_else(|| {
        panic!(
            "incomplete response: {:?}",
            String::from_utf8_lossy(&received)
        )
    })
}

/// The response in `bytes` once its head and its `Content-Length` bytes of body are there.
fn parse_complete(bytes: &[u8], head_request: bool) -> Option<Reply> {
    let head_end = bytes.windows(4).position(|window| window == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&bytes[..head_end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let length = if head_request { 0 } else { length };
    let body = &bytes[head_end + 4..];
    if body.len() < length {
        return None;
    }
    Some(Reply {
        status,
        headers,
        body: body.to_vec(),
    })
}
