//! `since` and the events table as the source of truth, on SQLite and PostgreSQL: a
//! reconnecting subscriber receives exactly the events it missed that it may see, across a
//! server restart too; a `since` the window no longer reaches is a `reset`; an acknowledged
//! write always has its event and a rolled-back one (a refused rule, a dropped transaction)
//! never does; the writes of one transaction arrive together and in order.

mod auth_support;
mod events_support;
mod http_support;
mod storage_support;

use std::time::Duration;

use backworks_runtime::storage::Store;
use backworks_runtime::storage::audit::Origin;
use events_support::{Server, data_at, database, summary, token};
use serde_json::{Value, json};
use storage_support::{Backend, runtime};

const QUIET: Duration = Duration::from_millis(600);

both!(
    since_replays_exactly_what_was_missed,
    since_survives_a_restart,
    since_beyond_the_window_is_a_reset,
    only_committed_writes_have_events,
);

fn since_replays_exactly_what_was_missed(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let alice = token("alice", &[]);
    let bob = token("bob", &[]);
    let mut client = server.connect();
    client.auth(&bob);
    let seen = client.subscribe(json!({ "sub": "n", "resource": "notes" }));
    client.close();

    // While Bob is away: Alice's private note (never his), a note she shares, his own note.
    let private = server.create(&alice, "notes", json!({ "title": "private" }));
    let shared = server.create(&alice, "notes", json!({ "title": "to share" }));
    server.update(&alice, "notes", &shared["id"], json!({ "shared": true }));
    server.delete(&alice, "notes", &private["id"]);
    let his = server.create(&bob, "notes", json!({ "title": "his" }));

    let mut back = server.connect();
    back.auth(&bob);
    let now = back.subscribe(json!({ "sub": "n", "resource": "notes", "since": seen }));
    assert!(now > seen);
    let replayed: Vec<Value> = (0..2).map(|_| summary(&back.recv())).collect();
    assert_eq!(
        replayed,
        vec![
            json!({ "type": "change", "sub": "n", "action": "enter", "id": shared["id"], "record": "to share" }),
            json!({ "type": "change", "sub": "n", "action": "create", "id": his["id"], "record": "his" }),
        ]
    );
    back.expect_silence(QUIET);
    // Then live, after the replay.
    server.update(&bob, "notes", &his["id"], json!({ "title": "his 2" }));
    let live = back.recv();
    assert_eq!(live["action"], "update");
    assert!(live["seq"].as_i64() > Some(now));

    // A `since` of now replays nothing; of the last replayed seq, nothing either.
    let mut again = server.connect();
    again.auth(&bob);
    let latest = again.subscribe(json!({ "sub": "n", "resource": "notes", "since": live["seq"] }));
    assert_eq!(Some(latest), live["seq"].as_i64());
    again.expect_silence(QUIET);
}

fn since_survives_a_restart(backend: Backend) {
    let db = database(backend);
    let alice = token("alice", &["member"]);
    let (seen, first) = {
        let server = Server::start(&db.url);
        let mut client = server.connect();
        client.auth(&alice);
        let seen = client.subscribe(json!({ "sub": "t", "resource": "tasks" }));
        client.close();
        let first = server.create(&alice, "tasks", json!({ "title": "before the restart" }));
        (seen, first)
    };
    // Another server process on the same database (a restart).
    let server = Server::start(&db.url);
    let second = server.create(&alice, "tasks", json!({ "title": "after the restart" }));
    let mut client = server.connect();
    client.auth(&alice);
    client.subscribe(json!({ "sub": "t", "resource": "tasks", "since": seen }));
    assert_eq!(client.recv()["record"], first);
    assert_eq!(client.recv()["record"], second);
    client.expect_silence(QUIET);
}

fn since_beyond_the_window_is_a_reset(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut client = server.connect();
    client.auth(&alice);
    let seen = client.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    for index in 0..3 {
        server.create(&alice, "tasks", json!({ "title": format!("t{index}") }));
    }
    let seqs: Vec<i64> = (0..3)
        .map(|_| client.recv()["seq"].as_i64().expect("seq"))
        .collect();
    // The oldest of them trimmed, as the window does: `since` before it cannot be answered.
    let rt = runtime();
    rt.block_on(async {
        let store = Store::open(data_at(&db.url))
            .await
            .expect("the store opens");
        store
            .sql(
                "DELETE FROM \"_backworks_events\" WHERE \"seq\" <= ?".to_owned(),
                vec![json!(seqs[0])],
                &Origin::system(),
            )
            .await
            .expect("trimmed");
    });
    let mut late = server.connect();
    late.auth(&alice);
    late.subscribe(json!({ "sub": "t", "resource": "tasks", "since": seen }));
    assert_eq!(late.recv(), json!({ "type": "reset", "sub": "t" }));
    // Then live as usual.
    let next = server.create(&alice, "tasks", json!({ "title": "after" }));
    assert_eq!(late.recv()["id"], next["id"]);
    // Still inside the window: replayed.
    let mut recent = server.connect();
    recent.auth(&alice);
    recent.subscribe(json!({ "sub": "t", "resource": "tasks", "since": seqs[0] }));
    assert_eq!(recent.recv()["seq"], seqs[1]);
    assert_eq!(recent.recv()["seq"], seqs[2]);
    // From the future (another database's seq): reset.
    let mut future = server.connect();
    future.auth(&alice);
    future.subscribe(json!({ "sub": "t", "resource": "tasks", "since": 1_000_000 }));
    assert_eq!(future.recv()["type"], "reset");
}

fn only_committed_writes_have_events(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let alice = token("alice", &[]);
    let bob = token("bob", &[]);
    let admin = token("root", &["admin", "member"]);
    let mut client = server.connect();
    client.auth(&admin);
    client.subscribe(json!({ "sub": "all", "resource": "notes" }));

    // Refused by the create rule after the insert: rolled back, so no event.
    let refused = server.send(
        Some(&bob),
        "POST",
        "/notes",
        Some(json!({ "title": "forged", "owner": "alice" })),
    );
    assert_eq!(refused.status, 403, "{}", refused.text());
    // A transaction dropped without commit, and one rolled back.
    let rt = runtime();
    let store = rt.block_on(async { Store::open(data_at(&db.url)).await.expect("opens") });
    rt.block_on(async {
        let origin = Origin::system();
        let mut tx = store.begin().await.expect("begin");
        tx.create(
            "notes",
            row(json!({ "title": "dropped", "owner": "alice" })),
            &origin,
        )
        .await
        .expect("create");
        drop(tx);
        let mut tx = store.begin().await.expect("begin");
        tx.create(
            "notes",
            row(json!({ "title": "rolled back", "owner": "alice" })),
            &origin,
        )
        .await
        .expect("create");
        tx.rollback().await.expect("rollback");
        // One transaction, three writes: three events, in order, together.
        let mut tx = store.begin().await.expect("begin");
        let made = tx
            .create(
                "notes",
                row(json!({ "title": "in tx", "owner": "alice" })),
                &origin,
            )
            .await
            .expect("create");
        tx.update(
            "notes",
            &made["id"],
            row(json!({ "rank": 1 })),
            None,
            &origin,
        )
        .await
        .expect("update");
        tx.delete("notes", &made["id"], None, &origin)
            .await
            .expect("delete");
        tx.commit().await.expect("commit");
    });
    let actions: Vec<Value> = (0..3).map(|_| summary(&client.recv())).collect();
    assert_eq!(
        actions
            .iter()
            .map(|a| a["action"].clone())
            .collect::<Vec<_>>(),
        vec![json!("create"), json!("update"), json!("delete")]
    );
    assert_eq!(actions[0]["record"], "in tx");
    client.expect_silence(QUIET);

    // Every acknowledged write has its event row: the newest of its record id (SQLite reuses
    // the id of the deleted note).
    let made = server.create(&alice, "notes", json!({ "title": "acknowledged" }));
    let rows = rt.block_on(async {
        store
            .sql(
                "SELECT \"action\", \"after\" FROM \"_backworks_events\" WHERE \"record_id\" = ? ORDER BY \"seq\" DESC LIMIT 1".to_owned(),
                vec![json!(made["id"].to_string())],
                &Origin::system(),
            )
            .await
            .expect("read")
    });
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["action"], "create");
    assert_eq!(summary(&client.recv())["record"], "acknowledged");
    let after: Value =
        serde_json::from_str(rows[0]["after"].as_str().expect("text")).expect("JSON");
    assert_eq!(after, made);
    // And nothing of the refused or rolled-back writes was kept.
    let titles = rt.block_on(async {
        store
            .sql(
                "SELECT \"after\" FROM \"_backworks_events\" WHERE \"kind\" = 'change'".to_owned(),
                vec![],
                &Origin::system(),
            )
            .await
            .expect("read")
    });
    let text = format!("{titles:?}");
    for absent in ["forged", "dropped", "rolled back"] {
        assert!(!text.contains(absent), "{absent} has an event: {text}");
    }
}

fn row(value: Value) -> backworks_runtime::storage::Row {
    match value {
        Value::Object(members) => members,
        _ => unreachable!("rows are objects"),
    }
}
