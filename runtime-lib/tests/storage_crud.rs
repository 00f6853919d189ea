//! The generated CRUD routes over real loopback HTTP, on SQLite and PostgreSQL alike: round
//! trips, every filter operator, ordering, pages and cursors, projections with expansion,
//! search, validation, conflicts, preconditions and injection attempts.

mod storage_support;

use serde_json::{Value, json};
use storage_support::{Backend, TestDb, TestServer, enc};

fn serve(backend: Backend) -> (TestDb, TestServer) {
    let db = TestDb::new(backend);
    let server = TestServer::start(&db.url);
    (db, server)
}

fn create(server: &TestServer, path: &str, body: Value) -> Value {
    server.post(path, &body).expect(201).json()
}

/// The titles a list answers, in order.
fn titles(server: &TestServer, query: &str) -> Vec<String> {
    let reply = server.get(&format!("/books?{query}"));
    reply.expect(200);
    reply.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Four books with varied fields (authors 1 and 2 are seeded).
fn four_books(server: &TestServer) {
    create(
        server,
        "/books",
        json!({"title": "Alpha", "price": 5, "pages": 100, "in_print": true, "status": "published",
               "published_at": "2026-01-01T00:00:00Z", "release_date": "2020-01-01", "author": 1,
               "summary": "an ownership primer"}),
    );
    create(
        server,
        "/books",
        json!({"title": "Beta", "price": 15, "pages": 200, "in_print": false, "author": 2}),
    );
    create(
        server,
        "/books",
        json!({"title": "Gamma rust", "price": 25, "pages": 300, "status": "published",
               "published_at": "2026-06-01T00:00:00Z", "author": 1}),
    );
    create(server, "/books", json!({"title": "delta RUST"}));
}

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

fn every_filter_operator(backend: Backend) {
    let (_db, server) = serve(backend);
    four_books(&server);
    let cases: &[(&str, &[&str])] = &[
        ("status=eq.published", &["Alpha", "Gamma rust"]),
        ("status=neq.published", &["Beta", "delta RUST"]),
        ("price=gt.5", &["Beta", "Gamma rust"]),
        ("price=gte.5", &["Alpha", "Beta", "Gamma rust"]),
        ("price=lt.15", &["Alpha"]),
        ("price=lte.15", &["Alpha", "Beta"]),
        ("author=in.(1,2)", &["Alpha", "Beta", "Gamma rust"]),
        ("author=in.()", &[]),
        ("title=like.*rust", &["Gamma rust"]),
        ("title=like.*RUST*", &["delta RUST"]),
        ("title=ilike.*rust*", &["Gamma rust", "delta RUST"]),
        ("title=like.Alph?", &[]),
        ("price=is.null", &["delta RUST"]),
        ("published_at=is.null", &["Beta", "delta RUST"]),
        ("in_print=is.true", &["Alpha", "Gamma rust", "delta RUST"]),
        ("in_print=is.false", &["Beta"]),
        ("in_print=eq.false", &["Beta"]),
        ("price=not.lt.20", &["Gamma rust"]),
        ("price=not.is.null", &["Alpha", "Beta", "Gamma rust"]),
        ("status=not.in.(draft)", &["Alpha", "Gamma rust"]),
        ("published_at=gt.2026-03-01T00:00:00Z", &["Gamma rust"]),
        ("published_at=lt.2026-03-01T02:00:00%2B02:00", &["Alpha"]),
        ("release_date=eq.2020-01-01", &["Alpha"]),
        ("pages=gte.200&status=eq.published", &["Gamma rust"]),
        ("title=eq.Beta&title=neq.Beta", &[]),
    ];
    for (query, expected) in cases {
        assert_eq!(
            titles(&server, &format!("{query}&order=id")),
            *expected,
            "{query} on {backend:?}"
        );
    }
    let bad = server.get("/books?price=lt.abc&nope=eq.1&pages=between.1&title=eq&meta=eq.1");
    assert_eq!(
        bad.pointers(),
        [
            "/query/price",
            "/query/nope",
            "/query/pages",
            "/query/title",
            "/query/meta"
        ]
    );
}

fn ordering_pages_and_counts(backend: Backend) {
    let (_db, server) = serve(backend);
    four_books(&server);
    assert_eq!(
        titles(&server, "order=status.asc,price.desc"),
        ["delta RUST", "Beta", "Gamma rust", "Alpha"],
        "nulls sort as the largest value"
    );
    assert_eq!(
        titles(&server, "order=price"),
        ["Alpha", "Beta", "Gamma rust", "delta RUST"]
    );
    assert_eq!(
        titles(&server, "order=title.desc"),
        ["delta RUST", "Gamma rust", "Beta", "Alpha"]
    );
    let first = server.get("/books?order=id&limit=2&count=exact").json();
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert_eq!(first["total"], 4);
    assert!(first["next"].is_string());
    let last = server.get("/books?order=id&limit=2&offset=2").json();
    assert_eq!(last["items"][0]["title"], "Gamma rust");
    assert_eq!(last["next"], Value::Null, "no next on the last page");
    assert!(last.get("total").is_none(), "counting is opt-in");
    let counted = server
        .get("/books?status=eq.published&count=exact&limit=1")
        .json();
    assert_eq!(counted["total"], 2);
    assert_eq!(
        server
            .get("/books?limit=101&offset=-1&count=maybe&order=nope.asc")
            .pointers(),
        [
            "/query/limit",
            "/query/offset",
            "/query/count",
            "/query/order"
        ]
    );
    for _ in 0..20 {
        create(&server, "/books", json!({"title": "filler"}));
    }
    let default_page = server.get("/books").json();
    assert_eq!(
        default_page["items"].as_array().unwrap().len(),
        20,
        "default limit"
    );
    let max_page = server.get("/books?limit=100").json();
    assert_eq!(max_page["items"].as_array().unwrap().len(), 24);
}

fn cursor_pages_are_stable_under_inserts(backend: Backend) {
    let (_db, server) = serve(backend);
    let mut originals = Vec::new();
    for n in 0..30 {
        // Every fifth price is null and several repeat, so ties and nulls are paged over.
        let price = if n % 5 == 0 {
            Value::Null
        } else {
            json!(n % 7)
        };
        let book = create(
            &server,
            "/books",
            json!({"title": format!("b{n}"), "price": price}),
        );
        originals.push(book["id"].as_i64().unwrap());
    }
    for order in ["price.desc", "price.asc,title.desc", "id"] {
        let mut seen = Vec::new();
        let mut next: Option<String> = None;
        let mut inserted = 0;
        loop {
            let after = next
                .as_deref()
                .map(|c| format!("&after={}", enc(c)))
                .unwrap_or_default();
            let page = server
                .get(&format!("/books?order={order}&limit=7{after}"))
                .json();
            for item in page["items"].as_array().unwrap() {
                seen.push(item["id"].as_i64().unwrap());
            }
            // Rows that sort first (high price / low price) arrive after their pages were read.
            inserted += 1;
            create(
                &server,
                "/books",
                json!({"title": format!("late {order} {inserted}"), "price": 100}),
            );
            create(
                &server,
                "/books",
                json!({"title": format!("early {order} {inserted}"), "price": -0.5_f64.abs() * 0.0}),
            );
            match page["next"].as_str() {
                Some(cursor) => next = Some(cursor.to_owned()),
                None => break,
            }
        }
        for id in &originals {
            assert_eq!(
                seen.iter().filter(|seen| *seen == id).count(),
                1,
                "row {id} appears exactly once paging by {order} on {backend:?}"
            );
        }
        let mut unique = seen.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "no row twice ({order})");
    }
    let cursor = server.get("/books?order=id&limit=2").json()["next"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        server
            .get(&format!("/books?order=title&after={}", enc(&cursor)))
            .pointers(),
        ["/query/after"],
        "a cursor belongs to its order"
    );
    assert_eq!(
        server.get("/books?after=garbage").pointers(),
        ["/query/after"]
    );
}

fn select_and_expansion(backend: Backend) {
    let (_db, server) = serve(backend);
    four_books(&server);
    let page = server
        .get(&format!(
            "/books?order=id&select={}",
            enc("id,title,author(id,name)")
        ))
        .json();
    let items = page["items"].as_array().unwrap();
    assert_eq!(
        items[0],
        json!({"id": items[0]["id"], "title": "Alpha", "author": {"id": 1, "name": "Seeded Author"}})
    );
    assert_eq!(items[1]["author"], json!({"id": 2, "name": "Second Seed"}));
    assert_eq!(items[3]["author"], Value::Null);
    let starred = server
        .get("/books?order=id&limit=1&select=*,author(*)")
        .json();
    assert_eq!(starred["items"][0]["author"]["email"], "seed@example.org");
    assert_eq!(starred["items"][0]["status"], "published");
    assert_eq!(
        server.get("/books?select=id,nope").pointers(),
        ["/query/select"]
    );
    assert_eq!(
        server.get("/books?select=title(id)").pointers(),
        ["/query/select"],
        "only refs expand"
    );
    assert_eq!(
        server.get("/books?select=author(nope)").pointers(),
        ["/query/select"]
    );
}

fn full_text_search(backend: Backend) {
    let (_db, server) = serve(backend);
    four_books(&server);
    create(
        &server,
        "/books",
        json!({"title": "Borrowing", "summary": "rust rust rust: borrowing and ownership in rust"}),
    );
    let found = titles(&server, "search=rust");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0], "Borrowing", "the most relevant first: {found:?}");
    assert_eq!(
        titles(&server, "search=rust&order=id"),
        ["Gamma rust", "delta RUST", "Borrowing"]
    );
    assert_eq!(
        titles(&server, "search=ownership&order=id"),
        ["Alpha", "Borrowing"]
    );
    assert_eq!(
        titles(&server, "search=rust%20ownership"),
        ["Borrowing"],
        "every word is required"
    );
    let paged = server.get("/books?search=rust&limit=2").json();
    let next = paged["next"].as_str().expect("a next page").to_owned();
    let rest = server
        .get(&format!("/books?search=rust&limit=2&after={}", enc(&next)))
        .json();
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    let counted = server.get("/books?search=rust&count=exact&limit=1").json();
    assert_eq!(counted["total"], 3);
    let alpha = server.get("/books?title=eq.Alpha").json()["items"][0]["id"].clone();
    server
        .patch(
            &format!("/books/{alpha}"),
            &json!({"summary": "about lifetimes"}),
            &[],
        )
        .expect(200);
    assert_eq!(
        titles(&server, "search=ownership"),
        ["Borrowing"],
        "updates are indexed"
    );
    assert_eq!(titles(&server, "search=lifetimes"), ["Alpha"]);
    server.delete(&format!("/books/{alpha}"), &[]).expect(204);
    assert!(
        titles(&server, "search=lifetimes").is_empty(),
        "deletes are unindexed"
    );
    assert_eq!(
        titles(
            &server,
            &format!("search={}", enc("\"unbalanced ( AND OR NEAR *"))
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        server.get("/authors?search=x").pointers(),
        ["/query/search"]
    );
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
    // Lengths are UTF-16 code units: 100 emoji are 200 units, 101 are too many.
    let emoji = "😀";
    create(&server, "/books", json!({"title": emoji.repeat(100)}));
    assert_eq!(
        server
            .post("/books", &json!({"title": emoji.repeat(101)}))
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
    duplicate.error(409, "unique_violation");
    server
        .post(
            "/authors",
            &json!({"name": "Dup", "email": "seed@example.org"}),
        )
        .error(409, "unique_violation");
    server
        .post("/books", &json!({"title": "Orphan", "author": 9999}))
        .error(409, "foreign_key_violation");
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
    server
        .patch(
            &format!("/books/{}", first["id"]),
            &json!({"author": 4242}),
            &[],
        )
        .error(409, "foreign_key_violation");
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

fn injection_leaves_tables_intact(backend: Backend) {
    let (_db, server) = serve(backend);
    four_books(&server);
    let payloads = [
        "'; DROP TABLE books; --",
        "1 OR 1=1",
        "\" OR \"\"=\"",
        "1); DELETE FROM books; --",
        "title; DROP TABLE authors",
        "*' OR '1'='1",
        "\\",
        "%",
        "_",
        "id,title) FROM books; DROP TABLE books; --",
        "1 UNION SELECT * FROM _backworks_migrations",
        "\u{0}",
        "2026-12-04T1é:00:00Z",
        "2026-12-0é",
        "😀\u{202e}",
    ];
    let before = server.get("/books?count=exact&limit=1").json()["total"].clone();
    for payload in payloads {
        let p = enc(payload);
        let queries = [
            format!("title=eq.{p}"),
            format!("title=neq.{p}"),
            format!("title=like.{p}"),
            format!("title=ilike.{p}"),
            format!("title=in.({p})"),
            format!("title=not.eq.{p}"),
            format!("price=lt.{p}"),
            format!("published_at=gt.{p}"),
            format!("author=in.({p},1)"),
            format!("in_print=is.{p}"),
            format!("{p}=eq.1"),
            format!("order={p}"),
            format!("order=title.{p}"),
            format!("select={p}"),
            format!("select=author({p})"),
            format!("limit={p}"),
            format!("offset={p}"),
            format!("after={p}"),
            format!("search={p}"),
            format!("count={p}"),
        ];
        for query in queries {
            let reply = server.get(&format!("/books?{query}"));
            assert!(
                reply.status == 200 || reply.status == 400,
                "{query} answered {}: {}",
                reply.status,
                reply.text()
            );
            if reply.status == 200 && query.starts_with("title=eq.") {
                assert_eq!(reply.json()["items"], json!([]), "{query} matched rows");
            }
        }
        let reply = server.get(&format!("/books/{p}"));
        assert!(
            reply.status == 400 || reply.status == 404,
            "{}",
            reply.text()
        );
        let odd_dates = server.post(
            "/books",
            &json!({"title": "t", "published_at": payload, "release_date": payload}),
        );
        assert_eq!(
            odd_dates.pointers(),
            ["/body/published_at", "/body/release_date"]
        );
        let created = server.post("/books", &json!({"title": payload}));
        if payload.contains('\0') {
            assert_eq!(
                created.pointers(),
                ["/body/title"],
                "NUL is refused on both engines"
            );
            continue;
        }
        created.expect(201);
        let id = created.json()["id"].clone();
        assert_eq!(server.get(&format!("/books/{id}")).json()["title"], payload);
        server.delete(&format!("/books/{id}"), &[]).expect(204);
    }
    assert_eq!(
        server.get("/books?count=exact&limit=1").json()["total"],
        before
    );
    assert_eq!(server.get("/authors?count=exact").json()["total"], 2);
}

/// Arbitrary query strings built from grammar fragments and odd characters (a fixed seed, so a
/// failure reproduces) are answered 200 or 400, never 500 or a dropped connection.
fn arbitrary_queries_never_fail(backend: Backend) {
    let (_db, server) = serve(backend);
    four_books(&server);
    let names = [
        "title",
        "price",
        "pages",
        "in_print",
        "status",
        "published_at",
        "release_date",
        "tags",
        "meta",
        "author",
        "id",
        "created_at",
        "select",
        "order",
        "limit",
        "offset",
        "after",
        "search",
        "count",
        "nope",
    ];
    let fragments = [
        "eq.",
        "neq.",
        "gt.",
        "lt.",
        "gte.",
        "lte.",
        "in.(",
        ")",
        "like.",
        "ilike.",
        "is.",
        "not.",
        "null",
        "true",
        "1",
        "-1",
        "1.5",
        "1e400",
        "2026-01-01",
        "2026-01-01T00:00:00Z",
        "*",
        ",",
        "(",
        ".",
        "desc",
        "asc",
        "author(",
        "id",
        "title",
        "'",
        "\"",
        "\\",
        "%",
        "é",
        "😀",
        " ",
        "\u{0}",
        "eyJrIjpbXX0",
        "999999999999999999999",
        "NaN",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound as u64) as usize
    };
    for _ in 0..300 {
        let mut query = Vec::new();
        for _ in 0..1 + next(3) {
            let name = names[next(names.len())];
            let value: String = (0..1 + next(4))
                .map(|_| fragments[next(fragments.len())])
                .collect();
            query.push(format!("{name}={}", enc(&value)));
        }
        let query = query.join("&");
        let reply = server.get(&format!("/books?{query}"));
        assert!(
            reply.status == 200 || reply.status == 400,
            "{query} answered {}: {}",
            reply.status,
            reply.text()
        );
    }
}

/// Arbitrary bodies (each field given a value from a pool of every JSON shape and edge) are
/// answered 201, 400 or 409 — and a 201 row reads back exactly as answered.
fn arbitrary_bodies_never_fail(backend: Backend) {
    let (_db, server) = serve(backend);
    let fields = [
        "title",
        "summary",
        "isbn",
        "price",
        "pages",
        "in_print",
        "status",
        "published_at",
        "release_date",
        "tags",
        "meta",
        "code",
        "website",
        "author",
        "id",
        "created_at",
        "x",
    ];
    let values = [
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(-1e300),
        json!(9007199254740993_u64),
        json!(""),
        json!("a"),
        json!("é😀"),
        json!("\u{0}"),
        json!("2026-12-04T13:50:00Z"),
        json!("2026-12-04"),
        json!("978-0000000001"),
        json!("published"),
        json!("https://x.y"),
        json!("a@b.co"),
        json!([]),
        json!(["a", "b"]),
        json!([1, null]),
        json!({}),
        json!({"a": {"b": [1]}}),
        json!(1),
        json!(2),
        json!("123e4567-e89b-12d3-a456-426614174000"),
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound as u64) as usize
    };
    let mut created = 0;
    for round in 0..300 {
        let mut body = serde_json::Map::new();
        body.insert("title".into(), json!(format!("r{round}")));
        for _ in 0..next(5) {
            body.insert(
                fields[next(fields.len())].into(),
                values[next(values.len())].clone(),
            );
        }
        let body = Value::Object(body);
        let reply = if round % 3 == 2 && created > 0 {
            server.patch("/books/1", &body, &[])
        } else {
            server.post("/books", &body)
        };
        match reply.status {
            200 | 201 => {
                created += 1;
                let row = reply.json();
                let read = server.get(&format!("/books/{}", row["id"])).json();
                assert_eq!(read, row, "{body}");
            }
            400 | 404 | 409 => {}
            other => panic!("{body} answered {other}: {}", reply.text()),
        }
    }
    assert!(created > 20, "enough bodies were valid ({created})");
}

both!(
    arbitrary_bodies_never_fail,
    arbitrary_queries_never_fail,
    crud_round_trip,
    every_filter_operator,
    ordering_pages_and_counts,
    cursor_pages_are_stable_under_inserts,
    select_and_expansion,
    full_text_search,
    validation_lists_every_violation,
    conflicts_and_cascade,
    if_match_preconditions,
    injection_leaves_tables_intact,
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
