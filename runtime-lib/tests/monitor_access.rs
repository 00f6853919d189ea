//! Who may read the monitor and the metrics, and what they never show: the dashboard token,
//! the `admin` role of a service with `auth:`, loopback-only without either, nothing of the
//! monitor when `dashboard.enabled: false`, and secrets (credentials in headers, password-like
//! body fields) redacted from everything the monitor serves.

mod auth_support;
mod http_support;
mod monitor_support;

use std::net::SocketAddr;

use auth_support::{HS256_AUTH, SECRET, claims, hs256};
use axum::body::Body;
use axum::extract::ConnectInfo;
use backworks_runtime::auth::{Access, Authenticator};
use backworks_runtime::http::{Overrides, ServiceSpec, router_with};
use http_support::{get, request};
use monitor_support::{MonitorServer, NO_DASHBOARD, TOKEN_DASHBOARD, route, sleepy, status};
use serde_json::json;

const MONITOR_ROUTES: [&str; 3] = [
    "/_backworks/monitor/summary",
    "/_backworks/monitor/requests",
    "/_backworks/metrics",
];

const TOKEN: &str = "a-dashboard-token-of-some-length";

static OPEN: ServiceSpec = copy_of_open();

static TOKENED: ServiceSpec = ServiceSpec {
    name: "tokened",
    dashboard: Some(&TOKEN_DASHBOARD),
    ..copy_of_open()
};

static DISABLED: ServiceSpec = ServiceSpec {
    name: "disabled",
    dashboard: Some(&NO_DASHBOARD),
    ..copy_of_open()
};

static WITH_AUTH: ServiceSpec = ServiceSpec {
    name: "with-auth",
    auth: Some(&HS256_AUTH),
    dashboard: Some(&TOKEN_DASHBOARD),
    ..copy_of_open()
};

/// `OPEN`'s fields, for the specs above to vary (statics cannot name another static's value).
const fn copy_of_open() -> ServiceSpec {
    ServiceSpec {
        name: "open",
        version: "1.0.0",
        default_port: 0,
        default_host: "127.0.0.1",
        body_limit: 64 * 1024,
        global_headers: &[],
        routes: &ROUTES,
        openapi: None,
        data: None,
        auth: None,
        transport: None,
        dashboard: None,
    }
}

static ROUTES: [backworks_runtime::http::RouteSpec; 2] = [
    route("GET", "/items/{id}", "get_item", sleepy, Access::Public),
    route("POST", "/login", "login", status, Access::Public),
];

fn with_token() -> Overrides {
    Overrides {
        dashboard_token: Some(TOKEN.to_owned()),
        ..Overrides::default()
    }
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

fn get_as(server: &MonitorServer, path: &str, authorization: Option<&str>) -> u16 {
    let headers: Vec<(&str, &str)> = authorization
        .iter()
        .map(|value| ("authorization", *value))
        .collect();
    request("GET", &server.url(path), &headers, None).status
}

#[test]
fn without_auth_or_a_token_only_local_clients_may_read() {
    // Over loopback: open.
    let server = MonitorServer::start(&OPEN, Overrides::default());
    for path in MONITOR_ROUTES {
        assert_eq!(get(&server.url(path)).status, 200, "{path}");
    }
    // From another address (the router as the accept loop hands it a request from 10.1.2.3):
    // refused, and nothing of the monitor in the answer.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for path in MONITOR_ROUTES {
        let app = router_with(&OPEN, Overrides::default());
        let mut req = axum::http::Request::get(path).body(Body::empty()).unwrap();
        let peer: SocketAddr = "10.1.2.3:40000".parse().unwrap();
        req.extensions_mut().insert(ConnectInfo(peer));
        let response = runtime
            .block_on(tower::ServiceExt::oneshot(app, req))
            .unwrap();
        assert_eq!(response.status(), 403, "{path}");
        let body = runtime
            .block_on(axum::body::to_bytes(response.into_body(), 1 << 16))
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"], "forbidden");
    }
}

#[test]
fn a_dashboard_token_is_required_when_the_blueprint_sets_one() {
    let server = MonitorServer::start(&TOKENED, with_token());
    for path in MONITOR_ROUTES {
        assert_eq!(
            get_as(&server, path, None),
            401,
            "{path}: loopback is not enough"
        );
        assert_eq!(
            get_as(&server, path, Some(&bearer("wrong-token-wrong-token"))),
            401
        );
        assert_eq!(get_as(&server, path, Some(&bearer(&TOKEN[1..]))), 401);
        assert_eq!(get_as(&server, path, Some(&format!("Basic {TOKEN}"))), 401);
        assert_eq!(get_as(&server, path, Some(&bearer(TOKEN))), 200, "{path}");
    }
    let refused = get(&server.url("/_backworks/monitor/summary"));
    assert_eq!(refused.header("www-authenticate"), Some("Bearer"));
    assert_eq!(refused.json()["error"], "unauthorized");
}

#[test]
fn with_auth_only_admins_or_the_token_may_read() {
    let authenticator = Authenticator::with_lookup(&HS256_AUTH, &|name| {
        (name == "JWT_SECRET").then(|| SECRET.to_owned())
    })
    .unwrap();
    let server = MonitorServer::start(
        &WITH_AUTH,
        Overrides {
            authenticator: Some(authenticator),
            ..with_token()
        },
    );
    let admin = hs256(&claims("ann", json!({ "roles": ["admin"] })), SECRET);
    let editor = hs256(&claims("bob", json!({ "roles": ["editor"] })), SECRET);
    let forged = hs256(
        &claims("eve", json!({ "roles": ["admin"] })),
        "another-secret-32-bytes-long!!!!",
    );
    for path in MONITOR_ROUTES {
        assert_eq!(get_as(&server, path, None), 401, "{path}: anonymous");
        assert_eq!(
            get_as(&server, path, Some(&bearer(&editor))),
            403,
            "{path}: not admin"
        );
        assert_eq!(
            get_as(&server, path, Some(&bearer(&forged))),
            401,
            "{path}: forged"
        );
        assert_eq!(
            get_as(&server, path, Some(&bearer(&admin))),
            200,
            "{path}: admin"
        );
        assert_eq!(
            get_as(&server, path, Some(&bearer(TOKEN))),
            200,
            "{path}: token"
        );
    }
}

#[test]
fn a_disabled_dashboard_has_no_monitor_routes_and_keeps_no_requests() {
    let server = MonitorServer::start(&DISABLED, Overrides::default());
    get(&server.url("/items/1"));
    for path in &MONITOR_ROUTES[..2] {
        let reply = get(&server.url(path));
        reply.assert_error(404, "not_found");
    }
    // The counters stay: Prometheus still scrapes them.
    let page = get(&server.url("/_backworks/metrics"));
    assert_eq!(page.status, 200);
    assert!(page.text().contains(
        r#"backworks_http_requests_total{route="/items/{id}",method="GET",status="2xx"} 1"#
    ));
    // And the 404s above are counted, as unmatched requests.
    assert!(page.text().contains(
        r#"backworks_http_requests_total{route="(unmatched)",method="GET",status="4xx"} 2"#
    ));
}

#[test]
fn credentials_never_reach_the_monitor_or_the_metrics() {
    let server = MonitorServer::start(&OPEN, Overrides::default());
    let secrets = [
        "jwt-secret-value",
        "cookie-secret-value",
        "apikey-secret-value",
        "proxy-secret-value",
        "body-password-value",
        "body-token-value",
        "form-secret-value",
        "csrf-secret-value",
    ];
    let reply = request(
        "POST",
        &server.url("/login?status=401"),
        &[
            ("authorization", "Bearer jwt-secret-value"),
            ("cookie", "session=cookie-secret-value"),
            ("x-api-key", "apikey-secret-value"),
            ("proxy-authorization", "Basic proxy-secret-value"),
            ("x-csrf-token", "csrf-secret-value"),
            ("content-type", "application/json"),
            ("x-trace", "visible-value"),
        ],
        Some(
            br#"{"user":"ann","password":"body-password-value","nested":{"refresh_token":"body-token-value"}}"#,
        ),
    );
    assert_eq!(reply.status, 401);
    let form = request(
        "POST",
        &server.url("/login"),
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(b"user=ann&client_secret=form-secret-value"),
    );
    assert_eq!(form.status, 200);

    let listed = get(&server.url("/_backworks/monitor/requests?path=/login")).text();
    let metrics = get(&server.url("/_backworks/metrics")).text();
    let summary = get(&server.url("/_backworks/monitor/summary")).text();
    for secret in secrets {
        for (what, page) in [
            ("requests", &listed),
            ("metrics", &metrics),
            ("summary", &summary),
        ] {
            assert!(
                !page.contains(secret),
                "{secret} leaked into {what}: {page}"
            );
        }
    }
    let entries: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let json_entry = &entries["requests"][1];
    let headers = &json_entry["headers"];
    for name in [
        "authorization",
        "cookie",
        "x-api-key",
        "proxy-authorization",
        "x-csrf-token",
    ] {
        assert_eq!(headers[name], "[redacted]", "{name}: {headers}");
    }
    assert_eq!(headers["x-trace"], "visible-value");
    assert_eq!(
        json_entry["body"]["preview"],
        r#"{"user":"ann","password":"[redacted]","nested":{"refresh_token":"[redacted]"}}"#
    );
    assert_eq!(
        entries["requests"][0]["body"]["preview"],
        "user=ann&client_secret=[redacted]"
    );
}
