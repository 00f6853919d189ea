//! `ctx.db`: a handler's access to the service's resources, as promises settled by I/O that
//! runs off the loop thread.
//!
//! ```text
//! const book = await ctx.db.books.get(id);                  // the row, or null
//! const page = await ctx.db.books.list({ where, sort, limit, offset });
//! await ctx.db.books.create(data) / .update(id, patch) / .delete(id) / .count(where)
//! await ctx.db.transaction(async (tx) => { await tx.books.update(…); … })  // rolled back on a throw
//! const rows = await ctx.db.sql`SELECT … WHERE id = ${id}`   // `?` placeholders, values as parameters
//! ```
//!
//! Each call converts its arguments to plain JSON (`JSON.stringify`'s rules: dates become ISO
//! strings), starts the operation — a `Send` future of plain data — on the server's
//! multi-threaded runtime (`event_loop::spawn_io`) and returns a pending promise. The loop
//! thread goes on with other requests; when the operation completes, a macrotask of the
//! calling request settles the promise (rows become plain objects through `JSON.parse`) and
//! the microtask queue drains. A failure rejects with an `Error` whose `code` is the store's
//! stable code (`unique_violation`, `foreign_key_violation`, `not_null_violation`, `invalid`,
//! `unavailable`, …) and, when the store lists them, `violations`.
//!
//! The JS side talks to a [`Database`]: the storage layer's `Store` through `db_store.rs` once
//! the server has opened it, or any implementation given to [`install`] (the tests use an
//! in-memory one). `list` answers a page as `GET /<resource>` does: `{ items, next }`, plus
//! `total` when the options ask for `count: true`.
//!
//! Every write (`create`, `update`, `delete`, and `sql` that is not a `SELECT`) goes with the
//! [`Origin`] of the request whose code makes it — its caller and request id, from the
//! current [`RequestTask`](super::request_task::RequestTask) — so the store's audit entry
//! names the handler's user, inside a `transaction` as outside.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use super::error::{Throw, new_error};
use super::value::Value;
use crate::storage::audit::Origin;

/// Plain JSON, as rows and query descriptions cross threads.
pub type Json = serde_json::Value;

/// An operation in flight: `Send`, owning everything it needs.
pub type DbFuture = Pin<Box<dyn Future<Output = Result<Json, DbError>> + Send + 'static>>;

/// Opening a transaction in flight.
pub type BeginFuture =
    Pin<Box<dyn Future<Output = Result<Arc<dyn Transaction>, DbError>> + Send + 'static>>;

/// Why an operation failed, as the store words it.
#[derive(Debug, Clone, PartialEq)]
pub struct DbError {
    /// The stable code (`unique_violation`, `invalid`, `unavailable`, …): the JS error's `code`.
    pub code: String,
    /// What went wrong: the JS error's `message`.
    pub message: String,
    /// Each problem by field, when the store lists them (`Json::Null` otherwise).
    pub violations: Json,
}

/// Operations on resources, of the database or of an open transaction. Each returns plain
/// JSON: `get` a row or `null`, `list` and `sql` an array of rows, `count` a number,
/// `create`/`update` the row (`update` `null` when there is none), `delete` whether a row went.
/// Writes take the [`Origin`] their audit entry names.
pub trait Resources: Send + Sync + 'static {
    /// The row with this id, or `null`.
    fn get(&self, resource: &str, id: Json) -> DbFuture;
    /// Rows matching `query` (`{ where, sort, limit, offset, … }`).
    fn list(&self, resource: &str, query: Json) -> DbFuture;
    /// How many rows match `filter`.
    fn count(&self, resource: &str, filter: Json) -> DbFuture;
    /// Inserts a row and returns it as stored.
    fn create(&self, resource: &str, data: Json, origin: &Origin) -> DbFuture;
    /// Changes the fields `patch` names and returns the row.
    fn update(&self, resource: &str, id: Json, patch: Json, origin: &Origin) -> DbFuture;
    /// Removes the row.
    fn delete(&self, resource: &str, id: Json, origin: &Origin) -> DbFuture;
    /// Runs SQL with `?` placeholders bound to `params`; returns the rows.
    fn sql(&self, text: String, params: Vec<Json>, origin: &Origin) -> DbFuture;
}

/// An open transaction. Dropped without `commit` (its request was abandoned past its
/// deadline, so its jobs never ran), it must roll back.
pub trait Transaction: Resources {
    /// Makes the transaction's writes durable.
    fn commit(&self) -> DbFuture;
    /// Discards them.
    fn rollback(&self) -> DbFuture;
}

/// The service's database.
pub trait Database: Resources {
    /// The resources handlers reach as `ctx.db.<name>`.
    fn resource_names(&self) -> Vec<String>;
    /// Opens a transaction.
    fn begin(&self) -> BeginFuture;
}

static INSTALLED: OnceLock<Arc<dyn Database>> = OnceLock::new();

/// Makes `database` the one `ctx.db` reaches (once per process; later calls are ignored).
pub fn install(database: Arc<dyn Database>) {
    let _ = INSTALLED.set(database);
}

/// The installed database, if the service has one: one given to [`install`], else the
/// storage layer's `Store` once the server has opened it.
pub fn installed() -> Option<Arc<dyn Database>> {
    if let Some(database) = INSTALLED.get() {
        return Some(database.clone());
    }
    installed_store()
}

/// The storage layer's `Store`, once the server has opened it.
#[cfg(feature = "storage")]
fn installed_store() -> Option<Arc<dyn Database>> {
    static STORE: OnceLock<Arc<dyn Database>> = OnceLock::new();
    if let Some(database) = STORE.get() {
        return Some(database.clone());
    }
    let store = crate::storage::Store::installed()?;
    Some(
        STORE
            .get_or_init(|| Arc::new(super::db_store::StoreDatabase(store)))
            .clone(),
    )
}

/// A server built without the storage feature has no database.
#[cfg(not(feature = "storage"))]
fn installed_store() -> Option<Arc<dyn Database>> {
    None
}

/// `ctx.db`, when the service has a database and the handler runs on an event-loop thread
/// (only there can a handler wait for I/O).
pub fn context_value() -> Option<Value> {
    super::request_task::current()?;
    let database = installed()?;
    let object = resources_object(
        Backend::Database(database.clone()),
        &database.resource_names(),
    );
    let begin = database.clone();
    let names = database.resource_names();
    super::access::set(
        &object,
        "transaction",
        Value::function("transaction", 1, move |_, args| {
            transaction(&begin, &names, args.first().cloned().unwrap_or_default())
        }),
    )
    .ok()?;
    Some(object)
}

/// Who runs an operation: the database, or a transaction it opened.
#[derive(Clone)]
enum Backend {
    Database(Arc<dyn Database>),
    Transaction(Arc<dyn Transaction>),
}

impl Backend {
    fn resources(&self) -> &dyn Resources {
        match self {
            Backend::Database(database) => database.as_ref(),
            Backend::Transaction(transaction) => transaction.as_ref(),
        }
    }
}

/// `{ books: { get, list, … }, …, sql }` over `backend`.
fn resources_object(backend: Backend, names: &[String]) -> Value {
    let mut entries: Vec<(String, Value)> = names
        .iter()
        .map(|name| (name.clone(), resource_object(&backend, name)))
        .collect();
    let sql_backend = backend.clone();
    entries.push((
        "sql".to_string(),
        Value::function("sql", 1, move |_, args| sql(&sql_backend, args)),
    ));
    Value::object(
        entries
            .into_iter()
            .map(|(key, value)| (super::string::JsString::new(&key), value)),
    )
}

/// The operations of one resource.
fn resource_object(backend: &Backend, resource: &str) -> Value {
    type Operation = fn(&dyn Resources, &str, &[Json]) -> DbFuture;
    let operations: [(&str, u32, Operation); 6] = [
        ("get", 1, |db, resource, args| {
            db.get(resource, arg(args, 0))
        }),
        ("list", 1, |db, resource, args| {
            db.list(resource, arg(args, 0))
        }),
        ("count", 1, |db, resource, args| {
            db.count(resource, arg(args, 0))
        }),
        ("create", 1, |db, resource, args| {
            db.create(resource, arg(args, 0), &origin())
        }),
        ("update", 2, |db, resource, args| {
            db.update(resource, arg(args, 0), arg(args, 1), &origin())
        }),
        ("delete", 1, |db, resource, args| {
            db.delete(resource, arg(args, 0), &origin())
        }),
    ];
    Value::object(operations.into_iter().map(|(name, length, operation)| {
        let backend = backend.clone();
        let resource = resource.to_string();
        let function = Value::function(name, length, move |_, args| {
            let json = args.iter().map(to_json).collect::<Result<Vec<_>, _>>()?;
            start(operation(backend.resources(), &resource, &json))
        });
        (name, function)
    }))
}

fn arg(args: &[Json], index: usize) -> Json {
    args.get(index).cloned().unwrap_or(Json::Null)
}

/// Who a write made now is audited as: the running request's caller, in that request (work
/// a request left behind — a timer after its answer — still counts as that request's).
fn origin() -> Origin {
    match super::request_task::current() {
        Some(task) => Origin::request(task.user(), task.request_id(), None),
        None => Origin::system(),
    }
}

/// ``sql`SELECT … ${value}` ``: the strings joined with `?`, the values as parameters.
fn sql(backend: &Backend, args: &[Value]) -> Result<Value, Throw> {
    let strings = args.first().cloned().unwrap_or_default();
    if !matches!(strings, Value::Array(_)) {
        return Err(Throw::type_error(
            "ctx.db.sql is a template tag: write ctx.db.sql`SELECT … WHERE id = ${id}`",
        ));
    }
    let count = super::convert::to_number(&super::access::get(&strings, "length")?)? as usize;
    let mut text = String::new();
    for index in 0..count {
        if index > 0 {
            text.push('?');
        }
        let part = super::access::get_index(&strings, index as f64)?;
        text.push_str(&super::convert::to_string(&part)?.to_rust());
    }
    let params = args
        .get(1..)
        .unwrap_or_default()
        .iter()
        .map(to_json)
        .collect::<Result<Vec<_>, _>>()?;
    start(backend.resources().sql(text, params, &origin()))
}

/// `ctx.db.transaction(callback)`: opens a transaction, calls `callback(tx)`, commits when its
/// result fulfills and rolls back when it rejects (or throws); the returned promise settles
/// with the callback's outcome once the transaction has ended.
fn transaction(
    database: &Arc<dyn Database>,
    names: &[String],
    callback: Value,
) -> Result<Value, Throw> {
    if !matches!(callback, Value::Function(_)) {
        return Err(Throw::type_error(
            "ctx.db.transaction takes a function: ctx.db.transaction(async (tx) => { … })",
        ));
    }
    let promise = super::promise::pending();
    let settled = promise.clone();
    let names = names.to_vec();
    spawn(database.begin(), move |opened| {
        let transaction = match opened {
            Ok(transaction) => transaction,
            Err(error) => {
                super::promise::settle(&settled, Err(error_value(&error)));
                return Ok(());
            }
        };
        let tx = resources_object(Backend::Transaction(transaction.clone()), &names);
        let result = match super::access::call(&callback, &[tx]) {
            Ok(value) => super::promise::resolve(value)?,
            Err(thrown) if thrown.is_catchable() => super::promise::reject(thrown.value),
            // Out of time: the request is abandoned; dropping the transaction rolls back.
            Err(thrown) => return Err(thrown),
        };
        super::promise::when_settled(
            &result,
            Box::new(move |outcome| {
                let ending = match &outcome {
                    Ok(_) => transaction.commit(),
                    Err(_) => transaction.rollback(),
                };
                spawn(ending, move |ended| {
                    let outcome = match (outcome, ended) {
                        (Ok(value), Ok(_)) => Ok(value),
                        (Ok(_), Err(error)) => Err(error_value(&error)),
                        // The callback's own rejection wins over a failed rollback.
                        (Err(reason), _) => Err(reason),
                    };
                    super::promise::settle(&settled, outcome);
                    Ok(())
                })
            }),
        );
        Ok(())
    })?;
    Ok(promise)
}

/// Starts `operation` for the running request; returns the promise its outcome settles.
fn start(operation: DbFuture) -> Result<Value, Throw> {
    let promise = super::promise::pending();
    let settled = promise.clone();
    spawn(operation, move |outcome| {
        let outcome = match outcome {
            Ok(json) => Ok(from_json(&json)?),
            Err(error) => Err(error_value(&error)),
        };
        super::promise::settle(&settled, outcome);
        Ok(())
    })?;
    Ok(promise)
}

/// Runs `operation` off the loop thread; `complete` runs on it, as the current request, when
/// it is done. A loop without a runtime for I/O completes with `unavailable`.
fn spawn<T: Send + 'static>(
    operation: impl Future<Output = Result<T, DbError>> + Send + 'static,
    complete: impl FnOnce(Result<T, DbError>) -> Result<(), Throw> + 'static,
) -> Result<(), Throw> {
    let Some(owner) = super::request_task::current() else {
        return Err(Throw::error(
            "Error",
            "ctx.db is available only while a handler runs",
        ));
    };
    super::event_loop::spawn_io(Rc::clone(&owner), operation, move |output| {
        complete(output.unwrap_or_else(|| {
            Err(DbError {
                code: "unavailable".to_string(),
                message: "the database operation did not complete".to_string(),
                violations: Json::Null,
            })
        }))
    });
    Ok(())
}

/// A JS value as the JSON a database operation takes (`JSON.stringify`'s rules; `undefined`
/// is `null`).
fn to_json(value: &Value) -> Result<Json, Throw> {
    match super::json::stringify(value, &Value::Undefined)? {
        Some(text) => serde_json::from_str(&text).map_err(|error| {
            Throw::error(
                "Error",
                format!("cannot pass this value to the database: {error}"),
            )
        }),
        None => Ok(Json::Null),
    }
}

/// A JSON result as JS values (`JSON.parse`'s rules).
fn from_json(json: &Json) -> Result<Value, Throw> {
    super::json::parse_str(&json.to_string())
}

/// The `Error` a failed operation rejects with: `message`, `code`, and `violations` if any.
fn error_value(error: &DbError) -> Value {
    let value = new_error("Error", &error.message);
    let _ = super::access::set(&value, "code", Value::str(&error.code));
    if !error.violations.is_null()
        && let Ok(violations) = from_json(&error.violations)
    {
        let _ = super::access::set(&value, "violations", violations);
    }
    value
}
