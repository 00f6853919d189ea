//! API keys over real HTTP, on SQLite and on a throw-away PostgreSQL cluster (`both!`): an
//! admin issues a key (`POST /_backworks/api-keys`), the key calls the service as
//! `key:<id>` with its roles, the list shows no secret, a revoked or expired key is refused on
//! the next request, only admins (a token with the role, an admin's key, or the operator's
//! token) manage keys, a database that cannot answer is a 503, and no key reaches the log.

mod auth_support;
mod http_support;
mod storage_support;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use auth_support::{AuthServer, SECRET, claims, hs256};
use backworks_runtime::auth::{Access, ApiKeysSpec, AuthSpec};
use backworks_runtime::bridge;
use backworks_runtime::contract::{HandlerCall, HandlerRequest};
use backworks_runtime::http::{RouteSpec, ServiceSpec};
use backworks_runtime::js::{access, builders};
use http_support::{Reply, request};
use serde_json::{Value, json};
use storage_support::{Backend, TestDb};

/// The operator's bootstrap token (a test value).
const OPERATOR: &str = "operator-token-for-the-tests-0123456789";

/// `(req, ctx) => ({ body: { user: ctx.user } })`, through the real bridge.
fn whoami(req: HandlerRequest) -> HandlerCall {
    bridge::run_stateless(req, |_, _, ctx| {
        let user = access::get(&ctx.value(), "user")?;
        Ok(builders::object([(
            "body",
            builders::object([("user", user)]),
        )]))
    })
}

const fn route(path: &'static str, auth: Access) -> RouteSpec {
    RouteSpec {
        method: "GET",
        path,
        endpoint: path,
        timeout_ms: 5_000,
        handler: whoami,
        operation: None,
        typed_params: &[],
        auth,
    }
}

static AUTH: AuthSpec = AuthSpec {
    api_keys: Some(ApiKeysSpec {
        header: "x-api-key",
        query: Some("api_key"),
        admin_token_variable: Some("BACKWORKS_ADMIN_TOKEN"),
    }),
    ..auth_support::HS256_AUTH_FIELDS
};

static SERVICE: ServiceSpec = ServiceSpec {
    routes: &[
        route("/me", Access::Required { roles: &[] }),
        route(
            "/report",
            Access::Required {
                roles: &["reports"],
            },
        ),
    ],
    auth: Some(&AUTH),
    ..storage_support::SERVICE_FIELDS
};

fn environment(name: &str) -> Option<String> {
    match name {
        "JWT_SECRET" => Some(SECRET.to_owned()),
        "BACKWORKS_ADMIN_TOKEN" => Some(OPERATOR.to_owned()),
        _ => None,
    }
}

fn server(db: &TestDb) -> AuthServer {
    AuthServer::start_with_lookup(&SERVICE, environment, Some(db.data()))
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// `POST /_backworks/api-keys` as `authorization`.
fn create(server: &AuthServer, authorization: &str, body: &Value) -> Reply {
    request(
        "POST",
        &server.url("/_backworks/api-keys"),
        &[
            ("authorization", authorization),
            ("content-type", "application/json"),
        ],
        Some(body.to_string().as_bytes()),
    )
}

/// A new key made by the operator: `(id, key)`.
fn issue(server: &AuthServer, body: &Value) -> (String, String) {
    let reply = create(server, &bearer(OPERATOR), body);
    assert_eq!(reply.status, 201, "{}", reply.text());
    let created = reply.json();
    (
        created["id"].as_str().expect("an id").to_owned(),
        created["key"].as_str().expect("the key").to_owned(),
    )
}

fn with_key(server: &AuthServer, path: &str, key: &str) -> Reply {
    request("GET", &server.url(path), &[("x-api-key", key)], None)
}

fn list(server: &AuthServer, authorization: &str) -> Reply {
    request(
        "GET",
        &server.url("/_backworks/api-keys"),
        &[("authorization", authorization)],
        None,
    )
}

fn revoke(server: &AuthServer, id: &str) -> Reply {
    request(
        "DELETE",
        &server.url(&format!("/_backworks/api-keys/{id}")),
        &[("authorization", &bearer(OPERATOR))],
        None,
    )
}

fn create_use_list_revoke(backend: Backend) {
    let db = TestDb::new(backend);
    let server = server(&db);
    let reply = create(
        &server,
        &bearer(OPERATOR),
        &json!({ "name": "reporting", "roles": ["reports"] }),
    );
    assert_eq!(reply.status, 201, "{}", reply.text());
    let created = reply.json();
    let (id, key) = (
        created["id"].as_str().unwrap().to_owned(),
        created["key"].as_str().unwrap().to_owned(),
    );
    assert!(key.starts_with("bwk_") && key.len() == 68, "{key}");
    assert_eq!(created["roles"], json!(["reports"]));
    assert_eq!(created["revoked_at"], Value::Null);
    assert_eq!(created["last_used_at"], Value::Null, "not used yet");

    let me = with_key(&server, "/me", &key);
    assert_eq!(me.status, 200, "{}", me.text());
    let user = &me.json()["user"];
    assert_eq!(user["id"], format!("key:{id}"));
    assert_eq!(user["roles"], json!(["reports"]));
    assert_eq!(
        user["claims"],
        json!({ "api_key": id, "name": "reporting" })
    );
    assert_eq!(with_key(&server, "/report", &key).status, 200);
    // The resources' generated routes take keys too.
    assert_eq!(with_key(&server, "/authors", &key).status, 200);

    let listed = list(&server, &bearer(OPERATOR));
    assert_eq!(listed.status, 200, "{}", listed.text());
    let text = listed.text();
    assert!(!text.contains(&key), "the list shows no key: {text}");
    assert!(!text.contains(&key[4..]), "nor its secret part: {text}");
    let items = listed.json()["items"].clone();
    assert_eq!(items.as_array().map(Vec::len), Some(1));
    assert_eq!(items[0]["id"], id.as_str());
    // Used a moment ago: the write runs beside the request, so it may take a moment to land.
    let mut used = items[0]["last_used_at"].clone();
    for _ in 0..50 {
        if used.is_string() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
        used = list(&server, &bearer(OPERATOR)).json()["items"][0]["last_used_at"].clone();
    }
    let used = used
        .as_str()
        .expect("last_used_at is set once the key is used");
    let created_at = items[0]["created_at"].as_str().unwrap();
    assert!(used >= created_at, "{used} is not before {created_at}");
    assert!(items[0].get("key").is_none() && items[0].get("hash").is_none());

    assert_eq!(revoke(&server, &id).status, 204);
    let refused = with_key(&server, "/me", &key);
    assert_eq!(refused.status, 401, "{}", refused.text());
    assert!(refused.text().contains("revoked"), "{}", refused.text());
    let listed = list(&server, &bearer(OPERATOR)).json();
    assert!(listed["items"][0]["revoked_at"].is_string(), "{listed}");
    // Revoking again changes nothing; an unknown id is a 404.
    assert_eq!(revoke(&server, &id).status, 204);
    assert_eq!(revoke(&server, "no-such-key").status, 404);
}

fn expired_keys_are_refused(backend: Backend) {
    let db = TestDb::new(backend);
    let server = server(&db);
    let past = create(
        &server,
        &bearer(OPERATOR),
        &json!({ "name": "old", "expires_at": "2001-01-01T00:00:00Z" }),
    );
    assert_eq!(past.status, 400, "{}", past.text());

    let soon = now_ms() + 1_500;
    let (_, key) = issue(
        &server,
        &json!({ "name": "short-lived", "expires_at": instant(soon) }),
    );
    assert_eq!(with_key(&server, "/me", &key).status, 200);
    std::thread::sleep(Duration::from_millis(
        u64::try_from(soon - now_ms()).unwrap_or(0) + 300,
    ));
    let refused = with_key(&server, "/me", &key);
    assert_eq!(refused.status, 401, "{}", refused.text());
    assert!(refused.text().contains("expired"), "{}", refused.text());
}

fn a_key_without_the_role_is_forbidden(backend: Backend) {
    let db = TestDb::new(backend);
    let server = server(&db);
    let (_, key) = issue(&server, &json!({ "name": "plain" }));
    assert_eq!(with_key(&server, "/me", &key).status, 200);
    assert_eq!(with_key(&server, "/report", &key).status, 403);
}

fn only_admins_manage_keys(backend: Backend) {
    let db = TestDb::new(backend);
    let server = server(&db);
    let body = json!({ "name": "x" });
    let anonymous = request(
        "POST",
        &server.url("/_backworks/api-keys"),
        &[("content-type", "application/json")],
        Some(body.to_string().as_bytes()),
    );
    assert_eq!(anonymous.status, 401, "{}", anonymous.text());
    assert_eq!(
        create(&server, &bearer("not-the-operator-token"), &body).status,
        401
    );
    let member = hs256(&claims("u1", json!({ "roles": ["member"] })), SECRET);
    assert_eq!(create(&server, &bearer(&member), &body).status, 403);
    assert_eq!(list(&server, &bearer(&member)).status, 403);

    // An admin by token issues keys; an admin's key manages them too; a plain key does not.
    let admin = hs256(&claims("boss", json!({ "roles": ["admin"] })), SECRET);
    let reply = create(
        &server,
        &bearer(&admin),
        &json!({ "name": "ops", "roles": ["admin"] }),
    );
    assert_eq!(reply.status, 201, "{}", reply.text());
    let admin_key = reply.json()["key"].as_str().unwrap().to_owned();
    let by_key = request(
        "GET",
        &server.url("/_backworks/api-keys"),
        &[("x-api-key", &admin_key)],
        None,
    );
    assert_eq!(by_key.status, 200, "{}", by_key.text());
    let (_, plain) = issue(&server, &json!({ "name": "plain" }));
    let refused = request(
        "GET",
        &server.url("/_backworks/api-keys"),
        &[("x-api-key", &plain)],
        None,
    );
    assert_eq!(refused.status, 403, "{}", refused.text());
}

fn unknown_and_ambiguous_keys_are_refused(backend: Backend) {
    let db = TestDb::new(backend);
    let server = server(&db);
    let (_, key) = issue(&server, &json!({ "name": "k" }));
    let unknown = format!("bwk_{}", "0".repeat(64));
    for presented in [unknown.as_str(), "not-a-key", ""] {
        let reply = with_key(&server, "/me", presented);
        assert_eq!(reply.status, 401, "{presented:?}: {}", reply.text());
    }
    // A key and a bearer token at once: which identity counts is ambiguous, so neither does.
    let token = hs256(&claims("u1", json!({})), SECRET);
    let both = request(
        "GET",
        &server.url("/me"),
        &[("x-api-key", &key), ("authorization", &bearer(&token))],
        None,
    );
    assert_eq!(both.status, 401, "{}", both.text());
    let twice = request(
        "GET",
        &server.url("/me"),
        &[("x-api-key", &key), ("x-api-key", &key)],
        None,
    );
    assert_eq!(twice.status, 401, "{}", twice.text());
}

/// A write made with a key is filed in the audit log under the key (kind `key`, the key's
/// id), not as a user named `key:<id>`; handlers see which provider vouched for the caller.
fn key_writes_are_audited_as_the_key(backend: Backend) {
    let db = TestDb::new(backend);
    let server = server(&db);
    let (id, key) = issue(&server, &json!({ "name": "writer" }));
    let me = with_key(&server, "/me", &key).json();
    assert_eq!(me["user"]["provider"], "api_key", "{me}");
    let created = request(
        "POST",
        &server.url("/authors"),
        &[("x-api-key", &key), ("content-type", "application/json")],
        Some(br#"{"name":"Ursula"}"#),
    );
    assert_eq!(created.status, 201, "{}", created.text());
    let admin = hs256(&claims("boss", json!({ "roles": ["admin"] })), SECRET);
    let token_me = request(
        "GET",
        &server.url("/me"),
        &[("authorization", &bearer(&admin))],
        None,
    );
    assert_eq!(token_me.json()["user"]["provider"], "jwt");
    let audit = request(
        "GET",
        &server.url("/_backworks/audit?resource=authors"),
        &[("authorization", &bearer(&admin))],
        None,
    );
    assert_eq!(audit.status, 200, "{}", audit.text());
    let entries = audit.json()["items"].clone();
    assert_eq!(entries.as_array().map(Vec::len), Some(1), "{entries}");
    assert_eq!(
        entries[0]["actor"],
        json!({ "kind": "key", "id": id }),
        "{entries}"
    );
    // The filter by kind finds it too.
    let by_kind = request(
        "GET",
        &server.url(&format!("/_backworks/audit?actor_kind=key&actor={id}")),
        &[("authorization", &bearer(&admin))],
        None,
    );
    assert_eq!(by_kind.json()["items"].as_array().map(Vec::len), Some(1));
}

/// `auth.api_keys.query`: the key may come as `?api_key=`, is taken out of the URI before
/// anything reads it (the list grammar of `/authors` would refuse an unknown parameter), never
/// reaches the log, and a key sent twice or beside a bearer token is refused.
fn keys_in_the_query(backend: Backend) {
    let log = captured_log();
    let db = TestDb::new(backend);
    let server = server(&db);
    let (id, key) = issue(&server, &json!({ "name": "in-url" }));
    let get =
        |path: &str, headers: &[(&str, &str)]| request("GET", &server.url(path), headers, None);
    let me = get(&format!("/me?api_key={key}"), &[]);
    assert_eq!(me.status, 200, "{}", me.text());
    assert_eq!(me.json()["user"]["id"], format!("key:{id}"));
    let listed = get(&format!("/authors?api_key={key}&limit=5"), &[]);
    assert_eq!(
        listed.status,
        200,
        "the parameter never reaches the list: {}",
        listed.text()
    );
    let misspelt = get(&format!("/authors?api_kee={key}"), &[("x-api-key", &key)]);
    assert_eq!(
        misspelt.status, 400,
        "another parameter is the list's to refuse"
    );
    // An escaped name is the same parameter, so it cannot slip past as a filter.
    assert_eq!(get(&format!("/authors?api%5Fkey={key}"), &[]).status, 200);

    let token = hs256(&claims("u1", json!({})), SECRET);
    for (path, headers, what) in [
        (
            format!("/me?api_key={key}"),
            vec![("x-api-key", key.as_str())],
            "header and query",
        ),
        (
            format!("/me?api_key={key}&api_key={key}"),
            vec![],
            "the parameter twice",
        ),
        (
            format!("/me?api_key={key}"),
            vec![("authorization", &*format!("Bearer {token}"))],
            "a key and a bearer token",
        ),
        (
            format!("/me?api_key={}", "0".repeat(8)),
            vec![],
            "no key of ours",
        ),
    ] {
        let refused = get(&path, &headers);
        assert_eq!(refused.status, 401, "{what}: {}", refused.text());
    }
    // The operator's token beside a key in the query is ambiguous on the key routes too.
    let ambiguous = request(
        "GET",
        &server.url(&format!("/_backworks/api-keys?api_key={key}")),
        &[("authorization", &bearer(OPERATOR))],
        None,
    );
    assert_eq!(ambiguous.status, 401, "{}", ambiguous.text());
    let text = String::from_utf8_lossy(&log.lock().unwrap()).into_owned();
    assert!(text.contains("/authors"), "the requests are logged: {text}");
    assert!(!text.contains(&key[4..]), "no key in the log: {text}");
}

fn keys_never_reach_the_log(backend: Backend) {
    let log = captured_log();
    let db = TestDb::new(backend);
    let server = server(&db);
    let (id, key) = issue(&server, &json!({ "name": "logged" }));
    assert_eq!(with_key(&server, "/me", &key).status, 200);
    assert_eq!(revoke(&server, &id).status, 204);
    assert_eq!(with_key(&server, "/me", &key).status, 401);
    let text = String::from_utf8_lossy(&log.lock().unwrap()).into_owned();
    assert!(text.contains(&id), "the creation is logged by id: {text}");
    assert!(!text.contains(&key[4..]), "no key in the log");
    assert!(!text.contains(OPERATOR), "no operator token in the log");
}

both!(
    create_use_list_revoke,
    expired_keys_are_refused,
    a_key_without_the_role_is_forbidden,
    only_admins_manage_keys,
    unknown_and_ambiguous_keys_are_refused,
    keys_never_reach_the_log,
    key_writes_are_audited_as_the_key,
    keys_in_the_query,
);

/// PostgreSQL stopped under a running server: a key cannot be checked, so it is a 503, never
/// an admission (a cluster of its own, since the test stops it).
#[test]
fn database_down_is_503() {
    let cluster = storage_support::postgres::Cluster::start_new();
    let url = cluster.create_database();
    let data = storage_support::schema::data_at(&url);
    let server = AuthServer::start_with_lookup(&SERVICE, environment, Some(data));
    let (_, key) = issue(&server, &json!({ "name": "k" }));
    assert_eq!(with_key(&server, "/me", &key).status, 200);
    cluster.stop();
    let reply = with_key(&server, "/me", &key);
    assert_eq!(reply.status, 503, "{}", reply.text());
    assert!(reply.header("retry-after").is_some(), "{reply:?}");
    let create = create(&server, &bearer(OPERATOR), &json!({ "name": "during" }));
    assert_eq!(create.status, 503, "{}", create.text());
    drop(server);
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// An RFC 3339 instant, in UTC, for `ms` since the epoch.
fn instant(ms: i64) -> String {
    let seconds = ms.div_euclid(1000);
    let (days, in_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60,
        ms.rem_euclid(1000)
    )
}

/// Everything the runtime logs in this test process, from the first call on.
fn captured_log() -> Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&log);
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || Sink(Arc::clone(&sink)))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("no other subscriber");
        log
    })
    .clone()
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
