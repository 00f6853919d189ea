//! Login throttling: after `failures` failed logins for one account (its normalized email,
//! whether or not it exists, so the throttle says nothing about which accounts exist) or
//! `4 × failures` from one client address within a window, further attempts are refused with
//! 429 and `Retry-After` until the window that began with the first failure ends.
//!
//! ```text
//! window 15m, failures 5:  fail ×5 ─▶ 6th attempt: Locked { retry_after_s: ≤ 900 }
//!                          success  ─▶ the account's count starts again (the address's does not)
//! ```
//!
//! Memory is bounded: each table holds at most [`CAPACITY`] keys; when full, expired entries go
//! first, then the oldest. IPv6 clients are counted by their /64, which one subscriber
//! usually holds whole (counting single addresses would let one host rotate through 2^64).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most keys one table remembers.
const CAPACITY: usize = 50_000;

/// How many more failures an address may have than an account: several people may share one.
const ADDRESS_FACTOR: u32 = 4;

/// Failures of one key in the current window.
#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    failures: u32,
}

/// One table of counters.
#[derive(Debug)]
struct Counters<K> {
    entries: HashMap<K, Window>,
}

impl<K> Default for Counters<K> {
    fn default() -> Self {
        Counters {
            entries: HashMap::new(),
        }
    }
}

impl<K: std::hash::Hash + Eq + Clone> Counters<K> {
    /// Seconds until `key` may try again, when it is locked.
    fn locked(&self, key: &K, limit: u32, window: Duration, now: Instant) -> Option<u64> {
        let entry = self.entries.get(key)?;
        let ends = entry.started + window;
        (entry.failures >= limit && ends > now)
            .then(|| ends.duration_since(now).as_secs_f64().ceil().max(1.0) as u64)
    }

    fn fail(&mut self, key: K, window: Duration, now: Instant) {
        if !self.entries.contains_key(&key) && self.entries.len() >= CAPACITY {
            self.entries.retain(|_, entry| entry.started + window > now);
            if self.entries.len() >= CAPACITY
                && let Some(oldest) = self
                    .entries
                    .iter()
                    .min_by_key(|(_, entry)| entry.started)
                    .map(|(key, _)| key.clone())
            {
                self.entries.remove(&oldest);
            }
        }
        let entry = self.entries.entry(key).or_insert(Window {
            started: now,
            failures: 0,
        });
        if entry.started + window <= now {
            *entry = Window {
                started: now,
                failures: 0,
            };
        }
        entry.failures += 1;
    }
}

/// The login throttle of one service.
#[derive(Debug)]
pub(crate) struct Throttle {
    failures: u32,
    window: Duration,
    accounts: Mutex<Counters<String>>,
    addresses: Mutex<Counters<IpAddr>>,
}

impl Throttle {
    pub(crate) fn new(failures: u32, window_s: u64) -> Throttle {
        Throttle {
            failures: failures.max(1),
            window: Duration::from_secs(window_s.max(1)),
            accounts: Mutex::new(Counters::default()),
            addresses: Mutex::new(Counters::default()),
        }
    }

    /// Seconds the caller must wait before trying `email` from `address`, if either is locked.
    pub(crate) fn locked(&self, email: &str, address: Option<IpAddr>) -> Option<u64> {
        let now = Instant::now();
        let account =
            lock(&self.accounts).locked(&email.to_owned(), self.failures, self.window, now);
        let by_address = address.and_then(|address| {
            lock(&self.addresses).locked(
                &subscriber(address),
                self.failures.saturating_mul(ADDRESS_FACTOR),
                self.window,
                now,
            )
        });
        account.max(by_address)
    }

    /// Counts a failed login.
    pub(crate) fn fail(&self, email: &str, address: Option<IpAddr>) {
        let now = Instant::now();
        lock(&self.accounts).fail(email.to_owned(), self.window, now);
        if let Some(address) = address {
            lock(&self.addresses).fail(subscriber(address), self.window, now);
        }
    }

    /// Forgets an account's failures after it logged in.
    pub(crate) fn succeed(&self, email: &str) {
        lock(&self.accounts).entries.remove(email);
    }
}

/// A poisoned lock still holds usable counters.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The key an address is counted under: itself for IPv4, its /64 for IPv6.
fn subscriber(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return IpAddr::V4(v4);
            }
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_the_limit_and_unlocks_after_the_window() {
        let mut counters = Counters::<String>::default();
        let window = Duration::from_secs(60);
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(counters.locked(&"a".into(), 3, window, start), None);
            counters.fail("a".into(), window, start);
        }
        assert_eq!(counters.locked(&"a".into(), 3, window, start), Some(60));
        let later = start + Duration::from_secs(59);
        assert_eq!(counters.locked(&"a".into(), 3, window, later), Some(1));
        let after = start + Duration::from_secs(61);
        assert_eq!(counters.locked(&"a".into(), 3, window, after), None);
        counters.fail("a".into(), window, after);
        assert_eq!(counters.locked(&"a".into(), 3, window, after), None);
    }

    #[test]
    fn memory_stays_bounded() {
        let mut counters = Counters::<u32>::default();
        let window = Duration::from_secs(60);
        let now = Instant::now();
        for key in 0..(CAPACITY as u32 + 10) {
            counters.fail(key, window, now);
        }
        assert!(counters.entries.len() <= CAPACITY);
    }

    #[test]
    fn ipv6_counts_by_slash_64() {
        let a: IpAddr = "2001:db8::1".parse().unwrap();
        let b: IpAddr = "2001:db8::ffff:2".parse().unwrap();
        let c: IpAddr = "2001:db8:0:1::1".parse().unwrap();
        assert_eq!(subscriber(a), subscriber(b));
        assert_ne!(subscriber(a), subscriber(c));
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(subscriber(mapped), "127.0.0.1".parse::<IpAddr>().unwrap());
    }
}
