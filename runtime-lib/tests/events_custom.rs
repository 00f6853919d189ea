//! Custom events (`ctx.emit` reaches `events::emit`): published through the installed hub's
//! store in a transaction of their own, delivered to subscribers of that name only, replayed
//! with `since` like changes, and refused when the name or payload is out of bounds. Its own
//! test binary: the installed hub is the process's.

mod auth_support;
mod events_support;
mod http_support;
mod storage_support;

use backworks_runtime::events::{Hub, emit};
use backworks_runtime::storage::Store;
use events_support::{Server, data_at, database, token};
use serde_json::json;
use storage_support::Backend;

#[test]
fn emitted_events_reach_their_subscribers() {
    let db = database(Backend::Postgres);
    // The process's hub, as `http::serve` installs it beside the store.
    let installer = std::thread::spawn({
        let url = db.url.clone();
        move || {
            let runtime = storage_support::runtime();
            runtime.block_on(async {
                let store = Store::open(data_at(&url)).await.expect("opens");
                Hub::install(Hub::start(store));
            });
            // The writer of emitted events lives on this runtime.
            std::thread::park();
        }
    });
    while Hub::installed().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let server = Server::start(&db.url);
    let alice = token("alice", &[]);
    let mut client = server.connect();
    client.auth(&alice);
    let seen = client.subscribe(json!({ "sub": "c", "event": "chat" }));

    emit("typing", "{}".to_owned()).expect("emitted");
    emit("chat", json!({ "text": "hi", "n": [1, 2] }).to_string()).expect("emitted");
    let message = client.recv();
    assert_eq!(message["type"], "event");
    assert_eq!(message["sub"], "c");
    assert_eq!(message["name"], "chat");
    assert_eq!(message["payload"], json!({ "text": "hi", "n": [1, 2] }));
    client.expect_silence(std::time::Duration::from_millis(600));

    // Replayed like changes.
    let mut later = server.connect();
    later.auth(&alice);
    later.subscribe(json!({ "sub": "c", "event": "chat", "since": seen }));
    assert_eq!(later.recv()["payload"]["text"], "hi");

    assert!(emit("", "{}".to_owned()).is_err());
    assert!(emit(&"n".repeat(129), "{}".to_owned()).is_err());
    assert!(emit("big", format!("\"{}\"", "x".repeat(70 * 1024))).is_err());
    drop(installer);
}
