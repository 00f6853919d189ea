//! `Promise.all`, `allSettled`, `race` and `any`, as the spec runs them: each element goes
//! through `Promise.resolve` and gets a reaction; the combined promise settles from those
//! reactions, in microtask order.
//!
//! ```text
//! Promise.all([p1, 2])                         → fulfilled with [v1, 2] once p1 fulfills
//! Promise.allSettled([Promise.reject(e), 3])   → [{status: "rejected", reason: e}, {status: "fulfilled", value: 3}]
//! Promise.race([p1, p2])                       → settles like whichever settles first
//! Promise.any([Promise.reject(a)])             → rejected with AggregateError: All promises were rejected
//! ```

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::error::{Throw, new_error};
use super::promise::{Outcome, pending, resolve, resolve_with, settle, when_settled};
use super::value::Value;

/// Calls `Promise.<name>(iterable)`; `None` for other names.
pub fn call(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let iterable = args.first().cloned().unwrap_or_default();
    Some(match name {
        "all" => all(&iterable),
        "allSettled" => all_settled(&iterable),
        "race" => race(&iterable),
        "any" => any(&iterable),
        _ => return None,
    })
}

/// What a combinator does with each element's outcome: `Some` settles the combined promise.
type OnElement = dyn Fn(usize, Outcome, &Rc<RefCell<Vec<Value>>>) -> Option<Outcome>;

/// Runs the shared algorithm: every element's outcome goes to `on_element`; once all have
/// reported without one settling the result, `on_complete` gives the outcome.
fn combine(
    iterable: &Value,
    on_element: Rc<OnElement>,
    on_complete: impl Fn(Vec<Value>) -> Outcome + 'static,
) -> Result<Value, Throw> {
    let combined = pending();
    let items = match elements(iterable)? {
        Ok(items) => items,
        Err(rejected) => return Ok(rejected),
    };
    let values = Rc::new(RefCell::new(vec![Value::Undefined; items.len()]));
    // One more than the elements left, until the loop has registered every reaction.
    let remaining = Rc::new(Cell::new(items.len() + 1));
    let on_complete = Rc::new(on_complete);
    let finish = {
        let (combined, values, remaining, on_complete) = (
            combined.clone(),
            values.clone(),
            remaining.clone(),
            on_complete.clone(),
        );
        move || -> Result<(), Throw> {
            remaining.set(remaining.get() - 1);
            if remaining.get() == 0 {
                let collected = std::mem::take(&mut *values.borrow_mut());
                match on_complete(collected) {
                    Ok(value) => resolve_with(&combined, value)?,
                    Err(reason) => settle(&combined, Err(reason)),
                }
            }
            Ok(())
        }
    };
    let finish = Rc::new(finish);
    for (index, item) in items.into_iter().enumerate() {
        let element = resolve(item)?;
        let (combined, values, on_element, finish) = (
            combined.clone(),
            values.clone(),
            on_element.clone(),
            finish.clone(),
        );
        when_settled(
            &element,
            Box::new(move |outcome| match on_element(index, outcome, &values) {
                Some(Ok(value)) => resolve_with(&combined, value),
                Some(Err(reason)) => {
                    settle(&combined, Err(reason));
                    Ok(())
                }
                None => finish(),
            }),
        );
    }
    finish()?;
    Ok(combined)
}

fn all(iterable: &Value) -> Result<Value, Throw> {
    combine(
        iterable,
        Rc::new(|index, outcome, values| match outcome {
            Ok(value) => {
                values.borrow_mut()[index] = value;
                None
            }
            Err(reason) => Some(Err(reason)),
        }),
        |values| Ok(Value::array(values)),
    )
}

fn all_settled(iterable: &Value) -> Result<Value, Throw> {
    combine(
        iterable,
        Rc::new(|index, outcome, values| {
            values.borrow_mut()[index] = match outcome {
                Ok(value) => Value::object([("status", Value::str("fulfilled")), ("value", value)]),
                Err(reason) => {
                    Value::object([("status", Value::str("rejected")), ("reason", reason)])
                }
            };
            None
        }),
        |values| Ok(Value::array(values)),
    )
}

fn race(iterable: &Value) -> Result<Value, Throw> {
    let combined = pending();
    let items = match elements(iterable)? {
        Ok(items) => items,
        Err(rejected) => return Ok(rejected),
    };
    for item in items {
        let target = combined.clone();
        when_settled(
            &resolve(item)?,
            Box::new(move |outcome| {
                settle(&target, outcome);
                Ok(())
            }),
        );
    }
    Ok(combined)
}

fn any(iterable: &Value) -> Result<Value, Throw> {
    combine(
        iterable,
        Rc::new(|index, outcome, reasons| match outcome {
            Ok(value) => Some(Ok(value)),
            Err(reason) => {
                reasons.borrow_mut()[index] = reason;
                None
            }
        }),
        |reasons| {
            let error = new_error("AggregateError", "All promises were rejected");
            match super::access::set(&error, "errors", Value::array(reasons)) {
                Ok(()) => Err(error),
                Err(thrown) => Err(thrown.value),
            }
        },
    )
}

/// The elements of a combinator's iterable; a value that is not iterable, or an iterator that
/// throws, gives a rejected promise instead (as V8 does), except when out of time.
fn elements(iterable: &Value) -> Result<Result<Vec<Value>, Value>, Throw> {
    match super::iterate::collect_argument(iterable) {
        Ok(items) => Ok(Ok(items)),
        Err(thrown) if thrown.is_catchable() => Ok(Err(super::promise::reject(thrown.value))),
        Err(thrown) => Err(thrown),
    }
}
