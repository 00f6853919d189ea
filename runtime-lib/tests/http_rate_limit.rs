//! Rate limits over real HTTP on loopback: the limit holds under concurrent clients (on one
//! instance, and across two instances sharing one throw-away PostgreSQL cluster), a refusal is
//! a 429 with `Retry-After`, every response of a limited route carries the RateLimit headers
//! of draft-ietf-httpapi-ratelimit-headers-11, and a `by: ip` limit tells addresses apart.

mod auth_support;
mod http_support;
mod storage_support;
mod transport_support;

use backworks_runtime::auth::Access;
use backworks_runtime::http::{
    RateKey, RateLimitSpec, ResourceRateLimit, RouteRateLimit, RouteSpec, ServiceSpec,
    TransportSpec,
};
use http_support::{TestServer, echo};
use transport_support::{count, hammer, send_from};

const fn route(method: &'static str, path: &'static str, endpoint: &'static str) -> RouteSpec {
    RouteSpec {
        method,
        path,
        endpoint,
        timeout_ms: 5_000,
        handler: echo,
        operation: None,
        typed_params: &[],
        auth: Access::Public,
    }
}

const fn limit(policy: &'static str, requests: u32, per_s: u32) -> RateLimitSpec {
    RateLimitSpec {
        policy,
        requests,
        per_s,
        by: RateKey::Ip,
        shared: None,
    }
}

static ROUTES: [RouteSpec; 2] = [
    route("GET", "/report", "report"),
    route("GET", "/open", "open"),
];

const fn service(transport: &'static TransportSpec) -> ServiceSpec {
    ServiceSpec {
        name: "limited",
        version: "0.0.0",
        default_port: 0,
        default_host: "127.0.0.1",
        body_limit: 1024,
        global_headers: &[],
        routes: &ROUTES,
        openapi: None,
        data: None,
        auth: None,
        transport: Some(transport),
        dashboard: None,
    }
}

/// 60 an hour on `/report`: none comes back during a test.
static REPORT_LIMITED: ServiceSpec = service(&TransportSpec {
    route_limits: &[RouteRateLimit {
        method: "GET",
        path: "/report",
        limit: limit("report", 60, 3600),
    }],
    ..TransportSpec::DEFAULT
});

#[test]
fn a_route_limit_holds_under_concurrent_clients() {
    let server = TestServer::start(&REPORT_LIMITED);
    let statuses = hammer(&[server.addr], "/report", 8, 30);
    assert_eq!(statuses.len(), 240);
    let admitted = count(&statuses, 200);
    // GCRA gives one request back every 60 s: within the test, at most one more.
    assert!(
        (60..=61).contains(&admitted),
        "{admitted} of 240 admitted under a limit of 60"
    );
    assert_eq!(count(&statuses, 429), 240 - admitted, "the rest are 429s");
    // The route without a limit is not counted against it.
    let open = send_from("127.0.0.1", server.addr, "GET", "/open", &[]);
    assert_eq!(open.status, 200);
    assert_eq!(
        open.header("ratelimit"),
        None,
        "an unlimited route has no RateLimit"
    );
}

#[test]
fn a_refusal_is_a_429_with_retry_after_and_the_ratelimit_fields() {
    static THREE_A_MINUTE: ServiceSpec = service(&TransportSpec {
        route_limits: &[RouteRateLimit {
            method: "GET",
            path: "/report",
            limit: limit("report", 3, 60),
        }],
        ..TransportSpec::DEFAULT
    });
    let server = TestServer::start(&THREE_A_MINUTE);
    let first = send_from("127.0.0.1", server.addr, "GET", "/report", &[]);
    assert_eq!(first.status, 200);
    assert_eq!(
        first.header("ratelimit-policy"),
        Some(r#""report";q=3;w=60"#)
    );
    // Two left; one comes back every 20 s, so for 20 s no more than two.
    assert_eq!(first.header("ratelimit"), Some(r#""report";r=2;t=20"#));
    for _ in 0..2 {
        assert_eq!(
            send_from("127.0.0.1", server.addr, "GET", "/report", &[]).status,
            200
        );
    }
    let refused = send_from("127.0.0.1", server.addr, "GET", "/report", &[]);
    assert_eq!(refused.status, 429, "{refused:?}");
    assert_eq!(refused.header("content-type"), Some("application/json"));
    let body: serde_json::Value = serde_json::from_str(&refused.body).expect("a JSON body");
    assert_eq!(body["error"], "rate_limited");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("report"))
    );
    let retry_after: u64 = refused
        .header("retry-after")
        .and_then(|value| value.parse().ok())
        .expect("a Retry-After in seconds");
    assert!(
        (19..=20).contains(&retry_after),
        "retry after {retry_after}"
    );
    assert_eq!(
        refused.header("ratelimit"),
        Some(format!(r#""report";r=0;t={retry_after}"#).as_str()),
        "the effective window ends when Retry-After does"
    );
    assert!(refused.header("x-request-id").is_some(), "still enveloped");
}

#[test]
fn a_global_by_ip_limit_counts_every_route_per_address() {
    static GLOBAL: ServiceSpec = service(&TransportSpec {
        rate_limit: Some(limit("global", 5, 3600)),
        ..TransportSpec::DEFAULT
    });
    let server = TestServer::start(&GLOBAL);
    let paths = ["/report", "/open", "/nowhere", "/open", "/report"];
    for path in paths {
        let answer = send_from("127.0.0.1", server.addr, "GET", path, &[]);
        assert_ne!(answer.status, 429, "{path}");
        assert!(answer.header("ratelimit").is_some(), "{path}: {answer:?}");
    }
    let refused = send_from("127.0.0.1", server.addr, "GET", "/nowhere", &[]);
    assert_eq!(refused.status, 429, "a 404 path is limited too");
    // Another client address has its own quota.
    let other = send_from("127.0.0.2", server.addr, "GET", "/open", &[]);
    assert_eq!(other.status, 200);
    assert_eq!(other.header("ratelimit"), Some(r#""global";r=4;t=720"#));
    // Load balancers' health checks are never limited.
    let health = send_from("127.0.0.1", server.addr, "GET", "/_backworks/health", &[]);
    assert_eq!(health.status, 200);
}

#[test]
fn global_and_route_limits_both_apply_and_both_are_reported() {
    static BOTH: ServiceSpec = service(&TransportSpec {
        rate_limit: Some(limit("global", 100, 3600)),
        route_limits: &[RouteRateLimit {
            method: "GET",
            path: "/report",
            limit: limit("report", 2, 3600),
        }],
        ..TransportSpec::DEFAULT
    });
    let server = TestServer::start(&BOTH);
    let first = send_from("127.0.0.1", server.addr, "GET", "/report", &[]);
    assert_eq!(
        first.header("ratelimit-policy"),
        Some(r#""global";q=100;w=3600, "report";q=2;w=3600"#)
    );
    send_from("127.0.0.1", server.addr, "GET", "/report", &[]);
    let refused = send_from("127.0.0.1", server.addr, "GET", "/report", &[]);
    assert_eq!(refused.status, 429);
    assert!(
        refused
            .header("ratelimit")
            .is_some_and(|value| value.starts_with(r#""global";r=97;"#)),
        "{refused:?}"
    );
    assert_eq!(
        send_from("127.0.0.1", server.addr, "GET", "/open", &[]).status,
        200,
        "the global quota is not spent"
    );
}

/// Two instances on one PostgreSQL database share the counters: together they admit the
/// limit, not twice it.
#[test]
fn two_instances_sharing_postgresql_enforce_one_limit() {
    use storage_support::{Backend, TestDb, TestServer as DataServer};
    static SHARED: ServiceSpec = ServiceSpec {
        transport: Some(&TransportSpec {
            rate_limit: Some(limit("global", 40, 3600)),
            ..TransportSpec::DEFAULT
        }),
        ..storage_support::SERVICE_FIELDS
    };
    let db = TestDb::new(Backend::Postgres);
    let one = DataServer::start_spec(&SHARED, &db.url);
    let two = DataServer::start_spec(&SHARED, &db.url);
    let statuses = hammer(&[one.addr, two.addr], "/books", 8, 20);
    assert_eq!(statuses.len(), 160);
    let admitted = count(&statuses, 200);
    assert!(
        (40..=41).contains(&admitted),
        "{admitted} of 160 admitted by two instances under one limit of 40: {:?}",
        statuses
    );
    assert_eq!(count(&statuses, 429), 160 - admitted);
}

/// With SQLite, each instance counts in memory (no shared table is consulted).
#[test]
fn on_sqlite_the_limit_is_counted_in_memory() {
    use storage_support::{Backend, TestDb, TestServer as DataServer};
    static LOCAL: ServiceSpec = ServiceSpec {
        transport: Some(&TransportSpec {
            rate_limit: Some(limit("global", 10, 3600)),
            ..TransportSpec::DEFAULT
        }),
        ..storage_support::SERVICE_FIELDS
    };
    let db = TestDb::new(Backend::Sqlite);
    let server = DataServer::start_spec(&LOCAL, &db.url);
    let statuses = hammer(&[server.addr], "/books", 4, 10);
    assert_eq!(count(&statuses, 200), 10, "{statuses:?}");
}

/// `by: user`: each verified caller has a quota of their own, whatever address they call from.
#[test]
fn a_by_user_limit_counts_each_caller_apart() {
    use crate::auth_support::HS256_AUTH as AUTH;
    use auth_support::{AuthServer, SECRET, claims, hs256};
    static ROUTES: [RouteSpec; 1] = [RouteSpec {
        auth: Access::Required { roles: &[] },
        ..route("GET", "/report", "report")
    }];
    static PER_USER: ServiceSpec = ServiceSpec {
        routes: &ROUTES,
        auth: Some(&AUTH),
        transport: Some(&TransportSpec {
            route_limits: &[RouteRateLimit {
                method: "GET",
                path: "/report",
                limit: RateLimitSpec {
                    by: RateKey::User,
                    ..limit("report", 2, 3600)
                },
            }],
            ..TransportSpec::DEFAULT
        }),
        ..service(&TransportSpec::DEFAULT)
    };
    let server = AuthServer::start(&PER_USER, SECRET);
    let call = |sub: &str| {
        let token = format!(
            "Bearer {}",
            hs256(&claims(sub, serde_json::json!({})), SECRET)
        );
        send_from(
            "127.0.0.1",
            server.addr,
            "GET",
            "/report",
            &[("authorization", &token)],
        )
        .status
    };
    assert_eq!(
        [call("alice"), call("alice"), call("alice")],
        [200, 200, 429]
    );
    assert_eq!(
        [call("bob"), call("bob")],
        [200, 200],
        "bob has his own quota"
    );
    // A refused token is a 401 before any counting.
    let anonymous = send_from("127.0.0.1", server.addr, "GET", "/report", &[]);
    assert_eq!(anonymous.status, 401);
}

/// PostgreSQL going away: the shared limit falls back to this instance's counters (routes
/// keep answering, never a 503 from the limiter), and uses the shared counters again once
/// the database is back.
#[test]
fn an_unreachable_database_falls_back_to_local_counters_and_back() {
    use storage_support::TestServer as DataServer;
    use storage_support::postgres::Cluster;
    static ROUTES: [RouteSpec; 1] = [route("GET", "/report", "report")];
    static SHARED: ServiceSpec = ServiceSpec {
        routes: &ROUTES,
        transport: Some(&TransportSpec {
            rate_limit: Some(limit("global", 5, 3600)),
            ..TransportSpec::DEFAULT
        }),
        ..storage_support::SERVICE_FIELDS
    };
    let cluster = Cluster::start_new();
    let url = cluster.create_database();
    let server = DataServer::start_spec(&SHARED, &url);
    let report = || send_from("127.0.0.1", server.addr, "GET", "/report", &[]);
    for _ in 0..3 {
        assert_eq!(report().status, 200);
    }
    assert_eq!(report().header("ratelimit"), Some(r#""global";r=1;t=720"#));
    cluster.stop();
    // This instance now counts alone, from a fresh local quota of 5.
    let during: Vec<u16> = (0..6).map(|_| report().status).collect();
    assert_eq!(
        during,
        [200, 200, 200, 200, 200, 429],
        "the limit still holds locally"
    );
    cluster.start();
    // After the fallback period (5 s) the shared counter decides again: 4 of 5 were spent.
    std::thread::sleep(std::time::Duration::from_millis(5_500));
    let back = report();
    assert_eq!(back.status, 200, "{back:?}");
    // (The next request's worth comes back 720 s after the first four were counted.)
    assert!(
        back.header("ratelimit")
            .is_some_and(|value| value.starts_with(r#""global";r=0;t=71"#)),
        "{back:?}"
    );
    assert_eq!(report().status, 429, "the shared quota is spent");
}

/// `server.trusted_proxies`: `X-Forwarded-For` names the client only when the TCP peer is a
/// trusted proxy. From any other peer the header is a client's own claim, and changing it
/// must not buy a fresh quota.
#[test]
fn forwarded_addresses_count_only_from_trusted_proxies() {
    static BEHIND_PROXY: ServiceSpec = service(&TransportSpec {
        rate_limit: Some(limit("global", 2, 3600)),
        trusted_proxies: &["127.0.0.2/32"],
        ..TransportSpec::DEFAULT
    });
    let server = TestServer::start(&BEHIND_PROXY);
    let get = |from: &str, forwarded: &str| {
        send_from(
            from,
            server.addr,
            "GET",
            "/open",
            &[("x-forwarded-for", forwarded)],
        )
        .status
    };
    let steps = [
        // An untrusted peer spoofing a new address each time is still one client.
        ("127.0.0.1", "198.51.100.1", 200, "untrusted, first"),
        ("127.0.0.1", "198.51.100.2", 200, "untrusted, second"),
        (
            "127.0.0.1",
            "198.51.100.3",
            429,
            "the spoofed header changed nothing",
        ),
        // Through the trusted proxy, each forwarded client has its own quota.
        ("127.0.0.2", "203.0.113.7", 200, "forwarded, first"),
        ("127.0.0.2", "203.0.113.7", 200, "forwarded, second"),
        (
            "127.0.0.2",
            "203.0.113.7",
            429,
            "one forwarded client, limited",
        ),
        ("127.0.0.2", "203.0.113.8", 200, "another forwarded client"),
        // What the client wrote on the left is its own claim: the right-most untrusted hop
        // counts.
        (
            "127.0.0.2",
            "192.0.2.1, 203.0.113.7",
            429,
            "a claim on the left",
        ),
        (
            "127.0.0.2",
            "203.0.113.7, 127.0.0.2, 192.0.2.9",
            200,
            "the right-most address not itself a proxy",
        ),
    ];
    for (from, forwarded, status, why) in steps {
        assert_eq!(get(from, forwarded), status, "{why}");
    }
}

/// `resources.authors.rate_limit`: the resource's generated routes share one quota per
/// caller; the N+1-th request in the window is a 429 with `Retry-After` and the RateLimit
/// fields, and another resource's routes are not counted against it.
#[test]
fn a_resource_limit_covers_its_generated_routes_only() {
    use storage_support::{Backend, TestDb, TestServer as DataServer};
    static LIMITED_AUTHORS: ServiceSpec = ServiceSpec {
        transport: Some(&TransportSpec {
            resource_limits: &[ResourceRateLimit {
                resource: "authors",
                limit: limit("authors", 3, 3600),
            }],
            ..TransportSpec::DEFAULT
        }),
        ..storage_support::SERVICE_FIELDS
    };
    let db = TestDb::new(Backend::Sqlite);
    let server = DataServer::start_spec(&LIMITED_AUTHORS, &db.url);
    let get = |path: &str| send_from("127.0.0.1", server.addr, "GET", path, &[]);
    let first = get("/authors");
    assert_eq!(first.status, 200, "{first:?}");
    assert_eq!(
        first.header("ratelimit-policy"),
        Some(r#""authors";q=3;w=3600"#)
    );
    assert_eq!(first.header("ratelimit"), Some(r#""authors";r=2;t=1200"#));
    // The item route counts against the same quota.
    let item = get("/authors/1");
    assert_ne!(item.status, 429, "{item:?}");
    assert!(
        item.header("ratelimit")
            .is_some_and(|value| value.starts_with(r#""authors";r=1;"#)),
        "{item:?}"
    );
    assert_eq!(get("/authors").status, 200);
    let refused = get("/authors");
    assert_eq!(refused.status, 429, "{refused:?}");
    assert!(
        refused
            .header("retry-after")
            .and_then(|s| s.parse::<u64>().ok())
            .is_some_and(|s| s > 0),
        "{refused:?}"
    );
    assert!(
        refused
            .header("ratelimit")
            .is_some_and(|value| value.starts_with(r#""authors";r=0;"#)),
        "{refused:?}"
    );
    // Books are not limited, and carry no RateLimit fields.
    for _ in 0..5 {
        let books = get("/books");
        assert_eq!(books.status, 200, "{books:?}");
        assert_eq!(books.header("ratelimit"), None);
    }
    // Another client address has its own quota.
    assert_eq!(
        send_from("127.0.0.2", server.addr, "GET", "/authors", &[]).status,
        200
    );
}
