//! `setTimeout`, `setInterval`, `clearTimeout` and `clearInterval`, on an event-loop thread
//! (`event_loop.rs`): the first real I/O a handler can wait on.
//!
//! ```text
//! setTimeout(a, 10); setTimeout(b, 0); setTimeout(c, 1)
//!   → b and c are both 1 ms (as in Node: a delay below 1, or not a number, is 1), b first
//!     because it was set first; then a. After each callback the microtask queue drains.
//! ```
//!
//! Timers fire in order of expiry, then of creation. As in Node (libuv), a timer's start is the
//! time the current macrotask began (the loop's cached "now"), so timers set by one piece of
//! synchronous code share a start; an interval is rescheduled from the start of the turn that
//! ran it. The callback runs as the request task that set it while that request still waits,
//! otherwise with a budget of its own (`RequestTask::for_macrotask`): a timer left behind by a
//! handler that has answered still fires, as in Node, and may change module state.
//!
//! Differences from Node, none observable by the corpus: the handle is an empty object (no
//! `ref`/`unref`/`refresh`, no numeric `Symbol.toPrimitive` id, so `clearTimeout` accepts only
//! the handle); timers whose expiries are in a different order than their durations' lists
//! would put them (Node groups timers by duration) fire in expiry order; an error thrown by a
//! callback is logged as uncaught and the server goes on, where Node's process would exit.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::time::{Duration, Instant};

use super::error::Throw;
use super::request_task::RequestTask;
use super::value::Value;

/// Node's `TIMEOUT_MAX`: longer delays become 1 ms.
const TIMEOUT_MAX_MS: f64 = 2_147_483_647.0;

/// The private slot of a handle that names its timer (not a spellable `#name`).
const HANDLE_SLOT: &str = "[[Timer]]";

struct Timer {
    callback: Value,
    args: Vec<Value>,
    /// `Some` for an interval.
    repeat: Option<Duration>,
    owner: Rc<RequestTask>,
}

/// The pending timers of a loop thread.
#[derive(Default)]
struct TimerTable {
    /// `(expiry, creation order)` → timer id: the order timers fire in.
    due: BTreeMap<(Instant, u64), u64>,
    /// Timer id → its place in `due` and the timer. An interval whose callback is running is
    /// here but not in `due`.
    timers: HashMap<u64, ((Instant, u64), Timer)>,
    next_id: u64,
}

thread_local! {
    /// `Some` on an event-loop thread only.
    static TABLE: RefCell<Option<TimerTable>> = const { RefCell::new(None) };
    /// Woken when a timer is set, so the loop recomputes when to wake up.
    static CHANGED: RefCell<Option<Rc<tokio::sync::Notify>>> = const { RefCell::new(None) };
    /// When the running macrotask began (libuv's cached loop time).
    static TURN_START: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Makes this thread able to run timers; returns what the loop waits on for new ones.
pub(crate) fn install() -> Rc<tokio::sync::Notify> {
    let changed = Rc::new(tokio::sync::Notify::new());
    TABLE.with_borrow_mut(|table| *table = Some(TimerTable::default()));
    CHANGED.with_borrow_mut(|slot| *slot = Some(changed.clone()));
    changed
}

/// Marks the start of a macrotask: timers set from now on start at this instant.
pub(crate) fn begin_turn() -> Instant {
    let now = Instant::now();
    TURN_START.with(|start| start.set(Some(now)));
    now
}

fn turn_start() -> Instant {
    TURN_START.with(Cell::get).unwrap_or_else(Instant::now)
}

/// When the earliest pending timer expires.
pub(crate) fn next_expiry() -> Option<Instant> {
    TABLE.with_borrow(|table| {
        table
            .as_ref()
            .and_then(|table| table.due.keys().next().map(|(expiry, _)| *expiry))
    })
}

/// Runs every timer that has expired by the start of this turn, in order, each followed by
/// a microtask drain. Timers set meanwhile start after `now` and wait for a later turn.
pub(crate) fn run_due() {
    let now = begin_turn();
    loop {
        let next = TABLE.with_borrow_mut(|table| {
            let table = table.as_mut()?;
            let (&key, &id) = table.due.iter().next()?;
            if key.0 > now {
                return None;
            }
            table.due.remove(&key);
            let (_, timer) = table.timers.get(&id)?;
            let fire = (
                timer.callback.clone(),
                timer.args.clone(),
                timer.owner.clone(),
            );
            if timer.repeat.is_none() {
                table.timers.remove(&id);
            }
            Some((id, fire))
        });
        let Some((id, (callback, args, owner))) = next else {
            return;
        };
        let task = owner.for_macrotask();
        super::microtasks::enqueue_owned(
            Some(task.clone()),
            Box::new(move || {
                let outcome = match super::access::call(&callback, &args) {
                    Ok(_) => Ok(()),
                    Err(thrown) if thrown.is_catchable() => {
                        // Node's process would exit on this uncaught exception; a server must not.
                        super::console::log("error", &[Value::str("Uncaught"), thrown.value]);
                        Ok(())
                    }
                    Err(thrown) => Err(thrown),
                };
                // A macrotask: the ticks it queued run before its microtasks.
                super::microtasks::ticks_first();
                outcome
            }),
        );
        let _ = super::microtasks::drain();
        reschedule(id, now, &task);
    }
}

/// Puts an interval that just ran back in line, unless its callback cleared it.
fn reschedule(id: u64, turn: Instant, task: &Rc<RequestTask>) {
    TABLE.with_borrow_mut(|table| {
        let Some(table) = table.as_mut() else {
            return;
        };
        let Some((key, timer)) = table.timers.get_mut(&id) else {
            return;
        };
        let Some(repeat) = timer.repeat else {
            return;
        };
        // An interval of an abandoned request goes on as the detached task that ran it.
        timer.owner = task.clone();
        let order = table.next_id;
        table.next_id += 1;
        *key = (turn + repeat, order);
        table.due.insert(*key, id);
    });
}

/// `setTimeout(callback, delay, ...args)` or, with `repeat`, `setInterval`.
pub fn set_timer(args: &[Value], repeat: bool) -> Result<Value, Throw> {
    let callback = args.first().cloned().unwrap_or_default();
    if !matches!(callback, Value::Function(_)) {
        return Err(super::node::invalid_arg_type(
            "callback",
            "of type function",
            &callback,
        ));
    }
    let mut delay = match args.get(1) {
        Some(delay) => super::convert::to_number(delay)?,
        None => 1.0,
    };
    if !(1.0..=TIMEOUT_MAX_MS).contains(&delay) {
        delay = 1.0;
    }
    let Some(owner) = super::request_task::current() else {
        return Err(Throw::error(
            "Error",
            "timers run only in handlers compiled for the event loop",
        ));
    };
    let delay = Duration::from_secs_f64(delay / 1000.0);
    let start = turn_start();
    let id = TABLE.with_borrow_mut(|table| {
        let table = table.as_mut()?;
        let id = table.next_id;
        table.next_id += 1;
        let key = (start + delay, id);
        table.due.insert(key, id);
        let timer = Timer {
            callback,
            args: args.get(2..).unwrap_or_default().to_vec(),
            repeat: repeat.then_some(delay),
            owner,
        };
        table.timers.insert(id, (key, timer));
        Some(id)
    });
    let Some(id) = id else {
        return Err(Throw::error(
            "Error",
            "timers run only on an event-loop thread",
        ));
    };
    CHANGED.with_borrow(|changed| {
        if let Some(changed) = changed {
            changed.notify_one();
        }
    });
    let handle = Value::object::<&str>([]);
    super::class::set_private(&handle, HANDLE_SLOT, Value::Number(id as f64))?;
    Ok(handle)
}

/// `clearTimeout(handle)` / `clearInterval(handle)` (interchangeable, as in Node); anything
/// but a live timer's handle is ignored.
pub fn clear_timer(handle: &Value) -> Value {
    let id = match handle {
        Value::Object(object) => match object
            .private
            .borrow()
            .get(&super::string::JsString::new(HANDLE_SLOT))
        {
            Some(Value::Number(id)) => *id as u64,
            _ => return Value::Undefined,
        },
        _ => return Value::Undefined,
    };
    // Dropped outside the borrow: dropping a callback may drop values whose owners look here.
    let removed = TABLE.with_borrow_mut(|table| {
        let table = table.as_mut()?;
        let (key, timer) = table.timers.remove(&id)?;
        table.due.remove(&key);
        Some(timer)
    });
    drop(removed);
    Value::Undefined
}
