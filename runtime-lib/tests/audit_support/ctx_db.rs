//! Writes a handler makes through `ctx.db` are audited as the handler's caller, in the
//! handler's request — inside `ctx.db.transaction` too — and a transaction whose callback
//! throws leaves no entry. Run once per engine, each in its own test binary, because `ctx.db`
//! reaches the process's one installed store.

use backworks_runtime::auth::Access;
use backworks_runtime::bridge::{Context, run_stateless_on_loop};
use backworks_runtime::contract::{HandlerCall, HandlerRequest};
use backworks_runtime::http::RouteSpec;
use backworks_runtime::js::{self as rt, Modules, Throw, Value};
use serde_json::json;

use super::{AuditServer, data_at, service, token};
use crate::storage_support::{Backend, TestDb};

async fn call(target: &Value, name: &str, args: &[Value]) -> Result<Value, Throw> {
    rt::await_value(rt::call_method(target, name, args)?).await
}

fn title(text: &str) -> Value {
    rt::object([("title", Value::str(text))])
}

/// `POST /work`: a create and an update, a committed transaction with a create and an
/// update, and a transaction that throws after its create.
fn work(_: &Modules, _: Value, context: &Context) -> Result<Value, Throw> {
    let ctx = context.value();
    rt::spawn_async(async move {
        let db = rt::get(&ctx, "db")?;
        let notes = rt::get(&db, "notes")?;
        let created = call(&notes, "create", &[title("from handler")]).await?;
        let id = rt::get(&created, "id")?;
        call(&notes, "update", &[id.clone(), title("changed")]).await?;
        let committed = Value::function("", 1, |_, args| {
            let tx = args[0].clone();
            rt::spawn_async(async move {
                let notes = rt::get(&tx, "notes")?;
                let row = call(&notes, "create", &[title("in transaction")]).await?;
                let id = rt::get(&row, "id")?;
                let body = rt::object([("body", Value::str("written in tx"))]);
                call(&notes, "update", &[id.clone(), body]).await?;
                Ok(id)
            })
        });
        call(&db, "transaction", &[committed]).await?;
        let failing = Value::function("", 1, |_, args| {
            let tx = args[0].clone();
            rt::spawn_async(async move {
                let notes = rt::get(&tx, "notes")?;
                call(&notes, "create", &[title("doomed")]).await?;
                Err(Throw::error("Error", "changed my mind"))
            })
        });
        let outcome = match call(&db, "transaction", &[failing]).await {
            Ok(_) => Value::str("committed"),
            Err(thrown) => rt::get(&thrown.value, "message")?,
        };
        Ok(rt::object([("id", id), ("failing", outcome)]))
    })
}

fn work_handler(request: HandlerRequest) -> HandlerCall {
    run_stateless_on_loop(request, work)
}

static ROUTES: &[RouteSpec] = &[RouteSpec {
    method: "POST",
    path: "/work",
    endpoint: "work",
    timeout_ms: 20_000,
    handler: work_handler,
    operation: None,
    typed_params: &[],
    auth: Access::Required { roles: &[] },
}];

pub fn handler_writes_are_audited_as_the_caller(backend: Backend) {
    let db = TestDb::new(backend);
    let server = AuditServer::start(service(data_at(&db.url), ROUTES), true);
    let reply = server.send("POST", "/work", Some(&token("carol", &["member"])), None);
    reply.expect(200);
    let body = reply.json();
    assert_eq!(body["failing"], "changed my mind", "{body}");
    let request_id = reply.header("x-request-id").expect("x-request-id");

    let entries = server.entries("resource=notes");
    let summary: Vec<_> = entries
        .iter()
        .map(|entry| (entry["action"].as_str().unwrap(), entry["changed"].clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "update",
                json!({"body": {"from": null, "to": "written in tx"}})
            ),
            ("create", json!({"title": "in transaction", "body": null})),
            (
                "update",
                json!({"title": {"from": "from handler", "to": "changed"}})
            ),
            ("create", json!({"title": "from handler", "body": null})),
        ],
        "the rolled-back create left nothing: {entries:#?}"
    );
    for entry in &entries {
        assert_eq!(entry["actor"], json!({"kind": "user", "id": "carol"}));
        assert_eq!(entry["request_id"], request_id);
    }
    assert_eq!(entries[3]["record"], body["id"].to_string().as_str());
    let listed = server.send("GET", "/notes?limit=10", Some(&token("carol", &[])), None);
    let titles: Vec<_> = listed.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(titles, ["changed", "in transaction"]);
}
