//! Handlers that await I/O run on event-loop threads: while one waits, others run. Compiled
//! over the real pipeline and exercised over HTTP: 64 overlapping requests that each await a
//! 200 ms timer finish together (a behaviour check that they do not queue behind one another,
//! not a performance figure), on the stateless pool and on one stateful module; a handler past
//! its budget while awaiting, or looping after an await, answers 504; a timer that throws after
//! the response is logged; and the server keeps serving through all of it.

use std::time::{Duration, Instant};

use backworks_tests::http::get;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};

fn fixture_server() -> RunningServer {
    let project = workspace_root().join("tests/fixtures/async-io");
    let compiled = compile(&project)
        .unwrap_or_else(|diagnostics| panic!("the fixture does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target").join("e2e").join("async-io");
    compiled.tree.write(&out).expect("output written");
    RunningServer::start(&build_server(&out))
}

/// Sends `count` GETs to `url` at once and returns their bodies and how long all took.
fn overlapping(url: &str, count: usize) -> (Vec<serde_json::Value>, Duration) {
    let started = Instant::now();
    let bodies = std::thread::scope(|scope| {
        let sending: Vec<_> = (0..count)
            .map(|_| {
                scope.spawn(|| {
                    let response = get(url);
                    assert_eq!(response.status, 200, "{}", response.body);
                    response.json()
                })
            })
            .collect();
        sending
            .into_iter()
            .map(|thread| thread.join().expect("request thread"))
            .collect()
    });
    (bodies, started.elapsed())
}

#[test]
fn awaiting_handlers_do_not_hold_back_other_requests_and_failures_stay_their_own() {
    let mut server = fixture_server();
    let base = server.base_url.clone();

    let (_, took) = overlapping(&format!("{base}/sleep"), 64);
    assert!(
        took < Duration::from_secs(5),
        "64 stateless requests awaiting 200 ms each took {took:?}: they queued"
    );

    let (bodies, took) = overlapping(&format!("{base}/counter"), 64);
    assert!(
        took < Duration::from_secs(5),
        "64 requests to one stateful module awaiting 200 ms each took {took:?}: they queued"
    );
    let mut numbers: Vec<u64> = bodies
        .iter()
        .map(|body| body["number"].as_u64().expect("a number"))
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=64).collect::<Vec<u64>>(),
        "every request counted once"
    );

    for path in ["/late", "/spin-after-await"] {
        let started = Instant::now();
        let response = get(&format!("{base}{path}"));
        let took = started.elapsed();
        assert_eq!(response.status, 504, "{path}: {}", response.body);
        assert_eq!(response.json()["error"], "timeout", "{path}");
        assert!(
            took >= Duration::from_millis(300) && took < Duration::from_secs(2),
            "{path} answered after {took:?}, the budget is 300 ms"
        );
    }

    let first = get(&format!("{base}/throw-later"));
    assert_eq!(first.json()["fired"], 0);
    let request_id = first
        .header("x-request-id")
        .expect("a request id")
        .to_string();
    // Logged as uncaught, in the span of the request that set the timer.
    let logged = server.wait_for_line(|line| line.contains("thrown by a timer after the response"));
    assert!(logged.contains("Uncaught"), "{logged}");
    assert!(logged.contains(&request_id), "{logged}");
    // The timer fired (and threw) after the first response; the module and the server live on.
    assert_eq!(get(&format!("{base}/throw-later")).json()["fired"], 1);
    assert_eq!(get(&format!("{base}/counter")).json()["number"], 65);
    let (_, took) = overlapping(&format!("{base}/sleep?ms=50"), 8);
    assert!(took < Duration::from_secs(5));
}

/// The bookstore example's handlers await `ctx.db` on event-loop threads against a real
/// SQLite database: a transaction that adds a review and updates its book, overlapping with
/// others on the same book, keeps the count exact; an invalid review is refused; the `sql` tag
/// binds its values.
#[test]
fn handlers_await_the_database_and_transactions_stay_whole() {
    let compiled = compile(&backworks_tests::example("bookstore"))
        .unwrap_or_else(|diagnostics| panic!("the example does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target/e2e/async-io-bookstore");
    compiled.tree.write(&out).expect("output written");
    let data = out.join("data");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).expect("data folder");
    let url = format!("sqlite://{}", data.join("bookstore.db").display());
    let server = RunningServer::start_with_env(&build_server(&out), &[("DATABASE_URL", &url)]);
    let base = server.base_url.clone();
    let post = |body: &str| {
        backworks_tests::http::send_json("POST", &format!("{base}/books/1/reviews"), body)
    };

    let started = Instant::now();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let posting: Vec<_> = (0..16)
            .map(|index| {
                let post = &post;
                scope.spawn(move || {
                    post(&format!(
                        r#"{{"rating": {}, "reviewer": "reader {index}"}}"#,
                        index % 5 + 1
                    ))
                    .status
                })
            })
            .collect();
        posting
            .into_iter()
            .map(|thread| thread.join().expect("thread"))
            .collect()
    });
    assert!(statuses.iter().all(|status| *status == 201), "{statuses:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
    let book = get(&format!("{base}/books/1"));
    assert_eq!(book.status, 200, "{}", book.body);
    assert_eq!(book.json()["review_count"], 16, "{}", book.body);

    // The blueprint declares the review body, so this one is refused at the door; a review
    // refused inside the transaction is the bookstore end-to-end test's `review_fails`.
    let invalid = post(r#"{"rating": 9, "reviewer": "too keen"}"#);
    assert_eq!(invalid.status, 400, "{}", invalid.body);
    assert_eq!(invalid.json()["error"], "invalid_request");
    assert_eq!(
        get(&format!("{base}/books/1")).json()["review_count"],
        16,
        "nothing written"
    );
    let missing = backworks_tests::http::send_json(
        "POST",
        &format!("{base}/books/999/reviews"),
        r#"{"rating": 3, "reviewer": "nobody"}"#,
    );
    assert_eq!(missing.status, 404, "{}", missing.body);

    let report = get(&format!("{base}/reports/authors?status=published"));
    assert_eq!(report.status, 200, "{}", report.body);
    let authors = report.json()["authors"].clone();
    assert!(
        authors.as_array().is_some_and(|authors| authors.len() == 3),
        "{}",
        report.body
    );
}
