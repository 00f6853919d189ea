//! The monitor over real HTTP on loopback: per-route counts after known traffic, percentiles
//! from known latencies, the Prometheus page as `promtool` judges it, the recent-requests ring
//! (bounded, newest first, filtered, with each handler's log lines), and bounded series under
//! many distinct unknown paths.

mod http_support;
mod monitor_support;

use backworks_runtime::auth::Access;
use backworks_runtime::http::{Overrides, ServiceSpec};
use backworks_runtime::monitor::CAPACITY;
use http_support::{get, request};
use monitor_support::{
    MonitorServer, broken, chatty, promtool_accepts, route, sample, sleepy, status,
};
use serde_json::Value;

static SERVICE: ServiceSpec = ServiceSpec {
    name: "monitored",
    version: "2.0.1",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 64 * 1024,
    global_headers: &[],
    routes: &[
        route("GET", "/items/{id}", "get_item", sleepy, Access::Public),
        route("POST", "/items", "create_item", status, Access::Public),
        route("GET", "/chatty", "chatty", chatty, Access::Public),
        route("GET", "/broken", "broken", broken, Access::Public),
    ],
    openapi: None,
    data: None,
    auth: None,
    transport: None,
    dashboard: None,
};

fn server() -> MonitorServer {
    MonitorServer::start(&SERVICE, Overrides::default())
}

fn json(url: &str) -> Value {
    let reply = get(url);
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()
}

/// The summary's entry for `route` and `method`.
fn route_stats(summary: &Value, route: &str, method: &str) -> Value {
    summary["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .find(|entry| entry["route"] == route && entry["method"] == method)
        .unwrap_or_else(|| panic!("no {method} {route} in {summary:#}"))
        .clone()
}

#[test]
fn counts_each_route_template_method_and_status_class() {
    let server = server();
    for id in 0..7 {
        assert_eq!(get(&server.url(&format!("/items/{id}"))).status, 200);
    }
    for code in ["201", "201", "409", "503"] {
        let url = server.url(&format!("/items?status={code}"));
        assert_eq!(
            request("POST", &url, &[], Some(b"")).status.to_string(),
            code
        );
    }
    for _ in 0..3 {
        assert_eq!(get(&server.url("/broken")).status, 500);
    }
    for path in ["/nope", "/nope/again", "/items/1/extra"] {
        assert_eq!(get(&server.url(path)).status, 404);
    }

    let summary = json(&server.url("/_backworks/monitor/summary"));
    assert_eq!(summary["service"]["name"], "monitored");
    assert_eq!(summary["service"]["version"], "2.0.1");
    let items = route_stats(&summary, "/items/{id}", "GET");
    assert_eq!(items["requests"], 7, "one template for every id: {items}");
    assert_eq!(items["endpoint"], "get_item");
    assert_eq!(items["status"]["2xx"], 7);
    let created = route_stats(&summary, "/items", "POST");
    assert_eq!(created["requests"], 4);
    assert_eq!(
        [
            &created["status"]["2xx"],
            &created["status"]["4xx"],
            &created["status"]["5xx"]
        ],
        [2, 1, 1]
    );
    assert_eq!(route_stats(&summary, "/broken", "GET")["status"]["5xx"], 3);
    let unmatched = route_stats(&summary, "(unmatched)", "GET");
    assert_eq!(unmatched["requests"], 3);
    assert_eq!(unmatched["status"]["4xx"], 3);
    // 7 + 4 + 3 + 3 before the summary itself was asked for; it counts once done.
    assert_eq!(summary["requests"], 17);
    assert_eq!(summary["server_errors"], 4);
    assert_eq!(summary["client_errors"], 4);
    let rate = summary["error_rate"].as_f64().unwrap();
    assert!((rate - 4.0 / 17.0).abs() < 1e-9, "{rate}");
    let per_second: u64 = summary["rate"]["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(per_second, 17, "every request is in the per-second ring");
    assert_eq!(summary["rate"]["requests"].as_array().unwrap().len(), 300);

    let page = get(&server.url("/_backworks/metrics"));
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    let page = page.text();
    promtool_accepts(&page);
    let total = |labels: &str| sample(&page, &format!("backworks_http_requests_total{{{labels}}}"));
    assert_eq!(
        total(r#"route="/items/{id}",method="GET",status="2xx""#),
        Some(7.0)
    );
    assert_eq!(
        total(r#"route="/items",method="POST",status="4xx""#),
        Some(1.0)
    );
    assert_eq!(
        total(r#"route="/items",method="POST",status="5xx""#),
        Some(1.0)
    );
    assert_eq!(
        total(r#"route="(unmatched)",method="GET",status="4xx""#),
        Some(3.0)
    );
    assert_eq!(
        sample(
            &page,
            r#"backworks_http_request_duration_seconds_count{route="/items/{id}",method="GET"}"#
        ),
        Some(7.0)
    );
    assert_eq!(
        sample(
            &page,
            r#"backworks_http_request_duration_seconds_bucket{route="/items/{id}",method="GET",le="+Inf"}"#
        ),
        Some(7.0)
    );
    assert!(
        !page.contains("/items/3"),
        "concrete paths never become labels"
    );
    assert!(page.contains("backworks_service_info{service=\"monitored\",version=\"2.0.1\"} 1"));
}

#[test]
fn percentiles_follow_known_latencies() {
    let server = server();
    // 18 quick requests and 2 that sleep 60 ms: p50 is quick, p95 and p99 are in the
    // 50–100 ms bucket (its bounds are all the histogram can tell).
    for _ in 0..18 {
        get(&server.url("/items/1"));
    }
    for _ in 0..2 {
        get(&server.url("/items/1?ms=60"));
    }
    let summary = json(&server.url("/_backworks/monitor/summary"));
    let latency = &route_stats(&summary, "/items/{id}", "GET")["latency_ms"];
    let p = |name: &str| {
        latency[name]
            .as_f64()
            .unwrap_or_else(|| panic!("{latency}"))
    };
    assert!(p("p50") < 50.0, "{latency}");
    for name in ["p95", "p99"] {
        assert!((50.0..=100.0).contains(&p(name)), "{name}: {latency}");
    }
    assert!(
        p("mean") >= 120.0 / 20.0,
        "two 60 ms sleeps in 20 requests: {latency}"
    );
    let page = get(&server.url("/_backworks/metrics")).text();
    let bucket = |le: &str| {
        sample(
            &page,
            &format!(
                r#"backworks_http_request_duration_seconds_bucket{{route="/items/{{id}}",method="GET",le="{le}"}}"#
            ),
        )
        .unwrap()
    };
    assert_eq!(bucket("0.05"), 18.0, "{page}");
    assert_eq!(bucket("0.1"), 20.0);
    let sum = sample(
        &page,
        r#"backworks_http_request_duration_seconds_sum{route="/items/{id}",method="GET"}"#,
    )
    .unwrap();
    assert!(sum >= 0.12, "{sum}");
}

#[test]
fn the_ring_keeps_exactly_its_capacity_newest_first() {
    let server = server();
    let sent = CAPACITY + 37;
    for n in 0..sent {
        assert_eq!(get(&server.url(&format!("/items/{n}"))).status, 200);
    }
    let page = json(&server.url(&format!("/_backworks/monitor/requests?limit={CAPACITY}")));
    let entries = page["requests"].as_array().unwrap();
    assert_eq!(entries.len(), CAPACITY);
    let paths: Vec<&str> = entries
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths[0], format!("/items/{}", sent - 1), "newest first");
    assert_eq!(paths[CAPACITY - 1], format!("/items/{}", sent - CAPACITY));
    let seqs: Vec<u64> = entries.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert!(
        seqs.windows(2).all(|pair| pair[0] == pair[1] + 1),
        "no gaps"
    );
    // The monitor's own reads stay out of the ring.
    assert!(paths.iter().all(|path| path.starts_with("/items/")));
    let first = &entries[0];
    assert_eq!(first["route"], "/items/{id}");
    assert_eq!(first["endpoint"], "get_item");
    assert_eq!(first["status"], 200);
    assert_eq!(first["client"], "127.0.0.1");
    assert!(
        first["request_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );

    // Paging: `next` is the cursor for the following page.
    let one = json(&server.url("/_backworks/monitor/requests?limit=10"));
    let next = one["next"].as_u64().expect("a full page has a next cursor");
    let two = json(&server.url(&format!(
        "/_backworks/monitor/requests?limit=10&before={next}"
    )));
    assert_eq!(two["requests"][0]["seq"].as_u64(), Some(next - 1));
}

#[test]
fn recent_requests_filter_by_method_status_and_path() {
    let server = server();
    get(&server.url("/items/1"));
    request("POST", &server.url("/items?status=422"), &[], Some(b"{}"));
    request("POST", &server.url("/items?status=201"), &[], Some(b"{}"));
    get(&server.url("/broken"));
    get(&server.url("/missing/thing"));
    let paths = |query: &str| -> Vec<(String, u64)> {
        json(&server.url(&format!("/_backworks/monitor/requests?{query}")))["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["path"].as_str().unwrap().to_owned(),
                    e["status"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        paths("method=post"),
        [("/items".into(), 201), ("/items".into(), 422)]
    );
    assert_eq!(paths("status=5xx"), [("/broken".into(), 500)]);
    assert_eq!(paths("status=404"), [("/missing/thing".into(), 404)]);
    assert_eq!(paths("path=/items/"), [("/items/1".into(), 200)]);
    assert_eq!(paths("method=POST&status=4xx"), [("/items".into(), 422)]);
    // A live log polls with the newest `seq` it has seen and gets only what came since.
    let latest = json(&server.url("/_backworks/monitor/requests?limit=1"))["latest"]
        .as_u64()
        .expect("the newest seq");
    get(&server.url("/items/7"));
    get(&server.url("/items/8"));
    assert_eq!(
        paths(&format!("after={latest}")),
        [("/items/8".into(), 200), ("/items/7".into(), 200)]
    );
    for bad in [
        "after=-1",
        "limit=0",
        "limit=1001",
        "status=6xx",
        "before=x",
        "colour=red",
        "limit=1&limit=2",
    ] {
        let reply = get(&server.url(&format!("/_backworks/monitor/requests?{bad}")));
        assert_eq!(reply.status, 400, "{bad}: {}", reply.text());
    }
}

#[test]
fn a_handlers_console_lines_are_filed_under_its_request() {
    let server = server();
    let reply = request(
        "GET",
        &server.url("/chatty"),
        &[("x-request-id", "chat-1")],
        None,
    );
    assert_eq!(reply.status, 200);
    get(&server.url("/items/1"));
    let page = json(&server.url("/_backworks/monitor/requests?path=/chatty"));
    let entry = &page["requests"][0];
    assert_eq!(entry["request_id"], "chat-1");
    let logs: Vec<(&str, &str)> = entry["logs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["level"].as_str().unwrap(),
                line["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        logs,
        [("info", "looking up /chatty"), ("warn", "not cached")]
    );
    let other = json(&server.url("/_backworks/monitor/requests?path=/items/1"));
    assert_eq!(other["requests"][0]["logs"], serde_json::json!([]));
}

#[test]
fn many_distinct_unknown_paths_share_one_series() {
    let server = server();
    for n in 0..50 {
        get(&server.url(&format!("/probe/{n}")));
    }
    // Once each first, so the monitor's own routes have their series already.
    get(&server.url("/_backworks/metrics"));
    get(&server.url("/_backworks/monitor/requests"));
    get(&server.url("/_backworks/monitor/summary"));
    let routes_of = |summary: Value| summary["routes"].as_array().unwrap().len();
    let routes_before = routes_of(json(&server.url("/_backworks/monitor/summary")));
    let before = get(&server.url("/_backworks/metrics")).text();
    for n in 50..3_000 {
        get(&server.url(&format!("/probe/{n}/{}", "x".repeat(n % 200))));
    }
    let after = get(&server.url("/_backworks/metrics")).text();
    promtool_accepts(&after);
    let series = |page: &str| page.lines().filter(|line| !line.starts_with('#')).count();
    assert_eq!(series(&before), series(&after), "no new series:\n{after}");
    assert_eq!(
        sample(
            &after,
            r#"backworks_http_requests_total{route="(unmatched)",method="GET",status="4xx"}"#
        ),
        Some(3_000.0)
    );
    assert!(!after.contains("/probe/"));
    // The summary lists no more routes than before.
    let routes_after = routes_of(json(&server.url("/_backworks/monitor/summary")));
    assert_eq!(routes_before, routes_after);
    // The ring holds its capacity, not every path.
    let all = json(&server.url(&format!("/_backworks/monitor/requests?limit={CAPACITY}")));
    assert_eq!(all["requests"].as_array().unwrap().len(), CAPACITY);
}
