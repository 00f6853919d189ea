//! `storage::Store` called directly, as `ctx.db` calls it, on SQLite and PostgreSQL: stable
//! error codes, transactions, migrations (applied once, recorded, newer databases refused),
//! seeds, the object form of list queries, and the raw SQL escape hatch.

// The engines are behind the default-on `storage` feature.
#![cfg(feature = "storage")]

mod storage_support;

use backworks_runtime::storage::audit::Origin;
use backworks_runtime::storage::{DataSpec, ErrorCode, ListQuery, Row, Store};
use serde_json::{Value, json};
use storage_support::{Backend, TestDb, runtime};

fn row(value: Value) -> Row {
    value.as_object().expect("an object").clone()
}

fn error_codes_are_stable(backend: Backend) {
    let db = TestDb::new(backend);
    runtime().block_on(async {
        let store = Store::open(db.data()).await.expect("open");
        store
            .create(
                "books",
                row(json!({"title": "A", "isbn": "978-0000000001"})),
                &Origin::system(),
            )
            .await
            .expect("create");
        let unique = store
            .create(
                "books",
                row(json!({"title": "B", "isbn": "978-0000000001"})),
                &Origin::system(),
            )
            .await
            .unwrap_err();
        assert_eq!(unique.code, ErrorCode::UniqueViolation);
        assert_eq!(unique.code.as_str(), "unique_violation");
        let foreign = store
            .create(
                "books",
                row(json!({"title": "C", "author": 999})),
                &Origin::system(),
            )
            .await
            .unwrap_err();
        assert_eq!(foreign.code.as_str(), "foreign_key_violation");
        let invalid = store
            .create(
                "books",
                row(json!({"title": 5, "pages": 0})),
                &Origin::system(),
            )
            .await
            .unwrap_err();
        assert_eq!(invalid.code.as_str(), "invalid");
        let pointers: Vec<&str> = invalid
            .violations
            .iter()
            .map(|v| v.pointer.as_str())
            .collect();
        assert_eq!(pointers, ["/title", "/pages"]);
        assert_eq!(
            store
                .update(
                    "books",
                    &json!(12345),
                    row(json!({"title": "x"})),
                    None,
                    &Origin::system()
                )
                .await
                .unwrap(),
            None
        );
        let stale = store
            .update(
                "books",
                &json!(1),
                row(json!({"title": "x"})),
                Some("\"0\"".into()),
                &Origin::system(),
            )
            .await
            .unwrap_err();
        assert_eq!(stale.code.as_str(), "precondition_failed");
        // Defaults: `now` for instants and dates, JSON literals, fresh UUID ids.
        let counter = store
            .create("counters", row(json!({"name": "c"})), &Origin::system())
            .await
            .unwrap();
        assert_eq!(counter["value"], 0);
        assert_eq!(counter["started_at"], counter["created_at"]);
        let today = counter["created_at"].as_str().unwrap()[..10].to_owned();
        assert_eq!(counter["started_on"], today);
        assert_eq!(counter["id"].as_str().map(str::len), Some(36));
        let by_upper_case = store
            .get(
                "counters",
                &json!(counter["id"].as_str().unwrap().to_uppercase()),
            )
            .await
            .unwrap();
        assert_eq!(
            by_upper_case.as_ref(),
            Some(&counter),
            "UUIDs compare case-insensitively"
        );
        let unknown = store.get("nope", &json!(1)).await.unwrap_err();
        assert_eq!(unknown.code, ErrorCode::Invalid);
    });
}

fn transactions_roll_back_unless_committed(backend: Backend) {
    let db = TestDb::new(backend);
    runtime().block_on(async {
        let store = Store::open(db.data()).await.expect("open");
        let mut tx = store.begin().await.expect("begin");
        let author = tx
            .create(
                "authors",
                row(json!({"name": "Dropped"})),
                &Origin::system(),
            )
            .await
            .unwrap();
        let id = author["id"].clone();
        assert!(
            tx.get("authors", &id).await.unwrap().is_some(),
            "the tx sees its writes"
        );
        drop(tx);
        assert_eq!(
            store.get("authors", &id).await.unwrap(),
            None,
            "dropped = rolled back"
        );

        let mut tx = store.begin().await.expect("begin");
        let author = tx
            .create("authors", row(json!({"name": "Rolled"})), &Origin::system())
            .await
            .unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(store.get("authors", &author["id"]).await.unwrap(), None);

        let mut tx = store.begin().await.expect("begin");
        let author = tx
            .create("authors", row(json!({"name": "Kept"})), &Origin::system())
            .await
            .unwrap();
        tx.create(
            "books",
            row(json!({"title": "T", "author": author["id"]})),
            &Origin::system(),
        )
        .await
        .unwrap();
        let failed = tx
            .create(
                "books",
                row(json!({"title": "T", "author": 4242})),
                &Origin::system(),
            )
            .await
            .unwrap_err();
        assert_eq!(failed.code.as_str(), "foreign_key_violation");
        tx.commit().await.unwrap_or_else(|error| {
            // PostgreSQL aborts a transaction at its first error; SQLite keeps it usable.
            assert_eq!(backend, Backend::Postgres, "{error}");
        });
        let kept = store.get("authors", &author["id"]).await.unwrap();
        match backend {
            Backend::Sqlite => assert_eq!(kept.unwrap()["name"], "Kept"),
            Backend::Postgres => assert_eq!(kept, None),
        }
        // The writer is free again after all of the above.
        store
            .create("authors", row(json!({"name": "After"})), &Origin::system())
            .await
            .unwrap();
    });
}

fn migrations_are_applied_once_and_recorded(backend: Backend) {
    let db = TestDb::new(backend);
    runtime().block_on(async {
        let first = Store::open(db.data()).await.expect("open");
        let second = Store::open(db.data()).await.expect("open again");
        let history = second
            .sql(
                "SELECT version, name FROM _backworks_migrations ORDER BY version".into(),
                vec![],
                &Origin::system(),
            )
            .await
            .unwrap();
        assert_eq!(
            history,
            [
                row(json!({"version": 1, "name": "create_authors_books"})),
                row(json!({"version": 2, "name": "create_counters"})),
            ]
        );
        first
            .sql(
                "INSERT INTO _backworks_migrations (version, name, applied_at) VALUES (?, ?, ?)"
                    .into(),
                vec![
                    json!(7),
                    json!("from_the_future"),
                    json!("2030-01-01T00:00:00.000Z"),
                ],
                &Origin::system(),
            )
            .await
            .unwrap();
        let refused = Store::open(db.data()).await.unwrap_err();
        assert_eq!(
            refused.message,
            "the database schema is at migration 7 but this server knows migrations up to 2; \
             deploy the newer server or restore the database"
        );
    });
}

fn servers_starting_together_migrate_once(backend: Backend) {
    let db = TestDb::new(backend);
    runtime().block_on(async {
        // An older server applied migration 1; four newer ones start at once and find 2 missing.
        let older: &'static DataSpec = Box::leak(Box::new(DataSpec {
            migrations: &storage_support::schema::MIGRATIONS[..1],
            ..*db.data()
        }));
        Store::open(older).await.expect("the older server starts");
        let data = db.data();
        let opens: Vec<_> = (0..4).map(|_| tokio::spawn(Store::open(data))).collect();
        let mut stores = Vec::new();
        for open in opens {
            stores.push(open.await.unwrap().expect("every server starts"));
        }
        let history = stores[3]
            .sql(
                "SELECT version FROM _backworks_migrations".into(),
                vec![],
                &Origin::system(),
            )
            .await
            .unwrap();
        assert_eq!(history.len(), 2, "each migration applied and recorded once");
        let authors = stores[0]
            .sql(
                "SELECT COUNT(*) AS n FROM authors".into(),
                vec![],
                &Origin::system(),
            )
            .await
            .unwrap();
        assert_eq!(authors[0]["n"], 2, "seeded once");
    });
}

fn seeds_fill_only_empty_tables(backend: Backend) {
    let db = TestDb::new(backend);
    runtime().block_on(async {
        let store = Store::open(db.data()).await.expect("open");
        let all = ListQuery {
            count: true,
            ..ListQuery::default()
        };
        assert_eq!(
            store.list("authors", all.clone()).await.unwrap().total,
            Some(2)
        );
        store
            .update(
                "authors",
                &json!(1),
                row(json!({"name": "Renamed"})),
                None,
                &Origin::system(),
            )
            .await
            .unwrap();
        store
            .delete("authors", &json!(2), None, &Origin::system())
            .await
            .unwrap();
        let reopened = Store::open(db.data()).await.expect("reopen");
        let page = reopened.list("authors", all.clone()).await.unwrap();
        assert_eq!(page.total, Some(1), "a table with rows is not seeded again");
        assert_eq!(page.items[0]["name"], "Renamed");
        reopened
            .delete("authors", &json!(1), None, &Origin::system())
            .await
            .unwrap();
        let reseeded = Store::open(db.data()).await.expect("reopen");
        assert_eq!(reseeded.list("authors", all).await.unwrap().total, Some(2));
    });
}

fn object_queries_match_the_url_grammar(backend: Backend) {
    let db = TestDb::new(backend);
    runtime().block_on(async {
        let store = Store::open(db.data()).await.expect("open");
        for (title, price, status) in [("a", 5, "published"), ("b", 15, "published"), ("c", 25, "draft")] {
            store
                .create("books", row(json!({"title": title, "price": price, "status": status, "author": 1, "pages": 3})), &Origin::system())
                .await
                .unwrap();
        }
        let books = store.resource("books").unwrap();
        let from_json = ListQuery::from_json(
            books,
            &json!({"where": {"status": "published", "price": {"lt": 20}, "author": {"in": [1, 2]},
                              "title": {"ilike": "*"}, "published_at": null,
                              "pages": {"not": {"gt": 5}}, "in_print": {"not": {"is": false}}},
                    "sort": ["-price", "title"], "limit": 10, "count": true,
                    "select": "id,title,author(name)"}),
        )
        .unwrap();
        let params: Vec<(String, String)> = [
            ("status", "eq.published"),
            ("price", "lt.20"),
            ("author", "in.(1,2)"),
            ("title", "ilike.*"),
            ("published_at", "is.null"),
            ("pages", "not.gt.5"),
            ("in_print", "not.is.false"),
            ("order", "price.desc,title"),
            ("limit", "10"),
            ("count", "exact"),
            ("select", "id,title,author(name)"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let from_url = ListQuery::parse(books, &params).unwrap();
        assert_eq!(from_json, from_url);
        let page = store.list("books", from_json).await.unwrap();
        assert_eq!(page.total, Some(2));
        let titles: Vec<&Value> = page.items.iter().map(|item| &item["title"]).collect();
        assert_eq!(titles, [&json!("b"), &json!("a")]);
        assert_eq!(page.items[0]["author"], json!({"name": "Seeded Author"}));
        let filter = from_url_filter(books, "status", "eq.draft");
        assert_eq!(store.count("books", filter).await.unwrap(), 1);
        let wrong = ListQuery::from_json(
            books,
            &json!({"where": {"price": {"lt": "x", "nope": 1}, "ghost": 1}, "limit": 500, "extra": 1}),
        )
        .unwrap_err();
        let pointers: Vec<&str> = wrong.iter().map(|v| v.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/where/price/nope", "/where/price/lt", "/where/ghost", "/limit", "/extra"]
        );
    });
}

fn from_url_filter(
    resource: &'static backworks_runtime::storage::ResourceSpec,
    name: &str,
    value: &str,
) -> backworks_runtime::storage::Filter {
    ListQuery::parse(resource, &[(name.to_owned(), value.to_owned())])
        .unwrap()
        .filter
}

fn raw_sql_uses_question_marks_on_both_engines(backend: Backend) {
    let db = TestDb::new(backend);
    runtime().block_on(async {
        let store = Store::open(db.data()).await.expect("open");
        for price in [5, 15, 25] {
            store
                .create(
                    "books",
                    row(json!({"title": format!("p{price}"), "price": price})),
                    &Origin::system(),
                )
                .await
                .unwrap();
        }
        let rows = store
            .sql(
                "SELECT title, '?' AS mark FROM books WHERE price > ? AND title <> ? ORDER BY id"
                    .into(),
                vec![json!(10), json!("p25")],
                &Origin::system(),
            )
            .await
            .unwrap();
        assert_eq!(rows, [row(json!({"title": "p15", "mark": "?"}))]);
        let broken = store
            .sql("SELEC nonsense".into(), vec![], &Origin::system())
            .await
            .unwrap_err();
        assert_eq!(broken.code, ErrorCode::Invalid, "{broken}");
        let counted = store
            .sql(
                "SELECT COUNT(*) AS n FROM books WHERE title LIKE ?".into(),
                vec![json!("p%")],
                &Origin::system(),
            )
            .await
            .unwrap();
        assert_eq!(counted[0]["n"], 3);
    });
}

/// What `ctx.db` relies on: the store is shared across threads and its futures (and
/// transactions) can be awaited from any tokio task. Checked at compile time.
#[test]
fn store_transactions_and_futures_are_send() {
    fn send<T: Send>(_: &T) {}
    fn shared<T: Send + Sync + Clone + 'static>() {}
    shared::<Store>();
    fn with(store: &Store, tx: &mut backworks_runtime::storage::Transaction) {
        let id = json!(1);
        send(&store.get("books", &id));
        send(&store.list("books", ListQuery::default()));
        send(&store.count("books", Default::default()));
        send(&store.create("books", Row::new(), &Origin::system()));
        send(&store.update("books", &id, Row::new(), None, &Origin::system()));
        send(&store.replace("books", &id, Row::new(), None, &Origin::system()));
        send(&store.delete("books", &id, None, &Origin::system()));
        send(&store.sql(String::new(), vec![], &Origin::system()));
        send(&store.begin());
        send(&tx.get("books", &id));
        send(&tx.list("books", ListQuery::default()));
        send(&tx.create("books", Row::new(), &Origin::system()));
        send(&tx.update("books", &id, Row::new(), None, &Origin::system()));
        send(&tx.sql(String::new(), vec![], &Origin::system()));
    }
    let _ = with;
    fn transaction<T: Send + 'static>() {}
    transaction::<backworks_runtime::storage::Transaction>();
}

static UNSUPPORTED: DataSpec = DataSpec {
    url: "mysql://localhost/x",
    resources: storage_support::schema::RESOURCES,
    migrations: storage_support::schema::MIGRATIONS,
};

static UNSERVABLE: backworks_runtime::http::ServiceSpec = backworks_runtime::http::ServiceSpec {
    data: Some(&UNSUPPORTED),
    ..storage_support::SERVICE_FIELDS
};

/// `serve_on` opens the database before serving; failing to is an error naming the cause.
#[test]
fn serving_refuses_a_database_it_cannot_open() {
    runtime().block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let error = backworks_runtime::http::serve_on(&UNSERVABLE, listener, async {})
            .await
            .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("database: unsupported database URL"),
            "{error}"
        );
    });
}

/// A database that cannot be opened is one clear error, not a hang or a panic.
#[test]
fn unopenable_databases_are_reported() {
    runtime().block_on(async {
        let unreachable = storage_support::schema::data_at("postgres://postgres@127.0.0.1:1/none");
        let error = Store::open(unreachable).await.unwrap_err();
        assert_eq!(error.code, ErrorCode::Unavailable);
        assert!(error.message.contains("unreachable"), "{}", error.message);
        let unsupported = storage_support::schema::data_at("mysql://localhost/x");
        let error = Store::open(unsupported).await.unwrap_err();
        assert!(
            error.message.contains("unsupported database URL"),
            "{}",
            error.message
        );
        let unset = storage_support::schema::data_at("${BACKWORKS_TEST_SURELY_UNSET_VARIABLE}");
        let error = Store::open(unset).await.unwrap_err();
        assert!(
            error
                .message
                .contains("BACKWORKS_TEST_SURELY_UNSET_VARIABLE"),
            "{}",
            error.message
        );
    });
}

/// A store opened on the server's runtime and used from a single-threaded runtime that then
/// blocks (an event-loop thread running JavaScript) never stalls other users: connections'
/// I/O runs on the store's runtime, not on whichever thread made them.
fn a_blocked_event_loop_does_not_stall_others(backend: Backend) {
    let db = TestDb::new(backend);
    let main = runtime();
    let store = main.block_on(Store::open(db.data())).expect("open");
    let on_loop = store.clone();
    let (made, made_rx) = std::sync::mpsc::channel();
    let event_loop = std::thread::spawn(move || {
        let local = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        local.block_on(async {
            // Several at once, so the pool makes connections from this thread.
            let ids: Vec<Value> = (1..=4).map(|id| json!(id % 2 + 1)).collect();
            let reads = ids.iter().map(|id| on_loop.get("authors", id));
            for read in futures_join(reads).await {
                read.unwrap();
            }
        });
        made.send(()).unwrap();
        // Synchronous work: this runtime polls nothing for a while.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        drop(local);
    });
    made_rx.recv().unwrap();
    let started = std::time::Instant::now();
    main.block_on(async {
        for _ in 0..20 {
            store.get("authors", &json!(1)).await.unwrap().unwrap();
        }
    });
    assert!(
        started.elapsed() < std::time::Duration::from_millis(1000),
        "reads waited for the blocked loop ({:?})",
        started.elapsed()
    );
    event_loop.join().unwrap();
    main.block_on(async { store.get("authors", &json!(2)).await.unwrap().unwrap() });
}

/// Awaits every future of `futures` concurrently (without a futures crate).
async fn futures_join<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut set = Vec::new();
    for future in futures {
        set.push(Box::pin(future));
    }
    let mut outputs: Vec<Option<F::Output>> = set.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, output) in set.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *output = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(Option::unwrap).collect()
}

both!(
    a_blocked_event_loop_does_not_stall_others,
    error_codes_are_stable,
    transactions_roll_back_unless_committed,
    migrations_are_applied_once_and_recorded,
    servers_starting_together_migrate_once,
    seeds_fill_only_empty_tables,
    object_queries_match_the_url_grammar,
    raw_sql_uses_question_marks_on_both_engines,
);
