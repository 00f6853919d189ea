//! The per-request time budget: compiled loops and calls check it, so a handler that loops
//! forever fails its request (504) instead of holding a worker thread — and, for a stateful
//! module, the isolate's lock — for ever.
//!
//! ```text
//! while (true) {}      →   loop { rt::tick()?; … }            (every loop back-edge)
//! f(x)                 →   rt::call(&f, &[x])?                 (every call ticks too)
//! ```
//!
//! The bridge sets a thread-local deadline (`HandlerRequest::deadline`) around each handler
//! call ([`enter`]). [`tick`] is a counter decrement; one tick in [`CHECK_EVERY`] reads the
//! clock. Past the deadline it returns [`Throw::budget_exceeded`], which `catch` does not
//! handle and `finally` does not delay (see `lower/exceptions.rs` in the compiler), and every
//! later tick fails at once, so the handler unwinds to the bridge, which answers 504.

use std::cell::Cell;
use std::time::Instant;

use super::error::Throw;

/// Ticks between two clock reads: cheap enough for tight loops, precise to well under a
/// millisecond of loop work.
pub const CHECK_EVERY: u32 = 1024;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static COUNTDOWN: Cell<u32> = const { Cell::new(CHECK_EVERY) };
    static EXPIRED: Cell<bool> = const { Cell::new(false) };
}

/// One unit of work: fails once the current request's deadline has passed.
#[inline]
pub fn tick() -> Result<(), Throw> {
    let left = COUNTDOWN.with(|countdown| {
        let left = countdown.get().saturating_sub(1);
        countdown.set(left);
        left
    });
    if left == 0 { check() } else { Ok(()) }
}

#[cold]
fn check() -> Result<(), Throw> {
    COUNTDOWN.with(|countdown| countdown.set(CHECK_EVERY));
    if EXPIRED.with(Cell::get) {
        // Already past the deadline: fail every tick from now on.
        COUNTDOWN.with(|countdown| countdown.set(1));
        return Err(Throw::budget_exceeded());
    }
    match DEADLINE.with(Cell::get) {
        Some(deadline) if Instant::now() >= deadline => {
            EXPIRED.with(|expired| expired.set(true));
            COUNTDOWN.with(|countdown| countdown.set(1));
            Err(Throw::budget_exceeded())
        }
        _ => Ok(()),
    }
}

/// The budget of the handler call running on this thread; dropping it restores the previous one.
pub struct Budget {
    previous: Option<Instant>,
    previous_expired: bool,
}

/// Starts the budget of a handler call that must finish by `deadline`.
pub fn enter(deadline: Instant) -> Budget {
    let previous = DEADLINE.with(|current| current.replace(Some(deadline)));
    let previous_expired = EXPIRED.with(|expired| expired.replace(false));
    COUNTDOWN.with(|countdown| countdown.set(CHECK_EVERY));
    Budget {
        previous,
        previous_expired,
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        DEADLINE.with(|current| current.set(self.previous));
        EXPIRED.with(|expired| expired.set(self.previous_expired));
        COUNTDOWN.with(|countdown| countdown.set(CHECK_EVERY));
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn ticks_fail_after_the_deadline_and_recover_after_the_call() {
        let budget = enter(Instant::now() + Duration::from_millis(20));
        let started = Instant::now();
        let thrown = loop {
            if let Err(thrown) = tick() {
                break thrown;
            }
        };
        assert!(started.elapsed() >= Duration::from_millis(20));
        assert!(!thrown.is_catchable());
        assert!(tick().is_err(), "every later tick fails at once");
        drop(budget);
        for _ in 0..(3 * CHECK_EVERY) {
            assert!(tick().is_ok(), "no budget outside a handler call");
        }
    }
}
