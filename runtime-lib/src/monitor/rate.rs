//! Requests and server errors per second over the last minutes: a ring of per-second slots,
//! each one atomic word holding the second it counts and its count, so a request's update is
//! one compare-and-swap on the slot of the current second — no lock, no allocation.
//!
//! ```text
//! slot = second % SECONDS;  word = second << 32 | count
//! tick(second 1042) ─▶ slot 142 holds second 1042? count + 1 : start it at (1042, 1)
//! read(now, 60)     ─▶ the 60 slots of seconds now-59 ..= now whose stamp matches (else 0)
//! ```
//!
//! Seconds are counted from the monitor's start, so 32 bits last 136 years.

use std::sync::atomic::{AtomicU64, Ordering};

/// How many seconds the ring remembers (10 minutes).
pub(crate) const SECONDS: usize = 600;

/// One counter per second of the last [`SECONDS`].
#[derive(Debug)]
pub(crate) struct PerSecond {
    slots: Box<[AtomicU64]>,
}

impl Default for PerSecond {
    fn default() -> Self {
        PerSecond {
            slots: (0..SECONDS).map(|_| AtomicU64::new(0)).collect(),
        }
    }
}

impl PerSecond {
    /// Counts one event in `second` (seconds since the monitor started).
    pub(crate) fn tick(&self, second: u32) {
        let slot = &self.slots[second as usize % SECONDS];
        let stamp = u64::from(second) << 32;
        let mut word = slot.load(Ordering::Relaxed);
        loop {
            // A slot still holding an older second starts over; one holding a newer second (a
            // request that waited across a wrap of the ring) is left alone.
            let next = match (word >> 32) as u32 {
                held if held == second => word.saturating_add(1).min(stamp | u64::from(u32::MAX)),
                held if held < second || word == 0 => stamp | 1,
                _ => return,
            };
            match slot.compare_exchange_weak(word, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return,
                Err(actual) => word = actual,
            }
        }
    }

    /// The counts of the `span` seconds ending with `now` (inclusive), oldest first.
    pub(crate) fn read(&self, now: u32, span: usize) -> Vec<u64> {
        let span = span.min(SECONDS);
        (0..span)
            .rev()
            .map(|back| {
                let Some(second) = now.checked_sub(back as u32) else {
                    return 0;
                };
                let word = self.slots[second as usize % SECONDS].load(Ordering::Relaxed);
                if (word >> 32) as u32 == second {
                    word & u64::from(u32::MAX)
                } else {
                    0
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_second_and_forgets_what_the_ring_passed() {
        let rate = PerSecond::default();
        for _ in 0..3 {
            rate.tick(5);
        }
        rate.tick(7);
        assert_eq!(rate.read(7, 4), vec![0, 3, 0, 1]);
        // 600 s later slot 5 is reused: the old count does not leak into the new second.
        rate.tick(605);
        assert_eq!(rate.read(605, 1), vec![1]);
        assert_eq!(rate.read(7, 3)[0], 0, "second 5 was overwritten");
        assert_eq!(
            rate.read(2, 5),
            vec![0, 0, 0, 0, 0],
            "before the start is zero"
        );
    }

    #[test]
    fn concurrent_ticks_are_all_counted() {
        let rate = std::sync::Arc::new(PerSecond::default());
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let rate = rate.clone();
                std::thread::spawn(move || (0..10_000).for_each(|_| rate.tick(9)))
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        assert_eq!(rate.read(9, 1), vec![40_000]);
    }
}
