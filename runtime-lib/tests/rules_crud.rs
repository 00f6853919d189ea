//! Record rules on the generated CRUD routes, over HTTP, on SQLite and PostgreSQL: two users
//! (HS256 tokens) and an admin, notes private to their owner unless shared, and comments
//! whose `note` ref expands through the notes' `get` rule. Each test proves one path by which
//! another user's private note could leak or change — list, get, update, replace, delete,
//! filters (probing a hidden field's value), sorts, counts, cursors, expansions — does not.
//!
//! The rules (what the compiler emits for this blueprint):
//! ```yaml
//! notes:
//!   fields: { title: …, body: …, rank: integer, shared: { boolean, default: false },
//!             owner: { string, default: user.id } }
//!   rules:
//!     list: record.owner == user.id || record.shared || "admin" in user.roles
//!     get:  (the same)
//!     create: record.owner == user.id || "admin" in user.roles
//!     update: record.owner == user.id || "admin" in user.roles
//!     delete: record.owner == user.id || "admin" in user.roles
//! ```

mod auth_support;
mod http_support;
mod storage_support;

use auth_support::{AuthServer, SECRET, claims, hs256};
use backworks_runtime::auth::{Access, AuthSpec, JwtAlgorithm, JwtKeys, JwtSpec};
use backworks_runtime::http::ServiceSpec;
use backworks_runtime::storage::{
    Comparison, CrudOp, DataSpec, DefaultSpec, FieldKind, FieldSpec, IdKind, MigrationSpec,
    OnDeleteKind, OperationPointers, ResourceSpec, RuleExpr, RulesSpec,
};
use http_support::{Reply, request};
use serde_json::{Value, json};
use storage_support::{Backend, TestDb};

static AUTH: AuthSpec = AuthSpec {
    jwt: Some(JwtSpec {
        keys: JwtKeys::Fixed {
            algorithm: JwtAlgorithm::Hs256,
            variable: "JWT_SECRET",
        },
        issuer: None,
        audience: None,
        roles_claim: "roles",
        leeway_s: 30,
    }),
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

const ALL: &[CrudOp] = &[
    CrudOp::List,
    CrudOp::Get,
    CrudOp::Create,
    CrudOp::Update,
    CrudOp::Delete,
];

const fn field(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: false,
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

const NO_POINTERS: OperationPointers = OperationPointers {
    list: None,
    get: None,
    create: None,
    patch: None,
    put: None,
    delete: None,
};

/// `record.owner == user.id`
static OWNED: RuleExpr =
    RuleExpr::Compare(&RuleExpr::Field("owner"), Comparison::Eq, &RuleExpr::UserId);
/// `"admin" in user.roles`
static ADMIN: RuleExpr = RuleExpr::In(&RuleExpr::String("admin"), &RuleExpr::UserRoles);
/// `record.owner == user.id || "admin" in user.roles`
static OWNER_OR_ADMIN: RuleExpr = RuleExpr::Or(&OWNED, &ADMIN);
/// `record.owner == user.id || record.shared || "admin" in user.roles`
static READABLE: RuleExpr = RuleExpr::Or(&RuleExpr::Or(&OWNED, &RuleExpr::Field("shared")), &ADMIN);

static RESOURCES: &[ResourceSpec] = &[
    ResourceSpec {
        name: "notes",
        id: IdKind::Integer,
        fields: &[
            FieldSpec {
                required: true,
                ..field("title", FieldKind::String)
            },
            field("body", FieldKind::Text),
            field("rank", FieldKind::Integer),
            FieldSpec {
                default: Some(DefaultSpec::Json("false")),
                ..field("shared", FieldKind::Boolean)
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
        openapi: NO_POINTERS,
        seed: None,
        rules: RulesSpec {
            list: Some(&READABLE),
            get: Some(&READABLE),
            create: Some(&OWNER_OR_ADMIN),
            update: Some(&OWNER_OR_ADMIN),
            delete: Some(&OWNER_OR_ADMIN),
        },
    },
    ResourceSpec {
        name: "comments",
        id: IdKind::Integer,
        fields: &[
            FieldSpec {
                required: true,
                ..field("text", FieldKind::String)
            },
            field(
                "note",
                FieldKind::Ref {
                    to: "notes",
                    id: IdKind::Integer,
                    on_delete: OnDeleteKind::Cascade,
                },
            ),
        ],
        timestamps: false,
        search: &[],
        operations: ALL,
        openapi: NO_POINTERS,
        seed: None,
        rules: RulesSpec::NONE,
    },
];

static MIGRATIONS: &[MigrationSpec] = &[MigrationSpec {
    version: 1,
    name: "create_notes",
    sqlite: r#"
CREATE TABLE "notes" (
  "id" INTEGER PRIMARY KEY,
  "title" TEXT NOT NULL,
  "body" TEXT,
  "rank" INTEGER,
  "shared" INTEGER,
  "owner" TEXT NOT NULL,
  "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL
);
CREATE TABLE "comments" (
  "id" INTEGER PRIMARY KEY,
  "text" TEXT NOT NULL,
  "note" INTEGER REFERENCES "notes" ("id") ON DELETE CASCADE
);
"#,
    postgres: r#"
CREATE TABLE "notes" (
  "id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  "title" TEXT NOT NULL,
  "body" TEXT,
  "rank" BIGINT,
  "shared" BOOLEAN,
  "owner" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE TABLE "comments" (
  "id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  "text" TEXT NOT NULL,
  "note" BIGINT REFERENCES "notes" ("id") ON DELETE CASCADE
);
"#,
}];

static DATA: DataSpec = DataSpec {
    url: "sqlite::memory:",
    resources: RESOURCES,
    migrations: MIGRATIONS,
};

static SERVICE: ServiceSpec = ServiceSpec {
    auth: Some(&AUTH),
    data: Some(&DATA),
    openapi: None,
    ..storage_support::SERVICE_FIELDS
};

/// A server on a fresh database of `backend`, and the database (kept alive with it).
fn start(backend: Backend) -> (AuthServer, TestDb) {
    let db = TestDb::new(backend);
    let data: &'static DataSpec = Box::leak(Box::new(DataSpec {
        url: Box::leak(db.url.clone().into_boxed_str()),
        resources: RESOURCES,
        migrations: MIGRATIONS,
    }));
    (
        AuthServer::start_with_data(&SERVICE, SECRET, Some(data)),
        db,
    )
}

/// A caller: its bearer header value.
struct Caller(String);

fn user(id: &str) -> Caller {
    Caller(format!("Bearer {}", hs256(&claims(id, json!({})), SECRET)))
}

fn admin(id: &str) -> Caller {
    Caller(format!(
        "Bearer {}",
        hs256(&claims(id, json!({ "roles": ["admin"] })), SECRET)
    ))
}

impl Caller {
    fn send(&self, server: &AuthServer, method: &str, path: &str, body: Option<&Value>) -> Reply {
        let text = body.map(Value::to_string);
        let mut headers = vec![("authorization", self.0.as_str())];
        if text.is_some() {
            headers.push(("content-type", "application/json"));
        }
        request(
            method,
            &server.url(path),
            &headers,
            text.as_deref().map(str::as_bytes),
        )
    }

    fn get(&self, server: &AuthServer, path: &str) -> Reply {
        self.send(server, "GET", path, None)
    }

    /// Creates a note and answers its id.
    fn note(&self, server: &AuthServer, body: Value) -> i64 {
        let reply = self.send(server, "POST", "/notes", Some(&body));
        assert_eq!(reply.status, 201, "{body}: {}", reply.text());
        reply.json()["id"].as_i64().expect("an integer id")
    }

    /// The titles of a list request's items, in order.
    fn titles(&self, server: &AuthServer, path: &str) -> Vec<String> {
        let reply = self.get(server, path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.text());
        titles(&reply.json())
    }
}

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["title"].as_str().unwrap_or("?").to_owned())
        .collect()
}

/// Alice's two private notes and one shared one, and Bob's private note.
struct Notes {
    alice_secret: i64,
    alice_diary: i64,
    alice_shared: i64,
    bob_private: i64,
}

fn seed(server: &AuthServer) -> Notes {
    let (alice, bob) = (user("alice"), user("bob"));
    Notes {
        alice_secret: alice.note(
            server,
            json!({"title": "alice secret", "body": "pin 4711", "rank": 1}),
        ),
        alice_diary: alice.note(server, json!({"title": "alice diary", "rank": 5})),
        alice_shared: alice.note(
            server,
            json!({"title": "alice shared", "shared": true, "rank": 3}),
        ),
        bob_private: bob.note(server, json!({"title": "bob private", "rank": 2})),
    }
}

/// The body a request for a row that does not exist gets.
fn absent_body(id: i64) -> Value {
    json!({"error": "not_found", "message": format!("notes has no row with id {id}")})
}

fn list_and_count_show_only_visible_rows(backend: Backend) {
    let (server, _db) = start(backend);
    seed(&server);
    let bob = user("bob");
    let reply = bob.get(&server, "/notes?count=exact&order=title");
    assert_eq!(reply.status, 200, "{}", reply.text());
    let page = reply.json();
    assert_eq!(titles(&page), ["alice shared", "bob private"]);
    assert_eq!(page["total"], 2);
    assert_eq!(
        user("alice").titles(&server, "/notes?order=title"),
        ["alice diary", "alice secret", "alice shared"]
    );
    // Someone with no notes sees only the shared one.
    assert_eq!(user("carol").titles(&server, "/notes"), ["alice shared"]);
}

fn get_of_a_hidden_row_reads_as_absent(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let bob = user("bob");
    let hidden = bob.get(&server, &format!("/notes/{}", notes.alice_secret));
    assert_eq!(hidden.status, 404);
    assert_eq!(hidden.json(), absent_body(notes.alice_secret));
    // Exactly what an id that never existed answers.
    let missing = bob.get(&server, "/notes/999999");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json(), absent_body(999_999));
    assert_eq!(
        hidden.header("content-type"),
        missing.header("content-type")
    );
    // Shared and own notes read fine.
    let shared = bob.get(&server, &format!("/notes/{}", notes.alice_shared));
    assert_eq!(shared.status, 200);
    assert_eq!(shared.json()["title"], "alice shared");
    let own = user("alice").get(&server, &format!("/notes/{}", notes.alice_secret));
    assert_eq!(own.json()["body"], "pin 4711");
}

fn filters_cannot_probe_hidden_values(backend: Backend) {
    let (server, _db) = start(backend);
    seed(&server);
    let bob = user("bob");
    // A guess at a hidden note's field, by equality, pattern, range and count.
    for probe in [
        "/notes?body=eq.pin%204711&count=exact",
        "/notes?body=like.pin*&count=exact",
        "/notes?title=eq.alice%20secret&count=exact",
        "/notes?owner=eq.alice&shared=is.false&count=exact",
        "/notes?rank=lt.2&owner=neq.bob&count=exact",
        "/notes?id=in.(1,2)&count=exact",
    ] {
        let reply = bob.get(&server, probe);
        assert_eq!(reply.status, 200, "{probe}: {}", reply.text());
        let page = reply.json();
        assert_eq!(titles(&page), Vec::<String>::new(), "{probe}");
        assert_eq!(page["total"], 0, "{probe}");
    }
    // The same probes by the owner find the note: the filters themselves work.
    let alice = user("alice");
    assert_eq!(
        alice.titles(&server, "/notes?body=eq.pin%204711"),
        ["alice secret"]
    );
    assert_eq!(alice.titles(&server, "/notes?rank=lt.2"), ["alice secret"]);
}

fn sorts_and_cursors_walk_only_visible_rows(backend: Backend) {
    let (server, _db) = start(backend);
    seed(&server);
    let alice = user("alice");
    for rank in 10..16 {
        alice.note(
            &server,
            json!({"title": format!("alice extra {rank}"), "rank": rank}),
        );
    }
    let bob = user("bob");
    bob.note(&server, json!({"title": "bob second", "rank": 12}));
    // Sorting by a field interleaves nothing hidden; ranks of hidden notes leave no gap.
    assert_eq!(
        bob.titles(&server, "/notes?order=rank.desc"),
        ["bob second", "alice shared", "bob private"]
    );
    // Keyset pages: limit 1, following `next` to the end.
    let mut seen = Vec::new();
    let mut path = "/notes?order=rank&limit=1&count=exact".to_owned();
    loop {
        let reply = bob.get(&server, &path);
        assert_eq!(reply.status, 200, "{}", reply.text());
        let page = reply.json();
        assert_eq!(page["total"], 3);
        seen.extend(titles(&page));
        match page["next"].as_str() {
            Some(next) => path = format!("/notes?order=rank&limit=1&count=exact&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen, ["bob private", "alice shared", "bob second"]);
    // Offsets count visible rows only.
    assert_eq!(
        bob.titles(&server, "/notes?order=rank&offset=2"),
        ["bob second"]
    );
}

fn writes_to_hidden_rows_answer_404(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let bob = user("bob");
    let path = format!("/notes/{}", notes.alice_secret);
    let patch = bob.send(&server, "PATCH", &path, Some(&json!({"title": "pwned"})));
    assert_eq!(patch.status, 404, "{}", patch.text());
    assert_eq!(patch.json(), absent_body(notes.alice_secret));
    let put = bob.send(
        &server,
        "PUT",
        &path,
        Some(&json!({"title": "pwned", "owner": "bob"})),
    );
    assert_eq!(put.status, 404, "{}", put.text());
    assert_eq!(put.json(), absent_body(notes.alice_secret));
    let delete = bob.send(&server, "DELETE", &path, None);
    assert_eq!(delete.status, 404, "{}", delete.text());
    assert_eq!(delete.json(), absent_body(notes.alice_secret));
    let alice = user("alice");
    let row = alice.get(&server, &path).json();
    assert_eq!(row["title"], "alice secret");
    assert_eq!(row["owner"], "alice");
    assert_eq!(
        alice
            .get(&server, &format!("/notes/{}", notes.alice_diary))
            .status,
        200
    );
}

fn shared_rows_are_readable_not_writable(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let bob = user("bob");
    let path = format!("/notes/{}", notes.alice_shared);
    let patch = bob.send(&server, "PATCH", &path, Some(&json!({"title": "mine now"})));
    assert_eq!(patch.status, 403, "{}", patch.text());
    assert_eq!(patch.json()["error"], "forbidden");
    let delete = bob.send(&server, "DELETE", &path, None);
    assert_eq!(delete.status, 403, "{}", delete.text());
    assert_eq!(
        user("alice").get(&server, &path).json()["title"],
        "alice shared"
    );
}

fn updates_cannot_hand_a_row_to_someone_else(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let alice = user("alice");
    let path = format!("/notes/{}", notes.alice_diary);
    let give = alice.send(&server, "PATCH", &path, Some(&json!({"owner": "bob"})));
    assert_eq!(give.status, 403, "{}", give.text());
    let replace = alice.send(
        &server,
        "PUT",
        &path,
        Some(&json!({"title": "given", "owner": "bob"})),
    );
    assert_eq!(replace.status, 403, "{}", replace.text());
    // Rolled back: still Alice's, still hidden from Bob.
    assert_eq!(alice.get(&server, &path).json()["owner"], "alice");
    assert_eq!(user("bob").get(&server, &path).status, 404);
    // A change the rule admits goes through; PUT without `owner` keeps the caller's.
    let ok = alice.send(&server, "PUT", &path, Some(&json!({"title": "renamed"})));
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json()["owner"], "alice");
    let own = alice.send(&server, "PATCH", &path, Some(&json!({"shared": true})));
    assert_eq!(own.status, 200, "{}", own.text());
    assert_eq!(user("bob").get(&server, &path).status, 200);
}

fn creates_take_the_caller_as_owner_and_refuse_forgery(backend: Backend) {
    let (server, _db) = start(backend);
    let bob = user("bob");
    let created = bob.send(&server, "POST", "/notes", Some(&json!({"title": "b"})));
    assert_eq!(created.status, 201, "{}", created.text());
    assert_eq!(created.json()["owner"], "bob");
    let forged = bob.send(
        &server,
        "POST",
        "/notes",
        Some(&json!({"title": "forged", "owner": "alice"})),
    );
    assert_eq!(forged.status, 403, "{}", forged.text());
    assert_eq!(forged.json()["error"], "forbidden");
    // Nothing was written: the admin, who sees everything, finds only Bob's note.
    assert_eq!(admin("root").titles(&server, "/notes"), ["b"]);
    // An admin may create on someone's behalf.
    let on_behalf = admin("root").send(
        &server,
        "POST",
        "/notes",
        Some(&json!({"title": "for alice", "owner": "alice"})),
    );
    assert_eq!(on_behalf.status, 201, "{}", on_behalf.text());
    assert_eq!(user("alice").titles(&server, "/notes"), ["for alice"]);
}

fn admins_see_and_change_everything(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let root = admin("root");
    let page = root.get(&server, "/notes?order=title&count=exact").json();
    assert_eq!(
        titles(&page),
        ["alice diary", "alice secret", "alice shared", "bob private"]
    );
    assert_eq!(page["total"], 4);
    let path = format!("/notes/{}", notes.alice_secret);
    let patch = root.send(
        &server,
        "PATCH",
        &path,
        Some(&json!({"title": "moderated"})),
    );
    assert_eq!(patch.status, 200, "{}", patch.text());
    assert_eq!(patch.json()["owner"], "alice");
    let gone = root.send(
        &server,
        "DELETE",
        &format!("/notes/{}", notes.bob_private),
        None,
    );
    assert_eq!(gone.status, 204);
    assert_eq!(user("bob").titles(&server, "/notes"), ["alice shared"]);
}

fn expansions_obey_the_target_get_rule(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let (alice, bob) = (user("alice"), user("bob"));
    for (who, text, note) in [
        (&alice, "on secret", notes.alice_secret),
        (&bob, "on shared", notes.alice_shared),
        (&bob, "on bob", notes.bob_private),
    ] {
        let reply = who.send(
            &server,
            "POST",
            "/comments",
            Some(&json!({"text": text, "note": note})),
        );
        assert_eq!(reply.status, 201, "{}", reply.text());
    }
    let reply = bob.get(&server, "/comments?select=text,note(title,body)&order=id");
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.json()["items"],
        json!([
            {"text": "on secret", "note": null},
            {"text": "on shared", "note": {"title": "alice shared", "body": null}},
            {"text": "on bob", "note": {"title": "bob private", "body": null}},
        ])
    );
    // Alice's view of the same comments expands her secret note.
    let reply = alice.get(&server, "/comments?select=text,note(body)&order=id");
    assert_eq!(
        reply.json()["items"][0],
        json!({"text": "on secret", "note": {"body": "pin 4711"}})
    );
}

fn references_cannot_probe_hidden_rows(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let bob = user("bob");
    let comment = |note: i64| {
        bob.send(
            &server,
            "POST",
            "/comments",
            Some(&json!({"text": "probe", "note": note})),
        )
    };
    // A ref to a hidden note is refused exactly as a ref to a note that does not exist.
    let hidden = comment(notes.alice_secret);
    let missing = comment(999_999);
    assert_eq!(hidden.status, 409, "{}", hidden.text());
    assert_eq!(missing.status, 409, "{}", missing.text());
    assert_eq!(hidden.json(), missing.json());
    // And by a change as well.
    let own = comment(notes.bob_private);
    assert_eq!(own.status, 201, "{}", own.text());
    let id = own.json()["id"].as_i64().expect("an id");
    let moved = bob.send(
        &server,
        "PATCH",
        &format!("/comments/{id}"),
        Some(&json!({"note": notes.alice_diary})),
    );
    assert_eq!(moved.status, 409, "{}", moved.text());
    assert_eq!(moved.json(), missing.json());
    // Nothing was written: the admin sees one comment, still on Bob's note.
    let all = admin("root").get(&server, "/comments").json();
    assert_eq!(all["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(all["items"][0]["note"], notes.bob_private);
}

fn anonymous_callers_meet_the_rules(backend: Backend) {
    let (server, _db) = start(backend);
    let notes = seed(&server);
    let anonymous = |method: &str, path: &str, body: Option<&Value>| {
        let text = body.map(Value::to_string);
        let mut headers = Vec::new();
        if text.is_some() {
            headers.push(("content-type", "application/json"));
        }
        request(
            method,
            &server.url(path),
            &headers,
            text.as_deref().map(str::as_bytes),
        )
    };
    // The operations with a rule let an anonymous caller in, and the rule (with `user` null)
    // decides: only the shared note is listed, counted and readable.
    let page = anonymous("GET", "/notes?count=exact", None);
    assert_eq!(page.status, 200, "{}", page.text());
    assert_eq!(titles(&page.json()), ["alice shared"]);
    assert_eq!(page.json()["total"], 1);
    let shared = anonymous("GET", &format!("/notes/{}", notes.alice_shared), None);
    assert_eq!(shared.status, 200, "{}", shared.text());
    let hidden = anonymous("GET", &format!("/notes/{}", notes.bob_private), None);
    assert_eq!(hidden.status, 404);
    assert_eq!(hidden.json(), absent_body(notes.bob_private));
    // A rule refusing an anonymous write answers 401 with a challenge: signing in may help.
    let create = anonymous("POST", "/notes", Some(&json!({"title": "drive-by"})));
    assert_eq!(create.status, 401, "{}", create.text());
    assert_eq!(create.header("www-authenticate"), Some("Bearer"));
    let change = anonymous(
        "PATCH",
        &format!("/notes/{}", notes.alice_shared),
        Some(&json!({"title": "defaced"})),
    );
    assert_eq!(change.status, 401, "{}", change.text());
    let removal = anonymous("DELETE", &format!("/notes/{}", notes.alice_shared), None);
    assert_eq!(removal.status, 401, "{}", removal.text());
    assert_eq!(
        user("alice")
            .get(&server, &format!("/notes/{}", notes.alice_shared))
            .json()["title"],
        "alice shared"
    );
    // Operations without a rule keep the resources' access: a caller is required.
    assert_eq!(anonymous("GET", "/comments", None).status, 401);
    // A token that does not verify is refused even where anonymous callers are welcome.
    let forged = request(
        "GET",
        &server.url("/notes"),
        &[("authorization", "Bearer not.a.token")],
        None,
    );
    assert_eq!(forged.status, 401);
}

both!(
    anonymous_callers_meet_the_rules,
    references_cannot_probe_hidden_rows,
    list_and_count_show_only_visible_rows,
    get_of_a_hidden_row_reads_as_absent,
    filters_cannot_probe_hidden_values,
    sorts_and_cursors_walk_only_visible_rows,
    writes_to_hidden_rows_answer_404,
    shared_rows_are_readable_not_writable,
    updates_cannot_hand_a_row_to_someone_else,
    creates_take_the_caller_as_owner_and_refuse_forgery,
    admins_see_and_change_everything,
    expansions_obey_the_target_get_rule,
);
