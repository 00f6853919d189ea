//! Live events of data changes over a real WebSocket, on SQLite and PostgreSQL: what a
//! subscriber sees of creates, updates and deletes made over HTTP (record, action, seq order),
//! filters (`enter` with the record, `leave` with the id only), record rules (another user's
//! private note never shows — deletes included — until it is shared, and `leave` when it is
//! unshared without its new contents), and every refusal of a subscription.

mod auth_support;
mod events_support;
mod http_support;
mod storage_support;

use std::time::Duration;

use events_support::{Server, database, summary, token};
use serde_json::{Value, json};
use storage_support::Backend;

const QUIET: Duration = Duration::from_millis(600);

both!(
    crud_changes_arrive_in_order,
    filters_announce_enter_and_leave,
    rules_hide_private_notes_deletes_included,
    an_id_subscription_sees_one_record,
    subscriptions_are_refused_like_the_routes,
    filters_mean_what_the_list_means,
    many_distinct_subscriptions_share_one_batch,
);

/// More distinct conditions than one statement may hold — 640 result columns, 64 of them
/// `in` lists of 1 000 values (64 000 parameters) — are split across statements, and every
/// subscription still hears its change, once.
fn many_distinct_subscriptions_share_one_batch(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let member = token("m", &["member"]);
    let mut clients = Vec::new();
    for connection in 0..9 {
        let mut client = server.connect();
        client.auth(&member);
        for index in 0..64 {
            let filter = format!("title=neq.c{connection}s{index}");
            client.subscribe(
                json!({ "sub": format!("s{index}"), "resource": "tasks", "filter": filter }),
            );
        }
        clients.push(client);
    }
    for connection in 0..2 {
        let mut client = server.connect();
        client.auth(&member);
        for index in 0..32 {
            let base = (connection * 32 + index) * 1_000;
            let values: Vec<String> = (base..base + 1_000).map(|n| n.to_string()).collect();
            let filter = format!("points=not.in.({})", values.join(","));
            client.subscribe(
                json!({ "sub": format!("in{index}"), "resource": "tasks", "filter": filter }),
            );
        }
        clients.push(client);
    }
    let task = server.create(
        &member,
        "tasks",
        json!({ "title": "for everyone", "points": 0.5 }),
    );
    for (number, client) in clients.iter_mut().enumerate() {
        let expected = if number < 9 { 64 } else { 32 };
        let mut heard = std::collections::BTreeSet::new();
        while heard.len() < expected {
            let message = client
                .recv_within(events_support::WAIT)
                .unwrap_or_else(|| panic!("connection {number} heard only {heard:?}"));
            assert_eq!(
                (message["action"].as_str(), &message["id"]),
                (Some("create"), &task["id"]),
                "{message}"
            );
            let fresh = heard.insert(message["sub"].as_str().expect("sub").to_owned());
            assert!(fresh, "{message} twice");
        }
        client.expect_silence(Duration::from_millis(100));
    }
}

/// For every filter, the records whose create reached the subscription are exactly the
/// records `GET /tasks?<filter>` lists: the list endpoint is the reference.
fn filters_mean_what_the_list_means(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let member = token("m", &["member"]);
    let filters = [
        "done=is.true",
        "done=is.false",
        "done=not.is.true",
        "due=is.null",
        "due=gt.2026-06-01T00:00:00Z",
        "due=lte.2026-06-01T00:00:00.000Z",
        "points=gte.2.5",
        "points=lt.0",
        "points=neq.1",
        "points=in.(1,2.5,-3)",
        "title=like.*a*",
        "title=ilike.A*",
        "title=not.like.*b",
        "title=eq.Ab",
        "id=gt.3",
        "title=in.(\"a,b\",Ab)",
        "points=not.in.(1)&done=is.false",
        "title=eq.%C3%9Fa",
        "title=like.x%2A",
    ];
    let mut clients: Vec<events_support::Client> = filters
        .iter()
        .enumerate()
        .map(|(index, filter)| {
            let mut client = server.connect();
            client.auth(&member);
            client.subscribe(
                json!({ "sub": format!("f{index}"), "resource": "tasks", "filter": filter }),
            );
            client
        })
        .collect();
    let records = [
        json!({ "title": "a", "done": true, "points": 1 }),
        json!({ "title": "Ab", "due": "2026-06-01T00:00:00Z", "points": 2.5 }),
        json!({ "title": "b", "done": false, "due": "2027-01-01T10:00:00+02:00", "points": -3 }),
        json!({ "title": "a,b", "points": 0 }),
        json!({ "title": "ßa", "done": true, "due": "2025-12-31T23:59:59.999Z" }),
        json!({ "title": "xb", "done": false, "points": 7.25 }),
    ];
    let mut ids = Vec::new();
    for record in records {
        ids.push(server.create(&member, "tasks", record)["id"].clone());
    }
    // A last record every subscription sees, so each knows when it has heard everything.
    let marker = server.create(&member, "tasks", json!({ "title": "zz-marker" }))["id"].clone();
    for (index, filter) in filters.iter().enumerate() {
        let query = filter.replace('"', "%22").replace(',', "%2C");
        let listed = server.send(
            Some(&member),
            "GET",
            &format!("/tasks?{query}&limit=100"),
            None,
        );
        assert_eq!(listed.status, 200, "{filter}: {}", listed.text());
        let expected: Vec<Value> = listed.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|item| item["id"].clone())
            .filter(|id| *id != marker)
            .collect();
        let mut heard = Vec::new();
        let client = &mut clients[index];
        // Read until the marker (or, when the filter excludes it, until the quiet period).
        while let Some(message) = client.recv_within(Duration::from_millis(800)) {
            if message["id"] == marker {
                break;
            }
            heard.push(message["id"].clone());
        }
        assert_eq!(heard, expected, "filter {filter}");
    }
    assert!(ids.len() == 6);
}

fn crud_changes_arrive_in_order(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let member = token("m1", &["member"]);
    let mut client = server.connect_with(&[("authorization", &format!("Bearer {member}"))]);
    assert_eq!(client.recv()["type"], "auth");
    let start = client.subscribe(json!({ "sub": "all", "resource": "tasks" }));

    let task = server.create(&member, "tasks", json!({ "title": "write", "points": 2.5 }));
    let id = task["id"].clone();
    server.update(&member, "tasks", &id, json!({ "title": "rewrite" }));
    server.delete(&member, "tasks", &id);

    let created = client.recv();
    assert_eq!(created["type"], "change");
    assert_eq!(created["resource"], "tasks");
    assert_eq!(created["action"], "create");
    // The record exactly as the HTTP route answered it.
    assert_eq!(created["record"], task);
    let updated = client.recv();
    assert_eq!(
        summary(&updated),
        json!({ "type": "change", "sub": "all", "action": "update", "id": id, "record": "rewrite" })
    );
    assert_eq!(updated["record"]["points"], 2.5);
    let deleted = client.recv();
    assert_eq!(
        summary(&deleted),
        json!({ "type": "change", "sub": "all", "action": "delete", "id": id, "record": null })
    );
    assert!(
        deleted.get("record").is_none(),
        "a delete carries the id only: {deleted}"
    );
    let seqs: Vec<i64> = [&created, &updated, &deleted]
        .iter()
        .map(|message| message["seq"].as_i64().expect("seq"))
        .collect();
    assert!(
        start < seqs[0] && seqs[0] < seqs[1] && seqs[1] < seqs[2],
        "{start} {seqs:?}"
    );
    client.expect_silence(QUIET);

    // The connection keeps working after a malformed frame, an unknown type, a binary frame.
    client.send_text("{not json");
    let error = client.recv();
    assert_eq!(
        (error["type"].as_str(), error["status"].as_u64()),
        (Some("error"), Some(400)),
        "{error}"
    );
    client.send(json!({ "type": "shout" }));
    assert_eq!(client.recv()["status"], 400);
    client.send(json!({ "type": "ping" }));
    assert_eq!(client.recv(), json!({ "type": "pong" }));
    client.send(json!({ "type": "unsubscribe", "sub": "all" }));
    client.send(json!({ "type": "ping" }));
    assert_eq!(client.recv(), json!({ "type": "pong" }));
    server.create(&member, "tasks", json!({ "title": "unheard" }));
    client.expect_silence(QUIET);
    client.send(json!({ "type": "unsubscribe", "sub": "all" }));
    assert_eq!(client.recv()["status"], 404);
}

fn filters_announce_enter_and_leave(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let member = token("m1", &["member"]);
    let mut client = server.connect();
    client.auth(&member);
    client.subscribe(
        json!({ "sub": "open", "resource": "tasks", "filter": "done=is.false&title=like.*x*" }),
    );

    let inside = server.create(&member, "tasks", json!({ "title": "x1" }));
    let outside = server.create(&member, "tasks", json!({ "title": "x2", "done": true }));
    let id = inside["id"].clone();
    let other = outside["id"].clone();
    assert_eq!(
        summary(&client.recv()),
        json!({ "type": "change", "sub": "open", "action": "create", "id": id, "record": "x1" })
    );

    // Out of the filter: leave, with the id only — never the contents that no longer match.
    server.update(
        &member,
        "tasks",
        &id,
        json!({ "done": true, "title": "x1 done" }),
    );
    let left = client.recv();
    assert_eq!(
        summary(&left),
        json!({ "type": "change", "sub": "open", "action": "leave", "id": id, "record": null })
    );
    assert!(left.get("record").is_none(), "{left}");
    // Changes while out of view, and deletes of records never in view, are not announced.
    server.update(&member, "tasks", &id, json!({ "title": "x1 still done" }));
    server.delete(&member, "tasks", &other);
    client.expect_silence(QUIET);
    // Back in: enter, with the record.
    server.update(&member, "tasks", &id, json!({ "done": false }));
    let entered = client.recv();
    assert_eq!(
        summary(&entered),
        json!({ "type": "change", "sub": "open", "action": "enter", "id": id, "record": "x1 still done" })
    );
    // The other condition of the filter counts too: a title without x leaves.
    server.update(&member, "tasks", &id, json!({ "title": "plain" }));
    assert_eq!(client.recv()["action"], "leave");
    server.update(&member, "tasks", &id, json!({ "title": "x again" }));
    assert_eq!(client.recv()["action"], "enter");
    server.delete(&member, "tasks", &id);
    assert_eq!(summary(&client.recv())["action"], "delete");
    client.expect_silence(QUIET);
}

fn rules_hide_private_notes_deletes_included(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let alice = token("alice", &[]);
    let bob = token("bob", &[]);
    let mut watcher = server.connect();
    watcher.auth(&bob);
    watcher.subscribe(json!({ "sub": "notes", "resource": "notes" }));
    let mut anonymous = server.connect();
    anonymous.subscribe(json!({ "sub": "public", "resource": "notes" }));

    // Alice's private note: created, changed, deleted — Bob and the anonymous see nothing.
    let secret = server.create(&alice, "notes", json!({ "title": "secret" }));
    server.update(
        &alice,
        "notes",
        &secret["id"],
        json!({ "title": "secret 2" }),
    );
    server.delete(&alice, "notes", &secret["id"]);
    watcher.expect_silence(QUIET);
    anonymous.expect_silence(Duration::from_millis(50));

    // Shared: Bob sees it enter, with its contents; then its updates.
    let note = server.create(&alice, "notes", json!({ "title": "draft" }));
    let id = note["id"].clone();
    server.update(
        &alice,
        "notes",
        &id,
        json!({ "shared": true, "title": "published" }),
    );
    let entered = watcher.recv();
    assert_eq!(
        summary(&entered),
        json!({ "type": "change", "sub": "notes", "action": "enter", "id": id, "record": "published" })
    );
    assert_eq!(anonymous.recv()["action"], "enter");
    server.update(&alice, "notes", &id, json!({ "rank": 3 }));
    assert_eq!(watcher.recv()["action"], "update");
    assert_eq!(anonymous.recv()["action"], "update");
    // Unshared with new contents: Bob is told it left, never what it now says.
    server.update(
        &alice,
        "notes",
        &id,
        json!({ "shared": false, "title": "private again" }),
    );
    let left = watcher.recv();
    assert_eq!(
        summary(&left),
        json!({ "type": "change", "sub": "notes", "action": "leave", "id": id, "record": null })
    );
    assert!(!left.to_string().contains("private again"), "{left}");
    assert_eq!(anonymous.recv()["action"], "leave");
    // Deleted while private: nobody but Alice could see it, so nobody else hears of it.
    let mut owner = server.connect();
    owner.auth(&alice);
    owner.subscribe(json!({ "sub": "mine", "resource": "notes" }));
    server.delete(&alice, "notes", &id);
    assert_eq!(summary(&owner.recv())["action"], "delete");
    watcher.expect_silence(QUIET);
    anonymous.expect_silence(Duration::from_millis(50));

    // Bob's own note: his; not Alice's business.
    let his = server.create(&bob, "notes", json!({ "title": "bob's" }));
    assert_eq!(watcher.recv()["id"], his["id"]);
    owner.expect_silence(QUIET);
}

fn an_id_subscription_sees_one_record(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let alice = token("alice", &[]);
    let bob = token("bob", &[]);
    let shared = server.create(&alice, "notes", json!({ "title": "one", "shared": true }));
    let other = server.create(&alice, "notes", json!({ "title": "two", "shared": true }));
    let mut watcher = server.connect();
    watcher.auth(&bob);
    watcher.subscribe(json!({ "sub": "one", "resource": "notes", "id": shared["id"] }));
    server.update(&alice, "notes", &other["id"], json!({ "rank": 1 }));
    server.update(&alice, "notes", &shared["id"], json!({ "rank": 2 }));
    let update = watcher.recv();
    assert_eq!(
        (update["action"].as_str(), &update["id"]),
        (Some("update"), &shared["id"])
    );
    assert_eq!(update["record"]["rank"], 2);
    // The id as text names the same record.
    let mut by_text = server.connect();
    by_text.auth(&bob);
    by_text.subscribe(json!({ "sub": "t", "resource": "notes", "id": shared["id"].to_string() }));
    server.delete(&alice, "notes", &shared["id"]);
    assert_eq!(watcher.recv()["action"], "delete");
    assert_eq!(by_text.recv()["action"], "delete");
    watcher.expect_silence(QUIET);
}

fn subscriptions_are_refused_like_the_routes(backend: Backend) {
    let db = database(backend);
    let server = Server::start(&db.url);
    let refusal = |client: &mut events_support::Client, message: Value| -> (u64, String) {
        let mut message = message;
        message["type"] = json!("subscribe");
        message["sub"] = json!("s");
        client.send(message);
        let reply = client.recv();
        assert_eq!(
            (reply["type"].as_str(), reply["sub"].as_str()),
            (Some("error"), Some("s")),
            "{reply}"
        );
        (
            reply["status"].as_u64().unwrap_or(0),
            reply["message"].as_str().unwrap_or("").to_owned(),
        )
    };
    let mut anonymous = server.connect();
    // `GET /tasks` needs a member: 401 anonymous, 403 without the role.
    assert_eq!(
        refusal(&mut anonymous, json!({ "resource": "tasks" })).0,
        401
    );
    assert_eq!(
        refusal(&mut anonymous, json!({ "resource": "nope" })).0,
        404
    );
    // Not listed over HTTP: not subscribable.
    assert_eq!(
        refusal(&mut anonymous, json!({ "resource": "archive" })).0,
        404
    );
    // Custom events need a verified caller when the service has `auth:`.
    assert_eq!(refusal(&mut anonymous, json!({ "event": "chat" })).0, 401);
    let mut guest = server.connect();
    guest.auth(&token("guest", &[]));
    assert_eq!(refusal(&mut guest, json!({ "resource": "tasks" })).0, 403);
    let mut member = server.connect();
    member.auth(&token("m", &["member"]));
    let (status, message) = refusal(
        &mut member,
        json!({ "resource": "tasks", "filter": "done=maybe.true" }),
    );
    assert_eq!(status, 400);
    assert!(message.contains("filter/done"), "{message}");
    assert_eq!(
        refusal(
            &mut member,
            json!({ "resource": "tasks", "filter": "nope=eq.1" })
        )
        .0,
        400
    );
    assert_eq!(
        refusal(
            &mut member,
            json!({ "resource": "tasks", "filter": "limit=2" })
        )
        .0,
        400
    );
    assert_eq!(
        refusal(
            &mut member,
            json!({ "resource": "tasks", "filter": "order=title" })
        )
        .0,
        400
    );
    assert_eq!(
        refusal(&mut member, json!({ "resource": "tasks", "id": "seven" })).0,
        400
    );
    assert_eq!(
        refusal(&mut member, json!({ "resource": "tasks", "event": "x" })).0,
        400
    );
    // The connection still serves after every refusal.
    member.subscribe(json!({ "sub": "ok", "resource": "tasks" }));

    // A bad token: 401, and the connection closes.
    let mut forged = server.connect();
    forged.send(json!({ "type": "auth", "token": "not.a.token" }));
    let reply = forged.recv();
    assert_eq!(
        (reply["type"].as_str(), reply["status"].as_u64()),
        (Some("error"), Some(401)),
        "{reply}"
    );
    assert!(forged.recv().get("closed").is_some());
    // On the upgrade request too.
    let mut upgraded = server.connect_with(&[("authorization", "Bearer not.a.token")]);
    assert_eq!(upgraded.recv()["status"], 401);
    assert!(upgraded.recv().get("closed").is_some());
    // An expired token is refused the same way.
    let expired = auth_support::hs256(
        &json!({ "sub": "m", "roles": ["member"], "exp": auth_support::now() - 60 }),
        auth_support::SECRET,
    );
    let mut late = server.connect();
    late.send(json!({ "type": "auth", "token": expired }));
    assert_eq!(late.recv()["status"], 401);
    // The server is unharmed.
    assert_eq!(server.send(None, "GET", "/notes", None).status, 200);
}
