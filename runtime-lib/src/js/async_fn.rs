//! `async` functions and `await`: a compiled async body is a Rust future, driven by the
//! microtask queue.
//!
//! ```text
//! async (x) => { const y = await f(x); return y + 1; }
//!   →  rt::spawn_async(async move { let y = rt::await_value(rt::call(&f, &[x])?).await?; … })
//! ```
//!
//! Calling the function creates its promise and polls the body at once, so it runs
//! synchronously up to its first `await`, as in JS. `await v` registers a reaction on `v` (on a
//! promise made from it when it is not one) and suspends; the reaction, a microtask, stores the
//! outcome and polls the body again. The body's result resolves the promise, a throw rejects
//! it. No waker is needed: the task being polled is known ([`CURRENT`]), and only the microtask
//! queue ever resumes a task. Futures are `!Send` and never leave the thread or the handler
//! call that created them.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::error::Throw;
use super::promise::{Outcome, is_promise, outcome, pending, resolve, resolve_with, settle};
use super::value::Value;

type Body = Pin<Box<dyn Future<Output = Result<Value, Throw>>>>;

/// A running `async` function call.
struct Task {
    /// The body, `None` while it is being polled (or once it has finished).
    body: RefCell<Option<Body>>,
    /// The promise the call returned.
    promise: Value,
}

thread_local! {
    /// The tasks being polled, innermost last (an async function called from another's body
    /// is polled inside it).
    static CURRENT: RefCell<Vec<Rc<Task>>> = const { RefCell::new(Vec::new()) };
}

/// Starts an `async` function call: runs `body` up to its first `await` and returns the
/// call's promise. Only running out of time escapes as an error.
pub fn spawn_async(
    body: impl Future<Output = Result<Value, Throw>> + 'static,
) -> Result<Value, Throw> {
    let task = Rc::new(Task {
        body: RefCell::new(Some(Box::pin(body))),
        promise: pending(),
    });
    poll(&task)?;
    Ok(task.promise.clone())
}

/// A started task that its owner may poll too: an async generator's driver
/// (`async_generator.rs`) is resumed by the microtasks its `await`s queue, and by `next()`
/// when it is waiting for a request.
pub struct TaskHandle(Rc<Task>);

/// Starts `body` as a task (polled at once, as [`spawn_async`] does) and keeps a handle on it.
pub fn spawn_task(
    body: impl Future<Output = Result<Value, Throw>> + 'static,
) -> Result<TaskHandle, Throw> {
    let task = Rc::new(Task {
        body: RefCell::new(Some(Box::pin(body))),
        promise: pending(),
    });
    poll(&task)?;
    Ok(TaskHandle(task))
}

impl TaskHandle {
    /// Polls the task now (nothing happens while it is already being polled or has ended).
    pub fn poll(&self) -> Result<(), Throw> {
        poll(&self.0)
    }
}

fn poll(task: &Rc<Task>) -> Result<(), Throw> {
    let Some(mut body) = task.body.borrow_mut().take() else {
        return Ok(());
    };
    CURRENT.with(|current| current.borrow_mut().push(task.clone()));
    let mut context = Context::from_waker(Waker::noop());
    let polled = body.as_mut().poll(&mut context);
    CURRENT.with(|current| current.borrow_mut().pop());
    match polled {
        Poll::Pending => {
            *task.body.borrow_mut() = Some(body);
            Ok(())
        }
        Poll::Ready(Ok(value)) => resolve_with(&task.promise, value),
        Poll::Ready(Err(thrown)) if thrown.is_catchable() => {
            settle(&task.promise, Err(thrown.value));
            Ok(())
        }
        Poll::Ready(Err(thrown)) => Err(thrown),
    }
}

/// How many tasks are being polled on this thread (nested polls).
pub(crate) fn polling_depth() -> usize {
    CURRENT.with(|current| current.borrow().len())
}

/// Forgets the tasks a panic unwound out of (their polls never popped themselves).
pub(crate) fn truncate_polling(depth: usize) {
    let unwound = CURRENT.with(|current| current.borrow_mut().split_off(depth));
    drop(unwound);
}

/// `await value` inside an `async` function.
pub fn await_value(value: Value) -> Await {
    Await {
        state: AwaitState::Start(value),
    }
}

/// The future of one `await`.
pub struct Await {
    state: AwaitState,
}

enum AwaitState {
    Start(Value),
    Waiting(Rc<RefCell<Option<Outcome>>>),
    Done,
}

impl Future for Await {
    type Output = Result<Value, Throw>;

    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        match std::mem::replace(&mut this.state, AwaitState::Done) {
            AwaitState::Start(value) => {
                let Some(task) = CURRENT.with(|current| current.borrow().last().cloned()) else {
                    return Poll::Ready(await_now(value));
                };
                let promise = if is_promise(&value) {
                    value
                } else {
                    match resolve(value) {
                        Ok(promise) => promise,
                        Err(thrown) => return Poll::Ready(Err(thrown)),
                    }
                };
                let slot = Rc::new(RefCell::new(None));
                let filled = slot.clone();
                super::promise::when_settled(
                    &promise,
                    Box::new(move |outcome| {
                        *filled.borrow_mut() = Some(outcome);
                        poll(&task)
                    }),
                );
                this.state = AwaitState::Waiting(slot);
                Poll::Pending
            }
            AwaitState::Waiting(slot) => {
                let outcome = slot.borrow_mut().take();
                match outcome {
                    Some(Ok(value)) => Poll::Ready(Ok(value)),
                    Some(Err(reason)) => Poll::Ready(Err(Throw::new(reason))),
                    None => {
                        this.state = AwaitState::Waiting(slot);
                        Poll::Pending
                    }
                }
            }
            AwaitState::Done => Poll::Ready(Ok(Value::Undefined)),
        }
    }
}

/// `await value` where nothing can suspend (a module's top level): runs the microtasks, then
/// reads the outcome. A promise that is still pending then would never settle.
pub fn await_now(value: Value) -> Result<Value, Throw> {
    if !is_promise(&value) {
        return Ok(value);
    }
    super::microtasks::drain()?;
    settled_value(&value)
}

/// The value of a settled promise, its rejection as a throw; a pending one is an error.
pub fn settled_value(promise: &Value) -> Result<Value, Throw> {
    match outcome(promise) {
        Some(Ok(value)) => Ok(value),
        Some(Err(reason)) => Err(Throw::new(reason)),
        None => Err(Throw::error(
            "Error",
            "the promise never settles: nothing is left to run that could settle it",
        )),
    }
}
