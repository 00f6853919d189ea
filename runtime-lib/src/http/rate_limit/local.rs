//! One instance's counters: each caller's `tat` (see [`super::gcra`]) in a map split into
//! shards, each behind its own mutex, so concurrent requests of different callers rarely
//! meet on a lock and no request takes a lock that every other request needs.
//!
//! ```text
//! Subject ─hash─▶ shard k (Mutex<HashMap<Subject, tat>>) ─▶ gcra::step ─▶ Decision
//! sweeper (every min(window, 10 s)): drop every caller whose tat has passed
//! ```
//!
//! A caller whose `tat` lies in the past has its whole quota back, exactly as a caller never
//! seen, so dropping it changes no decision: the map holds only callers active within the last
//! window, however many distinct addresses come by.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use super::Subject;
use super::gcra::{self, Decision, Rate};

/// Enough shards that two workers rarely wait on each other, few enough to sweep quickly.
const SHARDS: usize = 64;

type Shard = Mutex<HashMap<Subject, u64, foldhash::fast::RandomState>>;

/// The counters of one policy on this instance.
pub(crate) struct LocalCounters {
    rate: Rate,
    epoch: Instant,
    spread: foldhash::fast::RandomState,
    shards: Box<[Shard]>,
}

impl LocalCounters {
    pub(crate) fn new(rate: Rate) -> LocalCounters {
        LocalCounters {
            rate,
            epoch: Instant::now(),
            spread: foldhash::fast::RandomState::default(),
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
        }
    }

    fn now_ns(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    fn shard(&self, subject: &Subject) -> &Shard {
        // The hash's high bits pick the shard; the map inside uses its own seed.
        let index = (self.spread.hash_one(subject) >> 32) as usize % SHARDS;
        &self.shards[index]
    }

    /// Counts one request of `subject`.
    pub(crate) fn step(&self, subject: &Subject) -> Decision {
        let now = self.now_ns();
        // A poisoned shard still holds valid numbers (each update is one assignment).
        let mut map = self
            .shard(subject)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match map.get_mut(subject) {
            Some(tat) => {
                let (decision, next) = gcra::step(self.rate, *tat, now);
                *tat = next;
                decision
            }
            None => {
                let (decision, next) = gcra::step(self.rate, 0, now);
                map.insert(subject.clone(), next);
                decision
            }
        }
    }

    /// Forgets every caller whose quota is whole again; returns how many are left.
    pub(crate) fn sweep(&self) -> usize {
        let now = self.now_ns();
        let mut left = 0;
        for shard in &self.shards {
            let mut map = shard.lock().unwrap_or_else(PoisonError::into_inner);
            map.retain(|_, tat| *tat > now);
            // Give the memory back after a flood of distinct callers, not only the entries.
            if map.capacity() > 4 * map.len().max(64) {
                map.shrink_to_fit();
            }
            left += map.len();
        }
        left
    }

    /// How many callers are tracked now.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|shard| shard.lock().unwrap_or_else(PoisonError::into_inner).len())
            .sum()
    }
}
