//! The window: with `events::keep(5)` the table is trimmed
//! to the newest events, so a `since` older than them is a `reset` and one inside is
//! replayed. Its own test binary: the window is the process's.

mod auth_support;
mod events_support;
mod http_support;
mod storage_support;

use std::time::Duration;

use backworks_runtime::storage::Store;
use backworks_runtime::storage::audit::Origin;
use events_support::{Server, data_at, database, token};
use serde_json::json;
use storage_support::{Backend, runtime};

#[test]
fn old_events_are_trimmed_to_the_window() {
    backworks_runtime::events::keep(5);
    let db = database(Backend::Sqlite);
    let server = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut client = server.connect();
    client.auth(&alice);
    let start = client.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    let mut seqs = Vec::new();
    for index in 0..12 {
        server.create(&alice, "tasks", json!({ "title": format!("t{index}") }));
        seqs.push(client.recv()["seq"].as_i64().expect("seq"));
    }
    // The reader trims at most once a second: give it two.
    std::thread::sleep(Duration::from_millis(2_200));
    server.create(&alice, "tasks", json!({ "title": "wake" }));
    let last = client.recv()["seq"].as_i64().expect("seq");
    std::thread::sleep(Duration::from_millis(1_200));
    server.create(&alice, "tasks", json!({ "title": "wake again" }));
    let last = last.max(client.recv()["seq"].as_i64().expect("seq"));
    let rt = runtime();
    let kept = rt.block_on(async {
        let store = Store::open(data_at(&db.url)).await.expect("opens");
        store
            .sql(
                "SELECT \"seq\" FROM \"_backworks_events\" ORDER BY \"seq\"".to_owned(),
                vec![],
                &Origin::system(),
            )
            .await
            .expect("read")
    });
    let kept: Vec<i64> = kept
        .iter()
        .map(|row| row["seq"].as_i64().expect("seq"))
        .collect();
    assert!(kept.len() <= 6 && kept.last() == Some(&last), "{kept:?}");
    let mut late = server.connect();
    late.auth(&alice);
    late.subscribe(json!({ "sub": "t", "resource": "tasks", "since": start }));
    assert_eq!(late.recv()["type"], "reset");
    let mut recent = server.connect();
    recent.auth(&alice);
    recent.subscribe(json!({ "sub": "t", "resource": "tasks", "since": kept[0] }));
    assert_eq!(recent.recv()["seq"], kept[1]);
}
