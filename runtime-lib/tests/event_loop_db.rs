//! `ctx.db` on an event-loop thread, against an in-memory [`Database`] (the storage layer's
//! `Store` plugs in through the same traits): every operation is a promise settled by a
//! future that ran on the multi-threaded runtime; failures reject with the store's `code`;
//! a transaction whose callback throws is rolled back; the `sql` tag joins its strings with
//! `?` and passes the values as parameters.
//!
//! The handler is written by hand against the runtime, as the compiler would generate it from:
//!
//! ```text
//! module.exports = async (req, ctx) => {
//!   const created = await ctx.db.books.create({ title: "Dune" });
//!   …
//! };
//! ```

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use backworks_runtime::bridge::{Context, run_stateless_on_loop};
use backworks_runtime::contract::{HandlerCall, HandlerRequest, RequestBody, ResponseBody};
use backworks_runtime::js::db::{
    self, BeginFuture, Database, DbError, DbFuture, Json, Resources, Transaction,
};
use backworks_runtime::js::{self as rt, Modules, Throw, Value};
use backworks_runtime::storage::audit::Origin;
use serde_json::json;

type Tables = BTreeMap<String, Vec<Json>>;

/// Resources in memory: `books` rows need a unique `title`.
#[derive(Clone, Default)]
struct MemoryDb {
    tables: Arc<Mutex<Tables>>,
}

fn ready(result: Result<Json, DbError>) -> DbFuture {
    Box::pin(async move {
        // Completes on another turn of the runtime, as real I/O would.
        tokio::task::yield_now().await;
        result
    })
}

fn violation(code: &str, message: &str) -> DbError {
    DbError {
        code: code.into(),
        message: message.into(),
        violations: json!([{ "field": "title", "code": code }]),
    }
}

impl MemoryDb {
    fn with<T>(&self, change: impl FnOnce(&mut Tables) -> T) -> T {
        change(&mut self.tables.lock().expect("not poisoned"))
    }
}

impl Resources for MemoryDb {
    fn get(&self, resource: &str, id: Json) -> DbFuture {
        let row = self.with(|tables| {
            tables
                .get(resource)
                .and_then(|rows| rows.iter().find(|row| row["id"] == id).cloned())
        });
        ready(Ok(row.unwrap_or(Json::Null)))
    }

    fn list(&self, resource: &str, query: Json) -> DbFuture {
        let rows = self.with(|tables| tables.get(resource).cloned().unwrap_or_default());
        let limit = query["limit"]
            .as_u64()
            .map_or(usize::MAX, |limit| limit as usize);
        ready(Ok(Json::Array(rows.into_iter().take(limit).collect())))
    }

    fn count(&self, resource: &str, _filter: Json) -> DbFuture {
        let count = self.with(|tables| tables.get(resource).map_or(0, Vec::len));
        ready(Ok(json!(count)))
    }

    fn create(&self, resource: &str, data: Json, _: &Origin) -> DbFuture {
        let result = self.with(|tables| {
            let rows = tables.entry(resource.to_string()).or_default();
            let Some(title) = data.get("title").filter(|title| !title.is_null()) else {
                return Err(violation("not_null_violation", "books.title is required"));
            };
            if rows.iter().any(|row| &row["title"] == title) {
                return Err(violation("unique_violation", "books.title must be unique"));
            }
            let id = rows
                .iter()
                .filter_map(|row| row["id"].as_u64())
                .max()
                .unwrap_or(0)
                + 1;
            let mut row = json!({ "id": id, "created_at": "2026-12-04T13:50:00.000Z" });
            for (key, value) in data.as_object().into_iter().flatten() {
                row[key] = value.clone();
            }
            rows.push(row.clone());
            Ok(row)
        });
        ready(result)
    }

    fn update(&self, resource: &str, id: Json, patch: Json, _: &Origin) -> DbFuture {
        let row = self.with(|tables| {
            let row = tables
                .get_mut(resource)?
                .iter_mut()
                .find(|row| row["id"] == id)?;
            for (key, value) in patch.as_object().into_iter().flatten() {
                row[key] = value.clone();
            }
            Some(row.clone())
        });
        ready(Ok(row.unwrap_or(Json::Null)))
    }

    fn delete(&self, resource: &str, id: Json, _: &Origin) -> DbFuture {
        let deleted = self.with(|tables| {
            let rows = tables.get_mut(resource)?;
            let before = rows.len();
            rows.retain(|row| row["id"] != id);
            Some(rows.len() < before)
        });
        ready(Ok(json!(deleted.unwrap_or(false))))
    }

    fn sql(&self, text: String, params: Vec<Json>, _: &Origin) -> DbFuture {
        ready(Ok(json!([{ "text": text, "params": params }])))
    }
}

/// A transaction works on a copy of the tables and writes it back on commit.
struct MemoryTransaction {
    copy: MemoryDb,
    target: MemoryDb,
}

impl Resources for MemoryTransaction {
    fn get(&self, resource: &str, id: Json) -> DbFuture {
        self.copy.get(resource, id)
    }
    fn list(&self, resource: &str, query: Json) -> DbFuture {
        self.copy.list(resource, query)
    }
    fn count(&self, resource: &str, filter: Json) -> DbFuture {
        self.copy.count(resource, filter)
    }
    fn create(&self, resource: &str, data: Json, origin: &Origin) -> DbFuture {
        self.copy.create(resource, data, origin)
    }
    fn update(&self, resource: &str, id: Json, patch: Json, origin: &Origin) -> DbFuture {
        self.copy.update(resource, id, patch, origin)
    }
    fn delete(&self, resource: &str, id: Json, origin: &Origin) -> DbFuture {
        self.copy.delete(resource, id, origin)
    }
    fn sql(&self, text: String, params: Vec<Json>, origin: &Origin) -> DbFuture {
        self.copy.sql(text, params, origin)
    }
}

impl Transaction for MemoryTransaction {
    fn commit(&self) -> DbFuture {
        let tables = self.copy.with(|tables| tables.clone());
        self.target.with(|target| *target = tables);
        ready(Ok(Json::Null))
    }
    fn rollback(&self) -> DbFuture {
        ready(Ok(Json::Null))
    }
}

impl Database for MemoryDb {
    fn resource_names(&self) -> Vec<String> {
        vec!["books".into()]
    }

    fn begin(&self) -> BeginFuture {
        let copy = MemoryDb {
            tables: Arc::new(Mutex::new(self.with(|tables| tables.clone()))),
        };
        let transaction: Arc<dyn Transaction> = Arc::new(MemoryTransaction {
            copy,
            target: self.clone(),
        });
        Box::pin(async move { Ok(transaction) })
    }
}

/// `await rt::call_method(target, name, args)`.
async fn call(target: &Value, name: &str, args: &[Value]) -> Result<Value, Throw> {
    rt::await_value(rt::call_method(target, name, args)?).await
}

/// The rejection's `code`, or `"fulfilled"`.
async fn code_of(promise: Result<Value, Throw>) -> Result<Value, Throw> {
    match rt::await_value(promise?).await {
        Ok(_) => Ok(Value::str("fulfilled")),
        Err(thrown) => rt::get(&thrown.value, "code"),
    }
}

fn book(title: Option<&str>) -> Value {
    match title {
        Some(title) => rt::object([("title", Value::str(title))]),
        None => Value::object::<&str>([]),
    }
}

/// Every `ctx.db` operation in turn; the results go in the response.
fn exercise(_: &Modules, _: Value, context: &Context) -> Result<Value, Throw> {
    let ctx = context.value();
    rt::spawn_async(async move {
        let db = rt::get(&ctx, "db")?;
        let books = rt::get(&db, "books")?;
        let created = call(&books, "create", &[book(Some("Dune"))]).await?;
        let id = rt::get(&created, "id")?;
        let fetched = call(&books, "get", std::slice::from_ref(&id)).await?;
        let missing = call(&books, "get", &[Value::Number(99.0)]).await?;
        let duplicate = code_of(rt::call_method(&books, "create", &[book(Some("Dune"))])).await?;
        let untitled = code_of(rt::call_method(&books, "create", &[book(None)])).await?;
        let patch = book(Some("Dune Messiah"));
        let updated = call(&books, "update", &[id.clone(), patch]).await?;

        // A transaction whose callback throws leaves nothing behind.
        let failing = Value::function("", 1, |_, args| {
            let tx = args[0].clone();
            rt::spawn_async(async move {
                let books = rt::get(&tx, "books")?;
                call(&books, "create", &[book(Some("Temporary"))]).await?;
                Err(rt::Throw::error("Error", "changed my mind"))
            })
        });
        let rolled_back = match call(&db, "transaction", &[failing]).await {
            Ok(_) => Value::str("committed"),
            Err(thrown) => rt::get(&thrown.value, "message")?,
        };
        let succeeding = Value::function("", 1, |_, args| {
            let tx = args[0].clone();
            rt::spawn_async(async move {
                let books = rt::get(&tx, "books")?;
                let row = call(&books, "create", &[book(Some("Children of Dune"))]).await?;
                rt::get(&row, "id")
            })
        });
        let committed = call(&db, "transaction", &[succeeding]).await?;
        let limit = rt::object([("limit", Value::Number(10.0))]);
        let listed = call(&books, "list", &[limit]).await?;
        let counted = call(&books, "count", &[Value::object::<&str>([])]).await?;

        let strings = rt::template_strings(
            vec![
                Value::str("SELECT * FROM books WHERE id = "),
                Value::str(" AND title = "),
                Value::str(""),
            ],
            Vec::new(),
        );
        let sql = rt::get(&db, "sql")?;
        let query = rt::call(&sql, &[strings, id.clone(), Value::str("Dune")])?;
        let rows = rt::await_value(query).await?;
        let deleted = call(&books, "delete", &[id]).await?;
        let remaining = call(&books, "count", &[Value::object::<&str>([])]).await?;
        Ok(rt::object([
            ("created", created),
            ("fetched", fetched),
            ("missing", missing),
            ("duplicate", duplicate),
            ("untitled", untitled),
            ("updated", updated),
            ("rolled_back", rolled_back),
            ("committed", committed),
            ("listed", listed),
            ("counted", counted),
            ("sql", rows),
            ("deleted", deleted),
            ("remaining", remaining),
        ]))
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handlers_reach_the_database_through_promises() {
    db::install(Arc::new(MemoryDb::default()));
    let request = HandlerRequest {
        method: "GET".into(),
        path: "/".into(),
        path_params: Vec::new(),
        query_params: Vec::new(),
        headers: Vec::new(),
        body: RequestBody::Empty,
        request_id: "test".into(),
        deadline: Instant::now() + Duration::from_secs(10),
        typed_params: &[],
        user: None,
        recording: None,
    };
    let HandlerCall::Pending(answer) = run_stateless_on_loop(request, exercise) else {
        panic!("a loop handler answers later");
    };
    let response = answer
        .await
        .expect("answered")
        .expect("the handler succeeds");
    let ResponseBody::Json(body) = response.body else {
        panic!("a JSON body");
    };
    let body: Json = serde_json::from_str(&body).expect("JSON");
    let dune = json!({ "id": 1, "created_at": "2026-12-04T13:50:00.000Z", "title": "Dune" });
    assert_eq!(body["created"], dune);
    assert_eq!(body["fetched"], dune);
    assert_eq!(body["missing"], Json::Null);
    assert_eq!(body["duplicate"], "unique_violation");
    assert_eq!(body["untitled"], "not_null_violation");
    assert_eq!(body["updated"]["title"], "Dune Messiah");
    assert_eq!(body["rolled_back"], "changed my mind");
    assert_eq!(body["committed"], 2);
    assert_eq!(body["counted"], 2, "the rolled-back row is gone: {body}");
    assert_eq!(body["listed"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        body["sql"],
        json!([{ "text": "SELECT * FROM books WHERE id = ? AND title = ?", "params": [1, "Dune"] }])
    );
    assert_eq!(body["deleted"], true);
    assert_eq!(body["remaining"], 1);
}
