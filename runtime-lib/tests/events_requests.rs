//! The dashboard's request stream on `/_backworks/ws` (`{"type":"subscribe","sub":"log",
//! "stream":"requests"}`), over loopback: an admitted subscriber receives each request made
//! after it subscribed, as the same JSON `/_backworks/monitor/requests` serves (secrets
//! redacted); it is admitted exactly as the monitor's routes admit a request (the dashboard
//! token, the `admin` role with `auth:`, else loopback peers only); a service without data
//! serves it; no dashboard means no stream; a subscriber that falls behind is told `reset`.

mod auth_support;
mod events_support;
mod http_support;
mod monitor_support;
mod storage_support;

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::time::Duration;

use auth_support::{HS256_AUTH, SECRET, claims, hs256};
use axum::extract::ConnectInfo;
use backworks_runtime::auth::{Access, Authenticator};
use backworks_runtime::http::{Overrides, ServiceSpec, router_with};
use events_support::Client;
use http_support::request;
use monitor_support::{MonitorServer, NO_DASHBOARD, TOKEN_DASHBOARD, route, sleepy};
use serde_json::{Value, json};

const TOKEN: &str = "a-dashboard-token-of-some-length";

static ROUTES: [backworks_runtime::http::RouteSpec; 1] = [route(
    "GET",
    "/items/{id}",
    "get_item",
    sleepy,
    Access::Public,
)];

/// A service like hello-world: routes, no data, the dashboard as the blueprint leaves it.
const fn open() -> ServiceSpec {
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

static OPEN: ServiceSpec = open();

static TOKENED: ServiceSpec = ServiceSpec {
    name: "tokened",
    dashboard: Some(&TOKEN_DASHBOARD),
    ..open()
};

static DISABLED: ServiceSpec = ServiceSpec {
    name: "disabled",
    dashboard: Some(&NO_DASHBOARD),
    ..open()
};

static WITH_AUTH: ServiceSpec = ServiceSpec {
    name: "with-auth",
    auth: Some(&HS256_AUTH),
    dashboard: Some(&TOKEN_DASHBOARD),
    ..open()
};

const LOG: fn() -> Value = || json!({ "type": "subscribe", "sub": "log", "stream": "requests" });

fn with_token() -> Overrides {
    Overrides {
        dashboard_token: Some(TOKEN.to_owned()),
        ..Overrides::default()
    }
}

fn with_auth() -> MonitorServer {
    let authenticator = Authenticator::with_lookup(&HS256_AUTH, &|name| {
        (name == "JWT_SECRET").then(|| SECRET.to_owned())
    })
    .unwrap();
    MonitorServer::start(
        &WITH_AUTH,
        Overrides {
            authenticator: Some(authenticator),
            ..with_token()
        },
    )
}

fn ws(server: &MonitorServer) -> String {
    format!("ws://{}/_backworks/ws", server.addr)
}

/// Subscribes `client` to the stream and returns the reply (`subscribed` or `error`).
fn subscribe_log(client: &mut Client) -> Value {
    client.send(LOG());
    client.recv()
}

/// The next `request` message's entry, skipping nothing else silently.
fn next_entry(client: &mut Client) -> Value {
    let message = client.recv();
    assert_eq!(message["type"], "request", "{message}");
    assert_eq!(message["sub"], "log", "{message}");
    message["entry"].clone()
}

#[test]
fn an_admin_receives_each_later_request_as_the_monitor_lists_it_with_secrets_redacted() {
    let server = with_auth();
    let admin = hs256(&claims("ann", json!({ "roles": ["admin"] })), SECRET);
    let before = request("GET", &server.url("/items/1"), &[], None);
    assert_eq!(before.status, 200);

    let mut client = Client::connect(&ws(&server), &[]);
    client.auth(&admin);
    let subscribed = subscribe_log(&mut client);
    assert_eq!(subscribed["type"], "subscribed", "{subscribed}");
    assert!(subscribed["seq"].as_i64().unwrap() >= 1, "{subscribed}");

    let caller = format!("Bearer {admin}");
    let reply = request(
        "GET",
        &server.url("/items/2?ms=1"),
        &[
            ("authorization", &caller),
            ("cookie", "session=a-cookie-secret"),
            ("x-trace", "visible"),
        ],
        None,
    );
    assert_eq!(reply.status, 200);
    let entry = next_entry(&mut client);
    // Only what came after the subscription: /items/1 was before it.
    assert_eq!(entry["path"], "/items/2", "{entry}");
    assert_eq!(entry["method"], "GET");
    assert_eq!(entry["status"], 200);
    assert_eq!(entry["route"], "/items/{id}");
    assert_eq!(entry["endpoint"], "get_item");
    assert_eq!(entry["headers"]["authorization"], "[redacted]", "{entry}");
    assert_eq!(entry["headers"]["cookie"], "[redacted]", "{entry}");
    assert_eq!(entry["headers"]["x-trace"], "visible");
    let text = entry.to_string();
    assert!(
        !text.contains(&admin) && !text.contains("a-cookie-secret"),
        "{text}"
    );

    // The same JSON as the entry /_backworks/monitor/requests lists.
    let page = request(
        "GET",
        &server.url("/_backworks/monitor/requests?limit=1000"),
        &[("authorization", &format!("Bearer {TOKEN}"))],
        None,
    )
    .json();
    let listed = page["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|listed| listed["seq"] == entry["seq"])
        .cloned()
        .expect("the streamed entry is listed");
    assert_eq!(listed, entry);
    // Neither the socket's upgrade nor the monitor's reading is in the log.
    for listed in page["requests"].as_array().unwrap() {
        let path = listed["path"].as_str().unwrap();
        assert!(path.starts_with("/items/"), "{path} recorded");
    }
    client.expect_silence(Duration::from_millis(300));

    // A second connection with the dashboard token, sent as the dashboard sends it.
    let mut dashboard = Client::connect(&ws(&server), &[]);
    dashboard.send(json!({ "type": "auth", "token": TOKEN }));
    assert_eq!(
        dashboard.recv(),
        json!({ "type": "auth", "dashboard": true })
    );
    assert_eq!(subscribe_log(&mut dashboard)["type"], "subscribed");
    request("GET", &server.url("/items/3"), &[], None);
    assert_eq!(next_entry(&mut dashboard)["path"], "/items/3");
    assert_eq!(next_entry(&mut client)["path"], "/items/3");

    // Unsubscribing stops it.
    dashboard.send(json!({ "type": "unsubscribe", "sub": "log" }));
    dashboard.send(json!({ "type": "ping" }));
    assert_eq!(dashboard.recv()["type"], "pong");
    request("GET", &server.url("/items/4"), &[], None);
    assert_eq!(next_entry(&mut client)["path"], "/items/4");
    dashboard.expect_silence(Duration::from_millis(300));
}

#[test]
fn with_auth_the_stream_is_refused_as_the_monitor_routes_refuse() {
    let server = with_auth();
    // Anonymous (even over loopback): 401.
    let mut anonymous = Client::connect(&ws(&server), &[]);
    let refused = subscribe_log(&mut anonymous);
    assert_eq!(refused["type"], "error", "{refused}");
    assert_eq!(refused["sub"], "log");
    assert_eq!(refused["status"], 401);
    // The connection carries on, and hears nothing of the traffic.
    request("GET", &server.url("/items/5"), &[], None);
    anonymous.expect_silence(Duration::from_millis(300));

    // Signed in without the admin role: 403.
    let editor = hs256(&claims("bob", json!({ "roles": ["editor"] })), SECRET);
    let mut not_admin = Client::connect(&ws(&server), &[]);
    not_admin.auth(&editor);
    let refused = subscribe_log(&mut not_admin);
    assert_eq!(refused["status"], 403, "{refused}");

    // The same with the credentials on the upgrade.
    let bearer = format!("Bearer {editor}");
    let mut upgrade = Client::connect(&ws(&server), &[("authorization", &bearer)]);
    assert_eq!(upgrade.recv()["type"], "auth");
    assert_eq!(subscribe_log(&mut upgrade)["status"], 403);

    // A forged admin token: refused outright, the connection closed.
    let forged = hs256(
        &claims("eve", json!({ "roles": ["admin"] })),
        "another-secret-32-bytes-long!!!!",
    );
    let mut forger = Client::connect(&ws(&server), &[]);
    forger.send(json!({ "type": "auth", "token": forged }));
    assert_eq!(forger.recv()["status"], 401);
    assert_eq!(forger.recv(), json!({ "closed": 1008 }));

    // An admin on the upgrade is admitted.
    let admin = hs256(&claims("ann", json!({ "roles": ["admin"] })), SECRET);
    let bearer = format!("Bearer {admin}");
    let mut admitted = Client::connect(&ws(&server), &[("authorization", &bearer)]);
    assert_eq!(admitted.recv()["type"], "auth");
    assert_eq!(subscribe_log(&mut admitted)["type"], "subscribed");
}

#[test]
fn with_a_dashboard_token_only_the_token_opens_the_stream() {
    let server = MonitorServer::start(&TOKENED, with_token());
    let mut anonymous = Client::connect(&ws(&server), &[]);
    let refused = subscribe_log(&mut anonymous);
    assert_eq!(refused["status"], 401, "loopback is not enough: {refused}");

    let mut wrong = Client::connect(&ws(&server), &[]);
    wrong.send(json!({ "type": "auth", "token": &TOKEN[1..] }));
    assert_eq!(wrong.recv()["status"], 401);
    assert_eq!(wrong.recv(), json!({ "closed": 1008 }));

    let bearer = format!("Bearer {TOKEN}");
    let mut upgrade = Client::connect(&ws(&server), &[("authorization", &bearer)]);
    assert_eq!(upgrade.recv(), json!({ "type": "auth", "dashboard": true }));
    assert_eq!(subscribe_log(&mut upgrade)["type"], "subscribed");
    request("GET", &server.url("/items/6"), &[], None);
    assert_eq!(next_entry(&mut upgrade)["path"], "/items/6");
}

#[test]
fn without_auth_or_a_token_only_loopback_peers_may_follow_a_service_without_data() {
    // A hello-world-like service (no resources): the socket is there for the stream.
    let server = MonitorServer::start(&OPEN, Overrides::default());
    let mut local = Client::connect(&ws(&server), &[]);
    assert_eq!(subscribe_log(&mut local)["type"], "subscribed");
    request("GET", &server.url("/items/7"), &[], None);
    assert_eq!(next_entry(&mut local)["path"], "/items/7");
    // Data and event subscriptions: nothing to subscribe to.
    for message in [
        json!({ "type": "subscribe", "sub": "n", "resource": "notes" }),
        json!({ "type": "subscribe", "sub": "e", "event": "chat" }),
        json!({ "type": "subscribe", "sub": "s", "stream": "metrics" }),
    ] {
        local.send(message.clone());
        let refused = local.recv();
        assert_eq!(refused["type"], "error", "{message}: {refused}");
        assert_eq!(refused["status"], 404, "{message}: {refused}");
    }
    local.send(json!({ "type": "subscribe", "sub": "x", "stream": "requests", "filter": "a=b" }));
    assert_eq!(local.recv()["status"], 400);

    // The same router, as the accept loop hands it a connection from 10.1.2.3: refused.
    let remote = MonitorServer::serve(router_with(&OPEN, Overrides::default()).layer(
        axum::middleware::map_request(|mut req: axum::extract::Request| async move {
            let peer: SocketAddr = "10.1.2.3:40000".parse().unwrap();
            req.extensions_mut().insert(ConnectInfo(peer));
            req
        }),
    ));
    let mut stranger = Client::connect(&ws(&remote), &[]);
    let refused = subscribe_log(&mut stranger);
    assert_eq!(refused["status"], 403, "{refused}");
    assert_eq!(refused["error"], "forbidden");
    request("GET", &remote.url("/items/8"), &[], None);
    stranger.expect_silence(Duration::from_millis(300));
}

#[test]
fn without_the_dashboard_there_is_no_stream() {
    // No data and no dashboard: no socket at all.
    let server = MonitorServer::start(&DISABLED, Overrides::default());
    let reply = request(
        "GET",
        &server.url("/_backworks/ws"),
        &[
            ("connection", "upgrade"),
            ("upgrade", "websocket"),
            ("sec-websocket-version", "13"),
            ("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ],
        None,
    );
    assert_eq!(reply.status, 404);

    // With data the socket stays, and the stream answers 404.
    let db = events_support::database(storage_support::Backend::Sqlite);
    let data = events_support::Server::start_with(&db.url, |spec| ServiceSpec {
        dashboard: DISABLED.dashboard,
        ..spec
    });
    let mut client = data.connect();
    client.auth(&events_support::token("mo", &["member", "admin"]));
    let refused = subscribe_log(&mut client);
    assert_eq!(refused["type"], "error", "{refused}");
    assert_eq!(refused["status"], 404, "{refused}");
    // Its data subscriptions still work.
    client.subscribe(json!({ "sub": "t", "resource": "tasks" }));
}

#[test]
fn a_data_service_streams_requests_beside_its_changes_on_one_connection() {
    let db = events_support::database(storage_support::Backend::Sqlite);
    let server = events_support::Server::start(&db.url);
    let admin = events_support::token("ada", &["member", "admin"]);
    let member = events_support::token("max", &["member"]);

    let mut client = server.connect();
    client.auth(&admin);
    client.subscribe(json!({ "sub": "t", "resource": "tasks" }));
    assert_eq!(subscribe_log(&mut client)["type"], "subscribed");
    // Names are one namespace: the stream cannot take a data subscription's, nor the reverse.
    client.send(json!({ "type": "subscribe", "sub": "t", "stream": "requests" }));
    assert_eq!(client.recv()["status"], 400);
    client.send(json!({ "type": "subscribe", "sub": "log", "resource": "tasks" }));
    assert_eq!(client.recv()["status"], 400);

    let created = server.create(&member, "tasks", json!({ "title": "streamed" }));
    let mut change = None;
    let mut entry = None;
    while change.is_none() || entry.is_none() {
        let message = client.recv();
        match message["type"].as_str() {
            Some("change") => change = Some(message),
            Some("request") => entry = Some(message["entry"].clone()),
            _ => panic!("unexpected {message}"),
        }
    }
    assert_eq!(change.unwrap()["id"], created["id"]);
    let entry = entry.unwrap();
    assert_eq!(entry["method"], "POST");
    assert_eq!(entry["path"], "/tasks");
    assert_eq!(entry["status"], 201);
    assert_eq!(entry["headers"]["authorization"], "[redacted]", "{entry}");
    // A generated route's entry has its caller and body, as a handler endpoint's has.
    assert_eq!(entry["user"], "max", "{entry}");
    assert_eq!(entry["body"]["kind"], "json", "{entry}");
    assert_eq!(
        entry["body"]["preview"], r#"{"title":"streamed"}"#,
        "{entry}"
    );

    // A member is not an admin: the stream is refused, its data subscription is not.
    let mut other = server.connect();
    other.auth(&member);
    assert_eq!(subscribe_log(&mut other)["status"], 403);
    other.subscribe(json!({ "sub": "t", "resource": "tasks" }));
}

#[test]
fn a_subscriber_that_falls_behind_is_told_to_reset() {
    let server = MonitorServer::start(&OPEN, Overrides::default());
    let mut slow = Client::connect(&ws(&server), &[]);
    assert_eq!(subscribe_log(&mut slow)["type"], "subscribed");
    // Many requests with large (kept) headers while the subscriber reads nothing: the
    // socket's buffers fill, its task stops reading the monitor's channel (256 entries), and
    // the channel drops the oldest for it.
    let wide = "w".repeat(250);
    let mut head = String::from("GET /items/9 HTTP/1.1\r\nhost: x\r\n");
    for index in 0..30 {
        head.push_str(&format!("x-wide-{index}: {wide}\r\n"));
    }
    head.push_str("\r\n");
    let count = 3_000;
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    let mut reader = stream.try_clone().unwrap();
    let drain = std::thread::spawn(move || {
        // Counts the answers, so the writer below never waits on an unread response.
        let mut seen = 0usize;
        let mut buffer = vec![0u8; 64 * 1024];
        let mut tail = Vec::new();
        while seen < count {
            let read = reader.read(&mut buffer).unwrap();
            assert!(read > 0, "the server closed after {seen} answers");
            tail.extend_from_slice(&buffer[..read]);
            let text = String::from_utf8_lossy(&tail);
            seen += text.matches("HTTP/1.1 200").count();
            let keep = tail.len().saturating_sub(16);
            tail.drain(..keep);
        }
    });
    for _ in 0..count {
        stream.write_all(head.as_bytes()).unwrap();
    }
    drain.join().unwrap();

    let mut requests = 0;
    let mut reset = false;
    while let Some(message) = slow.recv_within(Duration::from_secs(2)) {
        match message["type"].as_str() {
            Some("request") => requests += 1,
            Some("reset") => {
                assert_eq!(message, json!({ "type": "reset", "sub": "log" }));
                reset = true;
                break;
            }
            _ => panic!("unexpected {message}"),
        }
    }
    assert!(reset, "no reset after {requests} of {count} entries");
    assert!(requests < count);
    // It carries on live after the reset.
    while slow.recv_within(Duration::from_millis(300)).is_some() {}
    request("GET", &server.url("/items/10"), &[], None);
    assert_eq!(next_entry(&mut slow)["path"], "/items/10");
}
