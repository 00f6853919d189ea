//! The request a piece of JavaScript runs for, on an event-loop thread (`event_loop.rs`).
//!
//! Requests served by one loop thread interleave at `await`s, so the thread-locals that were
//! per call on the inline path must follow the code that runs. Every job of the microtask
//! queue and every timer remembers the [`RequestTask`] that created it (the one current when a
//! promise reaction was registered or a timer set, as Node's async context does), and running
//! it makes that task current again: its deadline becomes the time budget (`budget.rs`).
//!
//! ```text
//! request A: await sleep(100)   ─┐ reaction owned by A
//! request B: runs while A waits  │
//! timer fires → resolves ────────┘ A's job runs with A's deadline; a job of an abandoned
//!                                  task (past its deadline) is dropped, never run
//! ```
//!
//! A task is *waiting* until its handler's promise settles and the answer (plain data) is
//! sent; then *answered*: code it left behind (timers, later jobs) still runs, as in Node, each
//! macrotask with a fresh budget; or *abandoned*: past its deadline, or failed with an
//! uncatchable throw, its jobs are dropped as the inline path unwinds a handler out of time.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::time::{Duration, Instant};

use super::error::Throw;
use super::microtasks::Job;
use crate::contract::{HandlerError, HandlerResult, User};
use crate::monitor::Recording;

/// Where a task stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TaskState {
    /// The request waits for the handler's answer.
    Waiting,
    /// The answer was sent; what the handler left behind still runs.
    Answered,
    /// Past its deadline or failed uncatchably: its jobs are dropped.
    Abandoned,
}

/// One request's share of an event-loop thread.
pub struct RequestTask {
    /// When the current budget runs out: the request's deadline while it waits; renewed for
    /// each macrotask (timer, I/O completion) once it has answered.
    deadline: Cell<Instant>,
    /// The endpoint's time budget, for renewals and the 504's `budget_ms`.
    budget: Duration,
    state: Cell<TaskState>,
    /// Where the answer goes; `None` once sent (or for a detached task).
    answer: RefCell<Option<tokio::sync::oneshot::Sender<HandlerResult>>>,
    /// The request's `x-request-id`, for what its code logs.
    request_id: Rc<str>,
    /// The request's verified caller, whom its `ctx.db` writes are audited as.
    user: Rc<Option<User>>,
    /// Where its `console` lines are filed for the dashboard (`crate::monitor`), if anywhere;
    /// code it leaves behind (timers) files there too.
    recording: Option<Recording>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<RequestTask>>> = const { RefCell::new(None) };
}

/// The task whose code is running on this thread (`None` on the inline path).
#[inline]
pub fn current() -> Option<Rc<RequestTask>> {
    CURRENT.with_borrow(Option::clone)
}

/// Makes a task current until dropped (see [`RequestTask::enter`]).
pub struct Entered {
    previous: Option<Rc<RequestTask>>,
    _budget: super::budget::Budget,
}

impl Drop for Entered {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with_borrow_mut(|current| *current = previous);
    }
}

impl RequestTask {
    /// A waiting task of request `request_id` that answers on `answer` by `deadline`.
    pub fn new(
        request_id: &str,
        deadline: Instant,
        answer: tokio::sync::oneshot::Sender<HandlerResult>,
    ) -> Rc<RequestTask> {
        RequestTask::for_caller(request_id, None, deadline, answer)
    }

    /// Like [`RequestTask::new`], for a request made by `user`.
    pub fn for_caller(
        request_id: &str,
        user: Option<User>,
        deadline: Instant,
        answer: tokio::sync::oneshot::Sender<HandlerResult>,
    ) -> Rc<RequestTask> {
        let budget = deadline.saturating_duration_since(Instant::now());
        Rc::new(RequestTask {
            deadline: Cell::new(deadline),
            budget,
            state: Cell::new(TaskState::Waiting),
            answer: RefCell::new(Some(answer)),
            request_id: Rc::from(request_id),
            user: Rc::new(user),
            recording: None,
        })
    }

    /// This task with its console lines filed in `recording` (before it is shared).
    pub fn recorded_in(mut self: Rc<Self>, recording: Option<Recording>) -> Rc<RequestTask> {
        if let Some(task) = Rc::get_mut(&mut self) {
            task.recording = recording;
        }
        self
    }

    /// Where this task's console lines are filed, if anywhere.
    pub fn recording(&self) -> Option<&Recording> {
        self.recording.as_ref()
    }

    /// A task with nobody waiting for it (work left by an abandoned request, e.g. a module's
    /// interval), with a fresh budget of `budget`; it logs as the request it came from.
    fn detached(
        budget: Duration,
        request_id: Rc<str>,
        user: Rc<Option<User>>,
        recording: Option<Recording>,
    ) -> Rc<RequestTask> {
        Rc::new(RequestTask {
            deadline: Cell::new(Instant::now() + budget),
            budget,
            state: Cell::new(TaskState::Answered),
            answer: RefCell::new(None),
            request_id,
            user,
            recording,
        })
    }

    /// The `x-request-id` of the request this code runs for.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The caller of the request this code runs for (`None`: anonymous).
    pub fn user(&self) -> Option<&User> {
        self.user.as_ref().as_ref()
    }

    /// Makes this task current and its deadline the time budget, until the guard drops.
    pub fn enter(self: &Rc<Self>) -> Entered {
        let budget = super::budget::enter(self.deadline.get());
        let previous = CURRENT.with_borrow_mut(|current| current.replace(self.clone()));
        Entered {
            previous,
            _budget: budget,
        }
    }

    /// The task a macrotask (a timer callback, an I/O completion) created by this task runs
    /// as: this one while it waits; once answered, this one with a fresh budget (a Node
    /// process would run it too); once abandoned, a detached task with a fresh budget.
    pub fn for_macrotask(self: &Rc<Self>) -> Rc<RequestTask> {
        // A request past its deadline has had its 504: what it left runs on as leftovers.
        if self.is_waiting() && Instant::now() >= self.deadline.get() {
            self.abandon();
        }
        match self.state.get() {
            TaskState::Waiting => self.clone(),
            TaskState::Answered => {
                self.deadline.set(Instant::now() + self.budget);
                self.clone()
            }
            TaskState::Abandoned => RequestTask::detached(
                self.budget,
                self.request_id.clone(),
                self.user.clone(),
                self.recording.clone(),
            ),
        }
    }

    /// Whether the request still waits for its answer.
    pub fn is_waiting(&self) -> bool {
        self.state.get() == TaskState::Waiting
    }

    /// Sends the answer (the first one wins) and lets the task's leftovers run on.
    pub fn answer(&self, result: HandlerResult) {
        if self.state.get() != TaskState::Waiting {
            return;
        }
        self.state.set(TaskState::Answered);
        if let Some(sender) = self.answer.borrow_mut().take() {
            // The receiver is gone when the HTTP layer stopped waiting (the deadline passed).
            let _ = sender.send(result);
        }
    }

    /// Stops the task: a waiting request answers 504; its queued jobs will be dropped.
    pub fn abandon(&self) {
        if self.state.get() == TaskState::Waiting {
            self.answer(Err(HandlerError::Timeout {
                budget_ms: u64::try_from(self.budget.as_millis()).unwrap_or(u64::MAX),
            }));
        }
        self.state.set(TaskState::Abandoned);
    }

    /// Whether its code may still run; a task found past its deadline is abandoned here.
    fn may_run(&self) -> bool {
        match self.state.get() {
            TaskState::Abandoned => false,
            _ if Instant::now() >= self.deadline.get() => {
                self.abandon();
                false
            }
            _ => true,
        }
    }

    /// Runs one job of this task (a promise reaction, a resumed `async` function, a timer
    /// callback): made current with its deadline, inside `catch_unwind` so that a panic fails
    /// this request alone (500) and the loop thread keeps serving. A job of an abandoned task
    /// is dropped unrun.
    pub fn run_job(self: &Rc<Self>, job: Job) {
        if !self.may_run() {
            drop(job);
            return;
        }
        let depth = super::access::call_depth();
        let polling = super::async_fn::polling_depth();
        let entered = self.enter();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            super::budget::tick()?;
            job()
        }));
        drop(entered);
        match outcome {
            Ok(Ok(())) => {}
            // Jobs turn JS errors into rejections; only running out of time escapes.
            Ok(Err(_)) => self.abandon(),
            Err(payload) => {
                // Unwinding skipped the bookkeeping of the calls it left: restore it to what
                // it was when this job started (it may be nested in another task's code).
                super::access::set_call_depth(depth);
                super::async_fn::truncate_polling(polling);
                let message = crate::http::panic_text(payload.as_ref());
                tracing::error!(
                    target: "backworks::handler",
                    request_id = self.request_id(),
                    panic = %message,
                    "handler panicked"
                );
                if self.is_waiting() {
                    self.answer(Err(HandlerError::Panicked { message }));
                }
                self.state.set(TaskState::Abandoned);
            }
        }
    }

    /// Fails the request with a throw from its own code: a catchable one is the handler's
    /// error (500), an uncatchable one (out of time) abandons it (504).
    pub fn fail(&self, thrown: &Throw) {
        if thrown.is_catchable() {
            self.answer(Err(crate::bridge::thrown_error(thrown)));
        } else {
            self.abandon();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_answers_once_and_an_abandoned_one_drops_its_jobs() {
        let (sender, mut receiver) = tokio::sync::oneshot::channel();
        let task = RequestTask::new("test", Instant::now() + Duration::from_secs(5), sender);
        let ran = Rc::new(Cell::new(0));
        let counter = ran.clone();
        task.run_job(Box::new(move || {
            counter.set(counter.get() + 1);
            assert!(current().is_some(), "the job runs as its task");
            Ok(())
        }));
        assert!(current().is_none());
        task.answer(Err(HandlerError::StackOverflow));
        task.answer(Err(HandlerError::Panicked {
            message: "second".into(),
        }));
        assert_eq!(receiver.try_recv(), Ok(Err(HandlerError::StackOverflow)));
        task.abandon();
        let counter = ran.clone();
        task.run_job(Box::new(move || {
            counter.set(counter.get() + 1);
            Ok(())
        }));
        assert_eq!(ran.get(), 1);
    }

    #[test]
    fn a_task_past_its_deadline_answers_504_and_a_panicking_job_answers_500() {
        let (sender, mut receiver) = tokio::sync::oneshot::channel();
        let task = RequestTask::new("test", Instant::now(), sender);
        task.run_job(Box::new(|| panic!("never runs")));
        assert!(matches!(
            receiver.try_recv(),
            Ok(Err(HandlerError::Timeout { .. }))
        ));
        let (sender, mut receiver) = tokio::sync::oneshot::channel();
        let task = RequestTask::new("test", Instant::now() + Duration::from_secs(5), sender);
        task.run_job(Box::new(|| panic!("boom")));
        assert_eq!(
            receiver.try_recv(),
            Ok(Err(HandlerError::Panicked {
                message: "boom".into()
            }))
        );
        assert_eq!(super::super::access::call_depth(), 0);
    }
}
