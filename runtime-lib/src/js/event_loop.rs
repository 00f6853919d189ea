//! Event-loop threads: where handlers that may do I/O (timers, `ctx.db`) run, so that while
//! one awaits, others run — interleaving exactly where Node would, at `await`, never inside
//! synchronous code.
//!
//! ```text
//! axum worker ── HandlerRequest (plain data) ──▶ loop thread: a tokio current-thread runtime
//!     ▲                                           + LocalSet owning every JS value it makes
//!     └── oneshot: HandlerResponse/Error ◀─────── macrotask: req → handler → drain microtasks
//!                                                  macrotask: timer callback → drain
//!                                                  macrotask: I/O completion → drain
//! ```
//!
//! A stateful isolate whose modules may do I/O has one loop thread of its own, holding its
//! module registry ([`Isolate::event_loop`](super::isolate::Isolate::event_loop)); stateless
//! modules that may do I/O share a pool of one loop per core (round robin), each call with a
//! fresh registry as on the inline path. A macrotask is always run to completion — the
//! handler's synchronous code, then every microtask it queued — before the loop looks at the
//! next one, which is what makes interleaving happen only at `await`s: a request's code runs
//! again only when a job of its own (a promise reaction, a resumed `async` function) comes
//! out of the queue. Each job runs as its request (`request_task.rs`: its deadline, its
//! failure, a panic caught and answered 500), so one request's timeout or panic never stops
//! another's and never the thread.
//!
//! Soundness: only `Send` data crosses the channel (the request, a `fn` pointer to the
//! compiled entry, the answer's sender), checked by the compiler, with no `unsafe`. JS values
//! (`Rc`, `RefCell`) are created on the loop thread and referenced only from it: from its
//! thread-locals (microtask queue, timers, the registry) and its local tasks. They live on
//! past a request — a pending timer, module state — which the inline path's "nothing
//! outlives the call" rule forbade and a thread that never shares them makes safe.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use tokio::sync::{mpsc, oneshot};

use super::error::Throw;
use super::isolate::Modules;
use super::request_task::RequestTask;
use super::value::Value;
use crate::bridge::Context;
use crate::contract::{HandlerCall, HandlerError, HandlerRequest, HandlerResult};

/// A compiled entry's body: `(modules, req, ctx) → the handler's result` (generated code
/// passes a closure that captures nothing, so it is a `Send` function pointer).
pub type LoopEntry = fn(&Modules, Value, &Context) -> Result<Value, Throw>;

/// One request handed to a loop thread.
struct LoopCall {
    request: HandlerRequest,
    entry: LoopEntry,
    answer: oneshot::Sender<HandlerResult>,
}

/// Whose module registry a loop's calls use.
#[derive(Clone, Copy)]
enum Registry {
    /// One registry for the life of the thread: a stateful isolate's module state.
    Shared,
    /// A fresh registry per call: stateless modules.
    PerCall,
}

/// A running loop thread, as seen from other threads: where to send requests.
pub struct EventLoop {
    calls: mpsc::UnboundedSender<LoopCall>,
}

thread_local! {
    /// The multi-threaded runtime of the server, where I/O futures (`Send`, plain data) run
    /// while this loop thread waits for them (`None` when the loop was started outside one).
    static IO_RUNTIME: RefCell<Option<tokio::runtime::Handle>> = const { RefCell::new(None) };
}

/// The runtime I/O futures are spawned on, if the loop was started from inside one.
fn io_runtime() -> Option<tokio::runtime::Handle> {
    IO_RUNTIME.with_borrow(Clone::clone)
}

impl EventLoop {
    fn start(name: String, registry: Registry) -> EventLoop {
        let (calls, receiver) = mpsc::unbounded_channel();
        let io = tokio::runtime::Handle::try_current().ok();
        // Failing to start a thread is a panic inside the handler call, which the HTTP layer
        // answers with a 500; the `OnceLock` stays empty, so the next request tries again.
        std::thread::Builder::new()
            .name(name)
            .stack_size(8 << 20)
            .spawn(move || run(receiver, registry, io))
            .expect("an event-loop thread starts");
        EventLoop { calls }
    }

    /// Hands `request` to the loop: the answer arrives on the returned receiver.
    pub fn call(&self, request: HandlerRequest, entry: LoopEntry) -> HandlerCall {
        let (answer, receiver) = oneshot::channel();
        let call = LoopCall {
            request,
            entry,
            answer,
        };
        if self.calls.send(call).is_err() {
            return HandlerCall::Ready(Err(HandlerError::Panicked {
                message: "the event-loop thread has stopped".to_string(),
            }));
        }
        HandlerCall::Pending(receiver)
    }

    /// The loop thread of a stateful isolate (started by its first request).
    pub(crate) fn for_isolate() -> EventLoop {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let index = STARTED.fetch_add(1, Ordering::Relaxed);
        EventLoop::start(format!("backworks-isolate-{index}"), Registry::Shared)
    }

    /// The next loop of the stateless pool (one per core, started by the first request).
    pub fn stateless() -> &'static EventLoop {
        static POOL: OnceLock<Vec<EventLoop>> = OnceLock::new();
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let pool = POOL.get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(2, usize::from);
            (0..cores)
                .map(|index| EventLoop::start(format!("backworks-loop-{index}"), Registry::PerCall))
                .collect()
        });
        &pool[NEXT.fetch_add(1, Ordering::Relaxed) % pool.len()]
    }
}

/// The loop thread's body.
fn run(
    receiver: mpsc::UnboundedReceiver<LoopCall>,
    registry: Registry,
    io: Option<tokio::runtime::Handle>,
) {
    IO_RUNTIME.with_borrow_mut(|slot| *slot = io);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            // Every request sent here answers "the event loop dropped the request".
            tracing::error!(target: "backworks::handler", "cannot start an event loop: {error}");
            return;
        }
    };
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, serve(receiver, registry));
}

/// Takes macrotasks one at a time, in phases as libuv does: the timers that are due, then
/// every request that has arrived, then waits for the next timer or request; I/O completions
/// are local tasks of their own, run whenever this loop waits. No phase can starve another.
async fn serve(mut calls: mpsc::UnboundedReceiver<LoopCall>, registry: Registry) {
    let timers_changed = super::timers::install();
    let shared = Rc::new(Modules::new());
    let modules = || match registry {
        Registry::Shared => shared.clone(),
        Registry::PerCall => Rc::new(Modules::new()),
    };
    loop {
        if super::timers::next_expiry().is_some_and(|wake| wake <= Instant::now()) {
            super::timers::run_due();
        }
        while let Ok(call) = calls.try_recv() {
            start(call, modules());
        }
        let wake = super::timers::next_expiry();
        tokio::select! {
            () = sleep_until(wake) => {}
            call = calls.recv() => match call {
                Some(call) => start(call, modules()),
                None => return,
            },
            () = timers_changed.notified() => {}
        }
    }
}

async fn sleep_until(wake: Option<Instant>) {
    match wake {
        Some(wake) => tokio::time::sleep_until(wake.into()).await,
        None => std::future::pending().await,
    }
}

/// A new request: one macrotask that runs the handler up to its first `await` (or to its
/// end), then every microtask queued, as Node does with an incoming request.
fn start(call: LoopCall, modules: Rc<Modules>) {
    super::timers::begin_turn();
    let LoopCall {
        request,
        entry,
        answer,
    } = call;
    let user = request.user.clone();
    let task = RequestTask::for_caller(&request.request_id, user, request.deadline, answer)
        .recorded_in(request.recording.clone());
    let owner = task.clone();
    super::microtasks::enqueue_owned(
        Some(task),
        Box::new(move || crate::bridge::begin_on_loop(&owner, &modules, &request, entry)),
    );
    // Jobs of loop tasks never fail the drain: each failure is its own task's.
    let _ = super::microtasks::drain();
}

/// Runs `future` (`Send`, plain data: a database call) on the server's multi-threaded runtime
/// and, when it completes, `complete` on this loop thread as a macrotask of `owner`, followed
/// by a microtask drain. Without a runtime to run on, `complete` receives `None` at once.
pub fn spawn_io<T: Send + 'static>(
    owner: Rc<RequestTask>,
    future: impl std::future::Future<Output = T> + Send + 'static,
    complete: impl FnOnce(Option<T>) -> Result<(), Throw> + 'static,
) {
    let Some(io) = io_runtime() else {
        let task = owner.for_macrotask();
        super::microtasks::enqueue_owned(Some(task), Box::new(move || complete(None)));
        return;
    };
    let running = io.spawn(future);
    tokio::task::spawn_local(async move {
        let output = running.await.ok();
        super::timers::begin_turn();
        let task = owner.for_macrotask();
        super::microtasks::enqueue_owned(Some(task), Box::new(move || complete(output)));
        let _ = super::microtasks::drain();
    });
}
