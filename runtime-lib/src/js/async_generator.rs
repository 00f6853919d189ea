//! Async generators (`async function*`) and the `for await` loop.
//!
//! ```text
//! async function* pages() { let n = 0; while (n < 3) yield await load(n++); }
//!   →  rt::async_generator(async move { … rt::yield_value(rt::await_value(…).await?).await? … })
//! for await (const page of pages()) {…}
//!   →  let mut iter = rt::ForAwait::new(&pages, "pages()")?;
//!      while let Some(page) = iter.step().await? {…}   iter.finish().await?;
//! ```
//!
//! An async generator's body is the same future as a generator's, polled by a *driver*: an
//! async task (`async_fn::spawn_task`) that takes the requests `next`/`return`/`throw` queue,
//! resumes the body for each, and settles the request's promise when the body yields or ends.
//! Awaits inside the body suspend the driver (their reactions poll it again); a request made
//! while the driver waits for one polls it at once, so the body runs synchronously inside
//! `next()` up to its first `await` or `yield`, as in V8. `yield*` inside an async generator
//! ([`async_yield_star`]) forwards each resumption to the inner async iterator (or a sync one,
//! whose values it awaits) and awaits each of its results.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use super::access::{call_with_this, get};
use super::async_fn::{TaskHandle, await_value, spawn_task};
use super::error::Throw;
use super::generator::{Channel, Resume, async_generator_object, result, with_channel};
use super::promise::{pending, resolve_with, settle};
use super::value::Value;

type Body = Pin<Box<dyn Future<Output = Result<Value, Throw>>>>;

/// A `next`/`return`/`throw` call waiting for its turn, with the promise it returned.
struct Request {
    how: Resume,
    promise: Value,
}

/// The state an async generator object shares with its driver.
pub struct AsyncGenerator {
    queue: RefCell<VecDeque<Request>>,
    /// The driver waits for a request (nothing else will poll it).
    idle: Cell<bool>,
    channel: Rc<Channel>,
    driver: RefCell<Option<TaskHandle>>,
}

/// What calling an `async function*` returns: the body does not start until `next()`.
pub fn async_generator(
    body: impl Future<Output = Result<Value, Throw>> + 'static,
) -> Result<Value, Throw> {
    let shared = Rc::new(AsyncGenerator {
        queue: RefCell::new(VecDeque::new()),
        idle: Cell::new(false),
        channel: Rc::new(Channel::default()),
        driver: RefCell::new(None),
    });
    // The driver holds the shared state weakly: once the generator object is gone, it ends.
    let driver = drive(
        Rc::downgrade(&shared),
        shared.channel.clone(),
        Box::pin(body),
    );
    *shared.driver.borrow_mut() = Some(spawn_task(driver)?);
    Ok(async_generator_object(shared))
}

/// `next(v)` / `return(v)` / `throw(e)`: queues the request and returns its promise.
pub fn request(shared: &Rc<AsyncGenerator>, how: Resume) -> Result<Value, Throw> {
    let promise = pending();
    shared.queue.borrow_mut().push_back(Request {
        how,
        promise: promise.clone(),
    });
    if shared.idle.replace(false) {
        let driver = shared.driver.borrow();
        if let Some(driver) = driver.as_ref() {
            driver.poll()?;
        }
    }
    Ok(promise)
}

/// Waits for the next request (the future `next()` polls by polling the driver).
struct NextRequest(Weak<AsyncGenerator>);

impl Future for NextRequest {
    type Output = Option<Request>;

    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(shared) = self.0.upgrade() else {
            return Poll::Ready(None);
        };
        match shared.queue.borrow_mut().pop_front() {
            Some(request) => Poll::Ready(Some(request)),
            None => {
                shared.idle.set(true);
                Poll::Pending
            }
        }
    }
}

/// How polling the body ended.
enum Step {
    Yielded(Value),
    Done(Result<Value, Throw>),
}

/// Polls the body once per poll of the driver, with its channel current for `yield`.
struct PollBody<'a> {
    body: &'a mut Body,
    channel: &'a Rc<Channel>,
}

impl Future for PollBody<'_> {
    type Output = Step;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Step> {
        let channel = self.channel.clone();
        let polled = with_channel(&channel, || self.body.as_mut().poll(context));
        match polled {
            Poll::Ready(outcome) => Poll::Ready(Step::Done(outcome)),
            // Suspended at a `yield`, or at an `await` whose reaction will poll the driver.
            Poll::Pending => match channel.yielded.borrow_mut().take() {
                Some(value) => Poll::Ready(Step::Yielded(value)),
                None => Poll::Pending,
            },
        }
    }
}

/// Settles a request once the generator has completed.
fn answer_completed(request: Request) -> Result<(), Throw> {
    match request.how {
        Resume::Next(_) => resolve_with(&request.promise, result(Value::Undefined, true)),
        Resume::Return(value) => resolve_with(&request.promise, result(value, true)),
        Resume::Throw(error) => {
            settle(&request.promise, Err(error));
            Ok(())
        }
    }
}

async fn drive(
    shared: Weak<AsyncGenerator>,
    channel: Rc<Channel>,
    mut body: Body,
) -> Result<Value, Throw> {
    let mut started = false;
    let mut completed = false;
    while let Some(request) = NextRequest(shared.clone()).await {
        let Request { how, promise } = request;
        // `return(v)` awaits `v` first: before answering when the body is not running
        // (AsyncGeneratorAwaitReturn), at the suspended `yield` otherwise (AsyncGeneratorYield),
        // where a rejection is thrown instead.
        let how = match how {
            Resume::Return(value) => match await_value(value).await {
                Ok(value) => Resume::Return(value),
                Err(thrown) if !thrown.is_catchable() => return Err(thrown),
                Err(thrown) if completed || !started => {
                    completed = true;
                    settle(&promise, Err(thrown.value));
                    continue;
                }
                Err(thrown) => Resume::Throw(thrown.value),
            },
            other => other,
        };
        if completed {
            answer_completed(Request { how, promise })?;
            continue;
        }
        if !started {
            match how {
                Resume::Next(_) => started = true,
                other => {
                    completed = true;
                    answer_completed(Request {
                        how: other,
                        promise,
                    })?;
                    continue;
                }
            }
        } else {
            *channel.resume.borrow_mut() = Some(how);
        }
        let step = PollBody {
            body: &mut body,
            channel: &channel,
        }
        .await;
        match step {
            Step::Yielded(value) => resolve_with(&promise, result(value, false))?,
            Step::Done(outcome) => {
                completed = true;
                match outcome {
                    Ok(value) => resolve_with(&promise, result(value, true))?,
                    Err(thrown) if thrown.generator_return => {
                        resolve_with(&promise, result(thrown.value, true))?
                    }
                    Err(thrown) if thrown.is_catchable() => settle(&promise, Err(thrown.value)),
                    Err(thrown) => return Err(thrown),
                }
            }
        }
    }
    Ok(Value::Undefined)
}

/// A running `for await` loop.
pub enum ForAwait {
    /// An async iterator (`[Symbol.asyncIterator]()`, an async generator): each `next()`
    /// result is awaited.
    Async {
        /// The iterator object.
        iterator: Value,
        /// Its `next` method.
        next: Value,
        /// Exhausted, failed or closed.
        done: bool,
    },
    /// A sync iterable: each value is awaited (an array of promises).
    Sync(super::iterate::ForOf),
}

impl ForAwait {
    /// GetIterator(value, async): its `[Symbol.asyncIterator]`, else its sync iterator;
    /// `shown` is the source text V8 names a value that is neither by.
    pub fn new(value: &Value, shown: &str) -> Result<ForAwait, Throw> {
        if let Some(method) = async_iterator_method(value)? {
            let iterator = call_with_this(&method, value, &[])?;
            if !matches!(
                iterator,
                Value::Object(_) | Value::Array(_) | Value::Function(_)
            ) {
                return Err(Throw::type_error(
                    "Result of the Symbol.asyncIterator method is not an object",
                ));
            }
            let next = get(&iterator, "next")?;
            return Ok(ForAwait::Async {
                iterator,
                next,
                done: false,
            });
        }
        if !super::iterate::is_iterable(value) && !matches!(value, Value::String(_)) {
            return Err(Throw::type_error(format!("{shown} is not async iterable")));
        }
        Ok(ForAwait::Sync(super::iterate::ForOf::new(value)?))
    }

    /// The next value (awaited), or `None` when the iterator is done.
    pub async fn step(&mut self) -> Result<Option<Value>, Throw> {
        match self {
            ForAwait::Sync(values) => match values.step()? {
                // As CreateAsyncFromSyncIterator does: the value is unwrapped by a reaction
                // into a new promise, which the loop then awaits (two jobs per step, as V8).
                Some(value) => {
                    let wrapper = super::promise::resolve(value)?;
                    let unwrapped = pending();
                    let target = unwrapped.clone();
                    super::promise::when_settled(
                        &wrapper,
                        Box::new(move |outcome| {
                            settle(&target, outcome);
                            Ok(())
                        }),
                    );
                    Ok(Some(await_value(unwrapped).await?))
                }
                None => Ok(None),
            },
            ForAwait::Async {
                iterator,
                next,
                done,
            } => {
                if *done {
                    return Ok(None);
                }
                let outcome = async {
                    let result = match next {
                        Value::Function(_) => call_with_this(next, iterator, &[])?,
                        other => {
                            return Err(Throw::type_error(format!(
                                "{} is not a function",
                                super::console::inspect(other)
                            )));
                        }
                    };
                    let result = await_value(result).await?;
                    super::protocol::iterator_result(result)
                }
                .await;
                if !matches!(outcome, Ok(Some(_))) {
                    *done = true;
                }
                outcome
            }
        }
    }

    /// After the loop (a `break`): an unfinished async iterator's `return()` is called and
    /// awaited; its failure is the loop's.
    pub async fn finish(&mut self) -> Result<(), Throw> {
        match self {
            ForAwait::Sync(values) => values.finish(),
            ForAwait::Async { iterator, done, .. } => {
                if *done {
                    return Ok(());
                }
                *done = true;
                let method = get(iterator, "return")?;
                if method.is_nullish() {
                    return Ok(());
                }
                let result = call_with_this(&method, iterator, &[])?;
                let result = await_value(result).await?;
                if !matches!(
                    result,
                    Value::Object(_) | Value::Array(_) | Value::Function(_)
                ) {
                    return Err(super::protocol::not_an_object(&result));
                }
                Ok(())
            }
        }
    }
}

/// A loop left by `return` or a throw still tells an async iterator it is no longer needed
/// (`return()`, not awaited: nothing can suspend in a drop).
impl Drop for ForAwait {
    fn drop(&mut self) {
        if let ForAwait::Async {
            iterator,
            done: false,
            ..
        } = self
            && let Ok(method @ Value::Function(_)) = get(iterator, "return")
        {
            let _ = call_with_this(&method, iterator, &[]);
        }
    }
}

/// The `[Symbol.asyncIterator]` method of `value` (own, inherited or an async generator's).
fn async_iterator_method(value: &Value) -> Result<Option<Value>, Throw> {
    if !matches!(
        value,
        Value::Object(_) | Value::Function(_) | Value::Array(_)
    ) {
        return Ok(None);
    }
    let Value::Symbol(symbol) = super::symbol::well_known("asyncIterator") else {
        return Ok(None);
    };
    Ok(match super::symbol_props::get(value, &symbol)? {
        method @ Value::Function(_) => Some(method),
        Value::Undefined | Value::Null => None,
        other => {
            return Err(Throw::type_error(format!(
                "{} is not a function",
                super::console::inspect(&other)
            )));
        }
    })
}

/// `yield* iterable` inside an async generator (awaited by the compiled body).
pub async fn async_yield_star(iterable: Value) -> Result<Value, Throw> {
    let (iterator, asynchronous) = match async_iterator_method(&iterable)? {
        Some(method) => (call_with_this(&method, &iterable, &[])?, true),
        None => match super::protocol::UserIterator::open(&iterable)? {
            Some(iterator) => (iterator.into_iterator(), false),
            // V8 calls the missing method: `undefined is not a function`.
            None => return Err(Throw::type_error("undefined is not a function")),
        },
    };
    if !matches!(
        iterator,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    ) {
        return Err(Throw::type_error(
            "Result of the Symbol.asyncIterator method is not an object",
        ));
    }
    let next = get(&iterator, "next")?;
    let mut how = Resume::Next(Value::Undefined);
    loop {
        let returning = matches!(how, Resume::Return(_));
        let called = match how {
            Resume::Next(value) => call_with_this(&next, &iterator, &[value])?,
            Resume::Throw(error) => {
                let method = get(&iterator, "throw")?;
                if method.is_nullish() {
                    // No `throw`: close the inner iterator, then V8's TypeError.
                    let close = get(&iterator, "return")?;
                    if !close.is_nullish() {
                        let closed = call_with_this(&close, &iterator, &[])?;
                        if asynchronous {
                            await_value(closed).await?;
                        }
                    }
                    return Err(Throw::type_error(
                        "The iterator does not provide a 'throw' method.",
                    ));
                }
                call_with_this(&method, &iterator, &[error])?
            }
            Resume::Return(value) => {
                let method = get(&iterator, "return")?;
                if method.is_nullish() {
                    return Err(Throw::generator_return(value));
                }
                call_with_this(&method, &iterator, &[value])?
            }
        };
        let result = if asynchronous {
            await_value(called).await?
        } else {
            called
        };
        if !matches!(
            result,
            Value::Object(_) | Value::Array(_) | Value::Function(_)
        ) {
            return Err(super::protocol::not_an_object(&result));
        }
        let done = super::convert::truthy(&get(&result, "done")?);
        let mut value = get(&result, "value")?;
        if !asynchronous {
            // A sync iterator's values are awaited, as CreateAsyncFromSyncIterator does.
            value = await_value(value).await?;
        }
        if done {
            return if returning {
                Err(Throw::generator_return(value))
            } else {
                Ok(value)
            };
        }
        how = super::generator::yield_raw(value).await;
    }
}
