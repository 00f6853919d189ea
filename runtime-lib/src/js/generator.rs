//! Generators: `function*` bodies compiled to Rust futures that suspend at each `yield`.
//!
//! ```text
//! function* ids() { let n = 0; while (true) yield n++; }
//!   →  rt::func("ids", 0, move |this, args| { …; rt::generator(async move { …
//!          loop { rt::yield_value(…).await?; } }) })
//! const it = ids();  it.next() → { value: 0, done: false }
//! ```
//!
//! The async lowering is reused: a generator body is the same kind of future as an `async`
//! body, but nothing here involves the microtask queue. `next(v)`/`throw(e)`/`return(v)` store
//! how to resume in the generator's [`Channel`] and poll the body once with a no-op waker; a
//! `yield` is a future that, on its first poll, leaves its value in the channel and suspends,
//! and on the next one answers what the caller sent (the value, a throw, or a
//! [`Throw::generator_return`] that unwinds through `finally` blocks but no `catch`). `yield*`
//! ([`YieldStar`]) forwards each resumption to the inner iterator. The channel being polled is
//! found through a thread-local stack, as `async_fn.rs` finds its task.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::access::{call_with_this, get};
use super::error::Throw;
use super::protocol::UserIterator;
use super::value::{ObjectKind, Value};

type Body = Pin<Box<dyn Future<Output = Result<Value, Throw>>>>;

/// How a suspended generator is resumed.
pub enum Resume {
    /// `next(value)`: the `yield` evaluates to the value.
    Next(Value),
    /// `throw(error)`: the `yield` throws.
    Throw(Value),
    /// `return(value)`: the `yield` returns, running enclosing `finally` blocks.
    Return(Value),
}

/// What passes between the generator object and the `yield` being resumed.
#[derive(Default)]
pub struct Channel {
    /// The value the last `yield` produced.
    pub(crate) yielded: RefCell<Option<Value>>,
    /// The inner iterator's result object the last `yield*` step produced, which `next()`
    /// answers as it is (GeneratorYield(innerResult): no `{ value, done }` of our own).
    delegated: RefCell<Option<Value>>,
    /// How the next poll resumes the suspended `yield`.
    pub(crate) resume: RefCell<Option<Resume>>,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Created; the body has not started.
    SuspendedStart,
    /// Suspended at a `yield`.
    SuspendedYield,
    /// Its body is running (a `next()` from inside is a TypeError).
    Running,
    /// Finished: `next()` answers `{ value: undefined, done: true }`.
    Completed,
}

/// The state of a generator object.
pub struct GeneratorData {
    state: Cell<State>,
    /// The body, absent while it runs and once it has finished.
    body: RefCell<Option<Body>>,
    channel: Rc<Channel>,
    /// For an `async function*`: its request queue and driver (`async_generator.rs`); the
    /// fields above are then unused.
    pub(crate) asynchronous: Option<Rc<super::async_generator::AsyncGenerator>>,
}

impl GeneratorData {
    /// Whether it is an async generator (`[object AsyncGenerator]`, async-iterable only).
    pub fn is_async(&self) -> bool {
        self.asynchronous.is_some()
    }
}

/// Whether `value` is a (synchronous) generator object.
pub fn is_sync_generator(value: &Value) -> bool {
    matches!(value, Value::Object(object)
        if matches!(&object.kind, ObjectKind::Generator(data) if !data.is_async()))
}

/// The channel a generator body's `yield`s use while `run` polls it (an async generator's
/// driver polls its body this way).
pub(crate) fn with_channel<R>(channel: &Rc<Channel>, run: impl FnOnce() -> R) -> R {
    CURRENT.with(|current| current.borrow_mut().push(channel.clone()));
    let result = run();
    CURRENT.with(|current| current.borrow_mut().pop());
    result
}

/// An async generator object around its shared state.
pub(crate) fn async_generator_object(shared: Rc<super::async_generator::AsyncGenerator>) -> Value {
    Value::object_of_kind(ObjectKind::Generator(GeneratorData {
        state: Cell::new(State::Completed),
        body: RefCell::new(None),
        channel: Rc::new(Channel::default()),
        asynchronous: Some(shared),
    }))
}

thread_local! {
    /// The channels of the generators being polled, innermost last.
    static CURRENT: RefCell<Vec<Rc<Channel>>> = const { RefCell::new(Vec::new()) };
}

/// A generator object running `body` when first resumed (what calling a `function*` returns).
pub fn generator(
    body: impl Future<Output = Result<Value, Throw>> + 'static,
) -> Result<Value, Throw> {
    Ok(Value::object_of_kind(ObjectKind::Generator(
        GeneratorData {
            state: Cell::new(State::SuspendedStart),
            body: RefCell::new(Some(Box::pin(body))),
            channel: Rc::new(Channel::default()),
            asynchronous: None,
        },
    )))
}

/// A `function*`, `async function*` or generator method: not a constructor (`new g()` is V8's
/// TypeError), but with a `prototype` object, which every generator object a call returns
/// inherits from (`g() instanceof g`, `Object.getPrototypeOf(g()) === g.prototype`, members
/// added to `g.prototype`). The function holds itself weakly to find that object.
pub fn generator_function(
    name: &str,
    length: u32,
    body: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
) -> Value {
    let function = Rc::new_cyclic(|itself: &std::rc::Weak<super::value::JsFunction>| {
        let itself = itself.clone();
        let call = move |this: &Value, args: &[Value]| {
            let generator = body(this, args)?;
            if let (Some(function), Value::Object(object)) = (itself.upgrade(), &generator) {
                *object.proto.borrow_mut() =
                    super::prototype::Prototype::Object(super::class::prototype_of(&function));
            }
            Ok(generator)
        };
        super::value::JsFunction::native(name, length, Box::new(call), false)
    });
    // Created now: `prototype` is read only from constructors and functions that have one.
    super::class::prototype_of(&function);
    Value::Function(function)
}

/// An iterator result `{ value, done }`.
pub fn result(value: Value, done: bool) -> Value {
    Value::object([("value", value), ("done", Value::Bool(done))])
}

fn data(generator: &Value) -> Result<&GeneratorData, Throw> {
    match generator {
        Value::Object(object) => match &object.kind {
            ObjectKind::Generator(data) if !data.is_async() => Ok(data),
            _ => Err(incompatible(generator)),
        },
        _ => Err(incompatible(generator)),
    }
}

fn incompatible(receiver: &Value) -> Throw {
    Throw::type_error(format!(
        "next method called on incompatible receiver {}",
        super::console::inspect(receiver)
    ))
}

/// `generator.next(v)` / `throw(e)` / `return(v)`: the iterator result, or the throw.
pub fn resume(generator: &Value, how: Resume) -> Result<Value, Throw> {
    let data = data(generator)?;
    match (data.state.get(), how) {
        (State::Running, _) => Err(Throw::type_error("Generator is already running")),
        (State::Completed, Resume::Next(_)) => Ok(result(Value::Undefined, true)),
        (State::Completed, Resume::Return(value)) => Ok(result(value, true)),
        (State::Completed, Resume::Throw(error)) => Err(Throw::new(error)),
        (State::SuspendedStart, Resume::Return(value)) => {
            finish(data);
            Ok(result(value, true))
        }
        (State::SuspendedStart, Resume::Throw(error)) => {
            finish(data);
            Err(Throw::new(error))
        }
        // The argument of the first `next()` is not seen by the body.
        (State::SuspendedStart, Resume::Next(_)) => poll(data),
        (State::SuspendedYield, how) => {
            *data.channel.resume.borrow_mut() = Some(how);
            poll(data)
        }
    }
}

/// `next()` as a loop takes a step.
pub fn resume_step(generator: &Value) -> Result<Value, Throw> {
    resume(generator, Resume::Next(Value::Undefined))
}

/// IteratorClose of a generator: `return()`.
pub fn close(generator: &Value) -> Result<Value, Throw> {
    resume(generator, Resume::Return(Value::Undefined))
}

fn finish(data: &GeneratorData) {
    data.state.set(State::Completed);
    // Dropping the body drops what it holds, as V8 lets a finished generator's frame go.
    let body = data.body.borrow_mut().take();
    drop(body);
}

fn poll(data: &GeneratorData) -> Result<Value, Throw> {
    let Some(mut body) = data.body.borrow_mut().take() else {
        data.state.set(State::Completed);
        return Ok(result(Value::Undefined, true));
    };
    data.state.set(State::Running);
    CURRENT.with(|current| current.borrow_mut().push(data.channel.clone()));
    let mut context = Context::from_waker(Waker::noop());
    let polled = body.as_mut().poll(&mut context);
    CURRENT.with(|current| current.borrow_mut().pop());
    match polled {
        Poll::Pending => {
            *data.body.borrow_mut() = Some(body);
            data.state.set(State::SuspendedYield);
            if let Some(inner) = data.channel.delegated.borrow_mut().take() {
                return Ok(inner);
            }
            let value = data.channel.yielded.borrow_mut().take().unwrap_or_default();
            Ok(result(value, false))
        }
        Poll::Ready(outcome) => {
            drop(body);
            data.state.set(State::Completed);
            match outcome {
                Ok(value) => Ok(result(value, true)),
                Err(thrown) if thrown.generator_return => Ok(result(thrown.value, true)),
                Err(thrown) => Err(thrown),
            }
        }
    }
}

fn current_channel() -> Option<Rc<Channel>> {
    CURRENT.with(|current| current.borrow().last().cloned())
}

/// What a resumed `yield` evaluates to.
fn resumed(how: Option<Resume>) -> Result<Value, Throw> {
    match how {
        None => Ok(Value::Undefined),
        Some(Resume::Next(value)) => Ok(value),
        Some(Resume::Throw(error)) => Err(Throw::new(error)),
        Some(Resume::Return(value)) => Err(Throw::generator_return(value)),
    }
}

/// `yield value` (awaited by the compiled body).
pub fn yield_value(value: Value) -> YieldValue {
    YieldValue { value: Some(value) }
}

/// The future of one `yield`.
pub struct YieldValue {
    value: Option<Value>,
}

impl Future for YieldValue {
    type Output = Result<Value, Throw>;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(channel) = current_channel() else {
            return Poll::Ready(Err(Throw::type_error("yield outside a running generator")));
        };
        match self.value.take() {
            Some(value) => {
                *channel.yielded.borrow_mut() = Some(value);
                Poll::Pending
            }
            None => Poll::Ready(resumed(channel.resume.borrow_mut().take())),
        }
    }
}

/// A `yield` that answers how it was resumed instead of acting on it (`yield*` in an async
/// generator forwards the resumption to its inner iterator).
pub(crate) fn yield_raw(value: Value) -> YieldRaw {
    YieldRaw { value: Some(value) }
}

/// The future of [`yield_raw`].
pub(crate) struct YieldRaw {
    value: Option<Value>,
}

impl Future for YieldRaw {
    type Output = Resume;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Resume> {
        let Some(channel) = current_channel() else {
            return Poll::Ready(Resume::Throw(Value::str(
                "yield outside a running generator",
            )));
        };
        match self.value.take() {
            Some(value) => {
                *channel.yielded.borrow_mut() = Some(value);
                Poll::Pending
            }
            None => Poll::Ready(
                channel
                    .resume
                    .borrow_mut()
                    .take()
                    .unwrap_or(Resume::Next(Value::Undefined)),
            ),
        }
    }
}

/// `yield* iterable` (awaited by the compiled body): the inner iterator is opened now, so a
/// value that is not iterable throws V8's TypeError where the `yield*` is.
pub fn yield_star(iterable: &Value) -> Result<YieldStar, Throw> {
    // Built-in iterables answer `[Symbol.iterator]` too (`symbol_props.rs`).
    let Some(iterator) = UserIterator::open(iterable)? else {
        return Err(super::iterate::not_iterable_typed(iterable));
    };
    Ok(YieldStar {
        inner: iterator.into_iterator(),
        started: false,
    })
}

/// The future of one `yield*`: each poll forwards the caller's resumption to the inner iterator.
pub struct YieldStar {
    inner: Value,
    started: bool,
}

impl YieldStar {
    fn call(&self, name: &'static str, argument: Value) -> Result<Option<Value>, Throw> {
        if is_sync_generator(&self.inner) {
            let how = match name {
                "next" => Resume::Next(argument),
                "throw" => Resume::Throw(argument),
                _ => Resume::Return(argument),
            };
            return Ok(Some(resume(&self.inner, how)?));
        }
        let method = get(&self.inner, name)?;
        if method.is_nullish() {
            return Ok(None);
        }
        Ok(Some(call_with_this(&method, &self.inner, &[argument])?))
    }
}

impl Future for YieldStar {
    type Output = Result<Value, Throw>;

    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(channel) = current_channel() else {
            return Poll::Ready(Err(Throw::type_error("yield outside a running generator")));
        };
        let how = if self.started {
            channel.resume.borrow_mut().take()
        } else {
            self.started = true;
            None
        };
        let step = match how {
            None => self.call("next", Value::Undefined),
            Some(Resume::Next(value)) => self.call("next", value),
            Some(Resume::Throw(error)) => match self.call("throw", error) {
                Ok(None) => {
                    // No `throw` method: close the inner iterator, then V8's TypeError.
                    let closed = self.call("return", Value::Undefined);
                    let error =
                        Throw::type_error("The iterator does not provide a 'throw' method.");
                    return Poll::Ready(Err(closed.err().unwrap_or(error)));
                }
                other => other,
            },
            Some(Resume::Return(value)) => match self.call("return", value.clone()) {
                Ok(None) => return Poll::Ready(Err(Throw::generator_return(value))),
                Ok(Some(result)) => {
                    return match completed_value(&result) {
                        Ok(Some(value)) => Poll::Ready(Err(Throw::generator_return(value))),
                        Ok(None) => {
                            *channel.delegated.borrow_mut() = Some(result);
                            Poll::Pending
                        }
                        Err(thrown) => Poll::Ready(Err(thrown)),
                    };
                }
                Err(thrown) => Err(thrown),
            },
        };
        let result = match step {
            Ok(Some(result)) => result,
            Ok(None) => {
                return Poll::Ready(Err(Throw::type_error(format!(
                    "{} is not a function",
                    super::console::inspect(&get(&self.inner, "next").unwrap_or_default())
                ))));
            }
            Err(thrown) => return Poll::Ready(Err(thrown)),
        };
        match completed_value(&result) {
            Ok(Some(value)) => Poll::Ready(Ok(value)),
            // The caller's `next()` answers the inner result object itself.
            Ok(None) => {
                *channel.delegated.borrow_mut() = Some(result);
                Poll::Pending
            }
            Err(thrown) => Poll::Ready(Err(thrown)),
        }
    }
}

/// The `value` of an inner iterator result that is `done`, or `None` while it is not (its
/// `value` is then not read: the result object goes to the caller as it is).
fn completed_value(result: &Value) -> Result<Option<Value>, Throw> {
    if !matches!(
        result,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    ) {
        return Err(super::protocol::not_an_object(result));
    }
    if !super::convert::truthy(&get(result, "done")?) {
        return Ok(None);
    }
    Ok(Some(get(result, "value")?))
}

/// `generator.next/return/throw(…)`, or `None` for other names.
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Object(object) = receiver else {
        return None;
    };
    let ObjectKind::Generator(data) = &object.kind else {
        return None;
    };
    let argument = args.first().cloned().unwrap_or_default();
    if let Some(shared) = &data.asynchronous {
        let how = match name {
            "next" => Resume::Next(argument),
            "return" => Resume::Return(argument),
            "throw" => Resume::Throw(argument),
            _ => return None,
        };
        return Some(super::async_generator::request(shared, how));
    }
    Some(match name {
        "next" => resume(receiver, Resume::Next(argument)),
        "return" => resume(receiver, Resume::Return(argument)),
        "throw" => resume(receiver, Resume::Throw(argument)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::access::get;

    fn step(generator: &Value, how: Resume) -> (String, bool) {
        let result = resume(generator, how).unwrap();
        let value = get(&result, "value").unwrap();
        let done = matches!(get(&result, "done").unwrap(), Value::Bool(true));
        (crate::js::console::inspect(&value), done)
    }

    /// `function* g() { const x = yield 1; try { yield x; } finally { yield "f"; } }`
    fn sample() -> Value {
        generator(async {
            let x = yield_value(Value::Number(1.0)).await?;
            let inner = async { yield_value(x).await }.await;
            yield_value(Value::str("f")).await?;
            inner?;
            Ok(Value::str("end"))
        })
        .unwrap()
    }

    #[test]
    fn next_sends_values_and_return_runs_finally() {
        // Node: g.next() → 1, g.next(7) → 7, g.return(9) → "f" (the finally yields), g.next()
        // → { value: 9, done: true }, then { value: undefined, done: true }.
        let g = sample();
        assert_eq!(
            step(&g, Resume::Next(Value::str("ignored"))),
            ("1".into(), false)
        );
        assert_eq!(
            step(&g, Resume::Next(Value::Number(7.0))),
            ("7".into(), false)
        );
        assert_eq!(
            step(&g, Resume::Return(Value::Number(9.0))),
            ("f".into(), false)
        );
        assert_eq!(step(&g, Resume::Next(Value::Undefined)), ("9".into(), true));
        assert_eq!(
            step(&g, Resume::Next(Value::Undefined)),
            ("undefined".into(), true)
        );
    }

    #[test]
    fn a_generator_not_started_completes_at_once() {
        let g = sample();
        assert_eq!(
            step(&g, Resume::Return(Value::Number(3.0))),
            ("3".into(), true)
        );
        assert!(resume(&g, Resume::Throw(Value::str("late"))).is_err());
        let fresh = sample();
        assert!(resume(&fresh, Resume::Throw(Value::str("early"))).is_err());
        assert_eq!(
            step(&fresh, Resume::Next(Value::Undefined)),
            ("undefined".into(), true)
        );
    }
}
