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
    let server = fixture_server();
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

    assert_eq!(get(&format!("{base}/throw-later")).json()["fired"], 0);
    std::thread::sleep(Duration::from_millis(200));
    // The timer fired (and threw) after the first response; the module and the server live on.
    assert_eq!(get(&format!("{base}/throw-later")).json()["fired"], 1);
    assert_eq!(get(&format!("{base}/counter")).json()["number"], 65);
    let (_, took) = overlapping(&format!("{base}/sleep?ms=50"), 8);
    assert!(took < Duration::from_secs(5));
}
