//! The storage layer's [`Store`] as `ctx.db`'s [`Database`]: each operation becomes a `Send`
//! future of plain JSON, so the CRUD routes and handlers share validation, defaults and error
//! codes.
//!
//! ```text
//! ctx.db.books.list({ where: { status: "published" }, limit: 10 })
//!   → ListQuery::from_json(books, options) → store.list("books", query)
//!   → { items: [...], next: "<cursor>" | null }   (+ total with `count: true`), as GET /books
//! ctx.db.books.count({ status: "draft" })      → the `where` of a list → store.count(…)
//! ```

use std::sync::Arc;

use serde_json::{Map, Value as Json, json};

use super::db::{BeginFuture, Database, DbError, DbFuture, Resources, Transaction};
use crate::storage::audit::Origin;
use crate::storage::{ListQuery, Page, ResourceSpec, Row, Store, StoreError};

/// The installed store, seen through `ctx.db`'s traits.
pub(crate) struct StoreDatabase(pub(crate) &'static Store);

fn db_error(error: StoreError) -> DbError {
    DbError {
        code: error.code.as_str().to_string(),
        message: error.message,
        violations: if error.violations.is_empty() {
            Json::Null
        } else {
            serde_json::to_value(&error.violations).unwrap_or(Json::Null)
        },
    }
}

fn failed(code: &str, message: String) -> DbError {
    DbError {
        code: code.to_string(),
        message,
        violations: Json::Null,
    }
}

fn resource(store: &Store, name: &str) -> Result<&'static ResourceSpec, DbError> {
    store
        .resource(name)
        .ok_or_else(|| failed("not_found", format!("there is no resource `{name}`")))
}

/// A row (a JSON object) for a write; anything else is `invalid`.
fn row(data: Json) -> Result<Row, DbError> {
    match data {
        Json::Object(row) => Ok(row),
        other => Err(failed(
            "invalid",
            format!("expected an object of fields, got {other}"),
        )),
    }
}

fn list_query(spec: &'static ResourceSpec, options: &Json) -> Result<ListQuery, DbError> {
    ListQuery::from_json(spec, options)
        .map_err(|violations| db_error(StoreError::invalid(violations)))
}

/// `count(where)` reads its filter as a list's `where`.
fn count_query(spec: &'static ResourceSpec, filter: Json) -> Result<ListQuery, DbError> {
    if filter.is_null() {
        return list_query(spec, &Json::Null);
    }
    list_query(spec, &json!({ "where": filter }))
}

fn page(page: Page) -> Json {
    let mut object = Map::new();
    object.insert(
        "items".into(),
        Json::Array(page.items.into_iter().map(Json::Object).collect()),
    );
    object.insert("next".into(), page.next.map_or(Json::Null, Json::String));
    if let Some(total) = page.total {
        object.insert("total".into(), json!(total));
    }
    Json::Object(object)
}

fn rows(rows: Vec<Row>) -> Json {
    Json::Array(rows.into_iter().map(Json::Object).collect())
}

impl Resources for StoreDatabase {
    fn get(&self, resource: &str, id: Json) -> DbFuture {
        let (store, resource) = (self.0, resource.to_string());
        Box::pin(async move {
            let found = store.get(&resource, &id).await.map_err(db_error)?;
            Ok(found.map_or(Json::Null, Json::Object))
        })
    }

    fn list(&self, resource: &str, query: Json) -> DbFuture {
        let (store, resource) = (self.0, resource.to_string());
        Box::pin(async move {
            let query = list_query(self::resource(store, &resource)?, &query)?;
            Ok(page(store.list(&resource, query).await.map_err(db_error)?))
        })
    }

    fn count(&self, resource: &str, filter: Json) -> DbFuture {
        let (store, resource) = (self.0, resource.to_string());
        Box::pin(async move {
            let query = count_query(self::resource(store, &resource)?, filter)?;
            let count = store
                .count(&resource, query.filter)
                .await
                .map_err(db_error)?;
            Ok(json!(count))
        })
    }

    fn create(&self, resource: &str, data: Json, origin: &Origin) -> DbFuture {
        let (store, resource, origin) = (self.0, resource.to_string(), origin.clone());
        Box::pin(async move {
            let created = store
                .create(&resource, row(data)?, &origin)
                .await
                .map_err(db_error)?;
            Ok(Json::Object(created))
        })
    }

    fn update(&self, resource: &str, id: Json, patch: Json, origin: &Origin) -> DbFuture {
        let (store, resource, origin) = (self.0, resource.to_string(), origin.clone());
        Box::pin(async move {
            let updated = store
                .update(&resource, &id, row(patch)?, None, &origin)
                .await
                .map_err(db_error)?;
            Ok(updated.map_or(Json::Null, Json::Object))
        })
    }

    fn delete(&self, resource: &str, id: Json, origin: &Origin) -> DbFuture {
        let (store, resource, origin) = (self.0, resource.to_string(), origin.clone());
        Box::pin(async move {
            let deleted = store
                .delete(&resource, &id, None, &origin)
                .await
                .map_err(db_error)?;
            Ok(Json::Bool(deleted))
        })
    }

    fn sql(&self, text: String, params: Vec<Json>, origin: &Origin) -> DbFuture {
        let (store, origin) = (self.0, origin.clone());
        Box::pin(async move {
            let rows_read = store.sql(text, params, &origin).await.map_err(db_error)?;
            Ok(rows(rows_read))
        })
    }
}

impl Database for StoreDatabase {
    fn resource_names(&self) -> Vec<String> {
        self.0
            .data()
            .resources
            .iter()
            .map(|resource| resource.name.to_string())
            .collect()
    }

    fn begin(&self) -> BeginFuture {
        let store = self.0;
        Box::pin(async move {
            let transaction = store.begin().await.map_err(db_error)?;
            let open: Arc<dyn Transaction> = Arc::new(StoreTransaction {
                store,
                open: Arc::new(tokio::sync::Mutex::new(Some(transaction))),
            });
            Ok(open)
        })
    }
}

/// An open store transaction. Its operations take turns on the one session (a handler that
/// starts two at once without awaiting gets them one after the other); dropped without
/// `commit`, the storage transaction rolls back.
struct StoreTransaction {
    store: &'static Store,
    open: Arc<tokio::sync::Mutex<Option<crate::storage::Transaction>>>,
}

/// Runs `operation` on the transaction, or fails when it has already ended.
macro_rules! in_transaction {
    ($self:ident, |$tx:ident| $operation:expr) => {{
        let open = $self.open.clone();
        Box::pin(async move {
            let mut guard = open.lock().await;
            let Some($tx) = guard.as_mut() else {
                return Err(failed(
                    "invalid",
                    "the transaction has already ended".to_string(),
                ));
            };
            $operation
        })
    }};
}

impl Resources for StoreTransaction {
    fn get(&self, resource: &str, id: Json) -> DbFuture {
        let resource = resource.to_string();
        in_transaction!(self, |tx| {
            let found = tx.get(&resource, &id).await.map_err(db_error)?;
            Ok(found.map_or(Json::Null, Json::Object))
        })
    }

    fn list(&self, resource: &str, query: Json) -> DbFuture {
        let (store, resource) = (self.store, resource.to_string());
        in_transaction!(self, |tx| {
            let query = list_query(self::resource(store, &resource)?, &query)?;
            Ok(page(tx.list(&resource, query).await.map_err(db_error)?))
        })
    }

    fn count(&self, resource: &str, filter: Json) -> DbFuture {
        let (store, resource) = (self.store, resource.to_string());
        in_transaction!(self, |tx| {
            let query = count_query(self::resource(store, &resource)?, filter)?;
            let count = tx.count(&resource, query.filter).await.map_err(db_error)?;
            Ok(json!(count))
        })
    }

    fn create(&self, resource: &str, data: Json, origin: &Origin) -> DbFuture {
        let (resource, origin) = (resource.to_string(), origin.clone());
        in_transaction!(self, |tx| {
            let created = tx
                .create(&resource, row(data)?, &origin)
                .await
                .map_err(db_error)?;
            Ok(Json::Object(created))
        })
    }

    fn update(&self, resource: &str, id: Json, patch: Json, origin: &Origin) -> DbFuture {
        let (resource, origin) = (resource.to_string(), origin.clone());
        in_transaction!(self, |tx| {
            let updated = tx
                .update(&resource, &id, row(patch)?, None, &origin)
                .await
                .map_err(db_error)?;
            Ok(updated.map_or(Json::Null, Json::Object))
        })
    }

    fn delete(&self, resource: &str, id: Json, origin: &Origin) -> DbFuture {
        let (resource, origin) = (resource.to_string(), origin.clone());
        in_transaction!(self, |tx| {
            let deleted = tx
                .delete(&resource, &id, None, &origin)
                .await
                .map_err(db_error)?;
            Ok(Json::Bool(deleted))
        })
    }

    fn sql(&self, text: String, params: Vec<Json>, origin: &Origin) -> DbFuture {
        let origin = origin.clone();
        in_transaction!(self, |tx| Ok(rows(
            tx.sql(text, params, &origin).await.map_err(db_error)?
        )))
    }
}

impl Transaction for StoreTransaction {
    fn commit(&self) -> DbFuture {
        let open = self.open.clone();
        Box::pin(async move {
            let Some(transaction) = open.lock().await.take() else {
                return Err(failed(
                    "invalid",
                    "the transaction has already ended".into(),
                ));
            };
            transaction.commit().await.map_err(db_error)?;
            Ok(Json::Null)
        })
    }

    fn rollback(&self) -> DbFuture {
        let open = self.open.clone();
        Box::pin(async move {
            if let Some(transaction) = open.lock().await.take() {
                transaction.rollback().await.map_err(db_error)?;
            }
            Ok(Json::Null)
        })
    }
}
