//! The dashboard's admin workflows on a running server, over real HTTP: which workflows each
//! caller is shown (`GET /_backworks/workflows`), and the forwarding routes
//! (`/_backworks/w/{id}/{*path}`) as the only door to a workflow's data — role-checked, bound
//! to the workflow's own routes, and answering exactly as the forwarded route does (its rules,
//! validation and the database agree). The service is notes-auth's shape: notes private to
//! their owner (record rules), `/report` for `admin` and `reports`, HS256 tokens with roles,
//! the dashboard token, and the workflows the compiler describes for its `dashboard:`
//! section (`examples/notes-auth/backworks.yaml`).

mod auth_support;
mod http_support;
mod monitor_support;
mod storage_support;

use std::net::SocketAddr;

use auth_support::{HS256_AUTH, SECRET, claims, hs256};
use axum::body::Body;
use axum::extract::ConnectInfo;
use backworks_runtime::auth::{Access, Authenticator};
use backworks_runtime::contract::{HandlerCall, HandlerRequest, HandlerResponse, ResponseBody};
use backworks_runtime::dashboard::DashboardApp;
use backworks_runtime::http::{Overrides, RouteSpec, ServiceSpec, router_with};
use backworks_runtime::monitor::DashboardSpec;
use backworks_runtime::storage::{
    Comparison, CrudOp, DataSpec, DefaultSpec, FieldKind, FieldSpec, IdKind, MigrationSpec,
    ResourceSpec, RuleExpr, RulesSpec, Store,
};
use http_support::{Reply, request, send_json};
use monitor_support::{MonitorServer, route};
use serde_json::{Value, json};
use storage_support::schema::{field, no_pointers};
use storage_support::{Backend, TestDb};

const TOKEN: &str = "a-dashboard-token-of-some-length";

/// The workflows as `service.json` describes them (what `workflows_description.rs` writes
/// for notes-auth, trimmed to what the server reads).
const DESCRIPTION: &str = r##"{
  "name": "notes",
  "theme": { "mode": "dark", "accent": "#0f766e" },
  "workflows": [
    { "id": "notes", "type": "crud_table", "title": "Notes", "permissions": ["admin"],
      "base": "/_backworks/w/notes",
      "resource": { "name": "notes", "path": "/notes",
                    "operations": ["list", "get", "create", "update", "delete"],
                    "fields": [ { "name": "title", "type": "string", "ref": null } ] },
      "columns": [] },
    { "id": "report", "type": "table", "title": "Report", "permissions": ["admin", "reports"],
      "base": "/_backworks/w/report",
      "source": { "endpoint": { "name": "report", "method": "GET", "path": "/report",
                                "parameters": [], "request": null }, "rows": null },
      "columns": [] }
  ]
}"##;

static APP: DashboardApp = DashboardApp {
    files: &[],
    service: DESCRIPTION,
};

/// `record.owner == user.id`
static OWNED: RuleExpr =
    RuleExpr::Compare(&RuleExpr::Field("owner"), Comparison::Eq, &RuleExpr::UserId);
/// `"admin" in user.roles`
static ADMIN: RuleExpr = RuleExpr::In(&RuleExpr::String("admin"), &RuleExpr::UserRoles);
static OWNER_OR_ADMIN: RuleExpr = RuleExpr::Or(&OWNED, &ADMIN);

const ALL: &[CrudOp] = &[
    CrudOp::List,
    CrudOp::Get,
    CrudOp::Create,
    CrudOp::Update,
    CrudOp::Delete,
];

static RESOURCES: &[ResourceSpec] = &[ResourceSpec {
    name: "notes",
    id: IdKind::Integer,
    fields: &[
        FieldSpec {
            required: true,
            max_length: Some(20),
            ..field("title", FieldKind::String)
        },
        FieldSpec {
            required: true,
            default: Some(DefaultSpec::CallerId),
            ..field("owner", FieldKind::String)
        },
    ],
    timestamps: true,
    search: &[],
    operations: ALL,
    openapi: no_pointers(),
    seed: None,
    rules: RulesSpec {
        list: Some(&OWNER_OR_ADMIN),
        get: Some(&OWNER_OR_ADMIN),
        create: Some(&OWNER_OR_ADMIN),
        update: Some(&OWNER_OR_ADMIN),
        delete: Some(&OWNER_OR_ADMIN),
    },
}];

static MIGRATIONS: &[MigrationSpec] = &[MigrationSpec {
    version: 1,
    name: "create_notes",
    sqlite: r#"
CREATE TABLE "notes" (
  "id" INTEGER PRIMARY KEY,
  "title" TEXT NOT NULL,
  "owner" TEXT NOT NULL,
  "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL
);
"#,
    postgres: "",
}];

/// `/report`: who called it as the handler sees them, and whether a token reached it.
fn report(req: HandlerRequest) -> HandlerCall {
    let user = req.user.as_ref().map(
        |user| json!({ "id": user.id, "provider": user.provider.as_str(), "roles": user.roles }),
    );
    let authorization = req.headers.iter().any(|(name, _)| name == "authorization");
    let body = json!({ "notes": "many", "user": user, "authorization_seen": authorization });
    Ok(HandlerResponse {
        status: 200,
        headers: vec![],
        body: ResponseBody::Json(body.to_string()),
    })
    .into()
}

static ROUTES: [RouteSpec; 2] = [
    route(
        "GET",
        "/report",
        "report",
        report,
        Access::Required {
            roles: &["admin", "reports"],
        },
    ),
    route("GET", "/me", "me", report, Access::Required { roles: &[] }),
];

static DASHBOARD: DashboardSpec = DashboardSpec {
    enabled: true,
    port: None,
    auth_variable: None,
    app: Some(&APP),
};

static DATA: DataSpec = DataSpec {
    url: "sqlite::memory:",
    resources: RESOURCES,
    migrations: MIGRATIONS,
};

static SERVICE: ServiceSpec = ServiceSpec {
    name: "notes",
    version: "1.0.0",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 64 * 1024,
    global_headers: &[],
    routes: &ROUTES,
    openapi: None,
    data: Some(&DATA),
    auth: Some(&HS256_AUTH),
    transport: None,
    dashboard: Some(&DASHBOARD),
};

/// A server for `spec` on a fresh SQLite database, with the dashboard token set.
fn start(spec: &'static ServiceSpec) -> (MonitorServer, TestDb) {
    let db = TestDb::new(Backend::Sqlite);
    let data: &'static DataSpec = Box::leak(Box::new(DataSpec {
        url: Box::leak(db.url.clone().into_boxed_str()),
        resources: RESOURCES,
        migrations: MIGRATIONS,
    }));
    let runtime = storage_support::runtime();
    let store = runtime
        .block_on(Store::open(data))
        .expect("the store opens");
    let authenticator = spec.auth.map(|auth| {
        Authenticator::with_lookup(auth, &|name| {
            (name == "JWT_SECRET").then(|| SECRET.to_owned())
        })
        .expect("the authenticator builds")
    });
    let app = router_with(
        spec,
        Overrides {
            store: Some(store),
            authenticator,
            dashboard_token: Some(TOKEN.to_owned()),
        },
    );
    // The store's pool lives on; the runtime that opened it may go.
    std::mem::forget(runtime);
    (MonitorServer::serve(app), db)
}

/// A caller's `Authorization` value.
struct Caller(String);

fn user(id: &str, roles: &[&str]) -> Caller {
    Caller(format!(
        "Bearer {}",
        hs256(&claims(id, json!({ "roles": roles })), SECRET)
    ))
}

fn operator() -> Caller {
    Caller(format!("Bearer {TOKEN}"))
}

impl Caller {
    fn send(
        &self,
        server: &MonitorServer,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Reply {
        send_json(method, &server.url(path), Some(&self.0), body)
    }

    fn get(&self, server: &MonitorServer, path: &str) -> Reply {
        self.send(server, "GET", path, None)
    }
}

fn anonymous(server: &MonitorServer, method: &str, path: &str) -> Reply {
    request(method, &server.url(path), &[], None)
}

fn ids(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()["workflows"]
        .as_array()
        .expect("workflows")
        .iter()
        .map(|workflow| workflow["id"].as_str().unwrap_or("?").to_owned())
        .collect()
}

/// How many notes the database holds, read directly (not through a workflow) by an admin.
fn note_count(server: &MonitorServer) -> u64 {
    let reply = user("root", &["admin"]).get(server, "/notes?count=exact&limit=1");
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()["total"].as_u64().expect("a total")
}

#[test]
fn each_caller_is_shown_the_workflows_their_roles_open() {
    let (server, _db) = start(&SERVICE);
    let path = "/_backworks/workflows";

    let admin = user("root", &["admin"]).get(&server, path);
    assert_eq!(ids(&admin), ["notes", "report"]);
    assert_eq!(admin.json()["monitor"], true);
    assert_eq!(
        admin.json()["theme"],
        json!({ "mode": "dark", "accent": "#0f766e" })
    );
    assert_eq!(admin.header("cache-control"), Some("private, no-cache"));
    // The description travels as the compiler wrote it.
    assert_eq!(admin.json()["workflows"][0]["resource"]["path"], "/notes");

    let reports = user("auditor", &["reports"]).get(&server, path);
    assert_eq!(ids(&reports), ["report"]);
    assert_eq!(reports.json()["monitor"], false);

    let member = user("mia", &["member"]).get(&server, path);
    assert_eq!(
        ids(&member),
        Vec::<String>::new(),
        "200 with no workflow, not a 403"
    );
    assert_eq!(member.json()["monitor"], false);

    let nobody = anonymous(&server, "GET", path);
    assert_eq!(nobody.status, 401, "{}", nobody.text());

    let forged = Caller(format!(
        "Bearer {}",
        hs256(
            &claims("root", json!({ "roles": ["admin"] })),
            "another-secret-of-32-bytes-or-more"
        )
    ))
    .get(&server, path);
    assert_eq!(forged.status, 401, "a token signed with another key");

    let token = operator().get(&server, path);
    assert_eq!(ids(&token), ["notes", "report"]);
    assert_eq!(token.json()["monitor"], true);
    assert_eq!(
        Caller(format!("Bearer {}", &TOKEN[1..]))
            .get(&server, path)
            .status,
        401,
        "a token that differs is no token"
    );
}

#[test]
fn an_admin_manages_notes_through_the_crud_table_and_the_database_agrees() {
    let (server, _db) = start(&SERVICE);
    let admin = user("root", &["admin"]);
    let base = "/_backworks/w/notes/notes";

    let created = admin.send(
        &server,
        "POST",
        base,
        Some(&json!({ "title": "via workflow" })),
    );
    assert_eq!(created.status, 201, "{}", created.text());
    let id = created.json()["id"].as_i64().expect("an id");
    assert_eq!(
        created.json()["owner"],
        "root",
        "the caller's identity reached the route"
    );

    // A direct read sees the row the workflow wrote.
    let direct = admin.get(&server, &format!("/notes/{id}"));
    assert_eq!(direct.status, 200);
    assert_eq!(direct.json()["title"], "via workflow");

    // The list grammar passes through (query string kept).
    let listed = admin.get(
        &server,
        &format!("{base}?title=eq.via%20workflow&count=exact"),
    );
    assert_eq!(listed.status, 200, "{}", listed.text());
    assert_eq!(listed.json()["total"], 1);

    let patched = admin.send(
        &server,
        "PATCH",
        &format!("{base}/{id}"),
        Some(&json!({ "title": "renamed" })),
    );
    assert_eq!(patched.status, 200, "{}", patched.text());
    assert_eq!(
        admin.get(&server, &format!("/notes/{id}")).json()["title"],
        "renamed"
    );

    let fetched = admin.get(&server, &format!("{base}/{id}"));
    assert_eq!(fetched.json()["title"], "renamed");

    let deleted = admin.send(&server, "DELETE", &format!("{base}/{id}"), None);
    assert_eq!(deleted.status, 204, "{}", deleted.text());
    assert_eq!(admin.get(&server, &format!("/notes/{id}")).status, 404);
    assert_eq!(note_count(&server), 0);
}

#[test]
fn a_caller_without_the_role_is_refused_and_nothing_is_forwarded() {
    let (server, _db) = start(&SERVICE);
    let member = user("mia", &["member"]);
    // Mia may write her own notes directly: only the workflow is closed to her.
    let own = member.send(&server, "POST", "/notes", Some(&json!({ "title": "mine" })));
    assert_eq!(own.status, 201, "{}", own.text());
    let before = note_count(&server);

    let refused = member.send(
        &server,
        "POST",
        "/_backworks/w/notes/notes",
        Some(&json!({ "title": "sneaked in" })),
    );
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert_eq!(refused.json()["error"], "forbidden");
    assert_eq!(note_count(&server), before, "nothing was written");

    for (method, path) in [
        ("GET", "/_backworks/w/notes/notes"),
        ("DELETE", "/_backworks/w/notes/notes/1"),
        ("GET", "/_backworks/w/report/report"),
    ] {
        assert_eq!(
            member.send(&server, method, path, None).status,
            403,
            "{method} {path}"
        );
    }
    assert_eq!(note_count(&server), before);
    assert_eq!(
        anonymous(&server, "GET", "/_backworks/w/notes/notes").status,
        401,
        "no credential: 401, as the routes answer"
    );
}

#[test]
fn only_the_routes_a_workflow_is_bound_to_are_forwarded() {
    let (server, _db) = start(&SERVICE);
    let admin = user("root", &["admin"]);
    for (method, path) in [
        ("GET", "/_backworks/w/notes/me"),
        ("GET", "/_backworks/w/notes/report"),
        ("GET", "/_backworks/w/report/notes"),
        ("DELETE", "/_backworks/w/report/report"),
        ("GET", "/_backworks/w/notes/notes/.."),
        ("GET", "/_backworks/w/notes/notes/1/extra"),
        ("GET", "/_backworks/w/notes/_backworks/workflows"),
        ("GET", "/_backworks/w/notes"),
        ("GET", "/_backworks/w/nope/notes"),
        ("GET", "/_backworks/w/"),
    ] {
        let reply = admin.send(&server, method, path, None);
        assert_eq!(reply.status, 404, "{method} {path}: {}", reply.text());
        assert_eq!(reply.json()["error"], "not_found", "{method} {path}");
    }
}

#[test]
fn validation_errors_come_back_as_the_route_answers_them() {
    let (server, _db) = start(&SERVICE);
    let admin = user("root", &["admin"]);
    for body in [
        json!({}),
        json!({ "title": "far too long for twenty characters" }),
        json!({ "title": 42 }),
    ] {
        let direct = admin.send(&server, "POST", "/notes", Some(&body));
        let forwarded = admin.send(&server, "POST", "/_backworks/w/notes/notes", Some(&body));
        assert!(
            (400..500).contains(&direct.status),
            "{body}: {}",
            direct.text()
        );
        assert_eq!(forwarded.status, direct.status, "{body}");
        assert_eq!(
            forwarded.json(),
            direct.json(),
            "{body}: the body is the route's own"
        );
    }
    let bad_query = admin.get(&server, "/_backworks/w/notes/notes?limit=5000");
    let direct = admin.get(&server, "/notes?limit=5000");
    assert_eq!(bad_query.status, direct.status);
    assert_eq!(bad_query.json(), direct.json());
    assert_eq!(note_count(&server), 0);
}

#[test]
fn the_routes_own_rules_still_apply_through_a_workflow() {
    let (server, _db) = start(&SERVICE);
    let auditor = user("auditor", &["reports"]);
    let report = auditor.get(&server, "/_backworks/w/report/report");
    assert_eq!(report.status, 200, "{}", report.text());
    assert_eq!(report.json()["user"]["id"], "auditor");
    assert_eq!(report.json()["user"]["roles"], json!(["reports"]));
    assert_eq!(
        auditor.get(&server, "/_backworks/w/notes/notes").status,
        403,
        "the notes workflow is for admins"
    );

    // An admin's workflow call still meets the record rules: Mia's note is hers, and the
    // `owner` an admin's create gets is the admin's own id.
    user("mia", &["member"]).send(&server, "POST", "/notes", Some(&json!({ "title": "mia" })));
    let listed = user("root", &["admin"]).get(&server, "/_backworks/w/notes/notes");
    assert_eq!(
        listed.json()["items"][0]["owner"],
        "mia",
        "admins see every note"
    );
}

#[test]
fn the_dashboard_token_forwards_as_the_operator_without_the_token() {
    let (server, _db) = start(&SERVICE);
    let report = operator().get(&server, "/_backworks/w/report/report");
    assert_eq!(report.status, 200, "{}", report.text());
    assert_eq!(
        report.json()["user"],
        json!({ "id": "operator", "provider": "operator", "roles": ["admin"] })
    );
    assert_eq!(
        report.json()["authorization_seen"],
        false,
        "the dashboard token never reaches a handler"
    );
    let created = operator().send(
        &server,
        "POST",
        "/_backworks/w/notes/notes",
        Some(&json!({ "title": "by the operator" })),
    );
    assert_eq!(created.status, 201, "{}", created.text());
    assert_eq!(created.json()["owner"], "operator");
    assert_eq!(note_count(&server), 1);
    // The token is not a credential for the routes themselves.
    assert_eq!(operator().get(&server, "/report").status, 401);
    assert_eq!(operator().get(&server, "/notes").status, 401);
}

static OPEN_ROUTES: [RouteSpec; 1] = [route("GET", "/report", "report", report, Access::Public)];

static OPEN: ServiceSpec = ServiceSpec {
    name: "open",
    routes: &OPEN_ROUTES,
    auth: None,
    data: None,
    ..SERVICE
};

static DISABLED: ServiceSpec = ServiceSpec {
    name: "disabled",
    dashboard: Some(&DashboardSpec {
        enabled: false,
        port: None,
        auth_variable: None,
        app: Some(&APP),
    }),
    ..OPEN
};

#[test]
fn without_auth_or_a_token_loopback_readers_use_every_workflow() {
    let server = MonitorServer::start(&OPEN, Overrides::default());
    let listed = request("GET", &server.url("/_backworks/workflows"), &[], None);
    assert_eq!(ids(&listed), ["notes", "report"]);
    assert_eq!(listed.json()["monitor"], true);
    let report = request("GET", &server.url("/_backworks/w/report/report"), &[], None);
    assert_eq!(report.status, 200, "{}", report.text());
    assert_eq!(report.json()["user"], Value::Null);

    // From another address: refused, nothing forwarded.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for path in ["/_backworks/workflows", "/_backworks/w/report/report"] {
        let app = router_with(&OPEN, Overrides::default());
        let mut req = axum::http::Request::get(path).body(Body::empty()).unwrap();
        let peer: SocketAddr = "10.1.2.3:40000".parse().unwrap();
        req.extensions_mut().insert(ConnectInfo(peer));
        let response = runtime
            .block_on(tower::ServiceExt::oneshot(app, req))
            .unwrap();
        assert_eq!(response.status(), 403, "{path}");
    }
}

#[test]
fn a_disabled_dashboard_has_neither_route() {
    let server = MonitorServer::start(&DISABLED, Overrides::default());
    for path in ["/_backworks/workflows", "/_backworks/w/report/report"] {
        let reply = request("GET", &server.url(path), &[], None);
        assert_eq!(reply.status, 404, "{path}");
    }
    assert_eq!(
        request("GET", &server.url("/report"), &[], None).status,
        200,
        "the service itself is there"
    );
}
