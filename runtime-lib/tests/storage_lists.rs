//! Lists over real loopback HTTP, on SQLite and PostgreSQL alike: every filter operator,
//! ordering with nulls, pages and counts, cursors stable under inserts, projections with ref
//! expansion, and full-text search.

// The engines are behind the default-on `storage` feature.
#![cfg(feature = "storage")]

mod storage_support;

use serde_json::{Value, json};
use storage_support::{Backend, create, enc, four_books, serve, titles};

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
    // An offset cursor (`{"n":2}`, as relevance lists make) skips that many rows in any order.
    assert_eq!(
        titles(&server, "order=id&after=eyJuIjoyfQ"),
        titles(&server, "order=id&offset=2")
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

both!(
    every_filter_operator,
    ordering_pages_and_counts,
    cursor_pages_are_stable_under_inserts,
    select_and_expansion,
    full_text_search,
);
