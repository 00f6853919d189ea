//! Request constraints inferred from handler code are documentation, not rules: against the
//! hand-validated example's live server, a request the document calls invalid still reaches
//! the handler, which answers its own refusal (its body, not the validator's
//! `invalid_request`), while what the blueprint declares on the same operation is still
//! enforced. The document's inferred parts are marked `x-backworks-inferred`.

use backworks_tests::http::{get, send_json};
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, example, workspace_root};
use serde_json::Value;

#[test]
fn inferred_constraints_are_documented_and_the_handler_answers_its_own_refusals() {
    let compiled = compile(&example("hand-validated")).expect("hand-validated compiles");
    let document: Value = serde_json::from_str(compiled.tree.get("openapi.json").unwrap()).unwrap();
    let out = workspace_root().join("target/e2e/hand-validated-inputs");
    compiled.tree.write(&out).expect("output written");
    let binary = build_server(&out);
    let server = RunningServer::start(&binary);
    let base = server.base_url.clone();

    // /search declares `limit` (enforced) and its handler requires `q` (inferred).
    let search = &document["paths"]["/search"]["get"]["parameters"];
    let q = search
        .as_array()
        .unwrap()
        .iter()
        .find(|parameter| parameter["name"] == "q")
        .expect("q is documented");
    assert_eq!(q["required"], true);
    assert_eq!(q["x-backworks-inferred"], true);
    let missing_q = get(&format!("{base}/search"));
    assert_eq!(missing_q.status, 400);
    assert_eq!(
        missing_q.json()["error"],
        "missing_query",
        "{}",
        missing_q.body
    );
    let blank_q = get(&format!("{base}/search?q=%20%20&limit=5"));
    assert_eq!(blank_q.json()["error"], "missing_query", "{}", blank_q.body);
    let bad_limit = get(&format!("{base}/search?q=dark&limit=500"));
    assert_eq!(bad_limit.status, 400);
    assert_eq!(
        bad_limit.json()["error"],
        "invalid_request",
        "{}",
        bad_limit.body
    );
    let found = get(&format!("{base}/search?q=dark&limit=5"));
    assert_eq!(found.status, 200);
    assert_eq!(found.json()["ids"], serde_json::json!([2]));

    // A path id the document calls invalid reaches the handler.
    let id = &document["paths"]["/issues/{id}"]["get"]["parameters"][0];
    assert_eq!(id["x-backworks-inferred"], true);
    assert!(id["schema"]["pattern"].is_string());
    let bad_id = get(&format!("{base}/issues/abc"));
    assert_eq!(bad_id.status, 400);
    assert_eq!(bad_id.json()["error"], "invalid_id");
    // Node's parseInt reads "2abc" as 2, and so does the compiled handler.
    assert_eq!(get(&format!("{base}/issues/2abc")).json()["id"], 2);

    // An inferred body is not enforced either: the handler's own 400.
    let body = &document["paths"]["/issues/{id}"]["patch"]["requestBody"];
    assert_eq!(body["x-backworks-inferred"], true);
    assert_eq!(body["required"], true);
    let bad_status = send_json(
        "PATCH",
        &format!("{base}/issues/1"),
        r#"{"status":"bogus"}"#,
    );
    assert_eq!(bad_status.status, 400);
    assert_eq!(bad_status.json()["error"], "invalid_status");
    let done = send_json("PATCH", &format!("{base}/issues/1"), r#"{"status":"done"}"#);
    assert_eq!(done.status, 200);
    assert_eq!(done.json()["status"], "done");
    drop(server);
}
