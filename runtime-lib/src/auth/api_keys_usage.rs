//! When each API key was last used: `last_used_at` in `_backworks_api_keys`, written at most
//! once a minute per key, so a busy key does not turn every read into a write (on SQLite,
//! every write waits for the one writer).
//!
//! ```text
//! key 6f1c… admits a request at 12:00:05 ─▶ not written within a minute ─▶ UPDATE … = 12:00:05
//!                             at 12:00:40 ─▶ written 35 s ago            ─▶ nothing
//! ```
//!
//! The write runs on its own task after the key verified, so the request never waits for it
//! and never fails because of it: an error is a warning in the log. The throttle is per
//! instance, in memory: several instances each write at most once a minute per key.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::api_keys_store;
use crate::storage::Store;

/// The least time between two writes for one key.
const INTERVAL: Duration = Duration::from_secs(60);
/// Keys remembered before the ones written more than `INTERVAL` ago are forgotten (forgetting
/// one costs one early write, never a missed one). Only keys that verified are remembered, so
/// what is left is bounded by the keys an admin issued.
const REMEMBERED: usize = 4_096;

/// When this instance last wrote each key's `last_used_at`.
#[derive(Debug, Default)]
pub(crate) struct Usage {
    written: Mutex<HashMap<String, Instant>>,
}

impl Usage {
    /// Notes that key `id` admitted a request at `now_ms`, writing it to `store` in the
    /// background unless it was written within the last minute.
    pub(crate) fn used(&self, store: &Store, id: &str, now_ms: i64) {
        if !self.due(id, Instant::now()) {
            return;
        }
        let (store, id) = (store.clone(), id.to_owned());
        // Outside a runtime (never, in a server) the write is skipped rather than blocking.
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        runtime.spawn(async move {
            if let Err(error) = api_keys_store::touch(&store, &id, now_ms).await {
                tracing::warn!(key_id = %id, "cannot record the API key's last use: {}", error.message);
            }
        });
    }

    /// Whether key `id` is due a write at `now`; if so, it counts as written from now on.
    fn due(&self, id: &str, now: Instant) -> bool {
        // A poisoned lock still holds the times; at worst a key is written again.
        let mut written = self
            .written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if written
            .get(id)
            .is_some_and(|at| now.saturating_duration_since(*at) < INTERVAL)
        {
            return false;
        }
        if written.len() >= REMEMBERED {
            written.retain(|_, at| now.saturating_duration_since(*at) < INTERVAL);
        }
        written.insert(id.to_owned(), now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_written_at_most_once_a_minute() {
        let usage = Usage::default();
        let start = Instant::now();
        assert!(usage.due("a", start));
        assert!(!usage.due("a", start + Duration::from_secs(59)));
        assert!(usage.due("b", start), "keys are throttled one by one");
        assert!(usage.due("a", start + INTERVAL));
    }

    #[test]
    fn memory_stays_bounded() {
        let usage = Usage::default();
        let start = Instant::now();
        for n in 0..REMEMBERED {
            assert!(usage.due(&n.to_string(), start));
        }
        assert!(usage.due("late", start + INTERVAL));
        assert_eq!(
            usage.written.lock().unwrap().len(),
            1,
            "the stale ones went"
        );
    }
}
