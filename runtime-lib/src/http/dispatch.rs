//! One handler call: read the request, run the compiled handler synchronously inside
//! `catch_unwind`, and turn its answer — or its error, or its panic — into a response.
//!
//! ```text
//! Request ─▶ request::read ─▶ handler(req) ─┬─ Ok(answer)            ─▶ response::build
//!                                           ├─ Err(HandlerError::…)  ─▶ HttpError (400/500/504)
//!                                           └─ panic                 ─▶ HttpError::Panicked (500)
//! ```
//!
//! The handler is sync code holding values that are not `Send`, so it runs right here on the
//! worker thread with nothing of it kept across an `.await`. Its failures are logged at error level
//! on target `backworks::handler`, with the request id to tie them to the request's log line.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use axum::extract::Request;
use axum::response::{IntoResponse, Response};

use super::RouteSpec;
use super::envelope::EndpointName;
use super::errors::HttpError;
use super::request_id::RequestId;
use super::{logging, request, response, validate};
use crate::contract::HandlerError;
use serde_json::Value;

/// The axum handler behind every blueprint route.
pub(crate) async fn dispatch(
    route: &'static RouteSpec,
    body_limit: usize,
    document: Option<Arc<Value>>,
    req: Request,
) -> Response {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .cloned()
        .unwrap_or_else(RequestId::fresh);
    let mut response = match answer(route, body_limit, document.as_deref(), req, &request_id).await
    {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    response
        .extensions_mut()
        .insert(EndpointName(route.endpoint));
    response
}

async fn answer(
    route: &'static RouteSpec,
    body_limit: usize,
    document: Option<&Value>,
    req: Request,
    request_id: &RequestId,
) -> Result<Response, HttpError> {
    let handler_request = request::read(req, route, body_limit, request_id).await?;
    if let (Some(document), Some(pointer)) = (document, route.operation)
        && let Some(operation) = document.pointer(pointer)
    {
        let violations = validate::check_request(document, operation, &handler_request);
        if !violations.is_empty() {
            return Err(HttpError::InvalidRequest { violations });
        }
    }
    // The handler owns its request and shares nothing with this frame, so a panic cannot leave
    // anything here half-updated; module state it keeps is the JS runtime's to guard.
    let outcome = {
        // Marked only around the sync call, never across an `.await`.
        let _call = logging::enter_handler(route.endpoint, request_id);
        catch_unwind(AssertUnwindSafe(|| (route.handler)(handler_request)))
    };
    match outcome {
        Ok(Ok(answer)) => response::build(answer).inspect_err(|error| {
            tracing::error!(
                target: "backworks::handler",
                endpoint = route.endpoint,
                request_id = request_id.as_str(),
                "{}",
                error.message()
            );
        }),
        Ok(Err(error)) => Err(handler_error(route, request_id, error)),
        Err(payload) => {
            let cause = logging::panic_text(payload.as_ref());
            tracing::error!(
                target: "backworks::handler",
                endpoint = route.endpoint,
                request_id = request_id.as_str(),
                panic = %cause,
                "handler panicked"
            );
            Err(HttpError::Panicked)
        }
    }
}

fn handler_error(route: &RouteSpec, request_id: &RequestId, error: HandlerError) -> HttpError {
    match error {
        HandlerError::BadRequest { code, message } => HttpError::BadRequest { code, message },
        HandlerError::Thrown {
            name,
            message,
            stack,
        } => {
            tracing::error!(
                target: "backworks::handler",
                endpoint = route.endpoint,
                request_id = request_id.as_str(),
                stack = stack.as_deref().unwrap_or("(no stack)"),
                "handler threw {name}: {message}"
            );
            HttpError::HandlerThrew { name, message }
        }
        HandlerError::Timeout { budget_ms } => {
            tracing::warn!(
                target: "backworks::handler",
                endpoint = route.endpoint,
                request_id = request_id.as_str(),
                budget_ms,
                "handler ran past its time budget"
            );
            HttpError::Timeout { budget_ms }
        }
        HandlerError::StackOverflow => {
            tracing::error!(
                target: "backworks::handler",
                endpoint = route.endpoint,
                request_id = request_id.as_str(),
                "handler exceeded the maximum call depth"
            );
            HttpError::StackOverflow
        }
    }
}
