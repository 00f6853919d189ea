//! Event-loop threads under concurrency: many requests awaiting timers at once, on one stateful
//! isolate and on the stateless pool; interleaving only at `await`; a timeout or a panic fails
//! its own request and the loop keeps serving. These are the tests `scripts/tsan.sh` runs
//! under ThreadSanitizer (requests cross from tokio's worker threads to the loop threads).
//!
//! The handlers are written by hand against the runtime, as the compiler would generate them:
//!
//! ```text
//! let count = 0;
//! module.exports = async (req) => {
//!   const read = count;
//!   await new Promise((r) => setTimeout(r, Number(req.query_params.ms)));
//!   count = read + 1;
//!   return { read, count };
//! };
//! ```

use std::time::{Duration, Instant};

use backworks_runtime::bridge::{Context, run_stateful_on_loop, run_stateless_on_loop};
use backworks_runtime::contract::{
    HandlerCall, HandlerError, HandlerRequest, HandlerResult, RequestBody, ResponseBody,
};
use backworks_runtime::js::{self as rt, Isolate, Modules, Throw, Value};

fn request(query: &[(&str, &str)], budget: Duration) -> HandlerRequest {
    HandlerRequest {
        method: "GET".into(),
        path: "/".into(),
        path_params: Vec::new(),
        query_params: query
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
        headers: Vec::new(),
        body: RequestBody::Empty,
        request_id: "test".into(),
        deadline: Instant::now() + budget,
        typed_params: &[],
        user: None,
        recording: None,
    }
}

async fn answer(call: HandlerCall) -> HandlerResult {
    match call {
        HandlerCall::Ready(result) => result,
        HandlerCall::Pending(receiver) => receiver.await.expect("the loop answers"),
    }
}

fn json(result: &HandlerResult) -> serde_json::Value {
    match result {
        Ok(response) => match &response.body {
            ResponseBody::Json(text) => serde_json::from_str(text).expect("JSON"),
            other => panic!("not JSON: {other:?}"),
        },
        Err(error) => panic!("the handler failed: {error:?}"),
    }
}

fn counter(_: &Modules) -> Result<Value, Throw> {
    Ok(rt::object([("count", Value::Number(0.0))]))
}

/// Reads the count, sleeps `ms` on a timer (or panics, with `panic`), writes `read + 1`.
fn sleep_then_count(modules: &Modules, req: Value, _: &Context) -> Result<Value, Throw> {
    let state = modules.require("counter", counter)?;
    let query = rt::get(&req, "query_params")?;
    if rt::truthy(&rt::get(&query, "panic")?) {
        panic!("a bug in the runtime");
    }
    let ms = rt::get(&query, "ms")?;
    let read = rt::get(&state, "count")?;
    let sleep = Value::function("", 1, move |_, args| {
        rt::call_static("setTimeout", &[args[0].clone(), ms.clone()])
    });
    let slept = rt::construct("Promise", &[sleep])?;
    let write = Value::function("", 0, move |_, _| {
        let count = rt::add(&read, &Value::Number(1.0))?;
        rt::set(&state, "count", count.clone())?;
        Ok(rt::object([("read", read.clone()), ("count", count)]))
    });
    rt::call_method(&slept, "then", &[write])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_awaiting_timers_run_together_on_one_stateful_loop() {
    static ISOLATE: Isolate = Isolate::new();
    let started = Instant::now();
    let calls: Vec<_> = (0..64)
        .map(|_| {
            tokio::spawn(answer(run_stateful_on_loop(
                &ISOLATE,
                request(&[("ms", "200")], Duration::from_secs(10)),
                sleep_then_count,
            )))
        })
        .collect();
    let mut reads = Vec::new();
    for call in calls {
        let body = json(&call.await.expect("joined"));
        reads.push(body["read"].as_f64().expect("a number"));
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "64 requests sleeping 200 ms each waited for one another: {:?}",
        started.elapsed()
    );
    // All 64 read the count before any of them wrote it: they interleaved at the `await`.
    assert!(reads.iter().all(|read| *read == 0.0), "{reads:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lost_update_happens_at_the_await_as_in_node() {
    static ISOLATE: Isolate = Isolate::new();
    let slow = tokio::spawn(answer(run_stateful_on_loop(
        &ISOLATE,
        request(&[("ms", "300")], Duration::from_secs(10)),
        sleep_then_count,
    )));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let fast = answer(run_stateful_on_loop(
        &ISOLATE,
        request(&[("ms", "0")], Duration::from_secs(10)),
        sleep_then_count,
    ))
    .await;
    assert_eq!(json(&fast), serde_json::json!({ "read": 0, "count": 1 }));
    let slow = slow.await.expect("joined");
    assert_eq!(json(&slow), serde_json::json!({ "read": 0, "count": 1 }));
    let after = answer(run_stateful_on_loop(
        &ISOLATE,
        request(&[("ms", "0")], Duration::from_secs(10)),
        sleep_then_count,
    ))
    .await;
    assert_eq!(json(&after), serde_json::json!({ "read": 1, "count": 2 }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn stateless_loops_serve_many_sleepers_at_once() {
    let started = Instant::now();
    let calls: Vec<_> = (0..64)
        .map(|_| {
            tokio::spawn(answer(run_stateless_on_loop(
                request(&[("ms", "200")], Duration::from_secs(10)),
                sleep_then_count,
            )))
        })
        .collect();
    for call in calls {
        // A registry per call: every call sees a fresh count.
        assert_eq!(
            json(&call.await.expect("joined")),
            serde_json::json!({ "read": 0, "count": 1 })
        );
    }
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_timeout_or_a_panic_fails_one_request_and_the_loop_serves_on() {
    static ISOLATE: Isolate = Isolate::new();
    let late = answer(run_stateful_on_loop(
        &ISOLATE,
        request(&[("ms", "400")], Duration::from_millis(100)),
        sleep_then_count,
    ));
    let on_time = answer(run_stateful_on_loop(
        &ISOLATE,
        request(&[("ms", "10")], Duration::from_secs(10)),
        sleep_then_count,
    ));
    // Awaited together so that the loop sees the late request's deadline pass on its own.
    let (late, on_time) = tokio::join!(late, on_time);
    assert!(
        matches!(late, Err(HandlerError::Timeout { .. })),
        "{late:?}"
    );
    assert_eq!(json(&on_time), serde_json::json!({ "read": 0, "count": 1 }));
    // The late request's continuation never runs: the count stays as the on-time one left it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let panicked = answer(run_stateful_on_loop(
        &ISOLATE,
        request(&[("panic", "1")], Duration::from_secs(10)),
        sleep_then_count,
    ))
    .await;
    assert!(
        matches!(&panicked, Err(HandlerError::Panicked { message }) if message == "a bug in the runtime"),
        "{panicked:?}"
    );
    let next = answer(run_stateful_on_loop(
        &ISOLATE,
        request(&[("ms", "0")], Duration::from_secs(10)),
        sleep_then_count,
    ))
    .await;
    assert_eq!(json(&next), serde_json::json!({ "read": 1, "count": 2 }));
}
