//! The audit log over HTTP, on SQLite and on a throw-away PostgreSQL cluster: every
//! acknowledged CRUD write has exactly one entry naming its caller, its request's
//! `x-request-id` and what changed; a refused write has none; secrets never appear; only
//! admins read `GET /_backworks/audit`, with filters and keyset pages; the table refuses
//! updates and deletes; identity events appended through `audit::record`.

mod audit_support;
mod auth_support;
mod storage_support;
mod transport_support;

use audit_support::{AuditServer, admin, data_at, service, token};
use backworks_runtime::storage::audit::{self, Actor, Event, Origin};
use serde_json::{Value, json};
use storage_support::{Backend, Reply, TestDb, request, runtime};

fn serve(backend: Backend) -> (TestDb, AuditServer) {
    let db = TestDb::new(backend);
    let server = AuditServer::start(service(data_at(&db.url), &[]), false);
    (db, server)
}

fn request_id(reply: &Reply) -> String {
    reply
        .header("x-request-id")
        .expect("every response carries x-request-id")
        .to_owned()
}

fn created_id(reply: &Reply) -> String {
    reply.expect(201).json()["id"].to_string()
}

fn crud_writes_are_audited_in_their_request(backend: Backend) {
    let (_db, server) = serve(backend);
    let alice = token("alice", &["member"]);
    let created = server.send(
        "POST",
        "/notes",
        Some(&alice),
        Some(json!({"title": "First", "body": "hello"})),
    );
    let id = created_id(&created);
    let patched = server.send(
        "PATCH",
        &format!("/notes/{id}"),
        Some(&alice),
        Some(json!({"title": "Second"})),
    );
    patched.expect(200);
    let replaced = server.send(
        "PUT",
        &format!("/notes/{id}"),
        Some(&alice),
        Some(json!({"title": "Third"})),
    );
    replaced.expect(200);
    let deleted = server.send("DELETE", &format!("/notes/{id}"), Some(&alice), None);
    deleted.expect(204);

    let entries = server.entries("resource=notes");
    let expected = [
        (&deleted, "delete", json!({"title": "Third", "body": null})),
        (
            &replaced,
            "update",
            json!({"title": {"from": "Second", "to": "Third"}, "body": {"from": "hello", "to": null}}),
        ),
        (
            &patched,
            "update",
            json!({"title": {"from": "First", "to": "Second"}}),
        ),
        (
            &created,
            "create",
            json!({"title": "First", "body": "hello"}),
        ),
    ];
    assert_eq!(entries.len(), expected.len(), "{entries:#?}");
    for (entry, (reply, action, changed)) in entries.iter().zip(expected) {
        assert_eq!(entry["action"], action, "{entry}");
        assert_eq!(entry["actor"], json!({"kind": "user", "id": "alice"}));
        assert_eq!(entry["resource"], "notes");
        assert_eq!(entry["record"], id.as_str());
        assert_eq!(entry["request_id"], request_id(reply).as_str(), "{entry}");
        assert_eq!(entry["changed"], changed, "{entry}");
        let at = entry["at"].as_str().expect("at is text");
        assert!(at.ends_with('Z') && at.len() == 24, "{at}");
    }
    let ids: Vec<i64> = entries
        .iter()
        .map(|entry| entry["id"].as_i64().unwrap())
        .collect();
    assert!(
        ids.windows(2).all(|pair| pair[0] > pair[1]),
        "newest first: {ids:?}"
    );
}

fn refused_writes_leave_no_entry(backend: Backend) {
    let (_db, server) = serve(backend);
    let alice = token("alice", &["member"]);
    let account = json!({"email": "a@example.org"});
    created_id(&server.send("POST", "/accounts", Some(&alice), Some(account.clone())));
    let note = created_id(&server.send(
        "POST",
        "/notes",
        Some(&alice),
        Some(json!({"title": "kept"})),
    ));
    let before = server.entries("");
    assert_eq!(before.len(), 2, "{before:#?}");

    let refusals = [
        // 409: the email is taken.
        (
            server.send("POST", "/accounts", Some(&alice), Some(account)),
            409,
        ),
        // 400: a required field is missing, a string too long.
        (
            server.send("POST", "/notes", Some(&alice), Some(json!({}))),
            400,
        ),
        (
            server.send(
                "POST",
                "/notes",
                Some(&alice),
                Some(json!({"title": "x".repeat(51)})),
            ),
            400,
        ),
        (
            server.send(
                "PATCH",
                &format!("/notes/{note}"),
                Some(&alice),
                Some(json!({"title": null})),
            ),
            400,
        ),
        // 404: no such row.
        (
            server.send(
                "PATCH",
                "/notes/999999",
                Some(&alice),
                Some(json!({"title": "y"})),
            ),
            404,
        ),
        (
            server.send("DELETE", "/notes/999999", Some(&alice), None),
            404,
        ),
        // 401: nobody.
        (
            server.send("POST", "/notes", None, Some(json!({"title": "anonymous"}))),
            401,
        ),
    ];
    for (reply, status) in &refusals {
        reply.expect(*status);
    }
    // 412: a stale If-Match, checked in the write's transaction.
    let stale = request(
        "PATCH",
        &server.url(&format!("/notes/{note}")),
        &[
            ("authorization", &format!("Bearer {alice}")),
            ("if-match", "\"stale\""),
        ],
        Some(&json!({"title": "z"})),
    );
    stale.expect(412);

    let after = server.entries("");
    assert_eq!(after, before, "no refused write left an entry");
    for (reply, _) in &refusals {
        let id = request_id(reply);
        assert!(server.entries(&format!("request_id={id}")).is_empty());
    }
}

fn secrets_never_reach_the_log(backend: Backend) {
    let (_db, server) = serve(backend);
    let alice = token("alice", &["member"]);
    let account = server.send(
        "POST",
        "/accounts",
        Some(&alice),
        Some(
            json!({"email": "b@example.org", "password_hash": "$argon2id$SECRET-ONE",
                    "api_token": "tok-SECRET-TWO"}),
        ),
    );
    let id = created_id(&account);
    server
        .send(
            "PATCH",
            &format!("/accounts/{id}"),
            Some(&alice),
            Some(json!({"password_hash": "$argon2id$SECRET-THREE", "email": "c@example.org"})),
        )
        .expect(200);
    let entries = server.entries("resource=accounts");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["changed"], json!({"email": "b@example.org"}));
    assert_eq!(
        entries[0]["changed"],
        json!({"email": {"from": "b@example.org", "to": "c@example.org"}})
    );
    let text = server
        .send("GET", "/_backworks/audit", Some(&admin()), None)
        .text();
    for secret in [
        "SECRET-ONE",
        "SECRET-TWO",
        "SECRET-THREE",
        "password_hash",
        "api_token",
    ] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
}

fn only_admins_read_the_log(backend: Backend) {
    let (_db, server) = serve(backend);
    let anonymous = server.send("GET", "/_backworks/audit", None, None);
    anonymous.error(401, "unauthorized");
    assert_eq!(anonymous.header("www-authenticate"), Some("Bearer"));
    let member = server.send(
        "GET",
        "/_backworks/audit",
        Some(&token("alice", &["member"])),
        None,
    );
    member.error(403, "forbidden");
    let forged = server.send("GET", "/_backworks/audit", Some("a.b.c"), None);
    forged.expect(401);
    server
        .send("GET", "/_backworks/audit", Some(&admin()), None)
        .expect(200);
    // Append-only through the API: no method writes.
    for method in ["POST", "PUT", "PATCH", "DELETE"] {
        let reply = server.send(
            method,
            "/_backworks/audit",
            Some(&admin()),
            Some(json!({"action": "forged"})),
        );
        reply.error(405, "method_not_allowed");
    }
}

fn filters_and_pages(backend: Backend) {
    let (_db, server) = serve(backend);
    let (alice, bob) = (token("alice", &["member"]), token("bob", &["member"]));
    let mut notes = Vec::new();
    for (who, title) in [(&alice, "a1"), (&alice, "a2"), (&bob, "b1"), (&alice, "a3")] {
        let reply = server.send("POST", "/notes", Some(who), Some(json!({"title": title})));
        notes.push((created_id(&reply), request_id(&reply)));
    }
    let (b1, _) = &notes[2];
    let update = server.send(
        "PATCH",
        &format!("/notes/{b1}"),
        Some(&bob),
        Some(json!({"body": "edited"})),
    );
    update.expect(200);
    let all = server.entries("");
    assert_eq!(all.len(), 5);

    let actions = |entries: &[Value]| -> Vec<String> {
        entries
            .iter()
            .map(|entry| format!("{}:{}", entry["action"].as_str().unwrap(), entry["record"]))
            .collect()
    };
    let by_bob = server.entries("actor=bob");
    assert_eq!(
        actions(&by_bob),
        [format!("update:\"{b1}\""), format!("create:\"{b1}\"")]
    );
    assert_eq!(server.entries("action=update").len(), 1);
    assert_eq!(server.entries("action=create&actor=alice").len(), 3);
    assert_eq!(
        server.entries(&format!("resource=notes&record={b1}")).len(),
        2
    );
    assert_eq!(server.entries("actor_kind=user").len(), 5);
    assert!(server.entries("actor_kind=anonymous").is_empty());
    assert!(server.entries("resource=accounts").is_empty());
    let (_, second_request) = &notes[1];
    let one = server.entries(&format!("request_id={second_request}"));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["changed"], json!({"title": "a2", "body": null}));

    // Time windows: `since` inclusive, `until` exclusive, against the entries' own times.
    let pivot = all[2]["at"].as_str().unwrap().to_owned();
    let since = server.entries(&format!("since={pivot}"));
    let until = server.entries(&format!("until={pivot}"));
    let at = |entry: &Value| entry["at"].as_str().unwrap().to_owned();
    assert!(since.iter().all(|entry| at(entry) >= pivot));
    assert!(until.iter().all(|entry| at(entry) < pivot));
    assert_eq!(since.len() + until.len(), all.len());
    assert!(since.len() >= 3);
    assert!(server.entries("since=2999-01-01T00:00:00Z").is_empty());

    // Keyset pages of two, newest first, until `next` is null: the whole log, once.
    let mut seen = Vec::new();
    let mut query = "limit=2".to_owned();
    loop {
        let page = server.audit(&query);
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|entry| entry["id"].as_i64().unwrap()));
        match page["next"].as_str() {
            Some(next) => query = format!("limit=2&after={next}"),
            None => break,
        }
    }
    let every: Vec<i64> = all
        .iter()
        .map(|entry| entry["id"].as_i64().unwrap())
        .collect();
    assert_eq!(seen, every);
    // A page taken, then more writes: the next page still continues where it left off.
    let first = server.audit("limit=2");
    server
        .send(
            "POST",
            "/notes",
            Some(&alice),
            Some(json!({"title": "late"})),
        )
        .expect(201);
    let next = first["next"].as_str().unwrap();
    let second = server.audit(&format!("limit=2&after={next}"));
    assert_eq!(second["items"][0]["id"], json!(every[2]));

    // Malformed filters are 400s naming the parameter.
    for (query, pointer) in [
        ("limit=0", "/query/limit"),
        ("limit=501", "/query/limit"),
        ("after=abc", "/query/after"),
        ("since=yesterday", "/query/since"),
        ("actor_kind=robot", "/query/actor_kind"),
        ("colour=red", "/query/colour"),
        ("action=a&action=b", "/query/action"),
    ] {
        let reply = server.send(
            "GET",
            &format!("/_backworks/audit?{query}"),
            Some(&admin()),
            None,
        );
        assert_eq!(reply.pointers(), [pointer], "{query}");
    }
}

fn identity_events_are_recorded(backend: Backend) {
    let (_db, server) = serve(backend);
    let origin = Origin {
        actor: Actor::caller(None),
        request_id: Some("req-login".into()),
        ip: Some("192.0.2.7".into()),
    };
    let as_admin = Origin {
        actor: Actor::key("key-9"),
        ..origin.clone()
    };
    let events = [
        (&origin, Event::Register { user: "17".into() }),
        (&origin, Event::Login { user: "17".into() }),
        (
            &origin,
            Event::LoginFailed {
                identifier: "eve@example.org".into(),
                user: None,
            },
        ),
        (
            &as_admin,
            Event::KeyCreated {
                key: "k1".into(),
                roles: vec!["reader".into()],
            },
        ),
        (&as_admin, Event::KeyRevoked { key: "k1".into() }),
        (
            &as_admin,
            Event::RoleChanged {
                user: "17".into(),
                from: vec!["member".into()],
                to: vec!["member".into(), "admin".into()],
            },
        ),
    ];
    let runtime = runtime();
    runtime.block_on(async {
        for (origin, event) in &events {
            audit::record(&server.store, origin, event)
                .await
                .expect("the event is recorded");
        }
        // An event appended in a transaction that rolls back is gone with it.
        let mut tx = server.store.begin().await.unwrap();
        tx.record(&origin, &Event::Login { user: "99".into() })
            .await
            .unwrap();
        tx.rollback().await.unwrap();
    });
    let entries = server.entries("");
    let summary: Vec<Value> = entries
        .iter()
        .map(|entry| {
            json!([
                entry["action"],
                entry["resource"],
                entry["record"],
                entry["actor"],
                entry["changed"]
            ])
        })
        .collect();
    let anonymous = json!({"kind": "anonymous", "id": null});
    let key = json!({"kind": "key", "id": "key-9"});
    assert_eq!(
        summary,
        [
            json!(["role_changed", "users", "17", key,
                   {"roles": {"from": ["member"], "to": ["member", "admin"]}}]),
            json!(["key_revoked", "api_keys", "k1", key, null]),
            json!(["key_created", "api_keys", "k1", key, {"roles": ["reader"]}]),
            json!(["login_failed", "users", null, anonymous, {"identifier": "eve@example.org"}]),
            json!(["login", "users", "17", anonymous, null]),
            json!(["register", "users", "17", anonymous, null]),
        ]
    );
    assert!(
        entries
            .iter()
            .all(|entry| entry["request_id"] == "req-login" && entry["ip"] == "192.0.2.7")
    );
    assert_eq!(server.entries("action=login_failed").len(), 1);
}

fn the_table_is_append_only(backend: Backend) {
    let (_db, server) = serve(backend);
    let alice = token("alice", &["member"]);
    let id = created_id(&server.send("POST", "/notes", Some(&alice), Some(json!({"title": "t"}))));
    let origin = Origin::request(None, "raw-sql", None);
    let runtime = runtime();
    runtime.block_on(async {
        let store = &server.store;
        for statement in [
            "UPDATE _backworks_audit SET action = 'forged'",
            "DELETE FROM _backworks_audit",
        ] {
            let refused = store.sql(statement.into(), vec![], &origin).await;
            assert!(refused.is_err(), "{statement} was allowed");
        }
        // A raw write is listed by its text; its parameters never are.
        store
            .sql(
                "UPDATE notes SET body = ? WHERE id = ?".into(),
                vec![
                    json!("raw-parameter-value"),
                    json!(id.parse::<i64>().unwrap()),
                ],
                &origin,
            )
            .await
            .expect("a raw update runs");
        // Reads are not entries.
        store
            .sql("SELECT * FROM notes".into(), vec![], &origin)
            .await
            .unwrap();
    });
    let entries = server.entries("");
    assert_eq!(entries.len(), 2, "{entries:#?}");
    assert_eq!(entries[0]["action"], "sql");
    assert_eq!(
        entries[0]["changed"],
        json!({"statement": "UPDATE notes SET body = ? WHERE id = ?"})
    );
    assert_eq!(entries[0]["request_id"], "raw-sql");
    assert_eq!(entries[1]["action"], "create");
}

both!(
    crud_writes_are_audited_in_their_request,
    refused_writes_leave_no_entry,
    secrets_never_reach_the_log,
    only_admins_read_the_log,
    filters_and_pages,
    identity_events_are_recorded,
    the_table_is_append_only,
);

#[test]
fn without_auth_there_is_no_audit_route() {
    let db = TestDb::new(Backend::Sqlite);
    let server = storage_support::TestServer::start(&db.url);
    server.get("/_backworks/audit").error(404, "not_found");
    // Writes are still recorded, for the operator to read in the database.
    let created = server.post("/authors", &json!({"name": "Ada"}));
    created.expect(201);
    let runtime = runtime();
    let page = runtime.block_on(async {
        let store = backworks_runtime::storage::Store::open(db.data())
            .await
            .unwrap();
        let query = audit::AuditQuery::parse(&[("resource".into(), "authors".into())]).unwrap();
        store.audit(&query).await.unwrap()
    });
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].actor, Actor::caller(None));
    assert_eq!(
        page.items[0].request_id.as_deref(),
        created.header("x-request-id")
    );
}

/// Behind a trusted proxy (`server.trusted_proxies`) an entry's `ip` is the client the proxy
/// forwarded; from any other peer `X-Forwarded-For` is ignored and the peer is recorded.
#[test]
fn entries_name_the_client_a_trusted_proxy_forwarded() {
    use backworks_runtime::http::{ServiceSpec, TransportSpec};
    static PROXIED: ServiceSpec = ServiceSpec {
        transport: Some(&TransportSpec {
            trusted_proxies: &["127.0.0.2"],
            ..TransportSpec::DEFAULT
        }),
        ..storage_support::SERVICE_FIELDS
    };
    let db = TestDb::new(Backend::Sqlite);
    let server = storage_support::TestServer::start_spec(&PROXIED, &db.url);
    let post = |from: &str, forwarded: &str| {
        transport_support::send_body_from(
            from,
            server.addr,
            "POST",
            "/authors",
            &[
                ("content-type", "application/json"),
                ("x-forwarded-for", forwarded),
            ],
            br#"{"name":"Ada"}"#,
        )
    };
    assert_eq!(
        post("127.0.0.2", "203.0.113.5").status,
        201,
        "through the proxy"
    );
    assert_eq!(post("127.0.0.3", "198.51.100.9").status, 201, "not a proxy");
    let page = runtime().block_on(async {
        let store = backworks_runtime::storage::Store::open(db.data())
            .await
            .unwrap();
        let query = audit::AuditQuery::parse(&[("resource".into(), "authors".into())]).unwrap();
        store.audit(&query).await.unwrap()
    });
    let ips: Vec<Option<&str>> = page.items.iter().map(|entry| entry.ip.as_deref()).collect();
    assert_eq!(
        ips,
        [Some("127.0.0.3"), Some("203.0.113.5")],
        "newest first"
    );
}
