//! From the plain-data contract to JS values and back.
//!
//! A generated entry point is one call into this module:
//!
//! ```text
//! pub fn get(req: HandlerRequest) -> HandlerCall {
//!     rt_bridge::run_stateful(&super::ISOLATES[0], req, |modules, req, ctx| {
//!         let exports = modules.require("tasks", evaluate)?;
//!         rt::call(&rt::get(&exports, "GET")?, &[req, ctx.value()])
//!     })
//! }
//! ```
//!
//! `run_stateful`/`run_stateless` run the handler inline, on the calling thread;
//! `run_stateful_on_loop`/`run_stateless_on_loop` (modules that may do I/O) hand the request
//! to an event-loop thread (`js::event_loop`), where [`begin_on_loop`] starts it.
//!
//! - the request becomes `req = { method, path, path_params, query_params, headers, body }`
//!   (a repeated query name keeps its last value; parameters are strings, except the
//!   `typed_params` of the request, which become numbers and booleans; a JSON body is parsed
//!   with the runtime's own `JSON.parse`, a parse error is a 400 `invalid_json` with V8's
//!   message);
//! - `ctx = { log(...args), env, db }` (`log` writes one tracing line, `env` holds the process
//!   environment, `db` is the service's database — `js::db` — on an event-loop thread), built
//!   only when the entry asks for it (`Context::value`): the compiler passes it to handlers
//!   that may read their second argument;
//! - the result: a plain object with a `status`, `headers` or `body` key is a response; any
//!   other value (a class instance too) is the body of a 200; a promise is unwrapped; a throw
//!   becomes `HandlerError::Thrown`;
//! - the request's deadline is the time budget of the call (`js::budget`): a handler still
//!   running past it unwinds and becomes `HandlerError::Timeout` (504).

use std::rc::Rc;

use crate::contract::{
    HandlerCall, HandlerError, HandlerRequest, HandlerResponse, ParamKind, ParamLocation,
    RequestBody, ResponseBody, TypedParam, User,
};
use crate::js::error::{error_parts, stack_string};
use crate::js::event_loop::{EventLoop, LoopEntry};
use crate::js::isolate::{Isolate, Modules};
use crate::js::request_task::RequestTask;
use crate::js::{JsString, Throw, Value};

/// The closure a generated entry point passes: `(modules, req, ctx) → handler result`.
pub trait Entry: FnOnce(&Modules, Value, &Context) -> Result<Value, Throw> {}
impl<F: FnOnce(&Modules, Value, &Context) -> Result<Value, Throw>> Entry for F {}

/// The handler's second argument, made on demand: a fresh `{ log, env }` copies the whole
/// process environment, which most handlers never look at.
pub struct Context<'r> {
    /// The request's verified caller, which becomes `ctx.user`.
    user: Option<&'r User>,
}

impl Context<'_> {
    /// `ctx = { log, env, user }` (and `db` where there is one).
    pub fn value(&self) -> Value {
        let context = context_value();
        let _ = crate::js::access::set(&context, "user", user_value(self.user));
        context
    }
}

/// `ctx.user`: `{ id, roles, claims, provider }` for a verified caller, `null` for an
/// anonymous one.
fn user_value(user: Option<&User>) -> Value {
    let Some(user) = user else {
        return Value::Null;
    };
    let id = user.id.as_deref().map_or(Value::Null, Value::str);
    let roles =
        crate::js::builders::array(user.roles.iter().map(|role| Value::str(role)).collect());
    // The claims were JSON before verification turned them into text; they read back as
    // `JSON.parse` would read them (a token's claims are always an object).
    let claims = crate::js::json::parse_str(&user.claims).unwrap_or(Value::Null);
    let provider = Value::str(user.provider.as_str());
    crate::js::builders::object([
        ("id", id),
        ("roles", roles),
        ("claims", claims),
        ("provider", provider),
    ])
}

/// Runs a handler of a stateless module: a private module registry, no lock.
pub fn run_stateless(req: HandlerRequest, entry: impl Entry) -> HandlerCall {
    HandlerCall::Ready(request_value(&req).and_then(|request| {
        let modules = Modules::new();
        run(&modules, &req, request, entry)
    }))
}

/// Runs a handler of a stateful module while holding its isolate's lock, from the first use of
/// module state to dropping the last JS value (see `js::isolate` for why this makes the isolate
/// sound). `req` is built before the lock is taken: until the handler runs, no other thread
/// can reach it, and it is moved into the locked call, which drops it.
pub fn run_stateful(isolate: &Isolate, req: HandlerRequest, entry: impl Entry) -> HandlerCall {
    HandlerCall::Ready(request_value(&req).and_then(|request| {
        let guard = isolate.lock();
        let outcome = run(&guard.0, &req, request, entry);
        drop(guard);
        outcome
    }))
}

/// Runs a handler of a stateful module that may do I/O on its isolate's event-loop thread,
/// which owns the isolate's module state: no lock, and other requests run while it awaits.
pub fn run_stateful_on_loop(
    isolate: &Isolate,
    req: HandlerRequest,
    entry: LoopEntry,
) -> HandlerCall {
    isolate.event_loop().call(req, entry)
}

/// Runs a handler of a stateless module that may do I/O on one of the stateless loop threads,
/// with a private module registry.
pub fn run_stateless_on_loop(req: HandlerRequest, entry: LoopEntry) -> HandlerCall {
    EventLoop::stateless().call(req, entry)
}

/// The first macrotask of a request on an event-loop thread, run as its `task`: builds `req`,
/// calls the handler, and awaits its result as Node's server does (`await handler(req, ctx)`:
/// one reaction, a job behind those the handler queued), which answers the request. Fails only
/// when the handler ran out of time.
pub fn begin_on_loop(
    task: &Rc<RequestTask>,
    modules: &Rc<Modules>,
    req: &HandlerRequest,
    entry: LoopEntry,
) -> Result<(), Throw> {
    let request = match request_value(req) {
        Ok(request) => request,
        Err(error) => {
            task.answer(Err(error));
            return Ok(());
        }
    };
    let context = Context {
        user: req.user.as_ref(),
    };
    let result = entry(modules, request, &context).and_then(crate::js::promise::resolve);
    let promise = match result {
        Ok(promise) => promise,
        Err(thrown) if thrown.is_catchable() => {
            task.fail(&thrown);
            return Ok(());
        }
        Err(thrown) => return Err(thrown),
    };
    let answering = task.clone();
    // A stateless call's registry lives until the answer: functions of its modules reach it
    // only weakly (`ModuleHandle`), and code after an `await` may still load through it
    // (`new Headers()` in an async handler loads `Headers`' source lazily).
    let registry = Rc::clone(modules);
    crate::js::promise::when_settled(
        &promise,
        Box::new(move |outcome| {
            let _registry = registry;
            let result = match outcome {
                Ok(value) => response_from(&value),
                Err(reason) => Err(thrown_error(&Throw::new(reason))),
            };
            answering.answer(result);
            Ok(())
        }),
    );
    Ok(())
}

/// Calls the handler with `request` (consumed) and converts its result into plain data; every
/// JS value of the call is dropped before this returns.
fn run(
    modules: &Modules,
    req: &HandlerRequest,
    request: Value,
    entry: impl Entry,
) -> Result<HandlerResponse, HandlerError> {
    let budget_ms = remaining_ms(req.deadline);
    let _budget = crate::js::budget::enter(req.deadline);
    // Declared after the budget so that leftover jobs are dropped while it still applies.
    let _microtasks = crate::js::microtasks::scope();
    let context = Context {
        user: req.user.as_ref(),
    };
    // Node awaits the handler's result: every queued job runs, then the promise is read.
    let result = entry(modules, request, &context).and_then(|value| {
        crate::js::microtasks::drain()?;
        if crate::js::promise::is_promise(&value) {
            crate::js::async_fn::settled_value(&value)
        } else {
            Ok(value)
        }
    });
    match result {
        Ok(value) => response_from(&value),
        Err(thrown) if !thrown.is_catchable() => Err(HandlerError::Timeout { budget_ms }),
        Err(thrown) => Err(thrown_error(&thrown)),
    }
}

/// The time left until `deadline` in whole milliseconds (rounded up: the budget the endpoint
/// declared, less the few microseconds spent reading the request).
fn remaining_ms(deadline: std::time::Instant) -> u64 {
    let left = deadline.saturating_duration_since(std::time::Instant::now());
    u64::try_from(left.as_micros().div_ceil(1000)).unwrap_or(u64::MAX)
}

fn string_object(pairs: &[(String, String)]) -> Value {
    Value::object(
        pairs
            .iter()
            .map(|(key, value)| (JsString::new(key), Value::str(value))),
    )
}

/// `path_params` or `query_params`: strings, except the parameters `typed` lists for
/// `location`, which become the number or boolean their text spells. The server has already
/// checked that text; one that still does not parse stays a string rather than become a
/// made-up value.
fn params_object(
    pairs: &[(String, String)],
    typed: &[TypedParam],
    location: ParamLocation,
) -> Value {
    if typed.is_empty() {
        return string_object(pairs);
    }
    Value::object(pairs.iter().map(|(key, text)| {
        let kind = typed
            .iter()
            .find(|param| param.location == location && param.name == key)
            .map(|param| param.kind);
        let value = kind
            .and_then(|kind| typed_param(kind, text))
            .unwrap_or_else(|| Value::str(text));
        (JsString::new(key), value)
    }))
}

/// The JS value of a parameter's text, read as the HTTP layer's validator reads it.
fn typed_param(kind: ParamKind, text: &str) -> Option<Value> {
    match crate::http::validate::typed_value(kind.as_str(), text)? {
        serde_json::Value::Bool(flag) => Some(Value::Bool(flag)),
        serde_json::Value::Number(number) => number.as_f64().map(Value::Number),
        _ => None,
    }
}

/// The JS `req` object.
pub fn request_value(req: &HandlerRequest) -> Result<Value, HandlerError> {
    let body = match &req.body {
        RequestBody::Empty => Value::Undefined,
        RequestBody::Text(text) => Value::str(text),
        RequestBody::Json(text) => {
            crate::js::json::parse_str(text).map_err(|thrown| HandlerError::BadRequest {
                code: "invalid_json",
                message: error_parts(&thrown.value)
                    .map(|(_, message)| message)
                    .unwrap_or_else(|| "invalid JSON".to_string()),
            })?
        }
    };
    Ok(crate::js::builders::object([
        ("method", Value::str(&req.method)),
        ("path", Value::str(&req.path)),
        (
            "path_params",
            params_object(&req.path_params, req.typed_params, ParamLocation::Path),
        ),
        (
            "query_params",
            params_object(&req.query_params, req.typed_params, ParamLocation::Query),
        ),
        ("headers", string_object(&req.headers)),
        ("body", body),
    ]))
}

/// The process environment, read once: reading it per request takes the environment lock and
/// allocates every name and value (hello-world served 40 % more requests without it).
fn environment() -> &'static [(String, String)] {
    static ENVIRONMENT: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    // Variables holding auth keys are left out: a handler echoing `ctx.env` must not leak one.
    ENVIRONMENT.get_or_init(|| {
        std::env::vars()
            .filter(|(name, _)| !crate::auth::is_concealed(name))
            .collect()
    })
}

/// The environment as a JS object of strings (`ctx.env`, `process.env`): a fresh object on
/// each call, so one handler's writes never reach another's.
pub(crate) fn environment_object() -> Value {
    string_object(environment())
}

/// The JS `ctx` object: `{ log, env }` (`env` is the environment as the process started with
/// it; a fresh object per request, so one handler's writes never reach another's).
pub fn context_value() -> Value {
    let context = Value::object([
        (
            "log",
            Value::function("log", 0, |_, args| {
                Ok(crate::js::console::log("info", args))
            }),
        ),
        ("env", string_object(environment())),
    ]);
    #[cfg(feature = "storage")]
    let _ = crate::js::access::set(
        &context,
        "emit",
        Value::function("emit", 2, |_, args| emit(args)),
    );
    // `ctx.db` exists where a handler can wait for it: on an event-loop thread of a service
    // with a database (`js::db`).
    if let Some(db) = crate::js::db::context_value() {
        let _ = crate::js::access::set(&context, "db", db);
    }
    context
}

/// `ctx.emit(name, payload)`: publishes a custom live event (`events::emit`) and returns
/// `undefined`. The payload is what `JSON.stringify` makes of it (`null` when nothing); a
/// name that is not a non-empty string, or a payload too large, throws a `TypeError`.
#[cfg(feature = "storage")]
fn emit(args: &[Value]) -> Result<Value, Throw> {
    let Some(Value::String(name)) = args.first() else {
        return Err(Throw::type_error(
            "ctx.emit: the event name must be a string",
        ));
    };
    let payload = args.get(1).cloned().unwrap_or_default();
    let payload = crate::js::json::stringify(&payload, &Value::Undefined)?
        .unwrap_or_else(|| "null".to_owned());
    crate::events::emit(&name.to_string(), payload)
        .map_err(|why| Throw::type_error(format!("ctx.emit: {why}")))?;
    Ok(Value::Undefined)
}

fn is_response(value: &Value) -> bool {
    let Value::Object(object) = value else {
        return false;
    };
    // Only plain objects describe responses: a class instance is a body.
    if !matches!(object.kind, crate::js::value::ObjectKind::Plain) || object.class.is_some() {
        return false;
    }
    let props = object.props.borrow();
    ["status", "headers", "body"]
        .iter()
        .any(|key| props.contains(&JsString::new(key)))
}

fn body_from(value: &Value) -> Result<ResponseBody, HandlerError> {
    Ok(match value {
        Value::Undefined | Value::Null => ResponseBody::Empty,
        Value::String(text) => ResponseBody::Text(text.to_string()),
        other => match crate::js::json::stringify(other, &Value::Undefined) {
            Ok(Some(json)) => ResponseBody::Json(json),
            Ok(None) => ResponseBody::Empty,
            Err(thrown) => return Err(thrown_error(&thrown)),
        },
    })
}

/// Converts a handler's result into the response it describes.
pub fn response_from(value: &Value) -> Result<HandlerResponse, HandlerError> {
    if !is_response(value) {
        return Ok(HandlerResponse {
            status: 200,
            headers: Vec::new(),
            body: body_from(value)?,
        });
    }
    let field = |key: &str| crate::js::get(value, key).map_err(|thrown| thrown_error(&thrown));
    let status = match field("status")? {
        Value::Undefined => 200,
        other => {
            let number = crate::js::to_number(&other).unwrap_or(f64::NAN);
            if number.fract() != 0.0 || !(100.0..=999.0).contains(&number) {
                return Err(HandlerError::Thrown {
                    name: "RangeError".to_string(),
                    message: format!(
                        "Invalid status code: {}",
                        crate::js::console::inspect(&other)
                    ),
                    stack: None,
                });
            }
            number as u16
        }
    };
    let mut headers = Vec::new();
    let header_object = field("headers")?;
    if !header_object.is_nullish() {
        let entries = crate::js::object_methods::own_entries(&header_object)
            .map_err(|thrown| thrown_error(&thrown))?;
        for (name, header) in entries {
            if matches!(header, Value::Undefined) {
                continue;
            }
            let text = crate::js::to_string(&header).map_err(|thrown| thrown_error(&thrown))?;
            headers.push((name.to_string(), text.to_string()));
        }
    }
    Ok(HandlerResponse {
        status,
        headers,
        body: body_from(&field("body")?)?,
    })
}

/// The `HandlerError` for a thrown value.
pub fn thrown_error(thrown: &Throw) -> HandlerError {
    match error_parts(&thrown.value) {
        Some((name, message))
            if name == "RangeError" && message == "Maximum call stack size exceeded" =>
        {
            HandlerError::StackOverflow
        }
        Some((name, message)) => HandlerError::Thrown {
            name,
            message,
            stack: Some(stack_string(&thrown.value)),
        },
        None => HandlerError::Thrown {
            name: "Uncaught".to_string(),
            message: crate::js::to_string(&thrown.value)
                .map(|text| text.to_string())
                .unwrap_or_else(|_| crate::js::console::inspect(&thrown.value)),
            stack: None,
        },
    }
}
