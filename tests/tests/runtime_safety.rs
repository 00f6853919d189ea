//! A handler that loops forever or recurses without end fails its own request — 504 past the
//! endpoint's `timeout`, 500 `stack_overflow` past the call-depth limit — and the server keeps
//! serving. Compiled over the real pipeline and exercised over HTTP.

use std::time::{Duration, Instant};

use backworks_tests::http::get;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};

fn fixture_server() -> RunningServer {
    let project = workspace_root().join("tests/fixtures/runtime-safety");
    let compiled = compile(&project)
        .unwrap_or_else(|diagnostics| panic!("the fixture does not compile:\n{diagnostics}"));
    let out = workspace_root()
        .join("target")
        .join("e2e")
        .join("runtime-safety");
    compiled.tree.write(&out).expect("output written");
    RunningServer::start(&build_server(&out))
}

#[test]
fn runaway_handlers_fail_their_request_and_the_server_keeps_serving() {
    let server = fixture_server();
    let base = server.base_url.clone();

    let before = get(&format!("{base}/counter"));
    assert_eq!(before.status, 200);
    assert_eq!(before.json()["served"], 1);

    for path in ["/spin", "/spin-and-swallow"] {
        let started = Instant::now();
        let response = get(&format!("{base}{path}"));
        let took = started.elapsed();
        assert_eq!(response.status, 504, "{path}: {}", response.body);
        assert_eq!(response.json()["error"], "timeout", "{path}");
        assert!(
            took >= Duration::from_millis(300) && took < Duration::from_secs(5),
            "{path} answered after {took:?}, the budget is 300 ms"
        );
    }

    let deep = get(&format!("{base}/recurse"));
    assert_eq!(deep.status, 500, "{}", deep.body);
    assert_eq!(deep.json()["error"], "stack_overflow");

    // Every runaway request is over; the server, and the stateful module's lock, still work.
    let after = get(&format!("{base}/counter"));
    assert_eq!(after.status, 200);
    assert_eq!(after.json()["served"], 2);
    let again = get(&format!("{base}/spin"));
    assert_eq!(again.status, 504, "a second timeout on the same worker");
    assert_eq!(get(&format!("{base}/counter")).json()["served"], 3);
}
