//! Live events end to end: a blueprint whose handlers call `ctx.emit`, compiled by the real
//! pipeline, its server built and run on SQLite, and a WebSocket client (tungstenite) at
//! `/_backworks/ws` with HS256 tokens signed by `openssl`. Proves the compiler and the
//! generated server wire it all: data changes of the generated CRUD routes reach a
//! subscriber through the rules, a handler's `ctx.emit` reaches the event's subscribers —
//! even when the handler throws afterwards — and emitting returns `undefined`. And the demo,
//! `examples/notes-auth`: a built-in account's token and an admin-issued API key
//! authenticate a socket, and the notes' rules decide what each subscriber hears.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use backworks_tests::http::{Response, request};
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, example, jwt, workspace_root};
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const SECRET: &str = "an-events-e2e-secret-that-is-long-enough";

const BLUEPRINT: &str = r#"name: events-notes
auth:
  jwt: { secret: "${JWT_SECRET}" }
resources:
  notes:
    fields:
      title: { type: string, required: true }
      shared: { type: boolean, default: false }
      owner: { type: string, required: true, default: user.id }
    rules:
      list: record.owner == user.id || record.shared
      get: record.owner == user.id || record.shared
      create: record.owner == user.id
      update: record.owner == user.id
      delete: record.owner == user.id
    endpoints: true
endpoints:
  nudge:
    path: /nudge
    method: POST
    handler: |
      export default function (req, ctx) {
        const returned = ctx.emit("nudge", { from: ctx.user.id, text: req.body.text, at: [1, 2] });
        return { body: { returned: returned === undefined ? "undefined" : typeof returned } };
      }
  jot:
    path: /jot
    method: POST
    handler: |
      export default async function (req, ctx) {
        const note = await ctx.db.notes.create({ title: req.body.title, shared: true, owner: ctx.user.id });
        await ctx.db.transaction(async (tx) => {
          await tx.notes.update(note.id, { title: req.body.title + " (edited)" });
        });
        await ctx.db.sql`UPDATE notes SET title = 'raw' WHERE id = ${note.id}`;
        await ctx.db.notes.delete(note.id);
        return { body: { id: note.id } };
      }
  oops:
    path: /oops
    method: POST
    handler: |
      export default function (req, ctx) {
        ctx.emit("nudge", { text: "before the throw" });
        throw new Error("after emitting");
      }
"#;

/// The project compiled and its server built, once per test process.
fn built() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let root = workspace_root().join("target/e2e/events-notes");
        let project = root.join("project");
        let _ = std::fs::remove_dir_all(&project);
        std::fs::create_dir_all(&project).expect("a project folder");
        std::fs::write(project.join("backworks.yaml"), BLUEPRINT).expect("write the blueprint");
        let compiled = compile(&project)
            .unwrap_or_else(|diagnostics| panic!("the blueprint does not compile:\n{diagnostics}"));
        let out = root.join("out");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

/// An HS256 JWT for `sub`, signed by `openssl` (`backworks_tests::jwt`).
fn token(sub: &str) -> String {
    let now = jwt::now();
    jwt::hs256(&json!({ "sub": sub, "iat": now, "exp": now + 600 }), SECRET)
}

fn call(server: &RunningServer, token: &str, method: &str, path: &str, body: Value) -> Response {
    let bearer = format!("Bearer {token}");
    request(
        method,
        &format!("{}{path}", server.base_url),
        &[
            ("authorization", bearer.as_str()),
            ("content-type", "application/json"),
        ],
        Some(&body.to_string()),
    )
}

/// A blocking WebSocket client that reads JSON messages with a timeout.
struct Client(WebSocket<MaybeTlsStream<TcpStream>>);

impl Client {
    fn connect(server: &RunningServer) -> Client {
        let (socket, _) =
            tungstenite::connect(format!("ws://127.0.0.1:{}/_backworks/ws", server.port))
                .expect("the WebSocket connects");
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .expect("a read timeout");
        }
        Client(socket)
    }

    fn send(&mut self, message: Value) {
        self.0
            .send(Message::Text(message.to_string().into()))
            .expect("sent");
    }

    fn recv(&mut self) -> Value {
        loop {
            match self.0.read().expect("a message within 10 s") {
                Message::Text(text) => return serde_json::from_str(text.as_str()).expect("JSON"),
                Message::Close(frame) => panic!("closed: {frame:?}"),
                _ => continue,
            }
        }
    }
}

#[test]
fn changes_and_emitted_events_reach_subscribers() {
    let folder = workspace_root().join("target/e2e/events-notes/run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a run folder");
    let server = RunningServer::start_in(built(), &folder, &[("JWT_SECRET", SECRET)]);
    let (alice, bob) = (token("alice"), token("bob"));

    let mut client = Client::connect(&server);
    client.send(json!({ "type": "auth", "token": bob }));
    assert_eq!(client.recv()["user"]["id"], "bob");
    client.send(json!({ "type": "subscribe", "sub": "n", "resource": "notes" }));
    assert_eq!(client.recv()["type"], "subscribed");
    client.send(json!({ "type": "subscribe", "sub": "e", "event": "nudge" }));
    assert_eq!(client.recv()["type"], "subscribed");

    // Alice's private note is not Bob's to hear of; her shared one is.
    let private = call(
        &server,
        &alice,
        "POST",
        "/notes",
        json!({ "title": "private" }),
    );
    assert_eq!(private.status, 201, "{private:?}");
    let shared = call(
        &server,
        &alice,
        "POST",
        "/notes",
        json!({ "title": "hello", "shared": true }),
    );
    assert_eq!(shared.status, 201, "{shared:?}");
    let change = client.recv();
    assert_eq!(change["action"], "create");
    assert_eq!(change["record"], shared.json());

    // `ctx.emit` from a compiled handler: delivered, and it returned undefined.
    let nudged = call(&server, &alice, "POST", "/nudge", json!({ "text": "psst" }));
    assert_eq!(nudged.status, 200, "{nudged:?}");
    assert_eq!(nudged.json(), json!({ "returned": "undefined" }));
    let event = client.recv();
    assert_eq!(event["type"], "event");
    assert_eq!(event["name"], "nudge");
    assert_eq!(
        event["payload"],
        json!({ "from": "alice", "text": "psst", "at": [1, 2] })
    );
    // An emit before a throw is still published; the request is still a 500.
    let failed = call(&server, &alice, "POST", "/oops", json!({}));
    assert_eq!(failed.status, 500, "{failed:?}");
    assert_eq!(
        client.recv()["payload"],
        json!({ "text": "before the throw" })
    );
    assert!(event["seq"].as_i64() > change["seq"].as_i64());

    // `ctx.db` writes, inside a transaction too, are changes like the routes'; the raw `sql`
    // write has no event (documented: it is not known row by row).
    let jotted = call(
        &server,
        &alice,
        "POST",
        "/jot",
        json!({ "title": "jotted" }),
    );
    assert_eq!(jotted.status, 200, "{jotted:?}");
    let id = jotted.json()["id"].clone();
    let created = client.recv();
    assert_eq!(
        (created["action"].as_str(), &created["id"]),
        (Some("create"), &id)
    );
    assert_eq!(created["record"]["owner"], "alice");
    let edited = client.recv();
    assert_eq!(edited["record"]["title"], "jotted (edited)");
    let deleted = client.recv();
    assert_eq!(
        (deleted["action"].as_str(), &deleted["id"]),
        (Some("delete"), &id)
    );
}

const SESSION_SECRET: &str = "the-events-e2e-accounts-signing-secret";
const ADMIN_EMAIL: &str = "admin@example.com";
const ADMIN_PASSWORD: &str = "an admin password for the events test";

/// `examples/notes-auth`, compiled and built once per test process.
fn notes_auth() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let compiled = compile(&example("notes-auth"))
            .unwrap_or_else(|diagnostics| panic!("notes-auth does not compile:\n{diagnostics}"));
        let out = workspace_root().join("target/e2e/events-notes-auth");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

fn post(server: &RunningServer, path: &str, bearer: Option<&str>, body: Value) -> Response {
    let authorization = bearer.map(|token| format!("Bearer {token}"));
    let mut headers = vec![("content-type", "application/json")];
    if let Some(authorization) = &authorization {
        headers.push(("authorization", authorization.as_str()));
    }
    request(
        "POST",
        &format!("{}{path}", server.base_url),
        &headers,
        Some(&body.to_string()),
    )
}

fn log_in(server: &RunningServer, email: &str, password: &str) -> String {
    let reply = post(
        server,
        "/auth/login",
        None,
        json!({ "email": email, "password": password }),
    );
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.json()["access_token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

#[test]
fn the_notes_auth_demo_publishes_through_its_rules() {
    let folder = workspace_root().join("target/e2e/events-notes-auth-run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a run folder");
    let server = RunningServer::start_in(
        notes_auth(),
        &folder,
        &[
            ("JWT_SECRET", SECRET),
            ("SESSION_SECRET", SESSION_SECRET),
            ("ADMIN_EMAIL", ADMIN_EMAIL),
            ("ADMIN_PASSWORD", ADMIN_PASSWORD),
        ],
    );
    for email in ["ada@example.com", "bob@example.com"] {
        let body = json!({ "email": email, "password": "correct horse battery" });
        assert_eq!(post(&server, "/auth/register", None, body).status, 201);
    }
    let ada = log_in(&server, "ada@example.com", "correct horse battery");
    let bob = log_in(&server, "bob@example.com", "correct horse battery");
    let admin = log_in(&server, ADMIN_EMAIL, ADMIN_PASSWORD);
    let issued = post(
        &server,
        "/_backworks/api-keys",
        Some(&admin),
        json!({ "name": "feed", "roles": ["reports"] }),
    );
    assert_eq!(issued.status, 201, "{issued:?}");
    let key = issued.json()["key"].as_str().expect("the key").to_owned();

    let mut bobs = Client::connect(&server);
    bobs.send(json!({ "type": "auth", "token": bob }));
    assert_eq!(bobs.recv()["type"], "auth");
    bobs.send(json!({ "type": "subscribe", "sub": "n", "resource": "notes" }));
    assert_eq!(bobs.recv()["type"], "subscribed");
    // An API key authenticates a socket as it does a request.
    let mut keyed = Client::connect(&server);
    keyed.send(json!({ "type": "auth", "api_key": key }));
    let accepted = keyed.recv();
    assert_eq!(accepted["user"]["roles"], json!(["reports"]), "{accepted}");
    keyed.send(json!({ "type": "subscribe", "sub": "shared", "resource": "notes", "filter": "shared=is.true" }));
    assert_eq!(keyed.recv()["type"], "subscribed");
    // A forged key is refused and the socket closed.
    let mut forged = Client::connect(&server);
    forged.send(json!({ "type": "auth", "api_key": "bwk_forged" }));
    assert_eq!(forged.recv()["status"], 401);

    let private = post(
        &server,
        "/notes",
        Some(&ada),
        json!({ "title": "ada's own" }),
    );
    assert_eq!(private.status, 201, "{private:?}");
    let shared = post(
        &server,
        "/notes",
        Some(&ada),
        json!({ "title": "for all", "shared": true }),
    );
    assert_eq!(shared.status, 201, "{shared:?}");
    // Bob and the key hear of the shared note only.
    let heard = bobs.recv();
    assert_eq!(
        (heard["action"].as_str(), &heard["record"]),
        (Some("create"), &shared.json())
    );
    assert_eq!(keyed.recv()["id"], shared.json()["id"]);
}
