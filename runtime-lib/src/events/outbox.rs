//! A connection's outbox: the messages the hub has queued for one WebSocket and its socket
//! task has not written yet, bounded by their size. A subscriber that falls [`MAX_BYTES`]
//! behind is let go (close 1008) rather than let the server's memory grow; a fast one may
//! receive bursts of many small messages (a transaction of hundreds of changes, several
//! subscriptions) without tripping it, which a bound on the count of messages would not allow.
//!
//! ```text
//! fan_out ─▶ Outbox::push (queued + len ≤ 8 MiB, else refused) ─▶ channel ─▶ Inbox::recv
//!                                                                   (queued − len) ─▶ socket
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::mpsc;

use super::protocol::Outgoing;

/// The most bytes of messages one connection may have waiting.
pub(crate) const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The most messages one connection may have waiting, whatever their size.
const MAX_MESSAGES: usize = 65_536;

/// The hub's end.
#[derive(Clone)]
pub(crate) struct Outbox {
    sender: mpsc::Sender<Outgoing>,
    queued: Arc<AtomicUsize>,
}

/// The socket task's end.
pub(crate) struct Inbox {
    receiver: mpsc::Receiver<Outgoing>,
    queued: Arc<AtomicUsize>,
}

/// A new outbox and its other end.
pub(crate) fn outbox() -> (Outbox, Inbox) {
    let (sender, receiver) = mpsc::channel(MAX_MESSAGES);
    let queued = Arc::new(AtomicUsize::new(0));
    (
        Outbox {
            sender,
            queued: Arc::clone(&queued),
        },
        Inbox { receiver, queued },
    )
}

impl Outbox {
    /// Queues `message`; `false` when the connection is too far behind (or gone).
    pub(crate) fn push(&self, message: Outgoing) -> bool {
        let size = message.size();
        let before = self.queued.fetch_add(size, Ordering::AcqRel);
        if before + size > MAX_BYTES || self.sender.try_send(message).is_err() {
            self.queued.fetch_sub(size, Ordering::AcqRel);
            return false;
        }
        true
    }
}

impl Inbox {
    /// The next message; `None` once the hub has let the connection go and it is drained.
    pub(crate) async fn recv(&mut self) -> Option<Outgoing> {
        let message = self.receiver.recv().await?;
        self.queued.fetch_sub(message.size(), Ordering::AcqRel);
        Some(message)
    }
}
