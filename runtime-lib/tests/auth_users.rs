//! Built-in accounts (`auth.users`) over real HTTP on loopback, against a real SQLite file (and
//! a throw-away PostgreSQL cluster where `both!` says so): registration, login, `/auth/me`,
//! refresh-token rotation and reuse detection, logout, login throttling, the identical answer
//! for an unknown email and a wrong password (in content and in time), the bootstrap admin and
//! role changes, and which tokens the authenticator routes to which verifier.

mod auth_support;
mod http_support;
mod storage_support;

use std::net::SocketAddr;
use std::thread::JoinHandle;
use std::time::Instant;

use auth_support::{hs256, unsigned};
use backworks_runtime::auth::{Access, AdminAccountSpec, AuthSpec, Authenticator, UsersSpec};
use backworks_runtime::http::{Overrides, ServiceSpec, router_with};
use backworks_runtime::storage::{
    CrudOp, DataSpec, FieldKind, FieldSpec, IdKind, MigrationSpec, OperationPointers, ResourceSpec,
    RulesSpec, ScalarKind, Store, audit::Origin,
};
use serde_json::{Value, json};
use storage_support::postgres::Cluster;
use storage_support::{Backend, Reply, TestDb, request};

const SECRET: &str = "an-account-signing-secret-of-40-bytes!!!";
const ISSUER: &str = "urn:backworks:accounts-test:users";
const ADMIN_EMAIL: &str = "Root@Example.org";
const ADMIN_PASSWORD: &str = "admin password 1";

const fn field(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: true,
        unique: false,
        default: None,
        min_length: None,
        max_length: None,
        minimum: None,
        maximum: None,
        pattern: None,
        format: None,
    }
}

/// The `users` resource as the compiler synthesizes it: no CRUD routes.
static RESOURCES: &[ResourceSpec] = &[ResourceSpec {
    name: "users",
    id: IdKind::Uuid,
    fields: &[
        FieldSpec {
            unique: true,
            format: Some("email"),
            ..field("email", FieldKind::String)
        },
        FieldSpec {
            default: Some(backworks_runtime::storage::DefaultSpec::Json("[]")),
            ..field("roles", FieldKind::Array(ScalarKind::String))
        },
    ],
    timestamps: true,
    search: &[],
    operations: &[] as &[CrudOp],
    openapi: OperationPointers {
        list: None,
        get: None,
        create: None,
        patch: None,
        put: None,
        delete: None,
    },
    seed: None,
    rules: RulesSpec::NONE,
}];

static MIGRATIONS: &[MigrationSpec] = &[MigrationSpec {
    version: 1,
    name: "create_users",
    sqlite: r#"CREATE TABLE "users" (
    "id" TEXT PRIMARY KEY,
    "email" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");"#,
    postgres: r#"CREATE TABLE "users" (
    "id" UUID PRIMARY KEY,
    "email" TEXT NOT NULL,
    "roles" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");"#,
}];

const USERS: UsersSpec = UsersSpec {
    secret_variable: "ACCOUNTS_SECRET",
    issuer: ISSUER,
    roles: &["member", "editor", "admin"],
    default_role: Some("member"),
    admin: Some(AdminAccountSpec {
        email_variable: "ROOT_EMAIL",
        password_variable: "ROOT_PASSWORD",
    }),
    access_ttl_s: 900,
    refresh_ttl_s: 3600,
    password_min_length: 10,
    password_max_length: 64,
    throttle_failures: 5,
    throttle_window_s: 600,
};

static AUTH: AuthSpec = AuthSpec {
    jwt: None,
    users: Some(USERS),
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

/// A throttle too generous to interfere (the timing test fails many logins).
static LENIENT: AuthSpec = AuthSpec {
    users: Some(UsersSpec {
        throttle_failures: 10_000,
        ..USERS
    }),
    jwt: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

/// An address allowance of 8 (4 × 2): the per-address limit is reached before any account's.
static STRICT: AuthSpec = AuthSpec {
    users: Some(UsersSpec {
        throttle_failures: 2,
        ..USERS
    }),
    jwt: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

/// Beside an external HS256 provider with another secret.
static WITH_JWT: AuthSpec = AuthSpec {
    jwt: Some(backworks_runtime::auth::JwtSpec {
        keys: backworks_runtime::auth::JwtKeys::Fixed {
            algorithm: backworks_runtime::auth::JwtAlgorithm::Hs256,
            variable: "EXTERNAL_SECRET",
        },
        issuer: Some("https://id.example.com"),
        audience: None,
        roles_claim: "roles",
        leeway_s: 30,
    }),
    users: Some(USERS),
    api_keys: None,
    resources: Access::Required { roles: &[] },
};
const EXTERNAL_SECRET: &str = "the-external-identity-providers-secret!!";

fn service(auth: &'static AuthSpec) -> &'static ServiceSpec {
    Box::leak(Box::new(ServiceSpec {
        name: "accounts-test",
        version: "0.0.0",
        default_port: 0,
        default_host: "127.0.0.1",
        body_limit: 64 * 1024,
        global_headers: &[],
        routes: &[],
        openapi: None,
        data: Some(Box::leak(Box::new(DataSpec {
            url: "sqlite::memory:",
            resources: RESOURCES,
            migrations: MIGRATIONS,
        }))),
        auth: Some(auth),
        transport: None,
        dashboard: None,
    }))
}

fn environment(name: &str) -> Option<String> {
    match name {
        "ACCOUNTS_SECRET" => Some(SECRET.into()),
        "ROOT_EMAIL" => Some(ADMIN_EMAIL.into()),
        "ROOT_PASSWORD" => Some(ADMIN_PASSWORD.into()),
        "EXTERNAL_SECRET" => Some(EXTERNAL_SECRET.into()),
        _ => None,
    }
}

/// A server with connection info (so the throttle sees the client's address).
struct Server {
    addr: SocketAddr,
    store: Store,
    runtime_handle: tokio::runtime::Handle,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    _db: Option<TestDb>,
}

impl Server {
    fn start(auth: &'static AuthSpec, backend: Backend) -> Server {
        let db = TestDb::new(backend);
        let url = db.url.clone();
        Server::start_at(auth, &url, Some(db))
    }

    fn start_at(auth: &'static AuthSpec, url: &str, db: Option<TestDb>) -> Server {
        let spec = service(auth);
        let data: &'static DataSpec = Box::leak(Box::new(DataSpec {
            url: Box::leak(url.to_owned().into_boxed_str()),
            resources: RESOURCES,
            migrations: MIGRATIONS,
        }));
        let authenticator =
            Authenticator::with_lookup(auth, &environment).expect("the authenticator builds");
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("non-blocking");
        let addr = listener.local_addr().expect("address");
        let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let (ready, ready_rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime");
            let handle = runtime.handle().clone();
            runtime.block_on(async move {
                let store = Store::open(data).await.expect("the store opens");
                let app = router_with(
                    spec,
                    Overrides {
                        store: Some(store.clone()),
                        authenticator: Some(authenticator),
                        dashboard_token: None,
                    },
                );
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let _ = ready.send((store, handle));
                axum::serve(
                    listener,
                    app.into_make_service_with_connect_info::<SocketAddr>(),
                )
                .with_graceful_shutdown(async move {
                    let _ = shutdown_rx.await;
                })
                .await
                .expect("the server runs");
            });
        });
        let (store, runtime_handle) = ready_rx.recv().expect("the server starts");
        Server {
            addr,
            store,
            runtime_handle,
            shutdown: Some(shutdown),
            thread: Some(thread),
            _db: db,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn post(&self, path: &str, body: &Value) -> Reply {
        request("POST", &self.url(path), &[], Some(body))
    }

    fn get_as(&self, path: &str, token: &str) -> Reply {
        let bearer = format!("Bearer {token}");
        request("GET", &self.url(path), &[("authorization", &bearer)], None)
    }

    fn sql(&self, text: &str, params: Vec<Value>) -> Vec<serde_json::Map<String, Value>> {
        let store = self.store.clone();
        let text = text.to_owned();
        std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    self.runtime_handle
                        .block_on(async move { store.sql(text, params, &Origin::system()).await })
                })
                .join()
                .expect("the query thread")
        })
        .expect("the query runs")
    }

    fn register(&self, email: &str, password: &str) -> Value {
        let reply = self.post(
            "/auth/register",
            &json!({ "email": email, "password": password }),
        );
        assert_eq!(reply.status, 201, "{}", reply.text());
        reply.json()
    }

    fn login(&self, email: &str, password: &str) -> Reply {
        self.post(
            "/auth/login",
            &json!({ "email": email, "password": password }),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The claims of a JWT, verified independently with the `jsonwebtoken` crate and `secret`.
fn verified_claims(token: &str, secret: &str) -> Value {
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.set_issuer(&[ISSUER]);
    jsonwebtoken::decode::<Value>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(secret.as_bytes()).unwrap(),
        &validation,
    )
    .expect("the access token verifies with the secret")
    .claims
}

fn register_log_in_and_read_me(backend: Backend) {
    let server = Server::start(&AUTH, backend);
    let session = server.register("  Ann@Example.COM ", "a long enough password");
    let user = &session["user"];
    assert_eq!(user["email"], "ann@example.com");
    assert_eq!(user["roles"], json!(["member"]));
    let keys: Vec<&String> = user.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "email", "roles", "created_at", "updated_at"]);
    assert_eq!(session["token_type"], "Bearer");
    assert_eq!(session["expires_in"], 900);
    let refresh = session["refresh_token"].as_str().unwrap();
    assert_eq!(refresh.len(), 64, "256 bits as hex");

    let claims = verified_claims(session["access_token"].as_str().unwrap(), SECRET);
    assert_eq!(claims["sub"], user["id"]);
    assert_eq!(claims["roles"], json!(["member"]));
    let lifetime = claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap();
    assert_eq!(lifetime, 900);

    // Another case logs in to the same account.
    let login = server.login("ANN@example.com", "a long enough password");
    assert_eq!(login.status, 200, "{}", login.text());
    assert_eq!(login.header("cache-control"), Some("no-store"));
    let access = login.json()["access_token"].as_str().unwrap().to_owned();
    let me = server.get_as("/auth/me", &access);
    assert_eq!(me.status, 200, "{}", me.text());
    assert_eq!(me.json(), *user);
    assert_eq!(server.get_as("/auth/me", "a.b.c").status, 401);
    assert_eq!(
        request("GET", &server.url("/auth/me"), &[], None).status,
        401
    );

    // The hash is argon2id with OWASP's parameters, in its own table; nothing else holds it.
    let stored = server.sql(
        r#"SELECT "password_hash" FROM "_backworks_credentials""#,
        vec![],
    );
    assert_eq!(stored.len(), 2, "the account and the bootstrap admin");
    for row in &stored {
        let hash = row["password_hash"].as_str().unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
    }
    let text = me.text() + &login.text();
    assert!(
        !text.contains("argon2") && !text.contains("password"),
        "{text}"
    );
    // Only the digest of a refresh token is stored.
    let tokens = server.sql(
        r#"SELECT "token_hash" FROM "_backworks_refresh_tokens""#,
        vec![],
    );
    assert!(
        tokens
            .iter()
            .all(|row| row["token_hash"].as_str() != Some(refresh))
    );
}

fn registration_refuses_bad_input(backend: Backend) {
    let server = Server::start(&AUTH, backend);
    server.register("bob@example.org", "bob's password");
    let taken = server.post(
        "/auth/register",
        &json!({ "email": "BOB@example.org", "password": "another password" }),
    );
    assert_eq!(taken.status, 409, "{}", taken.text());
    assert_eq!(taken.json()["error"], "email_taken");
    let short = server.post(
        "/auth/register",
        &json!({ "email": "carol@example.org", "password": "short" }),
    );
    assert_eq!(short.status, 400);
    assert_eq!(short.pointers(), ["/body/password"]);
    let long = server.post(
        "/auth/register",
        &json!({ "email": "carol@example.org", "password": "x".repeat(65) }),
    );
    assert_eq!(long.pointers(), ["/body/password"]);
    let email = server.post(
        "/auth/register",
        &json!({ "email": "not an address", "password": "a fine password" }),
    );
    assert_eq!(email.pointers(), ["/body/email"]);
    let extra = server.post(
        "/auth/register",
        &json!({ "email": "carol@example.org", "password": "a fine password", "roles": ["admin"] }),
    );
    assert_eq!(extra.status, 400, "a registrant cannot choose roles");
    let garbage = request(
        "POST",
        &server.url("/auth/register"),
        &[("content-type", "application/json")],
        None,
    );
    assert_eq!(garbage.status, 400);
    assert_eq!(
        request("GET", &server.url("/auth/login"), &[], None).status,
        405
    );
}

fn refresh_rotates_and_reuse_revokes_the_family(backend: Backend) {
    let server = Server::start(&AUTH, backend);
    server.register("dora@example.org", "dora's password");
    let first = server.login("dora@example.org", "dora's password").json();
    let r1 = first["refresh_token"].as_str().unwrap().to_owned();

    let second = server.post("/auth/refresh", &json!({ "refresh_token": r1 }));
    assert_eq!(second.status, 200, "{}", second.text());
    let r2 = second.json()["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(r1, r2);
    let access = second.json()["access_token"].as_str().unwrap().to_owned();
    assert_eq!(server.get_as("/auth/me", &access).status, 200);

    // r1 is spent: presenting it again is reuse, which revokes r2 too.
    let reused = server.post("/auth/refresh", &json!({ "refresh_token": r1 }));
    assert_eq!(reused.status, 401);
    assert_eq!(reused.json()["error"], "invalid_refresh_token");
    let newest = server.post("/auth/refresh", &json!({ "refresh_token": r2 }));
    assert_eq!(newest.status, 401, "the family is revoked");

    // Another login is another family, unaffected; logout revokes it.
    let other = server.login("dora@example.org", "dora's password").json();
    let r3 = other["refresh_token"].as_str().unwrap().to_owned();
    let out = server.post("/auth/logout", &json!({ "refresh_token": r3 }));
    assert_eq!(out.status, 204);
    let after = server.post("/auth/refresh", &json!({ "refresh_token": r3 }));
    assert_eq!(after.status, 401);
    let unknown = server.post("/auth/refresh", &json!({ "refresh_token": "0".repeat(64) }));
    assert_eq!(unknown.status, 401);
}

fn admin_bootstrap_and_role_changes(backend: Backend) {
    let server = Server::start(&AUTH, backend);
    // The admin's email, in another case, cannot be registered: the admin exists first.
    let squat = server.post(
        "/auth/register",
        &json!({ "email": "root@example.org", "password": "squatter password" }),
    );
    assert_eq!(squat.status, 409, "{}", squat.text());
    let admin = server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    assert_eq!(admin.status, 200, "{}", admin.text());
    let admin = admin.json();
    assert_eq!(admin["user"]["roles"], json!(["admin"]));
    let admin_token = admin["access_token"].as_str().unwrap().to_owned();

    let member = server.register("eve@example.org", "eve's password!");
    let member_id = member["user"]["id"].as_str().unwrap().to_owned();
    let member_token = member["access_token"].as_str().unwrap().to_owned();
    let path = format!("/auth/users/{member_id}");
    let patch = |token: &str, body: Value| {
        let bearer = format!("Bearer {token}");
        request(
            "PATCH",
            &server.url(&path),
            &[("authorization", &bearer)],
            Some(&body),
        )
    };
    let forbidden = patch(&member_token, json!({ "roles": ["admin"] }));
    assert_eq!(forbidden.status, 403, "{}", forbidden.text());
    let unknown_role = patch(&admin_token, json!({ "roles": ["wizard"] }));
    assert_eq!(unknown_role.status, 400);
    let changed = patch(&admin_token, json!({ "roles": ["member", "editor"] }));
    assert_eq!(changed.status, 200, "{}", changed.text());
    assert_eq!(changed.json()["roles"], json!(["member", "editor"]));
    // The next token carries the new roles.
    let refreshed = server.post(
        "/auth/refresh",
        &json!({ "refresh_token": member["refresh_token"] }),
    );
    let claims = verified_claims(refreshed.json()["access_token"].as_str().unwrap(), SECRET);
    assert_eq!(claims["roles"], json!(["member", "editor"]));
    let missing = request(
        "PATCH",
        &server.url("/auth/users/00000000-0000-4000-8000-000000000000"),
        &[("authorization", &format!("Bearer {admin_token}"))],
        Some(&json!({ "roles": [] })),
    );
    assert_eq!(missing.status, 404);
}

fn concurrent_refreshes_with_one_token_admit_one(backend: Backend) {
    let server = Server::start(&AUTH, backend);
    server.register("nia@example.org", "nia's password");
    let login = server.login("nia@example.org", "nia's password").json();
    let token = login["refresh_token"].as_str().unwrap().to_owned();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..6)
            .map(|_| {
                scope.spawn(|| {
                    server
                        .post("/auth/refresh", &json!({ "refresh_token": token }))
                        .status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let won = statuses.iter().filter(|&&status| status == 200).count();
    assert_eq!(won, 1, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|&status| status == 200 || status == 401)
    );
}

both!(
    concurrent_refreshes_with_one_token_admit_one,
    register_log_in_and_read_me,
    registration_refuses_bad_input,
    refresh_rotates_and_reuse_revokes_the_family,
    admin_bootstrap_and_role_changes,
);

#[test]
fn an_unknown_email_and_a_wrong_password_get_the_same_answer() {
    let server = Server::start(&LENIENT, Backend::Sqlite);
    server.register("fay@example.org", "fay's password");
    let wrong = server.login("fay@example.org", "not fay's password");
    let unknown = server.login("nobody@example.org", "not fay's password");
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.text(), unknown.text());
    assert_eq!(wrong.json()["error"], "invalid_credentials");
}

#[test]
fn an_unknown_email_takes_as_long_as_a_wrong_password() {
    let server = Server::start(&LENIENT, Backend::Sqlite);
    server.register("gus@example.org", "gus's password");
    let time = |email: &str| {
        let start = Instant::now();
        let reply = server.login(email, "a wrong password");
        assert_eq!(reply.status, 401);
        start.elapsed().as_secs_f64()
    };
    // Warm up (the decoy hash is made on first use).
    time("nobody@example.org");
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for round in 0..9 {
        known.push(time("gus@example.org"));
        unknown.push(time(&format!("nobody{round}@example.org")));
    }
    let median = |samples: &mut Vec<f64>| {
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    };
    let (known, unknown) = (median(&mut known), median(&mut unknown));
    // Without the decoy an unknown email would answer in a fraction of a millisecond against
    // tens of milliseconds of hashing: a factor far beyond this tolerance.
    let ratio = unknown / known;
    assert!(
        (0.5..2.0).contains(&ratio),
        "median unknown {unknown:.4}s vs wrong password {known:.4}s"
    );
}

#[test]
fn failed_logins_are_throttled_per_account() {
    let server = Server::start(&AUTH, Backend::Sqlite);
    server.register("hal@example.org", "hal's password");
    for _ in 0..5 {
        assert_eq!(
            server.login("hal@example.org", "a wrong password").status,
            401
        );
    }
    // Now even the right password waits, and so does an unknown account after as many tries.
    let locked = server.login("hal@example.org", "hal's password");
    assert_eq!(locked.status, 429, "{}", locked.text());
    let retry: u64 = locked.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=600).contains(&retry), "{retry}");
    for _ in 0..5 {
        assert_eq!(
            server.login("ivy@example.org", "a wrong password").status,
            401
        );
    }
    let unknown = server.login("ivy@example.org", "a wrong password");
    assert_eq!(unknown.status, 429);
    assert_eq!(unknown.text(), locked.text());
    // Another account is not affected.
    server.register("jo@example.org", "jo's password!");
    assert_eq!(server.login("jo@example.org", "jo's password!").status, 200);
}

#[test]
fn failed_logins_are_throttled_per_address() {
    let server = Server::start(&STRICT, Backend::Sqlite);
    server.register("kim@example.org", "kim's password");
    // Two failures per account, eight per address: eight accounts, one failure each... twice.
    for round in 0..8 {
        let reply = server.login(&format!("probe{round}@example.org"), "a wrong password");
        assert_eq!(reply.status, 401, "attempt {round}");
    }
    let blocked = server.login("kim@example.org", "kim's password");
    assert_eq!(blocked.status, 429, "{}", blocked.text());
    assert!(blocked.header("retry-after").is_some());
}

#[test]
fn tokens_go_to_the_provider_their_issuer_names() {
    let server = Server::start(&WITH_JWT, Backend::Sqlite);
    let session = server.register("lee@example.org", "lee's password");
    let own = session["access_token"].as_str().unwrap();
    assert_eq!(server.get_as("/auth/me", own).status, 200);

    let now = jsonwebtoken::get_current_timestamp();
    let external = json!({ "iss": "https://id.example.com", "sub": "ext-1", "exp": now + 60 });
    // The external provider's token is admitted (and has no account here).
    let reply = server.get_as("/auth/me", &hs256(&external, EXTERNAL_SECRET));
    assert_eq!(reply.status, 404, "{}", reply.text());
    // Our issuer, signed with the external secret: our verifier refuses it.
    let forged = json!({ "iss": ISSUER, "sub": session["user"]["id"], "exp": now + 60 });
    assert_eq!(
        server
            .get_as("/auth/me", &hs256(&forged, EXTERNAL_SECRET))
            .status,
        401
    );
    // Unsigned, with our issuer.
    assert_eq!(server.get_as("/auth/me", &unsigned(&forged)).status, 401);
    // Another issuer, signed with our secret: the external verifier refuses it.
    let stranger = json!({ "iss": "https://elsewhere", "sub": "x", "exp": now + 60 });
    assert_eq!(
        server.get_as("/auth/me", &hs256(&stranger, SECRET)).status,
        401
    );
    // Expired.
    let old = json!({ "iss": ISSUER, "sub": session["user"]["id"], "exp": now - 3600 });
    assert_eq!(server.get_as("/auth/me", &hs256(&old, SECRET)).status, 401);
}

#[test]
fn without_an_external_provider_a_foreign_issuer_is_refused() {
    let server = Server::start(&AUTH, Backend::Sqlite);
    let session = server.register("max@example.org", "max's password");
    let now = jsonwebtoken::get_current_timestamp();
    let foreign =
        json!({ "iss": "https://elsewhere", "sub": session["user"]["id"], "exp": now + 60 });
    let reply = server.get_as("/auth/me", &hs256(&foreign, SECRET));
    assert_eq!(reply.status, 401);
}

#[test]
fn start_up_errors_name_the_variable_and_never_the_value() {
    let short = Authenticator::with_lookup(&AUTH, &|name| match name {
        "ACCOUNTS_SECRET" => Some("tooshort-secret".into()),
        other => environment(other),
    })
    .unwrap_err();
    assert!(short.contains("ACCOUNTS_SECRET"), "{short}");
    assert!(!short.contains("tooshort-secret"), "{short}");
    let missing = Authenticator::with_lookup(&AUTH, &|name| match name {
        "ROOT_PASSWORD" => None,
        other => environment(other),
    })
    .unwrap_err();
    assert_eq!(
        missing,
        "the environment variable ROOT_PASSWORD (auth.users.admin.password) is not set"
    );
    let weak = Authenticator::with_lookup(&AUTH, &|name| match name {
        "ROOT_PASSWORD" => Some("weak".into()),
        other => environment(other),
    })
    .unwrap_err();
    assert!(weak.contains("ROOT_PASSWORD"), "{weak}");
    assert_eq!(weak.lines().count(), 1, "one line: {weak}");
}

#[test]
fn a_lost_database_is_a_503_never_a_401_and_recovers() {
    let cluster = Cluster::start_new();
    let url = cluster.create_database();
    let server = Server::start_at(&AUTH, &url, None);
    server.register("oz@example.org", "oz's password!");
    let refresh = server.login("oz@example.org", "oz's password!").json()["refresh_token"].clone();
    cluster.stop();
    let login = server.login("oz@example.org", "oz's password!");
    assert_eq!(login.status, 503, "{}", login.text());
    assert!(login.header("retry-after").is_some());
    let rotated = server.post("/auth/refresh", &json!({ "refresh_token": refresh }));
    assert_eq!(rotated.status, 503, "{}", rotated.text());
    let registered = server.post(
        "/auth/register",
        &json!({ "email": "pip@example.org", "password": "pip's password" }),
    );
    assert_eq!(registered.status, 503);
    cluster.start();
    let again = server.login("oz@example.org", "oz's password!");
    assert_eq!(again.status, 200, "{}", again.text());
    let rotated = server.post("/auth/refresh", &json!({ "refresh_token": refresh }));
    assert_eq!(
        rotated.status, 200,
        "the token was not spent by the failed attempt"
    );
    cluster.stop();
}
