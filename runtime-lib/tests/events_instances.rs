//! Several server instances on one PostgreSQL: a change made through one reaches the
//! subscribers of the other (`NOTIFY` at commit wakes every reader), and two transactions
//! that commit in the opposite order of their inserts lose no event — the case a reader of
//! insert-time sequence numbers gets wrong (it reads the later insert, moves past it, and
//! never sees the earlier one commit).

mod auth_support;
mod events_support;
mod http_support;
mod storage_support;

use std::time::Duration;

use backworks_runtime::storage::Store;
use backworks_runtime::storage::audit::Origin;
use events_support::{Server, data_at, database, token};
use serde_json::{Value, json};
use storage_support::{Backend, runtime};

#[test]
fn a_change_through_one_instance_reaches_the_other() {
    let db = database(Backend::Postgres);
    let first = Server::start(&db.url);
    let second = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut on_second = second.connect();
    on_second.auth(&alice);
    on_second.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    let mut on_first = first.connect();
    on_first.auth(&alice);
    on_first.subscribe(json!({ "sub": "t", "resource": "tasks" }));

    let task = first.create(&alice, "tasks", json!({ "title": "made on the first" }));
    let heard = on_second.recv();
    assert_eq!(
        (heard["action"].as_str(), &heard["record"]),
        (Some("create"), &task)
    );
    let local = on_first.recv();
    // One seq space for the service: both instances name the event alike.
    assert_eq!(local["seq"], heard["seq"]);
    second.update(&alice, "tasks", &task["id"], json!({ "done": true }));
    assert_eq!(on_first.recv()["action"], "update");
    assert_eq!(on_second.recv()["action"], "update");
}

#[test]
fn commits_out_of_insert_order_lose_no_event() {
    let db = database(Backend::Postgres);
    let server = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut client = server.connect();
    client.auth(&alice);
    client.subscribe(json!({ "sub": "t", "resource": "tasks" }));

    let rt = runtime();
    // Another instance's store: its writes reach the server only through the database.
    let store = rt.block_on(async { Store::open(data_at(&db.url)).await.expect("opens") });
    let origin = Origin::system();
    let early = rt.block_on(async {
        let mut tx = store.begin().await.expect("begin");
        tx.create(
            "tasks",
            row(json!({ "title": "inserted first, committed last" })),
            &origin,
        )
        .await
        .expect("create");
        tx
    });
    rt.block_on(async {
        let mut tx = store.begin().await.expect("begin");
        tx.create(
            "tasks",
            row(json!({ "title": "inserted last, committed first" })),
            &origin,
        )
        .await
        .expect("create");
        tx.commit().await.expect("commit");
    });
    // The reader has delivered the later insert (so it has read past its position)…
    let first = client.recv();
    assert_eq!(first["record"]["title"], "inserted last, committed first");
    client.expect_silence(Duration::from_millis(1_500));
    // …and the earlier insert, committed now, still arrives, after it.
    rt.block_on(async {
        early.commit().await.expect("commit");
    });
    let second = client.recv();
    assert_eq!(second["record"]["title"], "inserted first, committed last");
    assert!(
        second["seq"].as_i64() > first["seq"].as_i64(),
        "{first} {second}"
    );
}

#[test]
fn a_lost_listen_connection_is_made_again_and_nothing_is_missed() {
    let db = database(Backend::Postgres);
    let first = Server::start(&db.url);
    let second = Server::start(&db.url);
    let alice = token("alice", &["member"]);
    let mut on_second = second.connect();
    on_second.auth(&alice);
    on_second.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    // Every LISTEN connection of the database is ended by the administrator.
    let rt = runtime();
    let ended = rt.block_on(async {
        let store = Store::open(data_at(&db.url)).await.expect("opens");
        store
            .sql(
                "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database() AND pid <> pg_backend_pid()".to_owned(),
                vec![],
                &Origin::system(),
            )
            .await
            .expect("terminated")
    });
    assert_eq!(
        ended.len(),
        2,
        "both instances' LISTEN connections ended: {ended:?}"
    );
    // Both instances listen again (back-off starts at 100 ms).
    let listening = |rt: &tokio::runtime::Runtime| {
        rt.block_on(async {
            let store = Store::open(data_at(&db.url)).await.expect("opens");
            let rows = store
                .sql(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE query = 'LISTEN backworks_events' AND datname = current_database()".to_owned(),
                    vec![],
                    &Origin::system(),
                )
                .await
                .expect("counted");
            rows[0]["n"].as_i64().unwrap_or(0)
        })
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while listening(&rt) < 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "the LISTEN connections were not made again"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    for index in 0..3 {
        let task = first.create(&alice, "tasks", json!({ "title": format!("t{index}") }));
        assert_eq!(on_second.recv()["id"], task["id"]);
    }
}

#[test]
fn a_lost_database_is_an_error_message_and_events_resume_after_it() {
    let cluster = storage_support::postgres::Cluster::start_new();
    let url = cluster.create_database();
    let server = Server::start(&url);
    let alice = token("alice", &["member"]);
    let mut client = server.connect();
    client.auth(&alice);
    let seen = client.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    server.create(&alice, "tasks", json!({ "title": "before" }));
    assert_eq!(client.recv()["action"], "create");
    cluster.stop();
    // The missed events cannot be read: an error and a reset, and the socket serves on.
    client.send(json!({ "type": "subscribe", "sub": "again", "resource": "tasks", "since": seen }));
    assert_eq!(client.recv()["type"], "subscribed");
    let error = client.recv();
    assert_eq!(
        (error["type"].as_str(), error["status"].as_u64()),
        (Some("error"), Some(503)),
        "{error}"
    );
    assert_eq!(client.recv(), json!({ "type": "reset", "sub": "again" }));
    client.send(json!({ "type": "ping" }));
    assert_eq!(client.recv(), json!({ "type": "pong" }));
    cluster.start();
    // Back: writes are published again (the reader retries, LISTEN is made again).
    let task = loop {
        let reply = server.send(
            Some(&alice),
            "POST",
            "/tasks",
            Some(json!({ "title": "back" })),
        );
        if reply.status == 201 {
            break reply.json();
        }
        assert_eq!(reply.status, 503, "{}", reply.text());
        std::thread::sleep(Duration::from_millis(200));
    };
    for _ in 0..2 {
        let heard = client.recv();
        assert_eq!(
            (heard["action"].as_str(), &heard["id"]),
            (Some("create"), &task["id"]),
            "{heard}"
        );
    }
}

fn row(value: Value) -> backworks_runtime::storage::Row {
    match value {
        Value::Object(members) => members,
        _ => unreachable!("rows are objects"),
    }
}
