//! An acknowledged write and its audit entry survive SIGKILL together, and an entry never
//! outlives its write: a server (a child process) takes concurrent creates and is killed
//! mid-load; after a restart every acknowledged create has exactly one entry with its
//! request id, and the log holds one `create` per stored row — on SQLite and PostgreSQL.

mod audit_support;
mod auth_support;
mod storage_support;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use audit_support::{AuditServer, admin, data_at, service, token};
use serde_json::json;
use storage_support::{Backend, TestDb, request, try_request};

const CHILD_URL: &str = "BACKWORKS_AUDIT_CHILD_URL";

/// The child: serves the database named by the environment until killed.
#[test]
#[ignore = "entry point of the child server the durability test starts and kills"]
fn child_server() {
    let Ok(url) = std::env::var(CHILD_URL) else {
        return;
    };
    let parent = std::os::unix::process::parent_id();
    let server = AuditServer::start(service(data_at(&url), &[]), false);
    println!("PORT {}", server.addr.port());
    // Serve until killed — or until the test that started us is gone.
    while std::os::unix::process::parent_id() == parent {
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Killed (SIGKILL) and reaped when dropped.
struct ChildServer(Child);

impl Drop for ChildServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_child(url: &str) -> (ChildServer, String) {
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
    let port: u16 = loop {
        let line = lines
            .next()
            .expect("the child announces its port")
            .expect("a line");
        if let Some(port) = line.strip_prefix("PORT ") {
            break port.trim().parse().expect("a port number");
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    (ChildServer(child), format!("http://127.0.0.1:{port}"))
}

fn acknowledged_writes_keep_their_entries_through_sigkill(backend: Backend) {
    let db = TestDb::new(backend);
    let (child, base) = spawn_child(&db.url);
    // (request id, row id) of every acknowledged create.
    let acked: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let (acked, stop, base) = (Arc::clone(&acked), Arc::clone(&stop), base.clone());
            std::thread::spawn(move || {
                let bearer = format!("Bearer {}", token(&format!("w{writer}"), &["member"]));
                for n in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let body = json!({"title": format!("w{writer}-{n}")});
                    let headers = [("authorization", bearer.as_str())];
                    match try_request("POST", &format!("{base}/notes"), &headers, Some(&body)) {
                        Ok(reply) if reply.status == 201 => {
                            let id = reply.json()["id"].to_string();
                            let request_id = reply.header("x-request-id").unwrap().to_owned();
                            acked.lock().unwrap().push((request_id, id));
                        }
                        // The server died mid-request: never acknowledged.
                        _ => break,
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    while acked.lock().unwrap().len() < 120 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(child);
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().expect("a writer thread");
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 20, "the load ran ({} writes)", acked.len());

    let (_child, base) = spawn_child(&db.url);
    let bearer = format!("Bearer {}", admin());
    let headers = [("authorization", bearer.as_str())];
    // The whole log, page by page: record → request id of its `create`.
    let mut creates: BTreeMap<String, String> = BTreeMap::new();
    let mut query = "limit=500".to_owned();
    loop {
        let page = request(
            "GET",
            &format!("{base}/_backworks/audit?{query}"),
            &headers,
            None,
        );
        let page = page.expect(200).json();
        for entry in page["items"].as_array().unwrap() {
            assert_eq!(entry["action"], "create");
            let record = entry["record"].as_str().unwrap().to_owned();
            let request_id = entry["request_id"].as_str().unwrap().to_owned();
            assert!(
                creates.insert(record, request_id).is_none(),
                "one entry per row"
            );
        }
        match page["next"].as_str() {
            Some(next) => query = format!("limit=500&after={next}"),
            None => break,
        }
    }
    for (request_id, id) in &acked {
        assert_eq!(
            creates.get(id),
            Some(request_id),
            "acknowledged create of row {id} kept its entry on {backend:?}"
        );
    }
    // No entry without its row, no row without its entry.
    let rows = request(
        "GET",
        &format!("{base}/notes?limit=1&count=exact"),
        &headers,
        None,
    );
    let total = rows.expect(200).json()["total"].as_u64().unwrap();
    assert_eq!(
        total as usize,
        creates.len(),
        "rows and entries match one to one"
    );
    eprintln!(
        "{backend:?}: {} creates acknowledged before SIGKILL, {total} rows and entries after",
        acked.len()
    );
}

both!(acknowledged_writes_keep_their_entries_through_sigkill);
