//! The generated CRUD routes: for each resource, the operations its blueprint exposes, mounted
//! by `http::routes::router` next to the declared endpoints and inside the same envelope
//! (request id, log line, global headers, JSON errors, body limit).
//!
//! ```text
//! books { operations: [List, Get, Create, Update, Delete] }
//!   /books       GET ─▶ list (books.list)      POST ─▶ create (books.create) ─▶ 201 + Location
//!   /books/{id}  GET ─▶ get  PATCH ─▶ update   PUT ─▶ replace   DELETE ─▶ delete ─▶ 204
//! ```
//!
//! Each route is described by a [`RouteSpec`] made once at start (leaked: it lives as long as
//! the server), so requests are read and checked against the OpenAPI document exactly as
//! declared endpoints are, before `handlers.rs` hands them to the [`Store`].

mod handlers;

use std::sync::Arc;

use axum::extract::Request;
use axum::routing::{MethodRouter, delete, get, patch, post, put};
use serde_json::Value;

use super::error::StoreError;
use super::spec::{CrudOp, DataSpec, ResourceSpec};
use super::store::Store;
use crate::contract::{HandlerCall, HandlerError, HandlerRequest};
use crate::http::RouteSpec;

/// Which store the routes use.
#[derive(Clone)]
pub(crate) enum StoreSource {
    /// This one (tests and embedders with several stores).
    Fixed(Store),
    /// The process's, as `http::serve` installs it.
    Installed,
}

impl StoreSource {
    pub(crate) fn store(&self) -> Result<Store, StoreError> {
        match self {
            StoreSource::Fixed(store) => Ok(store.clone()),
            StoreSource::Installed => Store::installed()
                .cloned()
                .ok_or_else(|| StoreError::unavailable("the database is not open")),
        }
    }
}

/// What every CRUD route shares.
pub(crate) struct Shared {
    pub(crate) store: StoreSource,
    pub(crate) body_limit: usize,
    pub(crate) document: Option<Arc<Value>>,
}

/// The CRUD operations of one resource and route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operation {
    List,
    Get,
    Create,
    Update,
    Replace,
    Delete,
}

/// Time budget of a CRUD request's reading (the store's own timeouts bound the rest).
const TIMEOUT_MS: u64 = 30_000;

/// `(path, methods)` for every resource's exposed operations.
pub(crate) fn routes(data: &'static DataSpec, shared: Arc<Shared>) -> Vec<(String, MethodRouter)> {
    let mut out = Vec::new();
    for resource in data.resources {
        let collection = format!("/{}", resource.name);
        let item = format!("/{}/{{id}}", resource.name);
        let mut on_collection: Option<MethodRouter> = None;
        let mut on_item: Option<MethodRouter> = None;
        let add = |slot: &mut Option<MethodRouter>, methods: MethodRouter| {
            *slot = Some(match slot.take() {
                Some(existing) => existing.merge(methods),
                None => methods,
            });
        };
        for op in resource.operations {
            match op {
                CrudOp::List => {
                    let run = runner(resource, Operation::List, &collection, &shared);
                    add(&mut on_collection, get(run));
                }
                CrudOp::Create => {
                    let run = runner(resource, Operation::Create, &collection, &shared);
                    add(&mut on_collection, post(run));
                }
                CrudOp::Get => {
                    let run = runner(resource, Operation::Get, &item, &shared);
                    add(&mut on_item, get(run));
                }
                CrudOp::Update => {
                    let run = runner(resource, Operation::Update, &item, &shared);
                    add(&mut on_item, patch(run));
                    let run = runner(resource, Operation::Replace, &item, &shared);
                    add(&mut on_item, put(run));
                }
                CrudOp::Delete => {
                    let run = runner(resource, Operation::Delete, &item, &shared);
                    add(&mut on_item, delete(run));
                }
            }
        }
        out.extend(on_collection.map(|methods| (collection, methods)));
        out.extend(on_item.map(|methods| (item, methods)));
    }
    out
}

/// The axum handler for one operation.
fn runner(
    resource: &'static ResourceSpec,
    operation: Operation,
    path: &str,
    shared: &Arc<Shared>,
) -> impl Fn(Request) -> std::pin::Pin<Box<dyn Future<Output = axum::response::Response> + Send>>
+ Clone
+ Send
+ Sync
+ 'static {
    let route = route_spec(resource, operation, path);
    let shared = Arc::clone(shared);
    move |req: Request| {
        let shared = Arc::clone(&shared);
        Box::pin(handlers::handle(resource, operation, route, shared, req))
    }
}

fn route_spec(
    resource: &'static ResourceSpec,
    operation: Operation,
    path: &str,
) -> &'static RouteSpec {
    let (method, name, pointer) = match operation {
        Operation::List => ("GET", "list", resource.openapi.list),
        Operation::Get => ("GET", "get", resource.openapi.get),
        Operation::Create => ("POST", "create", resource.openapi.create),
        Operation::Update => ("PATCH", "update", resource.openapi.patch),
        Operation::Replace => ("PUT", "replace", resource.openapi.put),
        Operation::Delete => ("DELETE", "delete", resource.openapi.delete),
    };
    let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    Box::leak(Box::new(RouteSpec {
        method,
        path: leak(path.to_owned()),
        endpoint: leak(format!("{}.{name}", resource.name)),
        timeout_ms: TIMEOUT_MS,
        handler: never_called,
        operation: pointer,
        typed_params: &[],
        // Enforced around these routes by `http::routes` (`AuthSpec::resources`).
        auth: crate::auth::Access::Public,
    }))
}

/// CRUD routes are answered by the store, not a compiled handler; `RouteSpec` still needs one.
fn never_called(_: HandlerRequest) -> HandlerCall {
    HandlerCall::Ready(Err(HandlerError::StackOverflow))
}
