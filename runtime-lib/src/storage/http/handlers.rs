//! Answering one CRUD request: read it as declared endpoints are read (body limit, JSON body,
//! OpenAPI checks), call the [`Store`](crate::storage::Store), and shape the response.
//!
//! ```text
//! PATCH /books/7  If-Match: "5e1f…"  {"price": 12}
//!   ─▶ store.update("books", 7, {"price":12}, Some("\"5e1f…\""))
//!   ─▶ 200 {"id":7,…,"price":12,…}  ETag: "9a0b…"      (412 when the tag is stale)
//! ```
//!
//! Violations found by the storage layer are reported under `/body` (or `/query/…`,
//! `/path/id`), the same pointers the OpenAPI checks use, so both layers read alike. Writes
//! carry their [`Origin`] — the caller the auth layer admitted, the request id, the peer's
//! address — into the store, which appends the audit entry in the write's transaction.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::{Operation, Shared};
use crate::auth::Caller;
use crate::contract::{HandlerRequest, RequestBody};
use crate::http::RouteSpec;
use crate::http::envelope::EndpointName;
use crate::http::request_id::RequestId;
use crate::http::{request, validate};
use crate::monitor::Recording;
use crate::storage::audit::Origin;
use crate::storage::error::{ErrorCode, StoreError, Violation};
use crate::storage::etag::etag;
use crate::storage::ops::id_value;
use crate::storage::query::ListQuery;
use crate::storage::record::Write;
use crate::storage::rules::{self, Viewer};
use crate::storage::spec::ResourceSpec;
use crate::storage::{Page, Row};

/// The axum handler behind every CRUD route.
pub(crate) async fn handle(
    resource: &'static ResourceSpec,
    operation: Operation,
    route: &'static RouteSpec,
    shared: Arc<Shared>,
    req: Request,
) -> Response {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .cloned()
        .unwrap_or_else(RequestId::fresh);
    let mut response = match answer(resource, operation, route, &shared, req, &request_id).await {
        Ok(response) => response,
        Err(response) => response,
    };
    response
        .extensions_mut()
        .insert(EndpointName(route.endpoint));
    response
}

async fn answer(
    resource: &'static ResourceSpec,
    operation: Operation,
    route: &'static RouteSpec,
    shared: &Shared,
    req: Request,
    request_id: &RequestId,
) -> Result<Response, Response> {
    // Set by the auth layer around every CRUD route; absent, the caller is anonymous.
    let caller = req
        .extensions()
        .get::<Caller>()
        .and_then(|caller| caller.0.clone());
    let viewer = Viewer {
        user: caller.as_ref(),
    };
    let origin = origin(&req, request_id);
    // The dashboard's live log shows a generated route's body and caller as a handler's.
    let recording = req.extensions().get::<Recording>().cloned();
    let content_type = recording.as_ref().and_then(|_| {
        req.headers()
            .get(header::CONTENT_TYPE)
            .map(|value| value.as_bytes().to_vec())
    });
    let request = request::read(req, route, shared.body_limit, request_id)
        .await
        .map_err(IntoResponse::into_response)?;
    if let Some(recording) = &recording {
        recording.body(&request.body, content_type.as_deref());
        recording.user(caller.as_ref().and_then(|user| user.id.as_deref()));
    }
    if let (Some(document), Some(pointer)) = (&shared.document, route.operation)
        && let Some(declared) = document.pointer(pointer)
    {
        let violations = validate::check_request(document, declared, &request);
        if !violations.is_empty() {
            let violations = violations
                .into_iter()
                .map(|violation| Violation::new(violation.pointer, violation.message))
                .collect();
            return Err(StoreError::invalid(violations).into_response());
        }
    }
    let store = shared.store.store().map_err(IntoResponse::into_response)?;
    let name = resource.name;
    let outcome = match operation {
        Operation::List => {
            let query = ListQuery::parse(resource, &request.query_params)
                .map_err(|violations| StoreError::invalid(violations).into_response())?;
            rules::list(&store, resource, query, viewer)
                .await
                .map(list_response)
                .map_err(|error| error.under("/query"))
        }
        Operation::Get => {
            let id = path_id(resource, &request).map_err(IntoResponse::into_response)?;
            match rules::get(&store, resource, &id, viewer).await {
                Ok(Some(row)) => Ok(row_response(StatusCode::OK, &row, None)),
                Ok(None) => Err(missing(resource, &id)),
                Err(error) => Err(error),
            }
        }
        Operation::Create => {
            let body = body(&request).map_err(IntoResponse::into_response)?;
            match rules::create(&store, resource, body, viewer, &origin).await {
                Ok(row) => {
                    let location =
                        format!("/{name}/{}", row.get("id").map(id_text).unwrap_or_default());
                    Ok(row_response(StatusCode::CREATED, &row, Some(location)))
                }
                Err(error) => Err(error.under("/body")),
            }
        }
        Operation::Update | Operation::Replace => {
            let id = path_id(resource, &request).map_err(IntoResponse::into_response)?;
            let body = body(&request).map_err(IntoResponse::into_response)?;
            let expect = if_match(&request);
            let write = if operation == Operation::Update {
                Write::Patch
            } else {
                Write::Replace
            };
            let change = rules::Change {
                body,
                expect,
                write,
            };
            let written = rules::update(&store, resource, &id, change, viewer, &origin).await;
            match written {
                Ok(Some(row)) => Ok(row_response(StatusCode::OK, &row, None)),
                Ok(None) if if_match(&request).is_some() => Err(no_current(resource, &id)),
                Ok(None) => Err(missing(resource, &id)),
                Err(error) => Err(error.under("/body")),
            }
        }
        Operation::Delete => {
            let id = path_id(resource, &request).map_err(IntoResponse::into_response)?;
            match rules::delete(&store, resource, &id, if_match(&request), viewer, &origin).await {
                Ok(true) => Ok(StatusCode::NO_CONTENT.into_response()),
                Ok(false) if if_match(&request).is_some() => Err(no_current(resource, &id)),
                Ok(false) => Err(missing(resource, &id)),
                Err(error) => Err(error),
            }
        }
    };
    outcome.map_err(IntoResponse::into_response)
}

/// Who writes: the caller `http::routes` admitted (none when the routes are public), in this
/// request, from the peer's address when the server was started with it.
fn origin(req: &Request, request_id: &RequestId) -> Origin {
    let caller = req
        .extensions()
        .get::<Caller>()
        .and_then(|caller| caller.0.as_ref());
    let ip = crate::http::client_addr::client_ip(req.extensions()).map(|ip| ip.to_string());
    Origin::request(caller, request_id.as_str(), ip)
}

fn path_id(resource: &ResourceSpec, request: &HandlerRequest) -> Result<Value, StoreError> {
    let text = request
        .path_params
        .iter()
        .find(|(name, _)| name == "id")
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    id_value(resource, &Value::String(text)).map_err(|violation| {
        StoreError::invalid(vec![Violation::new("/path/id", violation.message)])
    })
}

fn body(request: &HandlerRequest) -> Result<Row, StoreError> {
    let problem = |message: &str| StoreError::invalid(vec![Violation::new("/body", message)]);
    match &request.body {
        RequestBody::Empty => Err(problem("a JSON body is required")),
        RequestBody::Text(_) => Err(problem(
            "expected a JSON body (content-type: application/json)",
        )),
        RequestBody::Json(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(members)) => Ok(members),
            Ok(other) => Err(problem(&crate::storage::value::expected("object", &other))),
            Err(error) => Err(problem(&format!("the body is not valid JSON: {error}"))),
        },
    }
}

fn if_match(request: &HandlerRequest) -> Option<String> {
    request
        .headers
        .iter()
        .find(|(name, _)| name == "if-match")
        .map(|(_, value)| value.clone())
}

fn missing(resource: &ResourceSpec, id: &Value) -> StoreError {
    StoreError::new(
        ErrorCode::NotFound,
        format!("{} has no row with id {}", resource.name, id_text(id)),
    )
}

/// `If-Match` on a row that does not exist is false (RFC 9110 §13.1.1): 412, not 404.
fn no_current(resource: &ResourceSpec, id: &Value) -> StoreError {
    StoreError::new(
        ErrorCode::PreconditionFailed,
        format!(
            "{} has no row with id {} to match",
            resource.name,
            id_text(id)
        ),
    )
}

fn id_text(id: &Value) -> String {
    match id {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn row_response(status: StatusCode, row: &Row, location: Option<String>) -> Response {
    let mut response = json_response(status, serde_json::to_string(row).unwrap_or_default());
    let headers = response.headers_mut();
    if let Ok(tag) = HeaderValue::from_str(&etag(row)) {
        headers.insert(header::ETAG, tag);
    }
    if let Some(location) = location.and_then(|text| HeaderValue::from_str(&text).ok()) {
        headers.insert(header::LOCATION, location);
    }
    response
}

fn list_response(page: Page) -> Response {
    let mut body = serde_json::Map::new();
    body.insert(
        "items".to_owned(),
        Value::Array(page.items.into_iter().map(Value::Object).collect()),
    );
    body.insert(
        "next".to_owned(),
        page.next.map_or(Value::Null, Value::String),
    );
    if let Some(total) = page.total {
        body.insert("total".to_owned(), Value::from(total));
    }
    json_response(StatusCode::OK, Value::Object(body).to_string())
}
