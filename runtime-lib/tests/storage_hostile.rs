//! Hostile input over real loopback HTTP, on SQLite and PostgreSQL alike: classic injection
//! payloads in every parameter leave the tables intact, and arbitrary query strings and bodies
//! are answered with a 2xx or 4xx — never a 500 or a dropped connection.

// The engines are behind the default-on `storage` feature.
#![cfg(feature = "storage")]

mod storage_support;

use serde_json::{Value, json};
use storage_support::{Backend, enc, four_books, serve};

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

/// U+0000 is refused wherever a value can hold it — a string, an array item, a string or a
/// member name deep inside JSON — with the storage layer's own message, on both engines
/// (PostgreSQL's `text` and `jsonb` cannot store it, and its refusal must not reach clients).
fn nul_is_refused_everywhere_in_our_words(backend: Backend) {
    let (_db, server) = serve(backend);
    let nul = "must not contain the NUL character (U+0000)";
    let refused = server.post(
        "/books",
        &json!({
            "title": "a\u{0}b",
            "tags": ["fine", "a\u{0}b"],
            "meta": { "list": [1, { "deep": "x\u{0}" }], "na\u{0}me": true }
        }),
    );
    let body = refused.error(400, "invalid_request");
    let mut violations: Vec<(String, String)> = body["violations"]
        .as_array()
        .expect("violations are listed")
        .iter()
        .map(|v| {
            (
                v["pointer"].as_str().unwrap().to_owned(),
                v["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    violations.sort();
    let expected = [
        "/body/meta/list/1/deep",
        "/body/meta/na\u{0}me",
        "/body/tags/1",
        "/body/title",
    ];
    assert_eq!(
        violations,
        expected.map(|pointer| (pointer.to_owned(), nul.to_owned()))
    );
    assert!(!refused.text().contains("PostgreSQL"), "{}", refused.text());
    // Nothing was written, and the same values without U+0000 are stored.
    assert_eq!(server.get("/books?count=exact&limit=1").json()["total"], 0);
    server
        .post(
            "/books",
            &json!({ "title": "ab", "tags": ["ab"], "meta": { "deep": "x" } }),
        )
        .expect(201);
}

both!(
    nul_is_refused_everywhere_in_our_words,
    injection_leaves_tables_intact,
    arbitrary_queries_never_fail,
    arbitrary_bodies_never_fail,
);
