//! The live-event socket's bounds, over a real WebSocket on SQLite: a subscriber that stops
//! reading is disconnected instead of its messages piling up, a connection holds a bounded
//! number of subscriptions, an oversized message ends the connection, and none of it harms
//! the server; server shutdown closes sockets with 1001 (going away).

mod auth_support;
mod events_support;
mod http_support;
mod storage_support;

use std::time::Duration;

use backworks_runtime::storage::Store;
use backworks_runtime::storage::audit::Origin;
use events_support::{Client, Server, data_at, database, token};
use serde_json::{Value, json};
use storage_support::{Backend, runtime};

#[test]
fn a_subscriber_that_stops_reading_is_let_go() {
    let db = database(Backend::Sqlite);
    let server = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut stalled = server.connect();
    stalled.auth(&alice);
    stalled.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    let mut reader = server.connect();
    reader.auth(&alice);
    reader.subscribe(json!({ "sub": "t", "resource": "tasks", "filter": "title=eq.last" }));

    // 1500 events of 32 KiB each (48 MiB, past any socket buffer and the outbox's 8 MiB),
    // written by one transaction of another process's store.
    let rt = runtime();
    rt.block_on(async {
        let store = Store::open(data_at(&db.url)).await.expect("opens");
        let origin = Origin::system();
        let mut tx = store.begin().await.expect("begin");
        let big = "x".repeat(32 * 1024);
        for _ in 0..1500 {
            tx.create("tasks", row(json!({ "title": big })), &origin)
                .await
                .expect("create");
        }
        tx.create("tasks", row(json!({ "title": "last" })), &origin)
            .await
            .expect("create");
        tx.commit().await.expect("commit");
    });
    // The reading subscriber gets its one event.
    assert_eq!(reader.recv()["record"]["title"], "last");
    // The stalled one, when it reads again, finds what was queued and then the close.
    let mut received = 0;
    let closed = loop {
        let message = stalled.recv();
        if let Some(code) = message.get("closed") {
            break code.clone();
        }
        received += 1;
        assert!(received <= 1500, "never disconnected");
    };
    assert_eq!(closed, json!(1008), "after {received} messages");
    assert!(received < 1500, "{received}");
    // The server serves on.
    let mut fresh = server.connect();
    fresh.auth(&alice);
    fresh.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    server.create(&alice, "tasks", json!({ "title": "after" }));
    assert_eq!(fresh.recv()["record"]["title"], "after");
}

#[test]
fn a_reading_subscriber_keeps_up_with_a_burst() {
    let db = database(Backend::Sqlite);
    let server = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut client = server.connect();
    client.auth(&alice);
    for index in 0..8 {
        client.subscribe(json!({ "sub": format!("s{index}"), "resource": "tasks" }));
    }
    // One transaction of 600 creates: 4 800 messages at once, more than any count-bounded
    // queue of a few hundred would hold, well under the outbox's 8 MiB.
    let rt = runtime();
    rt.block_on(async {
        let store = Store::open(data_at(&db.url)).await.expect("opens");
        let origin = Origin::system();
        let mut tx = store.begin().await.expect("begin");
        for index in 0..600 {
            tx.create(
                "tasks",
                row(json!({ "title": format!("t{index}") })),
                &origin,
            )
            .await
            .expect("create");
        }
        tx.commit().await.expect("commit");
    });
    for _ in 0..4_800 {
        let message = client.recv();
        assert_eq!(message["type"], "change", "{message}");
    }
    client.expect_silence(Duration::from_millis(300));
}

#[test]
fn subscriptions_and_messages_are_bounded() {
    let db = database(Backend::Sqlite);
    let server = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut client = server.connect();
    client.auth(&alice);
    for index in 0..64 {
        client.subscribe(json!({ "sub": format!("s{index}"), "resource": "tasks" }));
    }
    client.send(json!({ "type": "subscribe", "sub": "one too many", "resource": "tasks" }));
    let refused = client.recv();
    assert_eq!(
        (refused["type"].as_str(), refused["status"].as_u64()),
        (Some("error"), Some(400)),
        "{refused}"
    );
    // Re-using a name replaces the subscription rather than adding one.
    client.subscribe(json!({ "sub": "s0", "resource": "notes" }));
    // A second `auth`, or one after subscribing, is refused.
    client.send(json!({ "type": "auth", "token": alice }));
    assert_eq!(client.recv()["status"], 400);
    // A message past 64 KiB ends the connection.
    client.send_text(&format!(
        "{{\"type\":\"ping\",\"pad\":\"{}\"}}",
        "y".repeat(70 * 1024)
    ));
    let mut closed = false;
    for _ in 0..3 {
        if client.recv().get("closed").is_some() {
            closed = true;
            break;
        }
    }
    assert!(closed, "an oversized message closes the connection");
    let mut next = server.connect();
    next.send(json!({ "type": "ping" }));
    assert_eq!(next.recv(), json!({ "type": "pong" }));
}

#[test]
fn expired_credentials_end_the_subscription() {
    let db = database(Backend::Sqlite);
    let server = Server::start(&db.url);
    let short = auth_support::hs256(
        &json!({ "sub": "alice", "roles": ["member"], "exp": auth_support::now() + 2 }),
        auth_support::SECRET,
    );
    let alice = token("alice", &["member"]);
    let mut client = server.connect();
    client.auth(&short);
    client.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    server.create(&alice, "tasks", json!({ "title": "while valid" }));
    assert_eq!(client.recv()["action"], "create");
    std::thread::sleep(Duration::from_millis(3_100));
    server.create(&alice, "tasks", json!({ "title": "after expiry" }));
    let refused = client.recv();
    assert_eq!(
        (refused["type"].as_str(), refused["status"].as_u64()),
        (Some("error"), Some(401)),
        "{refused}"
    );
    assert!(!refused.to_string().contains("after expiry"));
    assert_eq!(client.recv(), json!({ "closed": 1008 }));
}

#[test]
fn shutdown_closes_sockets_as_going_away() {
    let db = database(Backend::Sqlite);
    let server = storage_support::TestServer::start(&db.url);
    let mut client = Client::connect(&format!("ws://{}/_backworks/ws", server.addr), &[]);
    client.subscribe(json!({ "sub": "b", "resource": "books" }));
    let stopping = std::thread::spawn(move || drop(server));
    let message = client
        .recv_within(Duration::from_secs(10))
        .expect("a close");
    assert_eq!(message, json!({ "closed": 1001 }));
    stopping.join().expect("the server stops");
}

fn row(value: Value) -> backworks_runtime::storage::Row {
    match value {
        Value::Object(members) => members,
        _ => unreachable!("rows are objects"),
    }
}
