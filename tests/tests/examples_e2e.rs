//! Every example, built by the real pipeline, compiled by cargo and served on a loopback port,
//! answers real HTTP requests as its handlers say — and the request/response contract holds
//! under bad input (malformed JSON, oversized bodies, unknown paths and methods, throwing
//! handlers), with the server still serving afterwards.
//!
//! Expected values are derived from the examples' data and handler code, not copied from output.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use backworks_tests::http::{get, raw, request, send_json};
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, example, workspace_root};
use serde_json::{Value, json};

/// Compiles the project at `project` into `target/e2e/<name>` and builds its server binary,
/// once per test run even when several tests use the same project.
fn server_for(project: &Path, name: &str) -> PathBuf {
    static BUILT: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());
    let mut built = BUILT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, binary)) = built.iter().find(|(built_name, _)| built_name == name) {
        return binary.clone();
    }
    let compiled = compile(project)
        .unwrap_or_else(|diagnostics| panic!("{name} does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target").join("e2e").join(name);
    compiled.tree.write(&out).expect("output written");
    let binary = build_server(&out);
    built.push((name.to_string(), binary.clone()));
    binary
}

/// The JSON pointers of a 400 `invalid_request`'s violations.
fn violation_pointers(body: &Value) -> Vec<String> {
    body["violations"]
        .as_array()
        .unwrap_or_else(|| panic!("no violations in {body}"))
        .iter()
        .map(|violation| violation["pointer"].as_str().unwrap().to_string())
        .collect()
}

fn is_iso_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.len() == 24
        && bytes[4] == b'-'
        && bytes[10] == b'T'
        && text.ends_with('Z')
        && bytes[19] == b'.'
}

#[test]
fn hello_world_serves_greetings_and_echoes() {
    let binary = server_for(&example("hello-world"), "hello-world");
    let mut server = RunningServer::start(&binary);
    let base = server.base_url.clone();

    let hello = get(&format!("{base}/hello"));
    assert_eq!(hello.status, 200);
    assert_eq!(hello.header("content-type"), Some("application/json"));
    assert_eq!(
        hello.header("x-powered-by"),
        Some("Backworks"),
        "global header"
    );
    assert!(
        hello
            .header("x-request-id")
            .is_some_and(|id| !id.is_empty())
    );
    let body = hello.json();
    assert_eq!(body["message"], "Hello, world!");
    assert!(
        is_iso_timestamp(body["timestamp"].as_str().unwrap()),
        "{body}"
    );

    let named = get(&format!("{base}/hello?name=%20Ada%20"));
    assert_eq!(
        named.json()["message"],
        "Hello, Ada!",
        "query is decoded and trimmed"
    );

    let echoed = send_json(
        "POST",
        &format!("{base}/echo"),
        r#"{"b":1,"a":[true,null,"x"],"2":"two"}"#,
    );
    assert_eq!(echoed.status, 200);
    assert_eq!(echoed.header("x-echo-kind"), Some("object"));
    // JSON objects keep insertion order, integer-like keys first, as in Node.
    assert_eq!(
        echoed.body,
        r#"{"received":{"2":"two","b":1,"a":[true,null,"x"]},"kind":"object","contentType":"application/json"}"#
    );
    let text = request(
        "POST",
        &format!("{base}/echo"),
        &[("content-type", "text/plain")],
        Some("plain words"),
    );
    assert_eq!(
        text.json(),
        json!({ "received": "plain words", "kind": "string", "contentType": "text/plain" })
    );

    let id = request(
        "GET",
        &format!("{base}/hello"),
        &[("x-request-id", "trace-me-42")],
        None,
    );
    assert_eq!(
        id.header("x-request-id"),
        Some("trace-me-42"),
        "incoming request ids are kept"
    );
    let log = server.wait_for_line(|line| line.contains("trace-me-42"));
    let log: Value =
        serde_json::from_str(&log).expect("log lines are JSON with BACKWORKS_LOG=json");
    assert_eq!(log["fields"]["status"], 200, "{log}");

    let health = get(&format!("{base}/_backworks/health"));
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["status"], "ok");

    assert!(server.terminate(), "SIGTERM stops the server cleanly");
}

#[test]
fn contract_holds_under_bad_input_and_failing_handlers() {
    let project = workspace_root().join("tests/fixtures/contract");
    let binary = server_for(&project, "contract");
    let server = RunningServer::start(&binary);
    let base = server.base_url.clone();

    let malformed = send_json("POST", &format!("{base}/echo"), r#"{"a": 1,"#);
    assert_eq!(malformed.status, 400);
    assert_eq!(malformed.json()["error"], "invalid_json");
    assert!(malformed.json()["message"].is_string());
    assert_eq!(
        malformed.header("x-contract"),
        Some("yes"),
        "errors carry global headers too"
    );

    let big = "x".repeat(4096);
    let too_large = request(
        "POST",
        &format!("{base}/echo"),
        &[("content-type", "text/plain")],
        Some(&big),
    );
    assert_eq!(too_large.status, 413, "2KiB limit from the blueprint");
    assert_eq!(too_large.json()["error"], "payload_too_large");
    let within = request(
        "PUT",
        &format!("{base}/echo"),
        &[("content-type", "text/plain")],
        Some(&big[..2000]),
    );
    assert_eq!(within.status, 200);
    assert_eq!(within.json()["method"], "PUT");

    let missing = get(&format!("{base}/no/such/path"));
    assert_eq!(missing.status, 404);
    assert_eq!(missing.json()["error"], "not_found");

    let wrong_method = request("DELETE", &format!("{base}/echo"), &[], None);
    assert_eq!(wrong_method.status, 405);
    let allow = wrong_method
        .header("allow")
        .expect("405 lists the allowed methods");
    assert!(allow.contains("POST") && allow.contains("PUT"), "{allow}");
    assert_eq!(wrong_method.json()["error"], "method_not_allowed");

    let thrown = get(&format!("{base}/throw"));
    assert_eq!(thrown.status, 500);
    assert_eq!(thrown.json()["error"], "handler_error");
    assert_eq!(thrown.json()["message"], "TypeError: cannot handle /throw");

    let thrown_value = get(&format!("{base}/throw-value"));
    assert_eq!(thrown_value.status, 500);
    assert!(
        thrown_value.json()["message"]
            .as_str()
            .unwrap()
            .contains("plain string")
    );

    let crash = get(&format!("{base}/crash"));
    assert_eq!(crash.status, 500);
    assert_eq!(
        crash.json()["message"],
        "TypeError: Cannot read properties of undefined (reading 'missing')",
        "Node's message for reading a property of undefined"
    );

    let text = get(&format!("{base}/text/ada"));
    assert_eq!(text.status, 201);
    assert_eq!(
        text.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(text.header("x-name"), Some("ada"));
    assert_eq!(text.body, "hi ada");

    // A Content-Length over the limit is refused before the body is read.
    let lying = raw(
        server.port,
        b"POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 999999\r\nconnection: close\r\n\r\n{}",
    );
    assert!(lying.starts_with("HTTP/1.1 413"), "{lying}");

    // After all of that, the server still serves.
    let again = send_json("POST", &format!("{base}/echo"), r#"{"still":"alive"}"#);
    assert_eq!(
        again.json(),
        json!({ "body": { "still": "alive" }, "method": "POST" })
    );
}

#[test]
fn graceful_shutdown_finishes_in_flight_requests() {
    let project = workspace_root().join("tests/fixtures/contract");
    let binary = server_for(&project, "contract");
    let server = RunningServer::start(&binary);
    let url = format!("{}/slow", server.base_url);
    let in_flight = std::thread::spawn(move || get(&url));
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert!(server.terminate(), "the server exits cleanly after SIGTERM");
    let response = in_flight.join().expect("request thread finishes");
    assert_eq!(
        response.status, 200,
        "the request in flight at SIGTERM completes"
    );
    assert_eq!(response.json(), json!({ "done": true }));
}

/// The ids of a generated list's items.
fn item_ids(list: &Value) -> Vec<u64> {
    list["items"]
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| item["id"].as_u64().unwrap())
        .collect()
}

#[test]
fn task_manager_keeps_tasks_in_a_database_across_restarts() {
    let binary = server_for(&example("task-manager"), "task-manager");
    // The default database is `sqlite://data/task-manager.db`, under the working folder.
    let folder =
        std::env::temp_dir().join(format!("backworks-task-manager-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let no_url = [("DATABASE_URL", "")];
    let server = RunningServer::start_in(&binary, &folder, &no_url);
    let base = server.base_url.clone();
    let tasks = format!("{base}/tasks");

    assert_eq!(get(&tasks).json(), json!({ "items": [], "next": null }));

    let created = send_json(
        "POST",
        &tasks,
        r#"{"title":"Write docs","priority":"high"}"#,
    );
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.header("location"), Some("/tasks/1"));
    let task = created.json();
    assert_eq!(task["id"], 1);
    assert_eq!(task["title"], "Write docs");
    assert_eq!(task["done"], false, "the blueprint's default");
    assert_eq!(task["priority"], "high");
    assert!(is_iso_timestamp(task["created_at"].as_str().unwrap()));
    assert_eq!(task["created_at"], task["updated_at"]);
    let keys: Vec<&String> = task.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "id",
            "title",
            "done",
            "priority",
            "created_at",
            "updated_at"
        ]
    );

    let second = send_json("POST", &tasks, r#"{"title":"Ship it"}"#).json();
    assert_eq!(second["id"], 2);
    assert_eq!(second["priority"], "normal", "the blueprint's default");

    // Every rule the resource declares is checked, and every violation listed.
    let invalid = send_json(
        "POST",
        &tasks,
        r#"{"title":" ","done":"yes","priority":"urgent"}"#,
    );
    assert_eq!(invalid.status, 400);
    assert_eq!(invalid.json()["error"], "invalid_request");
    let mut pointers = violation_pointers(&invalid.json());
    pointers.sort();
    assert_eq!(pointers, ["/body/done", "/body/priority", "/body/title"]);
    let long = json!({ "title": "x".repeat(121) }).to_string();
    assert_eq!(
        send_json("POST", &tasks, &long).status,
        400,
        "maxLength 120"
    );
    assert_eq!(
        send_json("POST", &tasks, "{}").status,
        400,
        "title is required"
    );

    let updated = send_json("PATCH", &format!("{tasks}/1"), r#"{"done":true}"#);
    assert_eq!(updated.status, 200);
    assert_eq!(updated.json()["done"], true);
    assert_eq!(
        updated.json()["title"],
        "Write docs",
        "fields not sent are kept"
    );

    assert_eq!(item_ids(&get(&format!("{tasks}?done=eq.true")).json()), [1]);
    assert_eq!(
        item_ids(&get(&format!("{tasks}?done=eq.false")).json()),
        [2]
    );
    assert_eq!(get(&format!("{tasks}/2")).json()["title"], "Ship it");

    let deleted = request("DELETE", &format!("{tasks}/1"), &[], None);
    assert_eq!(deleted.status, 204);
    assert_eq!(get(&format!("{tasks}/1")).status, 404);
    assert_eq!(
        request("DELETE", &format!("{tasks}/1"), &[], None).status,
        404
    );

    // Concurrent writers: every create gets its own id, none is lost.
    let workers: Vec<_> = (0..8)
        .map(|worker| {
            let url = tasks.clone();
            std::thread::spawn(move || {
                (0..10)
                    .map(|n| {
                        let body = format!(r#"{{"title":"task {worker}-{n}"}}"#);
                        send_json("POST", &url, &body).json()["id"]
                            .as_u64()
                            .unwrap()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut ids: Vec<u64> = workers
        .into_iter()
        .flat_map(|worker| worker.join().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 80);
    assert!(
        ids[0] > 2,
        "ids are never reused while the table holds higher ones"
    );

    // The stats module keeps its own counter in memory.
    assert_eq!(get(&format!("{base}/stats")).json()["requests"], 1);
    assert_eq!(get(&format!("{base}/stats")).json()["requests"], 2);

    // The tasks survive a restart; the module state starts over.
    assert!(server.terminate());
    let server = RunningServer::start_in(&binary, &folder, &no_url);
    let base = server.base_url.clone();
    let listed = get(&format!("{base}/tasks?count=exact&limit=1")).json();
    assert_eq!(listed["total"], 81);
    assert_eq!(get(&format!("{base}/tasks/2")).json()["title"], "Ship it");
    assert_eq!(get(&format!("{base}/stats")).json()["requests"], 1);
    drop(server);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn blog_api_filters_pages_validates_and_ranks() {
    let binary = server_for(&example("blog-api"), "blog-api");
    let server = RunningServer::start(&binary);
    let base = server.base_url.clone();

    let posts = get(&format!("{base}/posts")).json();
    assert_eq!(posts["total"], 4, "the draft is not listed");
    let ids: Vec<u64> = posts["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|post| post["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [5, 3, 2, 1], "newest first");
    assert_eq!(posts["posts"][0]["url"], "/posts/5");
    assert!(
        posts["posts"][0].get("body").is_none(),
        "the list leaves bodies out"
    );

    let by_ada = get(&format!("{base}/posts?author=ada")).json();
    assert_eq!(by_ada["total"], 2);
    let tagged = get(&format!("{base}/posts?tag=javascript&author=grace")).json();
    assert_eq!(tagged["posts"][0]["id"], 5);
    assert_eq!(tagged["total"], 1);
    let searched = get(&format!("{base}/posts?q=RUST")).json();
    let ids: Vec<u64> = searched["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|post| post["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [3, 1], "case-insensitive title match, newest first");

    let post = get(&format!("{base}/posts/1"));
    assert_eq!(post.status, 200);
    let post = post.json();
    assert_eq!(post["commentCount"], 2);
    assert_eq!(post["readingMinutes"], 1);
    assert_eq!(post["title"], "Compiling JavaScript handlers to Rust");
    assert_eq!(
        get(&format!("{base}/posts/4")).status,
        404,
        "drafts are hidden"
    );
    assert_eq!(get(&format!("{base}/posts/abc")).status, 404);

    let page = get(&format!("{base}/posts/1/comments?per_page=1&page=2")).json();
    assert_eq!(page["total"], 2);
    assert_eq!(page["pages"], 2);
    assert_eq!(page["comments"][0]["id"], 2);
    let bad_page = get(&format!("{base}/posts/1/comments?page=0&per_page=500"));
    assert_eq!(bad_page.status, 400);
    assert_eq!(
        violation_pointers(&bad_page.json()),
        ["/query/page", "/query/per_page"]
    );

    let comment = send_json(
        "POST",
        &format!("{base}/posts/2/comments"),
        r#"{"author":"Ada_L","text":"  Agreed! "}"#,
    );
    assert_eq!(comment.status, 201);
    assert_eq!(comment.json()["id"], 4);
    assert_eq!(comment.json()["text"], "Agreed!");
    assert_eq!(
        get(&format!("{base}/posts/2")).json()["commentCount"],
        2,
        "new comment counted"
    );
    let invalid = send_json(
        "POST",
        &format!("{base}/posts/2/comments"),
        r#"{"author":"9lives","text":"  "}"#,
    );
    assert_eq!(invalid.status, 400);
    assert_eq!(
        violation_pointers(&invalid.json()),
        ["/body/author", "/body/text"]
    );
    // 501 code points break the schema's maxLength (which counts code points, as the handler does).
    let long = format!(r#"{{"author":"ada","text":"{}"}}"#, "é".repeat(501));
    let too_long = send_json("POST", &format!("{base}/posts/2/comments"), &long);
    assert_eq!(violation_pointers(&too_long.json()), ["/body/text"]);

    // "rust": post 1 has it in title, body and tags (3+1+2), post 3 in title and tags (3+2),
    // the others nowhere.
    let ranked = get(&format!("{base}/search?q=Rust%20rust")).json();
    assert_eq!(
        ranked["words"],
        json!(["rust"]),
        "duplicate words collapse through a Set"
    );
    let scores: Vec<(u64, u64)> = ranked["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| {
            (
                result["id"].as_u64().unwrap(),
                result["score"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(scores, [(1, 6), (3, 5)]);
    assert!(
        ranked["results"][0]["snippet"]
            .as_str()
            .unwrap()
            .ends_with("...")
    );
    let short = get(&format!("{base}/search?q=%20x%20"));
    assert_eq!(short.status, 400);
    assert_eq!(violation_pointers(&short.json()), ["/query/q"]);

    let authors = get(&format!("{base}/authors")).json();
    assert_eq!(
        authors,
        json!([{ "name": "ada", "posts": 2 }, { "name": "grace", "posts": 2 }, { "name": "linus", "posts": 1 }])
    );
}

#[test]
fn typed_notes_enforces_its_typescript_annotations() {
    let binary = server_for(&example("typed-notes"), "typed-notes");
    let server = RunningServer::start(&binary);
    let base = server.base_url.clone();

    // `typed_params: true`: `pinned` arrives as a boolean and is compared with `===`, `limit`
    // as a number (`slice(0, "1")` would work on a string too, `pinned === "true"` would not).
    let pinned = get(&format!("{base}/notes?pinned=true")).json();
    assert_eq!(pinned["count"], 1);
    assert_eq!(pinned["notes"][0]["id"], 2);
    let unpinned = get(&format!("{base}/notes?pinned=false&limit=5")).json();
    assert_eq!(unpinned["count"], 1);
    assert_eq!(unpinned["notes"][0]["id"], 1);
    // The path parameter is a number: `candidate.id === req.path_params.id` finds the note.
    let note = get(&format!("{base}/notes/2"));
    assert_eq!(note.status, 200);
    assert_eq!(note.json()["title"], "Ship the release");

    // The body schema comes from `Request<NewNote>`: a valid body reaches the handler...
    let created = send_json(
        "POST",
        &format!("{base}/notes"),
        r#"{"title":"Water plants","tags":["home"],"priority":"low"}"#,
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let created = created.json();
    assert_eq!(created["id"], 3);
    assert_eq!(created["pinned"], false, "default from the handler");
    assert!(is_iso_timestamp(created["created_at"].as_str().unwrap()));
    // ...and an invalid one is answered before it, each problem by JSON pointer.
    let invalid = send_json(
        "POST",
        &format!("{base}/notes"),
        r#"{"text":7,"tags":["ok",1],"priority":"urgent","pinned":"yes"}"#,
    );
    assert_eq!(invalid.status, 400);
    let invalid = invalid.json();
    assert_eq!(invalid["error"], "invalid_request");
    assert_eq!(
        violation_pointers(&invalid),
        [
            "/body/title",
            "/body/text",
            "/body/tags/1",
            "/body/priority",
            "/body/pinned"
        ]
    );
    let messages: Vec<&str> = invalid["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|violation| violation["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("required"), "{messages:?}");
    assert!(messages[3].contains("low"), "{messages:?}");
    // `PUT` takes `Partial<Pick<Note, …>>`: every member optional, each still typed.
    let changed = send_json("PUT", &format!("{base}/notes/3"), r#"{"pinned":true}"#);
    assert_eq!(changed.status, 200);
    assert_eq!(changed.json()["pinned"], true);
    assert_eq!(changed.json()["title"], "Water plants");
    let wrong = send_json("PUT", &format!("{base}/notes/3"), r#"{"title":false}"#);
    assert_eq!(wrong.status, 400);
    assert_eq!(violation_pointers(&wrong.json()), ["/body/title"]);
    assert_eq!(
        get(&format!("{base}/notes/abc")).status,
        400,
        "the declared integer path parameter is enforced"
    );

    let stats = get(&format!("{base}/stats")).json();
    assert_eq!(stats["total"], 3);
    assert_eq!(
        stats["by_priority"],
        json!({ "low": 1, "normal": 1, "high": 1 })
    );
    assert_eq!(stats["newest"], json!({ "id": 3, "title": "Water plants" }));
    assert!(is_iso_timestamp(stats["generated_at"].as_str().unwrap()));

    let deleted = request("DELETE", &format!("{base}/notes/3"), &[], None);
    assert_eq!(deleted.status, 204);
    let gone = get(&format!("{base}/notes/3"));
    assert_eq!(gone.status, 404);
    assert_eq!(gone.json()["error"], "not_found");
}
