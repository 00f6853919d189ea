//! The dashboard on its own port (`dashboard.port`) reaching the service's API through its
//! one forwarding prefix, `ANY /_backworks/api/{*path}`, over real HTTP on loopback: a
//! forwarded request meets the service's authentication exactly as a direct one (401, 403,
//! 200 with the same answers) and is counted once, under its route; the live socket opened
//! through the prefix streams the service's requests, while the service's own port offers no
//! stream; the monitor stays unreachable through the prefix; the page is told which API base
//! to use.

mod auth_support;
mod events_support;
mod http_support;
mod monitor_support;
mod storage_support;

use auth_support::{HS256_AUTH, SECRET, claims, hs256};
use backworks_runtime::auth::{Access, Authenticator};
use backworks_runtime::dashboard::DashboardApp;
use backworks_runtime::http::{Overrides, ServiceSpec, routers_with};
use backworks_runtime::monitor::DashboardSpec;
use events_support::Client;
use http_support::request;
use monitor_support::{MonitorServer, route, sample, sleepy};
use serde_json::{Value, json};

const TOKEN: &str = "a-dashboard-token-of-some-length";

/// The compiler's own page shell, and one script.
static APP: DashboardApp = DashboardApp {
    files: &[
        (
            "index.html",
            include_str!("../../templates/dashboard/index.html"),
        ),
        ("assets/app.js", "export {};"),
    ],
    service: "{}",
};

static OWN_PORT: DashboardSpec = OWN_PORT_FIELDS;

static BESIDE: DashboardSpec = DashboardSpec {
    port: None,
    ..OWN_PORT_FIELDS
};

/// [`OWN_PORT`]'s fields, for [`BESIDE`] to vary.
const OWN_PORT_FIELDS: DashboardSpec = DashboardSpec {
    enabled: true,
    port: Some(9),
    auth_variable: Some("DASHBOARD_TOKEN"),
    app: Some(&APP),
};

static ROUTES: [backworks_runtime::http::RouteSpec; 2] = [
    route("GET", "/items/{id}", "get_item", sleepy, Access::Public),
    route(
        "GET",
        "/reports/{id}",
        "get_report",
        sleepy,
        Access::Required { roles: &["editor"] },
    ),
];

const fn service(dashboard: &'static DashboardSpec) -> ServiceSpec {
    ServiceSpec {
        name: "apart",
        version: "1.0.0",
        default_port: 0,
        default_host: "127.0.0.1",
        body_limit: 64 * 1024,
        global_headers: &[],
        routes: &ROUTES,
        openapi: None,
        data: None,
        auth: Some(&HS256_AUTH),
        transport: None,
        dashboard: Some(dashboard),
    }
}

static APART: ServiceSpec = service(&OWN_PORT);
static TOGETHER: ServiceSpec = service(&BESIDE);

/// The service's port and the dashboard's (when the spec has one).
struct Ports {
    service: MonitorServer,
    dashboard: Option<MonitorServer>,
}

fn start(spec: &'static ServiceSpec) -> Ports {
    let authenticator = Authenticator::with_lookup(&HS256_AUTH, &|name| {
        (name == "JWT_SECRET").then(|| SECRET.to_owned())
    })
    .unwrap();
    let (service, dashboard) = routers_with(
        spec,
        Overrides {
            authenticator: Some(authenticator),
            dashboard_token: Some(TOKEN.to_owned()),
            ..Overrides::default()
        },
    );
    Ports {
        service: MonitorServer::serve(service),
        dashboard: dashboard.map(MonitorServer::serve),
    }
}

fn token(roles: &[&str]) -> String {
    format!(
        "Bearer {}",
        hs256(&claims("someone", json!({ "roles": roles })), SECRET)
    )
}

fn operator() -> String {
    format!("Bearer {TOKEN}")
}

fn get(url: &str, authorization: Option<&str>) -> http_support::Reply {
    let headers: Vec<(&str, &str)> = authorization
        .iter()
        .map(|value| ("authorization", *value))
        .collect();
    request("GET", url, &headers, None)
}

#[test]
fn a_forwarded_request_obeys_auth_as_a_direct_one_and_is_counted_once() {
    let ports = start(&APART);
    let dashboard = ports
        .dashboard
        .as_ref()
        .expect("a router for dashboard.port");
    let member = token(&["member"]);
    let editor = token(&["editor"]);
    for (who, authorization, status, error) in [
        ("nobody", None, 401, Some("unauthorized")),
        ("a member", Some(member.as_str()), 403, Some("forbidden")),
        ("an editor", Some(editor.as_str()), 200, None),
    ] {
        let direct = get(&ports.service.url("/reports/7?ms=1"), authorization);
        let forwarded = get(
            &dashboard.url("/_backworks/api/reports/7?ms=1"),
            authorization,
        );
        assert_eq!(direct.status, status, "{who}, directly: {}", direct.text());
        assert_eq!(
            forwarded.status,
            status,
            "{who}, forwarded: {}",
            forwarded.text()
        );
        assert_eq!(forwarded.text(), direct.text(), "{who}: the same answer");
        if let Some(error) = error {
            assert_eq!(forwarded.json()["error"], error, "{who}");
        }
        assert_eq!(
            forwarded.header("www-authenticate"),
            direct.header("www-authenticate"),
            "{who}"
        );
    }
    // Public routes answer through the prefix too, query and all.
    let item = get(&dashboard.url("/_backworks/api/items/3?ms=2"), None);
    assert_eq!(item.status, 200, "{}", item.text());
    assert_eq!(item.text(), "ok");

    // Each request is counted once, under its route: 3 direct + 3 forwarded.
    let page = get(&dashboard.url("/_backworks/metrics"), Some(&operator()));
    assert_eq!(page.status, 200, "{}", page.text());
    let page = page.text();
    let count = |class: &str| {
        sample(
            &page,
            &format!(
                "backworks_http_requests_total{{route=\"/reports/{{id}}\",method=\"GET\",status=\"{class}\"}}"
            ),
        )
    };
    assert_eq!(count("2xx"), Some(2.0), "{page}");
    assert_eq!(count("4xx"), Some(4.0), "{page}");
    assert_eq!(
        sample(
            &page,
            "backworks_http_requests_total{route=\"/items/{id}\",method=\"GET\",status=\"2xx\"}"
        ),
        Some(1.0),
        "{page}"
    );
    // Nothing of the prefix itself is counted (the dashboard's port counts nothing).
    assert!(!page.contains("/_backworks/api"), "{page}");

    // The recent requests hold the forwarded call by its own path, under one request id: the
    // one its answer carries.
    let sent = request(
        "GET",
        &dashboard.url("/_backworks/api/items/42"),
        &[("x-request-id", "forwarded-once")],
        None,
    );
    assert_eq!(sent.header("x-request-id"), Some("forwarded-once"));
    let unnamed = get(&dashboard.url("/_backworks/api/items/43"), None);
    let id = unnamed.header("x-request-id").expect("an id").to_owned();
    let recent = get(
        &dashboard.url("/_backworks/monitor/requests?path=/items/4"),
        Some(&operator()),
    )
    .json();
    let entries = recent["requests"].as_array().expect("requests");
    let paths: Vec<(&str, &str)> = entries
        .iter()
        .map(|entry| {
            (
                entry["path"].as_str().unwrap(),
                entry["request_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        paths,
        [("/items/43", id.as_str()), ("/items/42", "forwarded-once")],
        "{recent:#}"
    );
}

#[test]
fn the_prefix_reaches_nothing_the_service_port_does_not_serve() {
    let ports = start(&APART);
    let dashboard = ports
        .dashboard
        .as_ref()
        .expect("a router for dashboard.port");
    for path in [
        "/_backworks/metrics",
        "/_backworks/monitor/summary",
        "/_backworks/service.json",
        "/_backworks/workflows",
        "/_backworks/api/items/1",
        "/nowhere",
    ] {
        let direct = get(&ports.service.url(path), Some(&operator()));
        let forwarded = get(
            &dashboard.url(&format!("/_backworks/api{path}")),
            Some(&operator()),
        );
        assert_eq!(direct.status, 404, "{path} on the service's port");
        assert_eq!(forwarded.status, 404, "{path} through the prefix");
    }
    // The prefix exists only on the dashboard's own port.
    let together = start(&TOGETHER);
    assert!(together.dashboard.is_none());
    assert_eq!(
        get(&together.service.url("/_backworks/api/items/1"), None).status,
        404
    );
}

#[test]
fn the_page_is_told_where_the_api_is() {
    let meta = |base: &str| format!("<meta name=\"backworks-api\" content=\"{base}\">");
    let apart = start(&APART);
    let page = get(
        &apart
            .dashboard
            .as_ref()
            .expect("a dashboard port")
            .url("/_backworks/"),
        None,
    );
    assert_eq!(page.status, 200);
    assert!(page.text().contains(&meta("api/")), "{}", page.text());
    assert!(!page.text().contains(&meta("../")));
    let together = start(&TOGETHER);
    let page = get(&together.service.url("/_backworks/"), None);
    assert_eq!(page.status, 200);
    assert!(page.text().contains(&meta("../")), "{}", page.text());
}

/// The upgrade request a browser sends, raw (a refusal is an HTTP answer, not a socket).
fn upgrade_status(server: &MonitorServer, path: &str) -> u16 {
    let raw = format!(
        "GET {path} HTTP/1.1\r\nhost: localhost\r\nconnection: Upgrade\r\nupgrade: websocket\r\n\
         sec-websocket-version: 13\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
    );
    http_support::raw(server.addr, raw.as_bytes()).status
}

#[test]
fn the_live_socket_through_the_prefix_streams_the_services_requests() {
    let ports = start(&APART);
    let dashboard = ports
        .dashboard
        .as_ref()
        .expect("a router for dashboard.port");
    let mut client = Client::connect(
        &format!("ws://{}/_backworks/api/_backworks/ws", dashboard.addr),
        &[],
    );
    client.send(json!({ "type": "auth", "token": TOKEN }));
    assert_eq!(client.recv(), json!({ "type": "auth", "dashboard": true }));
    client.send(json!({ "type": "subscribe", "sub": "log", "stream": "requests" }));
    let subscribed: Value = client.recv();
    assert_eq!(subscribed["type"], "subscribed", "{subscribed}");
    // Requests to either port's API arrive, each once.
    assert_eq!(get(&ports.service.url("/items/5"), None).status, 200);
    assert_eq!(
        get(&dashboard.url("/_backworks/api/items/6"), None).status,
        200
    );
    for expected in ["/items/5", "/items/6"] {
        let message = client.recv();
        assert_eq!(message["type"], "request", "{message}");
        assert_eq!(message["entry"]["path"], expected, "{message}");
        assert_eq!(message["entry"]["route"], "/items/{id}");
    }
    client.expect_silence(std::time::Duration::from_millis(300));

    // A member signed in through the socket is refused the stream, as on the service's port.
    let mut member = Client::connect(
        &format!("ws://{}/_backworks/api/_backworks/ws", dashboard.addr),
        &[("authorization", &token(&["member"]))],
    );
    let greeted = member.recv();
    assert_eq!(
        greeted["type"], "auth",
        "the upgrade's credentials: {greeted}"
    );
    member.send(json!({ "type": "subscribe", "sub": "log", "stream": "requests" }));
    let refused = member.recv();
    assert_eq!(refused["type"], "error", "{refused}");
    assert_eq!(refused["status"], 403, "{refused}");

    // The service's own port has no stream (the monitor is not there): a service without
    // data has no socket at all.
    assert_eq!(upgrade_status(&ports.service, "/_backworks/ws"), 404);
    assert_eq!(
        request("GET", &ports.service.url("/_backworks/ws"), &[], None).status,
        404,
        "a plain GET too, as if the route were not there"
    );
    assert_eq!(
        upgrade_status(dashboard, "/_backworks/api/_backworks/ws"),
        101
    );
}
