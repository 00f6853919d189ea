//! The recent-requests ring: the last [`CAPACITY`] finished requests, newest overwriting
//! oldest. A writer takes a sequence number from one atomic counter and locks only the slot it
//! writes (`seq % CAPACITY`), so concurrent requests never wait for one another unless the ring
//! has wrapped onto a slot being read; readers walk back from the newest sequence number.
//!
//! ```text
//! push(entry) ─▶ seq = next.fetch_add(1) ─▶ slots[seq % CAPACITY] = (seq, entry)
//! page(before = 812, limit = 50, filter) ─▶ seqs 811, 810, … still in their slots, matching
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use super::entry::RequestEntry;

/// How many requests the ring keeps.
pub const CAPACITY: usize = 1000;

/// The ring.
#[derive(Debug)]
pub(crate) struct Recent {
    /// The sequence number the next entry gets; entries are numbered from 1.
    next: AtomicU64,
    slots: Box<[Mutex<Option<Arc<RequestEntry>>>]>,
}

impl Default for Recent {
    fn default() -> Self {
        Recent::with_capacity(CAPACITY)
    }
}

impl Recent {
    pub(crate) fn with_capacity(capacity: usize) -> Recent {
        Recent {
            next: AtomicU64::new(1),
            slots: (0..capacity.max(1)).map(|_| Mutex::new(None)).collect(),
        }
    }

    /// The sequence number of the newest entry (0 before the first).
    pub(crate) fn latest(&self) -> u64 {
        self.next.load(Ordering::Relaxed).saturating_sub(1)
    }

    /// Stores `entry` under a fresh sequence number, which it returns.
    pub(crate) fn push(&self, mut entry: RequestEntry) -> Arc<RequestEntry> {
        let seq = self.next.fetch_add(1, Ordering::Relaxed);
        entry.seq = seq;
        let entry = Arc::new(entry);
        let slot = &self.slots[(seq % self.slots.len() as u64) as usize];
        let mut held = slot.lock().unwrap_or_else(|poison| poison.into_inner());
        // A slower writer of an older seq must not overwrite a newer entry.
        let replaced = if held.as_ref().is_none_or(|old| old.seq < seq) {
            held.replace(entry.clone())
        } else {
            None
        };
        drop(held);
        // The entry pushed out is freed after the slot is unlocked.
        drop(replaced);
        entry
    }

    /// Up to `limit` entries older than `before` and newer than `after` (either bound
    /// absent: no bound) that `keep` accepts, newest first.
    pub(crate) fn page(
        &self,
        before: Option<u64>,
        after: Option<u64>,
        limit: usize,
        keep: impl Fn(&RequestEntry) -> bool,
    ) -> Vec<Arc<RequestEntry>> {
        let newest = self.next.load(Ordering::Relaxed).saturating_sub(1);
        let start = before.map_or(newest, |before| before.saturating_sub(1).min(newest));
        let capacity = self.slots.len() as u64;
        let oldest = newest
            .saturating_sub(capacity - 1)
            .max(1)
            .max(after.map_or(0, |after| after.saturating_add(1)));
        let mut found = Vec::new();
        let mut seq = start;
        while seq >= oldest && found.len() < limit {
            let slot = &self.slots[(seq % capacity) as usize];
            let entry = slot
                .lock()
                .unwrap_or_else(|poison| poison.into_inner())
                .clone();
            if let Some(entry) = entry.filter(|entry| entry.seq == seq)
                && keep(&entry)
            {
                found.push(entry);
            }
            seq -= 1;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> RequestEntry {
        RequestEntry {
            path: path.to_owned(),
            ..RequestEntry::example()
        }
    }

    #[test]
    fn keeps_exactly_its_capacity_newest_first() {
        let ring = Recent::with_capacity(10);
        for n in 1..=25 {
            ring.push(entry(&format!("/{n}")));
        }
        let all = ring.page(None, None, 100, |_| true);
        let paths: Vec<&str> = all.iter().map(|e| e.path.as_str()).collect();
        let expected: Vec<String> = (16..=25).rev().map(|n| format!("/{n}")).collect();
        assert_eq!(paths, expected);
        // Paging on from the last seq seen.
        let page = ring.page(Some(all[3].seq), None, 2, |_| true);
        assert_eq!(page[0].path, "/21");
        assert_eq!(page[1].path, "/20");
        let odd = ring.page(None, None, 3, |e| {
            e.path.ends_with('1') || e.path.ends_with('3')
        });
        let odd: Vec<&str> = odd.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(odd, ["/23", "/21"], "/13 has left the ring");
        // Polling for what is newer than the last seen.
        let newer = ring.page(None, Some(all[2].seq), 100, |_| true);
        let newer: Vec<&str> = newer.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(newer, ["/25", "/24"]);
        assert!(ring.page(None, Some(all[0].seq), 100, |_| true).is_empty());
    }
}
