//! The generic cell rate algorithm (GCRA, as ATM networks and redis-cell use it): one number
//! per caller, the *theoretical arrival time* (`tat`) — when the caller's quota would be whole
//! again — instead of a window and a counter, so there is no burst at a window's edge.
//!
//! With `q` requests per window `w`, each request costs `T = w / q` of the window. A request at
//! `now` is admitted while `max(tat, now) + T - now <= w` (at most `q` requests' worth of cost
//! outstanding), and then `tat = max(tat, now) + T`:
//!
//! ```text
//! q = 3, w = 3 s (T = 1 s), requests at t = 0, 0, 0, 0, 1.5:
//!   t=0   tat 0 → 1   admitted, 2 left         t=0  tat 3, 3+1-0 > 3 → refused, retry in 1 s
//!   t=0   tat 1 → 2   admitted, 1 left         t=1.5 tat 3 → 4       admitted (1.5 s refilled)
//!   t=0   tat 2 → 3   admitted, 0 left
//! ```
//!
//! Times are nanoseconds on any monotonic clock; the same arithmetic runs in SQL for the
//! shared counters (`storage/rate_limits.rs`).

/// A limit as the algorithm sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rate {
    /// Requests per window.
    pub(crate) requests: u64,
    /// The window, in nanoseconds.
    pub(crate) window_ns: u64,
}

impl Rate {
    pub(crate) fn new(requests: u32, per_s: u32) -> Rate {
        Rate {
            requests: u64::from(requests.max(1)),
            window_ns: u64::from(per_s.max(1)) * 1_000_000_000,
        }
    }

    /// What one request costs: the emission interval `T`.
    pub(crate) fn cost_ns(self) -> u64 {
        (self.window_ns / self.requests).max(1)
    }
}

/// The outcome of one request against one caller's `tat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decision {
    /// Whether the request may go on.
    pub(crate) admitted: bool,
    /// Requests the caller may still make at once.
    pub(crate) remaining: u64,
    /// Nanoseconds within which the caller can make no more than `remaining` requests: until
    /// the next request's worth of quota comes back (when refused: until one may be admitted).
    pub(crate) reset_ns: u64,
}

/// Applies one request at `now` to `tat` (0 for a caller never seen); returns the decision and
/// the caller's new `tat`.
pub(crate) fn step(rate: Rate, tat: u64, now: u64) -> (Decision, u64) {
    let cost = rate.cost_ns();
    let start = tat.max(now);
    let after = start + cost;
    if after - now > rate.window_ns {
        let wait = after - now - rate.window_ns;
        let decision = Decision {
            admitted: false,
            remaining: 0,
            reset_ns: wait,
        };
        return (decision, tat);
    }
    (decide_admitted(rate, after, now), after)
}

/// The decision for an admitted request that left the caller's `tat` at `tat`.
pub(crate) fn decide_admitted(rate: Rate, tat: u64, now: u64) -> Decision {
    let cost = rate.cost_ns();
    let outstanding = tat.saturating_sub(now).min(rate.window_ns);
    let free = rate.window_ns - outstanding;
    let remaining = free / cost;
    // The next unit comes back when `outstanding` drops to the next multiple boundary.
    // (`remaining < requests` always, and `requests * cost <= window`, so nothing underflows.)
    let reset_ns = outstanding.saturating_sub(rate.window_ns - (remaining + 1) * cost);
    Decision {
        admitted: true,
        remaining,
        reset_ns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = 1_000_000_000;

    #[test]
    fn a_fresh_caller_gets_the_whole_quota_at_once_and_no_more() {
        let rate = Rate::new(3, 3);
        let mut tat = 0;
        let mut admitted = Vec::new();
        for _ in 0..4 {
            let (decision, next) = step(rate, tat, 10 * S);
            tat = next;
            admitted.push((decision.admitted, decision.remaining));
        }
        assert_eq!(admitted, [(true, 2), (true, 1), (true, 0), (false, 0)]);
        let (refused, _) = step(rate, tat, 10 * S);
        assert_eq!(refused.reset_ns, S, "one request's worth comes back in 1 s");
    }

    #[test]
    fn quota_comes_back_at_the_rate() {
        let rate = Rate::new(3, 3);
        let mut tat = 0;
        for _ in 0..3 {
            tat = step(rate, tat, 10 * S).1;
        }
        let (later, _) = step(rate, tat, 10 * S + S + S / 2);
        assert!(later.admitted);
        assert_eq!(later.remaining, 0);
        let (much_later, _) = step(rate, tat, 100 * S);
        assert_eq!(much_later.remaining, 2);
    }

    #[test]
    fn the_reset_is_when_the_next_request_comes_back() {
        let rate = Rate::new(10, 60);
        let (first, _) = step(rate, 0, 100 * S);
        assert_eq!(first.remaining, 9);
        assert_eq!(first.reset_ns, 6 * S);
    }
}
