//! The monitor and what answers before routing, over real HTTP on loopback: the service-wide
//! rate limit (`rate_limit:`, by address) leaves the dashboard's own polls uncounted when the
//! monitor's gate admits their reader, and counts every refused one (so hammering
//! `/_backworks/*` without credentials ends in 429 as hammering the API does); calls made
//! through the dashboard's port are counted as the API calls they are. A 405, a CORS
//! preflight and the global 429 are counted and listed under their route; a path no route
//! matches stays in the one `(unmatched)` entry, however many there are.

mod http_support;
mod monitor_support;

use backworks_runtime::auth::Access;
use backworks_runtime::dashboard::DashboardApp;
use backworks_runtime::http::{
    CorsSpec, Overrides, RateKey, RateLimitSpec, ServiceSpec, TransportSpec, routers_with,
};
use backworks_runtime::monitor::DashboardSpec;
use http_support::request;
use monitor_support::{MonitorServer, route, sample, sleepy};
use serde_json::Value;

const TOKEN: &str = "a-dashboard-token-of-some-length";
const ORIGIN: &str = "https://app.example.com";

static APP: DashboardApp = DashboardApp {
    files: &[
        ("index.html", "<!doctype html><title>t</title>"),
        ("assets/app.js", "export {};"),
    ],
    service: "{}",
};

/// Three requests a minute per address, and CORS for one origin.
static TRANSPORT: TransportSpec = TransportSpec {
    rate_limit: Some(RateLimitSpec {
        policy: "global",
        requests: 3,
        per_s: 60,
        by: RateKey::Ip,
        shared: Some(false),
    }),
    cors: Some(CorsSpec {
        origins: &[ORIGIN],
        methods: &[],
        headers: &[],
        credentials: false,
        max_age_s: None,
    }),
    ..TransportSpec::DEFAULT
};

static TOKENED: DashboardSpec = DashboardSpec {
    enabled: true,
    port: None,
    auth_variable: Some("DASHBOARD_TOKEN"),
    app: Some(&APP),
};

/// No token, no `auth:`: loopback readers only.
static LOCAL: DashboardSpec = DashboardSpec {
    auth_variable: None,
    ..TOKENED_FIELDS
};

static APART: DashboardSpec = DashboardSpec {
    port: Some(9),
    ..TOKENED_FIELDS
};

const TOKENED_FIELDS: DashboardSpec = DashboardSpec {
    enabled: true,
    port: None,
    auth_variable: Some("DASHBOARD_TOKEN"),
    app: Some(&APP),
};

static ROUTES: [backworks_runtime::http::RouteSpec; 1] = [route(
    "GET",
    "/items/{id}",
    "get_item",
    sleepy,
    Access::Public,
)];

const fn service(dashboard: &'static DashboardSpec) -> ServiceSpec {
    ServiceSpec {
        name: "limited",
        version: "1.0.0",
        default_port: 0,
        default_host: "127.0.0.1",
        body_limit: 64 * 1024,
        global_headers: &[],
        routes: &ROUTES,
        openapi: None,
        data: None,
        auth: None,
        transport: Some(&TRANSPORT),
        dashboard: Some(dashboard),
    }
}

static WITH_TOKEN: ServiceSpec = service(&TOKENED);
static LOCAL_ONLY: ServiceSpec = service(&LOCAL);
static DASHBOARD_APART: ServiceSpec = service(&APART);

fn with_token() -> Overrides {
    Overrides {
        dashboard_token: Some(TOKEN.to_owned()),
        ..Overrides::default()
    }
}

fn status(server: &MonitorServer, method: &str, path: &str, headers: &[(&str, &str)]) -> u16 {
    request(method, &server.url(path), headers, None).status
}

/// The dashboard's reads: what its pages poll and load.
const POLLS: [&str; 7] = [
    "/_backworks/monitor/summary",
    "/_backworks/monitor/requests?limit=5",
    "/_backworks/metrics",
    "/_backworks/service.json",
    "/_backworks/workflows",
    "/_backworks/",
    "/_backworks/assets/app.js",
];

#[test]
fn the_dashboards_polls_are_not_counted_while_the_api_is() {
    let server = MonitorServer::start(&WITH_TOKEN, with_token());
    let operator = format!("Bearer {TOKEN}");
    let as_operator = [("authorization", operator.as_str())];
    // Twenty rounds of every poll under a limit of three a minute: none refused.
    for round in 0..20 {
        for path in POLLS {
            assert_eq!(
                status(&server, "GET", path, &as_operator),
                200,
                "round {round}: {path}"
            );
        }
    }
    // The API is limited as ever: three, then 429 with the policy's headers.
    for _ in 0..3 {
        assert_eq!(status(&server, "GET", "/items/1", &as_operator), 200);
    }
    let limited = request("GET", &server.url("/items/1"), &as_operator, None);
    assert_eq!(limited.status, 429, "{}", limited.text());
    assert!(limited.header("retry-after").is_some());
    // The page goes on polling while the API refuses this address.
    for path in POLLS {
        assert_eq!(status(&server, "GET", path, &as_operator), 200, "{path}");
    }
    // What the gate refuses is counted: this address is over its limit, so it is 429, as
    // are a page file that does not exist and a write to a polled route.
    for (method, path, headers) in [
        ("GET", "/_backworks/monitor/summary", &[][..]),
        (
            "GET",
            "/_backworks/metrics",
            &[("authorization", "Bearer a-wrong-token-of-some-length")][..],
        ),
        ("GET", "/_backworks/assets/missing.js", &[][..]),
        ("POST", "/_backworks/monitor/summary", &as_operator[..]),
    ] {
        assert_eq!(
            status(&server, method, path, headers),
            429,
            "{method} {path}"
        );
    }
}

#[test]
fn refused_readers_of_the_monitor_use_up_the_limit_like_api_callers() {
    let server = MonitorServer::start(&WITH_TOKEN, with_token());
    // Without the token: refused, and counted — the fourth is the limit's.
    for _ in 0..3 {
        assert_eq!(
            status(&server, "GET", "/_backworks/monitor/summary", &[]),
            401
        );
    }
    assert_eq!(status(&server, "GET", "/_backworks/service.json", &[]), 429);
    // The address's quota is spent for the API too.
    assert_eq!(status(&server, "GET", "/items/1", &[]), 429);
    // The operator still reads (not counted), from the same address.
    let operator = format!("Bearer {TOKEN}");
    assert_eq!(
        status(
            &server,
            "GET",
            "/_backworks/monitor/summary",
            &[("authorization", &operator)]
        ),
        200
    );
}

#[test]
fn calls_through_the_dashboards_own_port_are_counted_as_api_calls() {
    let (service, dashboard) = routers_with(&DASHBOARD_APART, with_token());
    let _service = MonitorServer::serve(service);
    let dashboard = MonitorServer::serve(dashboard.expect("a router for dashboard.port"));
    for _ in 0..3 {
        assert_eq!(
            status(&dashboard, "GET", "/_backworks/api/items/1", &[]),
            200
        );
    }
    assert_eq!(
        status(&dashboard, "GET", "/_backworks/api/items/1", &[]),
        429
    );
    // The dashboard's own port is not limited: its pages and the monitor load.
    let operator = format!("Bearer {TOKEN}");
    for _ in 0..5 {
        for path in POLLS {
            assert_eq!(
                status(&dashboard, "GET", path, &[("authorization", &operator)]),
                200,
                "{path}"
            );
        }
    }
}

/// The summary's entry for `route` and `method`, if any.
fn stats(summary: &Value, route: &str, method: &str) -> Option<Value> {
    summary["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .find(|entry| entry["route"] == route && entry["method"] == method)
        .cloned()
}

fn preflight(server: &MonitorServer, path: &str) -> u16 {
    status(
        server,
        "OPTIONS",
        path,
        &[("origin", ORIGIN), ("access-control-request-method", "GET")],
    )
}

#[test]
fn a_405_a_preflight_and_the_global_429_are_counted_under_their_route() {
    let server = MonitorServer::start(&LOCAL_ONLY, Overrides::default());
    assert_eq!(status(&server, "POST", "/items/1", &[]), 405);
    assert_eq!(status(&server, "GET", "/items/2", &[]), 200);
    assert_eq!(status(&server, "GET", "/items/3", &[]), 200);
    assert_eq!(status(&server, "GET", "/items/4", &[]), 429);
    assert_eq!(preflight(&server, "/items/5"), 204);
    // Paths no route matches stay unmatched, whatever answered them.
    assert_eq!(status(&server, "GET", "/nowhere", &[]), 429);
    assert_eq!(preflight(&server, "/nowhere/at/all"), 204);

    // This machine reads the monitor without credentials (not counted either).
    let summary = request("GET", &server.url("/_backworks/monitor/summary"), &[], None);
    assert_eq!(summary.status, 200, "{}", summary.text());
    let summary = summary.json();
    let count = |route: &str, method: &str, class: &str| {
        stats(&summary, route, method).map_or(0, |entry| entry["status"][class].as_u64().unwrap())
    };
    assert_eq!(
        count("/items/{id}", "POST", "4xx"),
        1,
        "the 405: {summary:#}"
    );
    assert_eq!(count("/items/{id}", "GET", "2xx"), 2);
    assert_eq!(count("/items/{id}", "GET", "4xx"), 1, "the 429");
    assert_eq!(count("/items/{id}", "OPTIONS", "2xx"), 1, "the preflight");
    assert_eq!(count("(unmatched)", "GET", "4xx"), 1);
    assert_eq!(count("(unmatched)", "OPTIONS", "2xx"), 1);
    assert_eq!(count("(unmatched)", "POST", "4xx"), 0);

    // The Prometheus page says the same.
    let page = request("GET", &server.url("/_backworks/metrics"), &[], None).text();
    for (series, value) in [
        (
            "{route=\"/items/{id}\",method=\"POST\",status=\"4xx\"}",
            1.0,
        ),
        (
            "{route=\"/items/{id}\",method=\"OPTIONS\",status=\"2xx\"}",
            1.0,
        ),
        ("{route=\"/items/{id}\",method=\"GET\",status=\"4xx\"}", 1.0),
    ] {
        assert_eq!(
            sample(&page, &format!("backworks_http_requests_total{series}")),
            Some(value),
            "{series}\n{page}"
        );
    }

    // The recent requests list them under their route too.
    let recent = request(
        "GET",
        &server.url("/_backworks/monitor/requests?limit=100"),
        &[],
        None,
    )
    .json();
    let listed: Vec<(String, String, u64)> = recent["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .rev()
        .map(|entry| {
            (
                format!(
                    "{} {}",
                    entry["method"].as_str().unwrap(),
                    entry["path"].as_str().unwrap()
                ),
                entry["route"].as_str().unwrap().to_owned(),
                entry["status"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, String, u64)> = [
        ("POST /items/1", "/items/{id}", 405),
        ("GET /items/2", "/items/{id}", 200),
        ("GET /items/3", "/items/{id}", 200),
        ("GET /items/4", "/items/{id}", 429),
        ("OPTIONS /items/5", "/items/{id}", 204),
        ("GET /nowhere", "(unmatched)", 429),
        ("OPTIONS /nowhere/at/all", "(unmatched)", 204),
    ]
    .into_iter()
    .map(|(request, route, status)| (request.to_owned(), route.to_owned(), status))
    .collect();
    assert_eq!(listed, expected);
}

#[test]
fn unknown_paths_answered_before_routing_add_no_series() {
    let server = MonitorServer::start(&LOCAL_ONLY, Overrides::default());
    let series = |server: &MonitorServer| {
        let page = request("GET", &server.url("/_backworks/metrics"), &[], None).text();
        page.lines()
            .filter(|line| line.starts_with("backworks_http_requests_total{"))
            .count()
    };
    // Spend the limit, then 300 distinct unknown paths: preflights and 429s.
    for n in 0..3 {
        assert_eq!(status(&server, "GET", &format!("/items/{n}"), &[]), 200);
    }
    assert_eq!(preflight(&server, "/warm/up"), 204);
    assert_eq!(status(&server, "GET", "/warm/up", &[]), 429);
    // (Read once first: the page's own request is a series after its first answer.)
    series(&server);
    let before = series(&server);
    for n in 0..150 {
        assert_eq!(preflight(&server, &format!("/unknown/{n}/x")), 204);
        assert_eq!(status(&server, "GET", &format!("/unknown-{n}"), &[]), 429);
    }
    assert_eq!(series(&server), before, "no new series");
    let summary = request("GET", &server.url("/_backworks/monitor/summary"), &[], None).json();
    let unmatched = |method: &str| {
        stats(&summary, "(unmatched)", method)
            .map_or(0, |entry| entry["requests"].as_u64().unwrap())
    };
    assert_eq!(unmatched("OPTIONS"), 151);
    assert_eq!(unmatched("GET"), 151);
}
