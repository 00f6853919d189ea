//! Promises as the spec defines them: pending until resolved, reactions run as microtasks.
//!
//! ```text
//! p.then(f)               →   a reaction on p; when p settles, a job calls f and settles the
//!                             promise `then` returned with f's result
//! resolve(p, thenable)    →   a job calls thenable.then(resolve, reject) (adopting its state)
//! Promise.resolve(v)      →   v itself when it is a promise
//! ```
//!
//! Every step that the spec performs in a job is a job here (`microtasks.rs`), so callbacks run
//! in Node's order: `await` on a promise takes one tick, returning a promise from an `async`
//! function or a `then` callback takes two more, a thenable object one more.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::error::{Throw, new_error};
use super::microtasks::{Owner, enqueue, enqueue_owned};
use super::value::{ObjectKind, Value};

/// How a promise settled: `Ok` fulfilled with a value, `Err` rejected with a reason.
pub type Outcome = Result<Value, Value>;

/// What runs when a promise settles (as a job of its own).
pub type Reaction = Box<dyn FnOnce(Outcome) -> Result<(), Throw>>;

/// A promise's state.
pub enum PromiseState {
    /// Not settled; the reactions wait for it, each with the request task that registered it
    /// (whose job it will be; `None` on the inline path).
    Pending(Vec<(Owner, Reaction)>),
    /// Fulfilled with a value.
    Fulfilled(Value),
    /// Rejected with a reason.
    Rejected(Value),
}

/// The data of a promise object.
pub struct PromiseData {
    /// Its state (reactions live in the pending state).
    pub state: RefCell<PromiseState>,
}

/// A new pending promise.
pub fn pending() -> Value {
    Value::object_of_kind(ObjectKind::Promise(PromiseData {
        state: RefCell::new(PromiseState::Pending(Vec::new())),
    }))
}

fn data(promise: &Value) -> Option<&PromiseData> {
    match promise {
        Value::Object(object) => match &object.kind {
            ObjectKind::Promise(data) => Some(data),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `value` is a promise.
pub fn is_promise(value: &Value) -> bool {
    data(value).is_some()
}

/// The outcome of a settled promise; `None` while pending (or for a non-promise).
pub fn outcome(promise: &Value) -> Option<Outcome> {
    match &*data(promise)?.state.borrow() {
        PromiseState::Pending(_) => None,
        PromiseState::Fulfilled(value) => Some(Ok(value.clone())),
        PromiseState::Rejected(reason) => Some(Err(reason.clone())),
    }
}

/// Settles a pending promise and queues its reactions (a settled promise stays as it is).
pub fn settle(promise: &Value, outcome: Outcome) {
    let Some(data) = data(promise) else {
        return;
    };
    let reactions = {
        let mut state = data.state.borrow_mut();
        if !matches!(*state, PromiseState::Pending(_)) {
            return;
        }
        let settled = match &outcome {
            Ok(value) => PromiseState::Fulfilled(value.clone()),
            Err(reason) => PromiseState::Rejected(reason.clone()),
        };
        match std::mem::replace(&mut *state, settled) {
            PromiseState::Pending(reactions) => reactions,
            _ => Vec::new(),
        }
    };
    for (owner, reaction) in reactions {
        let outcome = outcome.clone();
        enqueue_owned(owner, Box::new(move || reaction(outcome)));
    }
}

/// Runs `reaction` when `promise` settles: queued now if it already has (PerformPromiseThen).
pub fn when_settled(promise: &Value, reaction: Reaction) {
    let Some(data) = data(promise) else {
        return;
    };
    let settled = match &mut *data.state.borrow_mut() {
        PromiseState::Pending(reactions) => {
            reactions.push((super::request_task::current(), reaction));
            return;
        }
        PromiseState::Fulfilled(value) => Ok(value.clone()),
        PromiseState::Rejected(reason) => Err(reason.clone()),
    };
    enqueue(Box::new(move || reaction(settled)));
}

/// Resolves `promise` with `resolution` (the spec's promise resolve function): a value fulfills
/// it, a promise or thenable passes its own outcome on, one job later.
pub fn resolve_with(promise: &Value, resolution: Value) -> Result<(), Throw> {
    if let (Value::Object(a), Value::Object(b)) = (promise, &resolution)
        && Rc::ptr_eq(a, b)
    {
        let error = new_error(
            "TypeError",
            "Chaining cycle detected for promise #<Promise>",
        );
        settle(promise, Err(error));
        return Ok(());
    }
    if is_promise(&resolution) {
        // NewPromiseResolveThenableJob with the built-in `then`.
        let target = promise.clone();
        enqueue(Box::new(move || {
            let forward = target.clone();
            when_settled(
                &resolution,
                Box::new(move |outcome| {
                    settle(&forward, outcome);
                    Ok(())
                }),
            );
            Ok(())
        }));
        return Ok(());
    }
    let then = match &resolution {
        Value::Object(_) | Value::Function(_) | Value::Array(_) => {
            match super::access::get(&resolution, "then") {
                Ok(then) => then,
                Err(thrown) if thrown.is_catchable() => {
                    settle(promise, Err(thrown.value));
                    return Ok(());
                }
                Err(thrown) => return Err(thrown),
            }
        }
        _ => Value::Undefined,
    };
    if !matches!(then, Value::Function(_)) {
        settle(promise, Ok(resolution));
        return Ok(());
    }
    let target = promise.clone();
    enqueue(Box::new(move || {
        let (resolve, reject) = resolving_functions(&target);
        match super::access::call_with_this(&then, &resolution, &[resolve, reject.clone()]) {
            Ok(_) => Ok(()),
            Err(thrown) if thrown.is_catchable() => {
                super::access::call(&reject, &[thrown.value]).map(drop)
            }
            Err(thrown) => Err(thrown),
        }
    }));
    Ok(())
}

/// The `resolve` and `reject` functions handed to an executor or a thenable's `then`: the first
/// call of either wins.
pub fn resolving_functions(promise: &Value) -> (Value, Value) {
    let done = Rc::new(Cell::new(false));
    let (target, first) = (promise.clone(), done.clone());
    let resolve = Value::arrow_function("", 1, move |_, args| {
        if !first.replace(true) {
            resolve_with(&target, args.first().cloned().unwrap_or_default())?;
        }
        Ok(Value::Undefined)
    });
    let target = promise.clone();
    let reject = Value::arrow_function("", 1, move |_, args| {
        if !done.replace(true) {
            settle(&target, Err(args.first().cloned().unwrap_or_default()));
        }
        Ok(Value::Undefined)
    });
    (resolve, reject)
}

/// `new Promise(executor)`.
pub fn construct(executor: &Value) -> Result<Value, Throw> {
    if !matches!(executor, Value::Function(_)) {
        return Err(Throw::type_error(format!(
            "Promise resolver {} is not a function",
            super::console::inspect(executor)
        )));
    }
    let promise = pending();
    let (resolve, reject) = resolving_functions(&promise);
    match super::access::call(executor, &[resolve, reject.clone()]) {
        Ok(_) => {}
        Err(thrown) if thrown.is_catchable() => {
            super::access::call(&reject, &[thrown.value])?;
        }
        Err(thrown) => return Err(thrown),
    }
    Ok(promise)
}

/// `Promise.resolve(value)`: the value itself when it is a promise.
pub fn resolve(value: Value) -> Result<Value, Throw> {
    if is_promise(&value) {
        return Ok(value);
    }
    let promise = pending();
    resolve_with(&promise, value)?;
    Ok(promise)
}

/// `Promise.reject(reason)`.
pub fn reject(reason: Value) -> Value {
    let promise = pending();
    settle(&promise, Err(reason));
    promise
}

/// `promise.then(on_fulfilled, on_rejected)`: a new promise settled by the callback's result.
pub fn then(promise: &Value, on_fulfilled: Value, on_rejected: Value) -> Value {
    let derived = pending();
    let target = derived.clone();
    when_settled(
        promise,
        Box::new(move |outcome| {
            let (callback, input) = match outcome {
                Ok(value) => (on_fulfilled, Ok(value)),
                Err(reason) => (on_rejected, Err(reason)),
            };
            if !matches!(callback, Value::Function(_)) {
                // No callback for this outcome: it passes through.
                settle(&target, input);
                return Ok(());
            }
            let argument = match input {
                Ok(value) | Err(value) => value,
            };
            match super::access::call(&callback, &[argument]) {
                Ok(result) => resolve_with(&target, result),
                Err(thrown) if thrown.is_catchable() => {
                    settle(&target, Err(thrown.value));
                    Ok(())
                }
                Err(thrown) => Err(thrown),
            }
        }),
    );
    derived
}

/// `promise.finally(callback)`: runs it either way, then passes the outcome on (or the
/// callback's own rejection), with the spec's extra ticks.
fn finally(promise: &Value, callback: Value) -> Result<Value, Throw> {
    if !matches!(callback, Value::Function(_)) {
        return Ok(then(promise, callback.clone(), callback));
    }
    let after = |rethrow: bool, callback: Value| {
        Value::arrow_function("", 1, move |_, args| {
            let outcome = args.first().cloned().unwrap_or_default();
            let result = super::access::call(&callback, &[])?;
            let waited = resolve(result)?;
            let pass_on = Value::arrow_function("", 0, move |_, _| {
                if rethrow {
                    Err(Throw::new(outcome.clone()))
                } else {
                    Ok(outcome.clone())
                }
            });
            Ok(then(&waited, pass_on, Value::Undefined))
        })
    };
    Ok(then(
        promise,
        after(false, callback.clone()),
        after(true, callback),
    ))
}

/// Dispatches `promise.then/catch/finally`.
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    if !is_promise(receiver) {
        return None;
    }
    let arg = |index: usize| args.get(index).cloned().unwrap_or_default();
    Some(match name {
        "then" => Ok(then(receiver, arg(0), arg(1))),
        "catch" => Ok(then(receiver, Value::Undefined, arg(0))),
        "finally" => finally(receiver, arg(0)),
        _ => return None,
    })
}

/// How `console.log` shows a promise: `Promise { 1 }`, `Promise { <pending> }`, …
pub fn inspect_state(promise: &Value, show: impl Fn(&Value) -> String) -> String {
    match outcome(promise) {
        None => "Promise { <pending> }".to_string(),
        Some(Ok(value)) => format!("Promise {{ {} }}", show(&value)),
        Some(Err(reason)) => format!("Promise {{ <rejected> {} }}", show(&reason)),
    }
}
