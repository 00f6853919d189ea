//! `ctx.emit(name, payload)`: a handler's custom event, appended to `_backworks_events` by a
//! writer task in a transaction of its own, so it is published whatever the handler does
//! next (an emit before a `throw` is still delivered) and it does not wait for the database.
//!
//! ```text
//! ctx.emit("chat", { text: "hi" })  ─▶ JSON.stringify ─▶ queue (bounded) ─▶ writer task
//!   ─▶ BEGIN; INSERT INTO _backworks_events (kind 'event', name, payload) …; COMMIT ─▶ reader
//! ```
//!
//! The queue holds [`QUEUE`] events; past that (the database far behind) an event is dropped
//! with a warning rather than let memory grow. Without a store (a service with no resources)
//! there is nothing to publish through, and an emit is dropped with a warning.

use std::sync::OnceLock;

use tokio::sync::mpsc;

use crate::storage::Store;

/// Events waiting to be written.
const QUEUE: usize = 10_000;
/// Events written per transaction when several wait.
const BATCH: usize = 64;
/// The longest event name.
pub(crate) const MAX_NAME_CHARS: usize = 128;
/// The largest payload, as JSON.
pub(crate) const MAX_PAYLOAD_BYTES: usize = 64 * 1024;

static QUEUED: OnceLock<mpsc::Sender<(String, String)>> = OnceLock::new();

/// Starts the writer of the process's custom events, through `store`.
pub(crate) fn start(store: Store) {
    let (sender, mut receiver) = mpsc::channel::<(String, String)>(QUEUE);
    if QUEUED.set(sender).is_err() {
        return;
    }
    tokio::spawn(async move {
        let mut batch = Vec::with_capacity(BATCH);
        while receiver.recv_many(&mut batch, BATCH).await > 0 {
            if let Err(error) = write(&store, &batch).await {
                tracing::warn!(target: "backworks::events", "{} custom event(s) lost: {}", batch.len(), error.message);
            }
            batch.clear();
        }
    });
}

async fn write(
    store: &Store,
    batch: &[(String, String)],
) -> Result<(), crate::storage::StoreError> {
    let mut tx = store.begin().await?;
    for (name, payload) in batch {
        super::table::append_custom(tx.session(), name, payload.clone()).await?;
    }
    tx.commit().await
}

/// Publishes a custom event (`payload` is JSON text); `Err` says why it cannot be.
pub fn emit(name: &str, payload: String) -> Result<(), String> {
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(format!(
            "an event name must be 1 to {MAX_NAME_CHARS} characters"
        ));
    }
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(format!(
            "an event's payload must be at most {MAX_PAYLOAD_BYTES} bytes of JSON"
        ));
    }
    match QUEUED.get() {
        Some(queue) => {
            if queue.try_send((name.to_owned(), payload)).is_err() {
                tracing::warn!(target: "backworks::events", event = name, "custom event dropped: the queue is full");
            }
        }
        None => {
            tracing::warn!(target: "backworks::events", event = name, "custom event dropped: the service has no database to publish through");
        }
    }
    Ok(())
}
