//! Faults, on real components: a server killed with SIGKILL in the middle of a write load
//! loses no acknowledged write and leaves no half-written row (both engines); PostgreSQL going
//! away turns into 503s with `Retry-After` while the server stays up, and coming back needs no
//! restart; two servers racing read-modify-write increments with `If-Match` lose no update.

// The engines are behind the default-on `storage` feature.
#![cfg(feature = "storage")]

mod storage_support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use backworks_runtime::storage::audit::Origin;
use serde_json::{Value, json};
use storage_support::postgres::Cluster;
use storage_support::{Backend, TestDb, TestServer, enc, request, try_request};

const CHILD_URL: &str = "BACKWORKS_STORAGE_CHILD_URL";

/// The durability test's child: serves the database named by the environment until killed.
#[test]
#[ignore = "entry point of the child server the durability tests start and kill"]
fn child_server() {
    let Ok(url) = std::env::var(CHILD_URL) else {
        return;
    };
    let parent = std::os::unix::process::parent_id();
    let server = TestServer::start(&url);
    println!("PORT {}", server.addr.port());
    // Serve until killed — or until the test that started us is gone, so none is left behind.
    while std::os::unix::process::parent_id() == parent {
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A child server, killed (SIGKILL) and reaped when dropped, even if the test fails first.
struct ChildServer(Child);

impl ChildServer {
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Starts this test binary as a child serving `url`; its port.
fn spawn_child(url: &str) -> (ChildServer, u16) {
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--ignored", "--exact", "child_server", "--nocapture"])
        .env(CHILD_URL, url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the child server");
    let stdout = child.stdout.take().expect("the child's stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = loop {
        let line = lines
            .next()
            .expect("the child announces its port")
            .expect("a line");
        if let Some(port) = line.strip_prefix("PORT ") {
            break port.trim().parse().expect("a port number");
        }
    };
    // Keep draining stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (ChildServer(child), port)
}

fn acknowledged_writes_survive_sigkill(backend: Backend) {
    let db = TestDb::new(backend);
    let (mut child, port) = spawn_child(&db.url);
    let base = format!("http://127.0.0.1:{port}");
    let acked: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let (acked, stop, base) = (Arc::clone(&acked), Arc::clone(&stop), base.clone());
            std::thread::spawn(move || {
                for n in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let title = format!("w{writer}-{n}");
                    let body = json!({"title": title, "summary": format!("s {title}"),
                                      "pages": n + 1, "tags": [format!("w{writer}"), n.to_string()]});
                    match try_request("POST", &format!("{base}/books"), &[], Some(&body)) {
                        Ok(reply) if reply.status == 201 => {
                            let id = reply.json()["id"].as_i64().expect("an id");
                            acked.lock().unwrap().push((id, title));
                        }
                        // The server died mid-request: this write was never acknowledged.
                        _ => break,
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    while acked.lock().unwrap().len() < 150 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill();
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().expect("a writer thread");
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 20, "the load ran ({} writes)", acked.len());

    let (mut child, port) = spawn_child(&db.url);
    let base = format!("http://127.0.0.1:{port}");
    for (id, title) in &acked {
        let reply = request("GET", &format!("{base}/books/{id}"), &[], None);
        assert_eq!(
            reply.status, 200,
            "acknowledged row {id} survives on {backend:?}"
        );
        assert_eq!(reply.json()["title"], *title);
    }
    // Every row present, acknowledged or not, is whole.
    let mut after: Option<String> = None;
    let mut rows = 0;
    loop {
        let cursor = after
            .as_deref()
            .map(|c| format!("&after={}", enc(c)))
            .unwrap_or_default();
        let page = request("GET", &format!("{base}/books?limit=100{cursor}"), &[], None).json();
        for item in page["items"].as_array().unwrap() {
            rows += 1;
            let title = item["title"].as_str().unwrap();
            let (writer, n) = title[1..].split_once('-').unwrap();
            assert_eq!(item["summary"], format!("s {title}"), "{item}");
            assert_eq!(item["pages"], n.parse::<i64>().unwrap() + 1, "{item}");
            assert_eq!(item["tags"], json!([format!("w{writer}"), n]), "{item}");
        }
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    assert!(rows >= acked.len());
    eprintln!(
        "{backend:?}: {} writes acknowledged before SIGKILL, {rows} rows after",
        acked.len()
    );
    child.kill();
}

fn concurrent_if_match_increments_lose_nothing(backend: Backend) {
    let db = TestDb::new(backend);
    let servers = Arc::new([TestServer::start(&db.url), TestServer::start(&db.url)]);
    let counter = servers[0].post("/counters", &json!({"name": "hits"}));
    counter.expect(201);
    let path = format!("/counters/{}", counter.json()["id"].as_str().unwrap());
    const THREADS: usize = 6;
    const EACH: usize = 8;
    let workers: Vec<_> = (0..THREADS)
        .map(|worker| {
            let (servers, path) = (Arc::clone(&servers), path.clone());
            std::thread::spawn(move || {
                let mut retries = 0;
                for n in 0..EACH {
                    loop {
                        let reader = &servers[(worker + n) % 2];
                        let writer = &servers[(worker + n + 1) % 2];
                        let current = reader.get(&path);
                        current.expect(200);
                        let etag = current.header("etag").unwrap().to_owned();
                        let value = current.json()["value"].as_i64().unwrap();
                        let reply = writer.patch(
                            &path,
                            &json!({"value": value + 1}),
                            &[("if-match", &etag)],
                        );
                        match reply.status {
                            200 => break,
                            412 => retries += 1,
                            other => panic!("PATCH answered {other}: {}", reply.text()),
                        }
                    }
                }
                retries
            })
        })
        .collect();
    let retries: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    let total = servers[1].get(&path).json()["value"].clone();
    eprintln!(
        "{backend:?}: {} increments, {retries} retried after 412",
        THREADS * EACH
    );
    assert_eq!(
        total,
        json!(THREADS * EACH),
        "no lost update ({retries} retries on {backend:?})"
    );
}

/// PostgreSQL stopped and started under a running server (a cluster of its own, since the
/// test stops it).
#[test]
fn postgres_outage_is_a_503_and_recovers_without_restart() {
    let cluster = Cluster::start_new();
    let url = cluster.create_database();
    let server = TestServer::start(&url);
    server
        .post("/books", &json!({"title": "before"}))
        .expect(201);

    cluster.stop();
    for _ in 0..3 {
        let reply = server.get("/books");
        reply.error(503, "unavailable");
        assert_eq!(reply.header("retry-after"), Some("1"));
    }
    server
        .post("/books", &json!({"title": "during"}))
        .error(503, "unavailable");
    server.get("/_backworks/health").expect(200);

    cluster.start();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let reply = server.get("/books");
        if reply.status == 200 {
            let titles: Vec<Value> = reply.json()["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| item["title"].clone())
                .collect();
            assert_eq!(titles, [json!("before")]);
            break;
        }
        reply.error(503, "unavailable");
        assert!(
            Instant::now() < deadline,
            "the server recovers when the database returns"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    server
        .post("/books", &json!({"title": "after"}))
        .expect(201);
    drop(server);
    cluster.stop();
}

/// Another process holding SQLite's write lock past the busy timeout: writes answer 503 with
/// `Retry-After` while reads go on (WAL), and writes succeed again once the lock is released.
#[test]
fn sqlite_locked_by_another_writer_is_a_503_for_writes_only() {
    let db = TestDb::new(Backend::Sqlite);
    let server = TestServer::start(&db.url);
    let runtime = storage_support::runtime();
    let other = runtime
        .block_on(backworks_runtime::storage::Store::open(db.data()))
        .unwrap();
    let mut holder = runtime.block_on(other.begin()).unwrap();
    runtime
        .block_on(holder.create(
            "authors",
            json!({"name": "held"}).as_object().unwrap().clone(),
            &Origin::system(),
        ))
        .unwrap();
    let refused = server.post("/books", &json!({"title": "waits"}));
    refused.error(503, "unavailable");
    assert_eq!(refused.header("retry-after"), Some("1"));
    server.get("/books").expect(200);
    runtime.block_on(holder.rollback()).unwrap();
    server
        .post("/books", &json!({"title": "after"}))
        .expect(201);
}

/// A write abandoned while its `BEGIN IMMEDIATE` waits for another process's lock (a client
/// that went away) still ends its transaction once the `BEGIN` goes through: later writes
/// begin normally instead of failing with "cannot start a transaction within a transaction".
#[test]
fn a_write_abandoned_while_waiting_for_the_lock_leaves_no_transaction_open() {
    let db = TestDb::new(Backend::Sqlite);
    let runtime = storage_support::runtime();
    runtime.block_on(async {
        let store = backworks_runtime::storage::Store::open(db.data())
            .await
            .unwrap();
        let other = backworks_runtime::storage::Store::open(db.data())
            .await
            .unwrap();
        let mut holder = other.begin().await.unwrap();
        holder
            .create(
                "authors",
                json!({"name": "held"}).as_object().unwrap().clone(),
                &Origin::system(),
            )
            .await
            .unwrap();
        let abandoned = tokio::time::timeout(
            std::time::Duration::from_millis(300),
            store.create(
                "authors",
                json!({"name": "gone"}).as_object().unwrap().clone(),
                &Origin::system(),
            ),
        )
        .await;
        assert!(abandoned.is_err(), "the write waited for the lock");
        holder.rollback().await.unwrap();
        let after = store
            .create(
                "authors",
                json!({"name": "after"}).as_object().unwrap().clone(),
                &Origin::system(),
            )
            .await;
        assert!(after.is_ok(), "{after:?}");
        let names: Vec<_> = store
            .sql(
                "SELECT name FROM authors ORDER BY id".into(),
                vec![],
                &Origin::system(),
            )
            .await
            .unwrap()
            .into_iter()
            .map(|row| row["name"].clone())
            .collect();
        assert!(
            !names.contains(&json!("gone")),
            "the abandoned write was rolled back"
        );
        assert_eq!(names.last(), Some(&json!("after")));
    });
}

both!(
    acknowledged_writes_survive_sigkill,
    concurrent_if_match_increments_lose_nothing,
);
