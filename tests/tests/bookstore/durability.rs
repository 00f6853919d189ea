//! What the bookstore promises about its data beyond one request: it survives a graceful
//! restart; every write acknowledged with a 2xx survives `kill -9` in the middle of concurrent
//! writes, and none is half-written; on PostgreSQL, an outage answers 503 with `Retry-After`
//! on data routes while health still answers, and the server recovers without a restart; and
//! two servers on one database never lose an update made with `If-Match`.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use backworks_tests::http::{get, request, send_json, try_request};
use backworks_tests::postgres::Postgres;
use serde_json::{Value, json};

use super::api::{all_items, get_json};
use super::{Deployment, Engine, same_json};

pub fn data_survives_a_graceful_restart(deployment: &Deployment) {
    let server = deployment.start();
    let created = send_json(
        "POST",
        &format!("{}/books", server.base_url),
        r#"{"title":"Kept","tags":["a","b"],"price":1.5}"#,
    );
    assert_eq!(created.status, 201);
    let book = created.json();
    assert!(server.terminate(), "SIGTERM stops the server cleanly");
    let server = deployment.start();
    assert_eq!(
        get_json(&format!("{}/books/{}", server.base_url, book["id"])),
        book
    );
}

/// The book writer `worker` sends as its `n`th: every field derived from `(worker, n)`, so a
/// half-written row cannot pass for a whole one.
fn book_of(worker: usize, n: usize) -> Value {
    json!({
        "title": format!("w{worker}-{n}"),
        "isbn": format!("{worker}{n:09}"),
        "price": n as f64 / 4.0,
        "tags": [format!("worker {worker}"), format!("n {n}")],
        "author": 1 + n % 3,
        "status": "published",
    })
}

pub fn acknowledged_writes_survive_kill_9(deployment: &Deployment) {
    let server = deployment.start();
    let url = format!("{}/books", server.base_url);
    let acknowledged = Mutex::new(Vec::new());
    let killed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for worker in 1..=4 {
            let (url, acknowledged, killed) = (&url, &acknowledged, &killed);
            scope.spawn(move || {
                for n in 0.. {
                    let body = book_of(worker, n).to_string();
                    let headers = [("content-type", "application/json")];
                    match try_request("POST", url, &headers, Some(&body)) {
                        Ok(response) if response.status == 201 => {
                            acknowledged.lock().unwrap().push(response.json());
                        }
                        Ok(response) => panic!("{}: {}", response.status, response.body),
                        Err(_) if killed.load(Ordering::SeqCst) => return,
                        Err(error) => panic!("the server failed before the kill: {error}"),
                    }
                }
            });
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while acknowledged.lock().unwrap().len() < 150 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        killed.store(true, Ordering::SeqCst);
        drop(server); // SIGKILL, with requests in flight.
    });
    let acknowledged = acknowledged.into_inner().unwrap();
    assert!(acknowledged.len() >= 50, "too few writes to mean anything");

    let server = deployment.start();
    for book in &acknowledged {
        let url = format!("{}/books/{}", server.base_url, book["id"]);
        assert_eq!(get_json(&url), *book, "an acknowledged write was lost");
    }
    let written = all_items(&format!(
        "{}/books?title=like.w*&order=id.asc",
        server.base_url
    ));
    assert!(written.len() >= acknowledged.len());
    for row in &written {
        let title = row["title"].as_str().unwrap();
        let (worker, n) = title[1..].split_once('-').unwrap();
        let expected = book_of(worker.parse().unwrap(), n.parse().unwrap());
        for (key, value) in expected.as_object().unwrap() {
            assert!(
                same_json(&row[key], value),
                "{title} is half-written: {row}"
            );
        }
    }
}

/// Two servers on one database, two clients each, incrementing one counter with
/// read → `PATCH` + `If-Match` → retry on 412: no increment is lost.
pub fn two_servers_never_lose_an_update(deployment: &Deployment) {
    let servers = [deployment.start(), deployment.start()];
    let created = send_json(
        "POST",
        &format!("{}/books", servers[0].base_url),
        r#"{"title":"Counted"}"#,
    );
    assert_eq!(created.status, 201);
    let id = created.json()["id"].clone();
    const INCREMENTS: usize = 10;
    let conflicts = Mutex::new(0);
    std::thread::scope(|scope| {
        for server in &servers {
            for _ in 0..2 {
                let url = format!("{}/books/{id}", server.base_url);
                let conflicts = &conflicts;
                scope.spawn(move || {
                    let mut done = 0;
                    while done < INCREMENTS {
                        let read = get(&url);
                        assert_eq!(read.status, 200);
                        let count = read.json()["review_count"].as_u64().unwrap();
                        let etag = read.header("etag").unwrap().to_string();
                        let body = json!({ "review_count": count + 1 }).to_string();
                        let headers = [
                            ("if-match", etag.as_str()),
                            ("content-type", "application/json"),
                        ];
                        let written = request("PATCH", &url, &headers, Some(&body));
                        match written.status {
                            200 => done += 1,
                            412 => *conflicts.lock().unwrap() += 1,
                            other => panic!("{other}: {}", written.body),
                        }
                    }
                });
            }
        }
    });
    let book = get_json(&format!("{}/books/{id}", servers[1].base_url));
    assert_eq!(book["review_count"], 4 * INCREMENTS, "an update was lost");
    eprintln!(
        "{} conflicting writes were refused with 412",
        conflicts.into_inner().unwrap()
    );
}

/// PostgreSQL goes away and comes back under a running server.
pub fn outage_is_503_and_the_server_recovers(postgres: &Postgres) {
    let engine = Engine::Postgres(postgres);
    let deployment = Deployment::new(&engine, "outage");
    let server = deployment.start();
    let books = format!("{}/books", server.base_url);
    assert_eq!(get(&books).status, 200);

    postgres.stop();
    let unavailable = get(&books);
    assert_eq!(unavailable.status, 503, "{}", unavailable.body);
    assert!(
        unavailable.header("retry-after").is_some(),
        "{:?}",
        unavailable.headers
    );
    let write = send_json(
        "POST",
        &format!("{}/authors", server.base_url),
        r#"{"name":"N"}"#,
    );
    assert_eq!(write.status, 503, "{}", write.body);
    let health = get(&format!("{}/_backworks/health", server.base_url));
    assert_eq!(health.status, 200, "health answers during the outage");

    postgres.start_again();
    let deadline = Instant::now() + Duration::from_secs(30);
    while get(&books).status != 200 {
        assert!(Instant::now() < deadline, "the server never reconnected");
        std::thread::sleep(Duration::from_millis(200));
    }
    let write = send_json(
        "POST",
        &format!("{}/authors", server.base_url),
        r#"{"name":"N"}"#,
    );
    assert_eq!(write.status, 201, "{}", write.body);
}
