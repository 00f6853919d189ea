//! The dashboard's routes with a hand-written `DashboardApp`: the shell and assets are public
//! and served with their type, ETag and a self-only content security policy (the API's default
//! `frame-ancestors 'none'` policy is replaced, not merged); `service.json` follows the
//! monitor's access rule; the recent requests never list the dashboard's own traffic; and
//! `dashboard.enabled: false` serves none of it even when the spec names pages.

mod http_support;
mod monitor_support;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use backworks_runtime::auth::Access;
use backworks_runtime::dashboard::DashboardApp;
use backworks_runtime::http::{Overrides, ServiceSpec, router_with};
use backworks_runtime::monitor::DashboardSpec;
use http_support::{get, request};
use monitor_support::{MonitorServer, route, status};

static APP: DashboardApp = DashboardApp {
    files: &[
        (
            "index.html",
            "<!doctype html><title>t</title><script type=\"module\" src=\"assets/app.js\"></script>",
        ),
        ("assets/app.js", "// the app\nexport {};\n"),
        ("assets/style.css", "body { margin: 0 }\n"),
    ],
    service: "{\"name\":\"pages\",\"handlers\":[{\"source\":\"code\"}]}\n",
};

static ROUTES: [backworks_runtime::http::RouteSpec; 1] =
    [route("POST", "/login", "login", status, Access::Public)];

const fn spec(name: &'static str, dashboard: &'static DashboardSpec) -> ServiceSpec {
    ServiceSpec {
        name,
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
        dashboard: Some(dashboard),
    }
}

static PAGES: ServiceSpec = spec(
    "pages",
    &DashboardSpec {
        enabled: true,
        port: None,
        auth_variable: None,
        app: Some(&APP),
    },
);

static TOKENED: ServiceSpec = spec(
    "tokened",
    &DashboardSpec {
        enabled: true,
        port: None,
        auth_variable: Some("DASHBOARD_TOKEN"),
        app: Some(&APP),
    },
);

static DISABLED: ServiceSpec = spec(
    "disabled",
    &DashboardSpec {
        enabled: false,
        port: None,
        auth_variable: None,
        app: Some(&APP),
    },
);

const TOKEN: &str = "a-dashboard-token-of-some-length";

#[test]
fn the_shell_and_assets_are_served_as_pages() {
    let server = MonitorServer::start(&PAGES, Overrides::default());
    let index = get(&server.url("/_backworks/"));
    assert_eq!(index.status, 200);
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(index.text().contains("assets/app.js"));
    let policy = index.header("content-security-policy").unwrap();
    assert!(
        policy.starts_with("default-src 'self'; script-src 'self'; style-src 'self'"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"));
    assert_eq!(
        index.header("x-content-type-options"),
        Some("nosniff"),
        "the other defaults stay"
    );
    let script = get(&server.url("/_backworks/assets/app.js"));
    assert_eq!(script.status, 200);
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(script.text(), "// the app\nexport {};\n");
    let etag = script.header("etag").unwrap().to_owned();
    let again = request(
        "GET",
        &server.url("/_backworks/assets/app.js"),
        &[("if-none-match", &etag)],
        None,
    );
    assert_eq!(again.status, 304);
    let css = get(&server.url("/_backworks/assets/style.css"));
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_ne!(
        css.header("etag"),
        Some(etag.as_str()),
        "each file its own tag"
    );
    // Only the files the app names; the description is not an asset, the shell not either.
    for path in [
        "/_backworks/assets/nope.js",
        "/_backworks/assets/index.html",
        "/_backworks/assets/../service.json",
    ] {
        assert_eq!(get(&server.url(path)).status, 404, "{path}");
    }
    // The API keeps its own policy.
    let api = request("POST", &server.url("/login"), &[], None);
    assert_eq!(
        api.header("content-security-policy"),
        Some("frame-ancestors 'none'")
    );
}

#[test]
fn the_description_follows_the_monitors_rule() {
    // No auth, no token: loopback only.
    let server = MonitorServer::start(&PAGES, Overrides::default());
    let description = get(&server.url("/_backworks/service.json"));
    assert_eq!(description.status, 200);
    assert_eq!(description.json()["name"], "pages");
    assert_eq!(
        description.header("cache-control"),
        Some("private, no-cache")
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let from_elsewhere = |path: &str| {
        let app = router_with(&PAGES, Overrides::default());
        let mut req = axum::http::Request::get(path).body(Body::empty()).unwrap();
        let peer: SocketAddr = "10.1.2.3:40000".parse().unwrap();
        req.extensions_mut().insert(ConnectInfo(peer));
        runtime
            .block_on(tower::ServiceExt::oneshot(app, req))
            .unwrap()
            .status()
    };
    assert_eq!(from_elsewhere("/_backworks/service.json"), 403);
    assert_eq!(from_elsewhere("/_backworks/"), 200, "the shell is public");
    assert_eq!(from_elsewhere("/_backworks/assets/app.js"), 200);

    // A token: only the token.
    let server = MonitorServer::start(
        &TOKENED,
        Overrides {
            dashboard_token: Some(TOKEN.to_owned()),
            ..Overrides::default()
        },
    );
    let url = server.url("/_backworks/service.json");
    assert_eq!(get(&url).status, 401);
    let bearer = format!("Bearer {TOKEN}");
    assert_eq!(
        request("GET", &url, &[("authorization", &bearer)], None).status,
        200
    );
    assert_eq!(get(&server.url("/_backworks/")).status, 200);
}

#[test]
fn the_dashboards_own_requests_stay_out_of_the_log() {
    let server = MonitorServer::start(&PAGES, Overrides::default());
    for path in [
        "/_backworks/",
        "/_backworks/assets/app.js",
        "/_backworks/service.json",
    ] {
        assert_eq!(get(&server.url(path)).status, 200);
    }
    assert_eq!(
        request("POST", &server.url("/login"), &[], None).status,
        200
    );
    let page = get(&server.url("/_backworks/monitor/requests")).json();
    let paths: Vec<&str> = page["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/login"]);
}

#[test]
fn a_disabled_dashboard_serves_no_pages() {
    let server = MonitorServer::start(&DISABLED, Overrides::default());
    for path in [
        "/_backworks",
        "/_backworks/",
        "/_backworks/assets/app.js",
        "/_backworks/service.json",
    ] {
        assert_eq!(get(&server.url(path)).status, 404, "{path}");
    }
}
