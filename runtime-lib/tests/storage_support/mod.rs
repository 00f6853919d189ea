//! Shared by the `storage_*` integration tests: the hand-written data spec (`schema.rs`),
//! throw-away PostgreSQL clusters (`postgres.rs`), a fresh database per test on either
//! engine, a server on a loopback port serving the CRUD routes of that database, and a small
//! blocking HTTP client.
//!
//! `both!(name)` turns `fn name(backend: Backend)` into two tests, `sqlite::name` and
//! `postgres::name`, so every behaviour is checked on both engines by the same code.

#![allow(dead_code)]

pub mod postgres;
pub mod schema;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use backworks_runtime::http::{ServiceSpec, serve_on_with_store};
use backworks_runtime::storage::{DataSpec, Store};
use serde_json::{Value, json};

/// Which engine a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Declares `sqlite::$name` and `postgres::$name` tests calling `$name(Backend::…)`.
#[macro_export]
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name($crate::storage_support::Backend::Sqlite) } )*
        }
        mod postgres {
            $( #[test] fn $name() { super::$name($crate::storage_support::Backend::Postgres) } )*
        }
    };
}

static FILES: AtomicUsize = AtomicUsize::new(0);

/// A temporary folder removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "backworks-storage-{}-{}",
            std::process::id(),
            FILES.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh, empty database: its URL (and the folder holding a SQLite file).
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    _dir: Option<TempDir>,
}

impl TestDb {
    pub fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = TempDir::new();
                TestDb {
                    url: format!("sqlite://{}", dir.0.join("data/test.db").display()),
                    backend,
                    _dir: Some(dir),
                }
            }
            Backend::Postgres => TestDb {
                url: postgres::shared().create_database(),
                backend,
                _dir: None,
            },
        }
    }

    /// The data spec pointing at this database.
    pub fn data(&self) -> &'static DataSpec {
        schema::data_at(&self.url)
    }
}

/// A runtime for tests that call the store directly.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

/// The service the CRUD tests serve.
pub static SERVICE: ServiceSpec = SERVICE_FIELDS;

/// [`SERVICE`] as a constant, for tests that vary one field.
pub const SERVICE_FIELDS: ServiceSpec = ServiceSpec {
    name: "storage-test",
    version: "0.0.0",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 64 * 1024,
    global_headers: &[("x-powered-by", "backworks")],
    routes: &[],
    openapi: Some(schema::OPENAPI),
    data: Some(&schema::DATA),
    auth: None,
    transport: None,
    dashboard: None,
};

/// A server on a free loopback port serving `spec`'s CRUD routes from the database at `url`.
pub struct TestServer {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Opens the database (migrating, seeding) and serves it.
    pub fn start(url: &str) -> TestServer {
        TestServer::start_spec(&SERVICE, url)
    }

    pub fn start_spec(spec: &'static ServiceSpec, url: &str) -> TestServer {
        let data = schema::data_at(url);
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        listener.set_nonblocking(true).expect("non-blocking");
        let addr = listener.local_addr().expect("the bound address");
        let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let (ready, ready_rx) = std::sync::mpsc::channel::<Result<(), String>>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(4)
                .enable_all()
                .build()
                .expect("a tokio runtime");
            runtime.block_on(async move {
                let store = match Store::open(data).await {
                    Ok(store) => store,
                    Err(error) => {
                        let _ = ready.send(Err(error.to_string()));
                        return;
                    }
                };
                let _ = ready.send(Ok(()));
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                serve_on_with_store(spec, store, listener, async move {
                    let _ = shutdown_rx.await;
                })
                .await
                .expect("the server runs");
            });
        });
        ready_rx
            .recv()
            .expect("the server thread reports")
            .unwrap_or_else(|error| panic!("the store opens: {error}"));
        TestServer {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn get(&self, path: &str) -> Reply {
        request("GET", &self.url(path), &[], None)
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        request("POST", &self.url(path), &[], Some(body))
    }

    pub fn patch(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Reply {
        request("PATCH", &self.url(path), headers, Some(body))
    }

    pub fn put(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Reply {
        request("PUT", &self.url(path), headers, Some(body))
    }

    pub fn delete(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        request("DELETE", &self.url(path), headers, None)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
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
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("body is not JSON ({error}): {:?}", self.text()))
    }

    /// Asserts the status, showing the body when it differs.
    pub fn expect(&self, status: u16) -> &Reply {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            self.text()
        );
        self
    }

    /// Asserts a JSON error with this status and code; the body.
    pub fn error(&self, status: u16, code: &str) -> Value {
        self.expect(status);
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body = self.json();
        assert_eq!(body["error"], code, "{body}");
        body
    }

    /// The pointers of a 400's violations.
    pub fn pointers(&self) -> Vec<String> {
        let body = self.error(400, "invalid_request");
        body["violations"]
            .as_array()
            .expect("violations are listed")
            .iter()
            .map(|violation| violation["pointer"].as_str().unwrap_or_default().to_owned())
            .collect()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// Sends one request; a JSON `body` goes with `content-type: application/json`.
pub fn request(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&Value>) -> Reply {
    try_request(method, url, headers, body).expect("the request gets a response")
}

/// Like [`request`], `Err` when no response came (the server is gone).
pub fn try_request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Result<Reply, ureq::Error> {
    let mut builder = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    if body.is_some() {
        builder = builder.header("content-type", "application/json");
    }
    let bytes = body
        .map(|body| body.to_string().into_bytes())
        .unwrap_or_default();
    let request = builder.body(bytes).expect("a valid request");
    let mut response = agent().run(request)?;
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
        .read_to_vec()?;
    Ok(Reply {
        status,
        headers,
        body,
    })
}

/// Percent-encodes a query value.
pub fn enc(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A fresh database on `backend` and a server for it.
pub fn serve(backend: Backend) -> (TestDb, TestServer) {
    let db = TestDb::new(backend);
    let server = TestServer::start(&db.url);
    (db, server)
}

pub fn create(server: &TestServer, path: &str, body: Value) -> Value {
    server.post(path, &body).expect(201).json()
}

/// The titles a list answers, in order.
pub fn titles(server: &TestServer, query: &str) -> Vec<String> {
    let reply = server.get(&format!("/books?{query}"));
    reply.expect(200);
    reply.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Four books with varied fields (authors 1 and 2 are seeded).
pub fn four_books(server: &TestServer) {
    create(
        server,
        "/books",
        json!({"title": "Alpha", "price": 5, "pages": 100, "in_print": true, "status": "published",
               "published_at": "2026-01-01T00:00:00Z", "release_date": "2020-01-01", "author": 1,
               "summary": "an ownership primer"}),
    );
    create(
        server,
        "/books",
        json!({"title": "Beta", "price": 15, "pages": 200, "in_print": false, "author": 2}),
    );
    create(
        server,
        "/books",
        json!({"title": "Gamma rust", "price": 25, "pages": 300, "status": "published",
               "published_at": "2026-06-01T00:00:00Z", "author": 1}),
    );
    create(server, "/books", json!({"title": "delta RUST"}));
}
