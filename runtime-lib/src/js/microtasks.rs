//! The microtask queue: promise reactions and resumed `async` functions run from here, in the
//! order V8 would run them.
//!
//! ```text
//! Promise.resolve().then(a); await null; b()
//!   queue after the synchronous part: [a, resume]   → a runs, then the function resumes
//! ```
//!
//! The queue is per thread. On the inline path it lives only inside one handler call: the
//! bridge drains it after the handler returns ([`drain`]) and empties it whatever happens
//! ([`Scope`]), so no job — and no JS value it holds — outlives the call (the isolate's lock
//! argument relies on that). On an event-loop thread (`event_loop.rs`) one queue serves every
//! request of the thread, as Node's does: each job carries the [`RequestTask`] it belongs to
//! and runs as that task (its deadline, its failure), and the loop drains the queue after
//! every macrotask, so jobs of different requests interleave only between jobs.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use super::error::Throw;
use super::request_task::RequestTask;
use super::value::Value;

/// A queued job. It fails only with an uncatchable throw (the time budget ran out): JS errors
/// inside a job are turned into promise rejections by the job itself.
pub type Job = Box<dyn FnOnce() -> Result<(), Throw>>;

/// The request a job belongs to: `None` on the inline path.
pub type Owner = Option<Rc<RequestTask>>;

thread_local! {
    static QUEUE: RefCell<VecDeque<(Owner, Job)>> = RefCell::new(VecDeque::new());
    /// `process.nextTick` callbacks (`process.rs`), run when the microtasks run out.
    static TICKS: RefCell<VecDeque<(Owner, Job)>> = RefCell::new(VecDeque::new());
}

thread_local! {
    /// Set by a macrotask (a timer callback) that just ran: Node runs the ticks it queued
    /// before its microtasks.
    static TICKS_FIRST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A macrotask (a timer's callback) has just run: the next drain step runs ticks first.
pub fn ticks_first() {
    TICKS_FIRST.with(|flag| flag.set(true));
}

/// Queues a `process.nextTick` callback, owned by the running request task.
pub fn enqueue_tick(job: Job) {
    let owner = super::request_task::current();
    TICKS.with(|ticks| ticks.borrow_mut().push_back((owner, job)));
}

/// Queues `job`, owned by the running request task, behind every job already queued.
pub fn enqueue(job: Job) {
    enqueue_owned(super::request_task::current(), job);
}

/// Queues `job` on behalf of `owner` (a promise reaction belongs to the task that registered
/// it, not to the one that settles the promise).
pub fn enqueue_owned(owner: Owner, job: Job) {
    QUEUE.with(|queue| queue.borrow_mut().push_back((owner, job)));
}

/// Runs queued jobs, and the jobs they queue, until none is left. A job of a request task
/// runs as that task and fails it alone; only an inline job's failure ends the drain.
///
/// `process.nextTick` callbacks run when the microtasks run out, all of them (with the ticks
/// they queue), then the microtasks again, as Node's `processTicksAndRejections` does after
/// the microtask checkpoint that a handler call (itself a promise job in Node's server) ends;
/// after a timer's callback (a macrotask, [`ticks_first`]) the ticks run first.
pub fn drain() -> Result<(), Throw> {
    let pop_job = || QUEUE.with(|queue| queue.borrow_mut().pop_front());
    let pop_tick = || TICKS.with(|ticks| ticks.borrow_mut().pop_front());
    // Whether the ticks are being run: they all run before the microtasks they queue.
    let mut ticking = false;
    loop {
        if TICKS_FIRST.with(|flag| flag.replace(false)) {
            ticking = true;
        }
        let next = if ticking {
            pop_tick().or_else(|| {
                ticking = false;
                pop_job()
            })
        } else {
            pop_job().or_else(|| {
                ticking = true;
                pop_tick()
            })
        };
        let Some((owner, job)) = next else {
            return Ok(());
        };
        if let Some(task) = owner {
            task.run_job(job);
            continue;
        }
        // A promise chain that re-queues itself for ever must still run out of time.
        super::budget::tick()?;
        if let Err(thrown) = job() {
            clear();
            return Err(thrown);
        }
    }
}

/// Drops every queued job.
pub fn clear() {
    // Take the jobs out first: dropping one may drop values whose owners touch the queue.
    let jobs = QUEUE.with(|queue| std::mem::take(&mut *queue.borrow_mut()));
    drop(jobs);
    let ticks = TICKS.with(|ticks| std::mem::take(&mut *ticks.borrow_mut()));
    drop(ticks);
}

/// Empties the queue when a handler call ends, however it ends.
pub struct Scope(());

/// Starts a handler call's microtask scope.
pub fn scope() -> Scope {
    Scope(())
}

impl Drop for Scope {
    fn drop(&mut self) {
        clear();
    }
}

/// `queueMicrotask(callback)`.
pub fn queue_microtask(callback: &Value) -> Result<Value, Throw> {
    if !matches!(callback, Value::Function(_)) {
        return Err(super::node::invalid_arg_type(
            "callback",
            "of type function",
            callback,
        ));
    }
    let callback = callback.clone();
    enqueue(Box::new(move || {
        match super::access::call(&callback, &[]) {
            Ok(_) => Ok(()),
            // Node reports an error thrown by a microtask as uncaught; it never reaches the
            // handler that queued it, so the request goes on and the error is logged.
            Err(thrown) if thrown.is_catchable() => {
                super::console::log("error", &[Value::str("Uncaught"), thrown.value]);
                Ok(())
            }
            Err(thrown) => Err(thrown),
        }
    }));
    Ok(Value::Undefined)
}
