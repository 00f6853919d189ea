//! Counters shared by several instances through the service's PostgreSQL database
//! (`storage/rate_limits.rs` holds the table and the statement), and what happens when the
//! database cannot be reached.
//!
//! When: a limit is shared when the store is PostgreSQL — the engine chosen to run several
//! instances — unless it says `shared: false`; on SQLite (one machine, one instance) it is
//! counted in memory.
//!
//! Database unreachable: the limit falls back to this instance's counters for a few seconds
//! (then the database is tried again), with a warning in the log. Failing closed (503) would
//! turn a database outage into an outage of every route, including those that never touch the
//! database; a rate limit protects capacity, not access, and each instance still enforces the
//! limit on its own, so the worst case during the outage is the limit times the number of
//! instances.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::gcra::{Decision, decide_admitted};
use super::{Policy, Subject};
use crate::storage::Store;
use crate::storage::rate_limits::SharedStep;

/// The longest a request waits for the shared counter before counting locally.
const STEP_TIMEOUT: Duration = Duration::from_millis(250);

/// How long a policy counts locally after the database failed it.
const FALLBACK: Duration = Duration::from_secs(5);

/// Which store holds the shared counters: the router's own, else the process's installed one.
#[derive(Clone)]
pub(crate) struct StoreChoice(Option<Store>);

impl StoreChoice {
    pub(crate) fn new(store: Option<Store>) -> StoreChoice {
        StoreChoice(store)
    }

    fn store(&self) -> Option<&Store> {
        self.0.as_ref().or_else(|| Store::installed())
    }
}

/// The shared side of one policy.
pub(crate) struct Shared {
    wanted: Option<bool>,
    store: StoreChoice,
    epoch: Instant,
    /// Until when (nanoseconds after `epoch`) the policy counts locally after a failure.
    local_until_ns: AtomicU64,
}

impl Shared {
    pub(crate) fn new(wanted: Option<bool>, store: StoreChoice) -> Shared {
        Shared {
            wanted,
            store,
            epoch: Instant::now(),
            local_until_ns: AtomicU64::new(0),
        }
    }

    fn store(&self) -> Option<&Store> {
        if self.wanted == Some(false) {
            return None;
        }
        self.store
            .store()
            .filter(|store| store.shares_rate_limits())
    }

    fn now_ns(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// The decision of the shared counter, or `None` to count locally (not shared, or the
    /// database failed).
    pub(crate) async fn decide(&self, policy: &Policy, subject: &Subject) -> Option<Decision> {
        let store = self.store()?;
        if self.now_ns() < self.local_until_ns.load(Ordering::Relaxed) {
            return None;
        }
        let rate = policy.rate;
        let key = subject.key(policy.spec.policy);
        let step = tokio::time::timeout(
            STEP_TIMEOUT,
            store.step_rate_limit(&key, rate.cost_ns(), rate.window_ns),
        )
        .await;
        let failure = match step {
            Ok(Ok(step)) => return Some(decision(policy, step)),
            Ok(Err(error)) => error.message,
            Err(_) => format!("no answer within {} ms", STEP_TIMEOUT.as_millis()),
        };
        let until = self.now_ns() + u64::try_from(FALLBACK.as_nanos()).unwrap_or(u64::MAX);
        self.local_until_ns.store(until, Ordering::Relaxed);
        tracing::warn!(
            target: "backworks::rate_limit",
            policy = policy.spec.policy,
            "shared rate-limit counters unavailable ({failure}); counting on this instance for {} s",
            FALLBACK.as_secs()
        );
        None
    }

    /// What the policy's timer does with the shared table.
    pub(crate) fn sweeper(&self) -> SharedSweeper {
        SharedSweeper(self.store().cloned())
    }
}

fn decision(policy: &Policy, step: SharedStep) -> Decision {
    let rate = policy.rate;
    if step.admitted {
        return decide_admitted(rate, step.tat_ns, step.now_ns);
    }
    Decision {
        admitted: false,
        remaining: 0,
        reset_ns: (step.tat_ns + rate.cost_ns()).saturating_sub(step.now_ns + rate.window_ns),
    }
}

/// Deletes the shared counters whose quota is whole again, on the policy's timer.
pub(crate) struct SharedSweeper(Option<Store>);

impl SharedSweeper {
    pub(crate) async fn forget(&self) {
        if let Some(store) = &self.0
            && let Err(error) = store.forget_rate_limits().await
        {
            tracing::debug!(target: "backworks::rate_limit", "cannot sweep shared counters: {}", error.message);
        }
    }
}
