//! One handler call: read the request, run the compiled handler synchronously inside
//! `catch_unwind`, and turn its answer — or its error, or its panic — into a response.
//!
//! ```text
//! Request ─▶ auth::admit (401/403/503 before the body is read) ─▶ rate limits (429)
//!         ─▶ request::read ─▶ handler(req) ─┬─ Ready(Ok(answer))     ─▶ response::build
//!                                           ├─ Ready(Err(…))         ─▶ HttpError (400/500/504)
//!                                           ├─ Pending(receiver)     ─▶ await it until the deadline
//!                                           │                             (past it: 504)
//!                                           └─ panic                 ─▶ HttpError::Panicked (500)
//! ```
//!
//! The handler is sync code holding values that are not `Send`, so it runs right here on the
//! worker thread with nothing of it kept across an `.await`; a handler that may do I/O instead
//! hands its request to an event-loop thread (`js::event_loop`) and only its plain-data answer
//! is awaited here. Failures are logged at error level on target `backworks::handler`, with the
//! request id to tie them to the request's log line.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use axum::extract::Request;
use axum::response::{IntoResponse, Response};

use super::RouteSpec;
use super::envelope::EndpointName;
use super::errors::HttpError;
use super::rate_limit::RouteLimits;
use super::request_id::RequestId;
use super::{logging, request, response, validate};
use crate::auth::{self, Authenticator};
use crate::contract::{HandlerCall, HandlerError, HandlerResult};
use crate::monitor::Recording;
use serde_json::Value;

/// The axum handler behind every blueprint route.
pub(crate) async fn dispatch(
    route: &'static RouteSpec,
    body_limit: usize,
    document: Option<Arc<Value>>,
    authenticator: Option<Arc<Authenticator>>,
    limits: RouteLimits,
    req: Request,
) -> Response {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .cloned()
        .unwrap_or_else(RequestId::fresh);
    let shared = Shared {
        body_limit,
        document: document.as_deref(),
        authenticator: authenticator.as_deref(),
        limits: &limits,
    };
    let mut response = match answer(route, &shared, req, &request_id).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    response
        .extensions_mut()
        .insert(EndpointName(route.endpoint));
    response
}

/// What every route of the service shares.
struct Shared<'s> {
    body_limit: usize,
    document: Option<&'s Value>,
    authenticator: Option<&'s Authenticator>,
    limits: &'s RouteLimits,
}

async fn answer(
    route: &'static RouteSpec,
    shared: &Shared<'_>,
    req: Request,
    request_id: &RequestId,
) -> Result<Response, HttpError> {
    // Who calls is settled first: a refused request's body is never read.
    let user = auth::admit(
        shared.authenticator,
        route.auth,
        req.headers(),
        req.extensions(),
    )
    .await?;
    if let Err(limited) = shared.limits.check(user.as_ref(), &req).await {
        return Ok(limited.into_response());
    }
    let recording = req.extensions().get::<Recording>().cloned();
    let content_type = recording.as_ref().and_then(|_| {
        req.headers()
            .get(axum::http::header::CONTENT_TYPE)
            .map(|value| value.as_bytes().to_vec())
    });
    let mut handler_request = request::read(req, route, shared.body_limit, request_id).await?;
    if let Some(recording) = &recording {
        recording.body(&handler_request.body, content_type.as_deref());
        recording.user(user.as_ref().and_then(|user| user.id.as_deref()));
    }
    handler_request.recording = recording.clone();
    handler_request.user = user;
    if let (Some(document), Some(pointer)) = (shared.document, route.operation)
        && let Some(operation) = document.pointer(pointer)
    {
        let violations = validate::check_request(document, operation, &handler_request);
        if !violations.is_empty() {
            return Err(HttpError::InvalidRequest { violations });
        }
    }
    let deadline = handler_request.deadline;
    // The handler owns its request and shares nothing with this frame, so a panic cannot leave
    // anything here half-updated; module state it keeps is the JS runtime's to guard.
    let outcome = {
        // Marked only around the sync call, never across an `.await`.
        let _call = logging::enter_handler(route.endpoint, request_id, recording);
        catch_unwind(AssertUnwindSafe(|| (route.handler)(handler_request)))
    };
    let outcome = match outcome {
        Ok(HandlerCall::Ready(result)) => Ok(result),
        Ok(HandlerCall::Pending(answer)) => Ok(pending_answer(route, deadline, answer).await),
        Err(payload) => Err(payload),
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

/// Waits for the answer of a handler running on an event-loop thread, no longer than its
/// deadline. Dropping the receiver (on time-out) is what tells the loop nobody waits any more.
async fn pending_answer(
    route: &RouteSpec,
    deadline: std::time::Instant,
    answer: tokio::sync::oneshot::Receiver<HandlerResult>,
) -> HandlerResult {
    match tokio::time::timeout_at(deadline.into(), answer).await {
        Ok(Ok(result)) => result,
        // The loop dropped the request without answering: it cannot have, short of a bug.
        Ok(Err(_)) => Err(HandlerError::Panicked {
            message: "the event loop dropped the request without answering".to_string(),
        }),
        Err(_) => Err(HandlerError::Timeout {
            budget_ms: route.timeout_ms,
        }),
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
        HandlerError::Panicked { message } => {
            tracing::error!(
                target: "backworks::handler",
                endpoint = route.endpoint,
                request_id = request_id.as_str(),
                panic = %message,
                "handler panicked"
            );
            HttpError::Panicked
        }
    }
}
