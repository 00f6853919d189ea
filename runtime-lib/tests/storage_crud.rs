//! The generated CRUD routes over real loopback HTTP, on SQLite and PostgreSQL alike: the
//! round trip, validation listing every violation, conflicts and cascades, `If-Match`, the
//! OpenAPI checks running first, and `serve_on` opening the spec's own store.

// The engines are behind the default-on `storage` feature.
#![cfg(feature = "storage")]

mod storage_support;

use serde_json::{Value, json};
use storage_support::{Backend, create, serve, titles};

fn crud_round_trip(backend: Backend) {
    let (_db, server) = serve(backend);
    let reply = server.post(
        "/books",
        &json!({"title": "Dune", "price": 9.5, "pages": 412, "tags": ["sf", "classic"],
                "meta": {"a": [1, {"b": null}]}, "published_at": "2026-12-04T15:50:00+02:00",
                "release_date": "1965-08-01", "author": 1, "isbn": "978-0441172719",
                "website": "https://example.org/dune"}),
    );
    reply.expect(201);
    let book = reply.json();
    let id = book["id"].as_i64().expect("an integer id");
    assert_eq!(
        reply.header("location"),
        Some(format!("/books/{id}").as_str())
    );
    let etag = reply.header("etag").expect("an ETag").to_owned();
    assert_eq!(book["title"], "Dune");
    assert_eq!(book["price"], 9.5);
    assert_eq!(book["pages"], 412);
    assert_eq!(book["in_print"], true, "the default applies");
    assert_eq!(book["status"], "draft", "the default applies");
    assert_eq!(book["tags"], json!(["sf", "classic"]));
    assert_eq!(book["meta"], json!({"a": [1, {"b": null}]}));
    assert_eq!(book["published_at"], "2026-12-04T13:50:00.000Z");
    assert_eq!(book["release_date"], "1965-08-01");
    assert_eq!(book["author"], 1);
    assert_eq!(book["summary"], Value::Null);
    assert_eq!(
        book["code"].as_str().map(str::len),
        Some(36),
        "a uuid default"
    );
    assert_eq!(book["created_at"], book["updated_at"]);
    let keys: Vec<&str> = book
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.first(), Some(&"id"));
    assert_eq!(keys.last(), Some(&"updated_at"));

    let fetched = server.get(&format!("/books/{id}"));
    fetched.expect(200);
    assert_eq!(fetched.json(), book);
    assert_eq!(fetched.header("etag"), Some(etag.as_str()));

    std::thread::sleep(std::time::Duration::from_millis(5));
    let patched = server.patch(
        &format!("/books/{id}"),
        &json!({"status": "published", "created_at": "2000-01-01T00:00:00Z"}),
        &[],
    );
    patched.expect(200);
    let patched_book = patched.json();
    assert_eq!(patched_book["status"], "published");
    assert_eq!(patched_book["title"], "Dune");
    assert_eq!(
        patched_book["created_at"], book["created_at"],
        "created_at is immutable"
    );
    assert!(patched_book["updated_at"].as_str() > book["updated_at"].as_str());
    assert_ne!(patched.header("etag"), Some(etag.as_str()));

    let moved = server.patch(&format!("/books/{id}"), &json!({"id": id + 1}), &[]);
    assert_eq!(moved.pointers(), ["/body/id"]);
    let same_id = server.patch(&format!("/books/{id}"), &json!({"id": id}), &[]);
    same_id.expect(200);

    let replaced = server.put(
        &format!("/books/{id}"),
        &json!({"title": "Dune Messiah"}),
        &[],
    );
    replaced.expect(200);
    let replaced = replaced.json();
    assert_eq!(replaced["title"], "Dune Messiah");
    assert_eq!(replaced["price"], Value::Null, "PUT replaces every field");
    assert_eq!(
        replaced["status"], "draft",
        "absent fields get their default"
    );
    assert_eq!(replaced["id"], id);

    server.delete(&format!("/books/{id}"), &[]).expect(204);
    server.get(&format!("/books/{id}")).error(404, "not_found");
    server
        .delete(&format!("/books/{id}"), &[])
        .error(404, "not_found");
    server
        .patch(&format!("/books/{id}"), &json!({"title": "x"}), &[])
        .error(404, "not_found");
    assert_eq!(server.get("/books/abc").pointers(), ["/path/id"]);
    storage_support::request("DELETE", &server.url("/books"), &[], None)
        .error(405, "method_not_allowed");
    server.get("/_backworks/health").expect(200);
}

fn validation_lists_every_violation(backend: Backend) {
    let (_db, server) = serve(backend);
    let reply = server.post(
        "/books",
        &json!({"title": "", "price": -1, "pages": 1.5, "status": "weird", "tags": ["a", 2],
                "isbn": "nope", "website": "not a uri", "published_at": "yesterday",
                "release_date": "2026-02-30", "colour": "red", "author": "x", "in_print": "yes",
                "id": 5, "code": "not-a-uuid"}),
    );
    let mut pointers = reply.pointers();
    pointers.sort();
    let mut expected = vec![
        "/body/title",
        "/body/price",
        "/body/pages",
        "/body/status",
        "/body/tags/1",
        "/body/isbn",
        "/body/website",
        "/body/published_at",
        "/body/release_date",
        "/body/colour",
        "/body/author",
        "/body/in_print",
        "/body/id",
        "/body/code",
    ];
    expected.sort();
    assert_eq!(pointers, expected);
    assert_eq!(
        server.post("/books", &json!({})).pointers(),
        ["/body/title"]
    );
    assert_eq!(
        server.post("/books", &json!({"title": null})).pointers(),
        ["/body/title"]
    );
    assert_eq!(server.post("/books", &json!([1])).pointers(), ["/body"]);
    // Lengths are characters (code points), as the document's JSON Schema `maxLength` counts
    // them: 200 emoji (400 UTF-16 units) fit a `maxLength: 200`, 201 do not.
    let emoji = "😀";
    create(&server, "/books", json!({"title": emoji.repeat(200)}));
    assert_eq!(
        server
            .post("/books", &json!({"title": emoji.repeat(201)}))
            .pointers(),
        ["/body/title"]
    );
    let book = create(&server, "/books", json!({"title": "ok"}));
    let path = format!("/books/{}", book["id"]);
    assert_eq!(
        server
            .patch(&path, &json!({"title": null, "pages": 0, "status": 1}), &[])
            .pointers(),
        ["/body/title", "/body/pages", "/body/status"]
    );
    assert_eq!(
        server.put(&path, &json!({"price": 1}), &[]).pointers(),
        ["/body/title"]
    );
    let text = storage_support::request(
        "POST",
        &server.url("/books"),
        &[("content-type", "text/plain")],
        None,
    );
    assert_eq!(text.pointers(), ["/body"]);
}

fn conflicts_and_cascade(backend: Backend) {
    let (_db, server) = serve(backend);
    create(
        &server,
        "/books",
        json!({"title": "One", "isbn": "978-0000000001"}),
    );
    let duplicate = server.post("/books", &json!({"title": "Two", "isbn": "978-0000000001"}));
    assert_eq!(
        duplicate.error(409, "unique_violation"),
        json!({
            "error": "unique_violation",
            "message": "books: a row with this isbn already exists",
            "violations": [{ "pointer": "/body/isbn", "message": "must be unique" }]
        })
    );
    let email = server
        .post(
            "/authors",
            &json!({"name": "Dup", "email": "seed@example.org"}),
        )
        .error(409, "unique_violation");
    assert_eq!(email["violations"][0]["pointer"], "/body/email");
    let orphan = server
        .post("/books", &json!({"title": "Orphan", "author": 9999}))
        .error(409, "foreign_key_violation");
    assert_eq!(
        orphan,
        json!({
            "error": "foreign_key_violation",
            "message": "books: author refers to a row that does not exist",
            "violations": [{ "pointer": "/body/author", "message": "refers to a row that does not exist" }]
        })
    );
    let author = create(&server, "/authors", json!({"name": "Cascade"}));
    assert!(
        author["id"].as_i64().unwrap() > 2,
        "ids continue after the seeded ones"
    );
    let first = create(
        &server,
        "/books",
        json!({"title": "C1", "author": author["id"]}),
    );
    let second = create(
        &server,
        "/books",
        json!({"title": "C2", "author": author["id"]}),
    );
    let moved = server
        .patch(
            &format!("/books/{}", first["id"]),
            &json!({"author": 4242}),
            &[],
        )
        .error(409, "foreign_key_violation");
    assert_eq!(moved["violations"][0]["pointer"], "/body/author");
    server
        .delete(&format!("/authors/{}", author["id"]), &[])
        .expect(204);
    for book in [first, second] {
        server
            .get(&format!("/books/{}", book["id"]))
            .error(404, "not_found");
    }
    assert_eq!(titles(&server, "search=C1"), Vec::<String>::new());
    assert_eq!(titles(&server, "order=id"), ["One"]);
}

fn if_match_preconditions(backend: Backend) {
    let (_db, server) = serve(backend);
    let created = server.post("/books", &json!({"title": "Tagged"}));
    let path = format!("/books/{}", created.json()["id"]);
    let first_tag = created.header("etag").unwrap().to_owned();
    let updated = server.patch(&path, &json!({"pages": 2}), &[("if-match", &first_tag)]);
    updated.expect(200);
    let second_tag = updated.header("etag").unwrap().to_owned();
    assert_ne!(first_tag, second_tag);
    server
        .patch(&path, &json!({"pages": 3}), &[("if-match", &first_tag)])
        .error(412, "precondition_failed");
    server
        .put(&path, &json!({"title": "x"}), &[("if-match", &first_tag)])
        .error(412, "precondition_failed");
    server
        .delete(&path, &[("if-match", &first_tag)])
        .error(412, "precondition_failed");
    assert_eq!(
        server.get(&path).json()["pages"],
        2,
        "refused writes changed nothing"
    );
    let listed = format!("\"nope\", {second_tag}");
    server
        .patch(&path, &json!({"pages": 4}), &[("if-match", &listed)])
        .expect(200);
    server.delete(&path, &[("if-match", "*")]).expect(204);
    server
        .patch(&path, &json!({"pages": 5}), &[("if-match", "*")])
        .error(412, "precondition_failed");
    server
        .delete(&path, &[("if-match", &second_tag)])
        .error(412, "precondition_failed");
}

fn openapi_checks_come_first_and_agree(backend: Backend) {
    let (_db, server) = serve(backend);
    // Authors' create and list carry OpenAPI pointers: the document's checks run first…
    let reply = server.post("/authors", &json!({"email": 5}));
    let body = reply.error(400, "invalid_request");
    let pointers: Vec<&str> = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.get("pointer").and_then(Value::as_str).unwrap())
        .collect();
    assert_eq!(pointers, ["/body/name", "/body/email"]);
    assert_eq!(
        server.get("/authors?limit=500").pointers(),
        ["/query/limit"]
    );
    // …and what passes them meets the storage checks, which name the same pointers.
    assert_eq!(
        server
            .post("/authors", &json!({"name": "x", "email": "not-an-email"}))
            .pointers(),
        ["/body/email"]
    );
    assert_eq!(
        server
            .post("/authors", &json!({"name": "x", "colour": "red"}))
            .pointers(),
        ["/body/colour"]
    );
    create(
        &server,
        "/authors",
        json!({"name": "Valid", "email": "valid@example.org"}),
    );
}

both!(
    crud_round_trip,
    validation_lists_every_violation,
    conflicts_and_cascade,
    if_match_preconditions,
    openapi_checks_come_first_and_agree,
);

/// `http::serve_on` opens the spec's own database (here `sqlite::memory:`), installs it as the
/// process's store and mounts the CRUD routes next to the reserved ones.
#[test]
fn serve_on_opens_and_installs_the_spec_store() {
    use backworks_runtime::http::serve_on;
    use backworks_runtime::storage::Store;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        storage_support::runtime().block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            serve_on(&storage_support::SERVICE, listener, async move {
                let _ = stopped.await;
            })
            .await
        })
    });
    let url = |path: &str| format!("http://{addr}{path}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while storage_support::try_request("GET", &url("/_backworks/health"), &[], None).is_err() {
        assert!(std::time::Instant::now() < deadline, "the server starts");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(Store::installed().is_some());
    let seeded = storage_support::request("GET", &url("/authors?count=exact"), &[], None);
    assert_eq!(seeded.json()["total"], 2, "migrated and seeded at start");
    let created = storage_support::request(
        "POST",
        &url("/books"),
        &[],
        Some(&json!({"title": "In memory"})),
    );
    created.expect(201);
    let _ = stop.send(());
    thread.join().unwrap().unwrap();
}
