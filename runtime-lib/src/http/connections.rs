//! The per-address connection cap (`limits.connections_per_ip`): a client holding that many
//! connections open gets its next one closed as soon as it is accepted, before a byte of it
//! is read. With the header-read timeout (`serve.rs`) it keeps a slowloris — many connections
//! that each send their headers a byte at a time — from taking every connection the server
//! can hold, whatever one address does.
//!
//! ```text
//! accept ─▶ ConnectionCounts::admit(ip) ─┬─ Some(slot): served; dropping the slot (connection
//!                                        │  closed, by either side) gives the place back
//!                                        └─ None: over the cap, closed at once
//! ```
//!
//! Addresses are counted as the rate limits count them (an IPv6 address by its /64), in a
//! sharded map whose entries go away with their last connection, so memory follows the
//! connections open now.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

use super::rate_limit::network;

const SHARDS: usize = 16;

/// Open connections per client address.
pub(crate) struct ConnectionCounts {
    cap: u32,
    spread: foldhash::fast::RandomState,
    shards: Box<[Mutex<HashMap<IpAddr, u32, foldhash::fast::RandomState>>]>,
}

impl ConnectionCounts {
    /// Counts with at most `cap` connections per address (0: no cap).
    pub(crate) fn new(cap: u32) -> Arc<ConnectionCounts> {
        Arc::new(ConnectionCounts {
            cap,
            spread: foldhash::fast::RandomState::default(),
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        })
    }

    fn shard(&self, address: &IpAddr) -> &Mutex<HashMap<IpAddr, u32, foldhash::fast::RandomState>> {
        &self.shards[(self.spread.hash_one(address) >> 32) as usize % SHARDS]
    }

    /// A place for one more connection of `address`, or `None` when it holds the cap already.
    pub(crate) fn admit(self: &Arc<Self>, address: IpAddr) -> Option<ConnectionSlot> {
        let address = network(address);
        if self.cap > 0 {
            let mut open = self
                .shard(&address)
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let count = open.entry(address).or_insert(0);
            if *count >= self.cap {
                return None;
            }
            *count += 1;
        }
        Some(ConnectionSlot {
            counts: self.clone(),
            address,
        })
    }

    /// How many addresses hold connections now.
    #[cfg(test)]
    fn addresses(&self) -> usize {
        self.shards
            .iter()
            .map(|shard| shard.lock().unwrap_or_else(PoisonError::into_inner).len())
            .sum()
    }
}

/// One admitted connection's place; given back when dropped.
pub(crate) struct ConnectionSlot {
    counts: Arc<ConnectionCounts>,
    address: IpAddr,
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        if self.counts.cap == 0 {
            return;
        }
        let mut open = self
            .counts
            .shard(&self.address)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.address) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_holds_at_most_the_cap_and_places_come_back() {
        let counts = ConnectionCounts::new(2);
        let one: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        let first = counts.admit(one).expect("first");
        let second = counts.admit(one).expect("second");
        assert!(counts.admit(one).is_none(), "the third is over the cap");
        assert!(
            counts.admit(other).is_some(),
            "another address is not affected"
        );
        drop(first);
        let third = counts.admit(one).expect("a place came back");
        drop((second, third));
        assert_eq!(counts.addresses(), 0, "no entry outlives its connections");
    }
}
