//! `fetch`'s way out of the isolate: the `__node.fetch` intrinsic that the JavaScript of
//! `compiler/js/src/node/internal/fetch/*.js` (`fetch`, `Headers`, `Request`, `Response`) calls
//! once its arguments are checked, as Node's undici does in JavaScript over its socket layer.
//!
//! ```text
//! __node.fetch("POST", "http://api/x", ["content-type", "text/plain;charset=UTF-8"], bytes, "follow")
//!   → { response: a pending promise, cancel() }; the exchange (`transfer.rs`, plain `Send` data) runs on the server's
//!     multi-threaded runtime while the loop thread serves other requests (`event_loop::spawn_io`)
//!   → settled by a macrotask of the calling request:
//!     { status, statusText, url, redirected, headers: [name, value, …], body: Uint8Array }
//!     or rejected with the cause of Node's `TypeError: fetch failed` (an `Error` with `code`…)
//! ```
//!
//! A server built without the `fetch` feature (its handlers never name `fetch`) rejects every
//! call: the compiler enables the feature whenever the JavaScript that calls this is compiled in.

#[cfg(feature = "fetch")]
pub mod transfer;

use super::error::{Throw, new_error};
use super::value::Value;

/// `__node.fetch(method, url, headers, body, redirect)`: starts the exchange for the running
/// request and returns `{ response, cancel }`: the promise of its outcome, and a function that
/// ends the exchange (an aborted fetch closes its connection at once instead of holding it
/// until the upstream answers; the promise then stays pending, as its JS side has settled).
pub fn start(args: &[Value]) -> Result<Value, Throw> {
    let promise = super::promise::pending();
    let cancel = begin(&promise, args)?;
    Ok(Value::object([("response", promise), ("cancel", cancel)]))
}

/// A `cancel` with nothing to cancel.
fn nothing_to_cancel() -> Value {
    Value::function("cancel", 0, |_, _| Ok(Value::Undefined))
}

#[cfg(feature = "fetch")]
fn begin(promise: &Value, args: &[Value]) -> Result<Value, Throw> {
    use transfer::{Outgoing, RedirectMode};
    let text = |index: usize| -> Result<String, Throw> {
        Ok(
            super::convert::to_string(&args.get(index).cloned().unwrap_or_default())?
                .to_rust()
                .into_owned(),
        )
    };
    let headers = match args.get(2) {
        Some(Value::Array(items)) => {
            let items = items.to_vec()?;
            let mut pairs = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let name = super::convert::to_string(&pair[0])?.to_rust().into_owned();
                let value = byte_string(&pair.get(1).cloned().unwrap_or_default())?;
                pairs.push((name, value));
            }
            pairs
        }
        _ => Vec::new(),
    };
    let body = match args.get(3) {
        Some(value @ Value::Object(_)) => {
            super::bytes::view(value).map(super::bytes::ByteView::to_vec)
        }
        _ => None,
    };
    let redirect = match text(4)?.as_str() {
        "manual" => RedirectMode::Manual,
        "error" => RedirectMode::Error,
        _ => RedirectMode::Follow,
    };
    let outgoing = Outgoing {
        method: text(0)?,
        url: text(1)?,
        headers,
        body,
        redirect,
    };
    let Some(owner) = super::request_task::current() else {
        super::promise::settle(
            promise,
            Err(cause(
                "fetch can only run while a handler runs on an event loop",
                None,
            )),
        );
        return Ok(nothing_to_cancel());
    };
    let (cancel, cancelled) = tokio::sync::oneshot::channel::<()>();
    let exchange = async move {
        tokio::select! {
            outcome = transfer::exchange(outgoing) => Some(outcome),
            // Cancelled: the exchange goes with its connection. (A sender dropped without
            // sending does not match, and the exchange runs on.)
            Ok(()) = cancelled => None,
        }
    };
    let settled = promise.clone();
    super::event_loop::spawn_io(owner, exchange, move |outcome| {
        let outcome = match outcome {
            Some(Some(Ok(incoming))) => Ok(incoming_value(incoming)),
            Some(Some(Err(failure))) => Err(failure_value(&failure)),
            // Cancelled: the JS side has rejected already.
            Some(None) => return Ok(()),
            None => Err(cause("the request could not be sent", None)),
        };
        super::promise::settle(&settled, outcome);
        Ok(())
    });
    let cancel = std::cell::RefCell::new(Some(cancel));
    Ok(Value::function("cancel", 0, move |_, _| {
        if let Some(cancel) = cancel.borrow_mut().take() {
            let _ = cancel.send(());
        }
        Ok(Value::Undefined)
    }))
}

#[cfg(not(feature = "fetch"))]
fn begin(promise: &Value, _args: &[Value]) -> Result<Value, Throw> {
    super::promise::settle(
        promise,
        Err(cause(
            "this server was built without the runtime's fetch feature",
            None,
        )),
    );
    Ok(nothing_to_cancel())
}

/// A header value as bytes: each UTF-16 unit is one byte (the JS side has refused anything
/// outside a ByteString).
#[cfg(feature = "fetch")]
fn byte_string(value: &Value) -> Result<Vec<u8>, Throw> {
    let text = super::convert::to_string(value)?;
    Ok(text
        .to_rust()
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect())
}

/// The plain object the JS `Response` is built from.
#[cfg(feature = "fetch")]
fn incoming_value(incoming: transfer::Incoming) -> Value {
    let headers = incoming
        .headers
        .iter()
        .flat_map(|(name, value)| [Value::str(name), Value::str(&transfer::latin1(value))])
        .collect();
    Value::object([
        ("status", Value::Number(f64::from(incoming.status))),
        ("statusText", Value::str(&incoming.status_text)),
        ("url", Value::str(&incoming.url)),
        ("redirected", Value::Bool(incoming.redirected)),
        ("headers", Value::array(headers)),
        ("body", super::bytes::uint8_array(incoming.body)),
    ])
}

/// The `cause` of Node's `TypeError: fetch failed` for `failure`: an `Error` with Node's
/// message and, for system errors, `errno`, `code`, `syscall`, `address` and `port`.
#[cfg(feature = "fetch")]
fn failure_value(failure: &transfer::Failure) -> Value {
    let error = cause(&failure.message, failure.code.as_deref());
    if let Some((address, port)) = &failure.connect {
        let errno = match failure.code.as_deref() {
            Some("ECONNREFUSED") => -111.0,
            Some("ECONNRESET") => -104.0,
            Some("ETIMEDOUT") => -110.0,
            Some("EHOSTUNREACH") => -113.0,
            Some("ENETUNREACH") => -101.0,
            _ => 0.0,
        };
        let _ = super::access::set(&error, "errno", Value::Number(errno));
        let _ = super::access::set(&error, "syscall", Value::str("connect"));
        let _ = super::access::set(&error, "address", Value::str(address));
        let _ = super::access::set(&error, "port", Value::Number(f64::from(*port)));
    }
    error
}

/// An `Error` with `message` and, if given, `code`.
fn cause(message: &str, code: Option<&str>) -> Value {
    let error = new_error("Error", message);
    if let Some(code) = code {
        let _ = super::access::set(&error, "code", Value::str(code));
    }
    error
}
