//! The `LISTEN backworks_events` connection of one instance on PostgreSQL: a dedicated
//! connection (a pooled one would be handed to requests) whose notifications wake the
//! reader. If it is lost it is made again with back-off (100 ms doubling to 5 s); once it
//! listens again the reader is woken, so whatever committed meanwhile is read (everything
//! after the last seq), and the reader's 1 s tick covers the gap until then.
//!
//! ```text
//! connect ─▶ LISTEN backworks_events ─▶ wake ─▶ poll_message: Notification ─▶ wake …
//!    ▲                                                   │ error / closed
//!    └──────────────── sleep(back-off) ◀─────────────────┘
//! ```

use std::sync::{Arc, Weak};
use std::time::Duration;

use tokio::sync::Notify;
use tokio_postgres::{AsyncMessage, Config, NoTls};

use super::HubInner;
use super::table::CHANNEL;

const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const LAST_BACKOFF: Duration = Duration::from_secs(5);

/// Listens until the hub is dropped.
pub(crate) fn start(config: Config, wake: Arc<Notify>, hub: Weak<HubInner>) {
    tokio::spawn(async move {
        let mut backoff = FIRST_BACKOFF;
        while hub.strong_count() > 0 {
            match listen(&config, &wake, &hub).await {
                Ok(()) => return,
                Err(error) => {
                    tracing::warn!(target: "backworks::events", "LISTEN {CHANNEL}: {error}; retrying in {backoff:?}");
                }
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(LAST_BACKOFF);
        }
    });
}

/// One connection's life: `Ok` when the hub is gone, `Err` when the connection is.
async fn listen(config: &Config, wake: &Notify, hub: &Weak<HubInner>) -> Result<(), String> {
    let (client, mut connection) = config
        .connect(NoTls)
        .await
        .map_err(|error| error.to_string())?;
    let (listening, mut notified) = tokio::sync::mpsc::unbounded_channel::<()>();
    // The connection must be polled for `LISTEN` to complete and notifications to arrive.
    let driver = tokio::spawn(async move {
        loop {
            match std::future::poll_fn(|cx| connection.poll_message(cx)).await {
                Some(Ok(AsyncMessage::Notification(_))) => {
                    if listening.send(()).is_err() {
                        return Ok(());
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(error)) => return Err(error.to_string()),
                None => return Err("the connection closed".to_owned()),
            }
        }
    });
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .await
        .map_err(|error| error.to_string())?;
    // Whatever committed while this connection was being made is read now.
    wake.notify_one();
    let mut driver = driver;
    loop {
        tokio::select! {
            got = notified.recv() => {
                if got.is_none() {
                    break;
                }
                wake.notify_one();
            }
            ended = &mut driver => {
                return match ended {
                    Ok(Ok(())) => Ok(()),
                    Ok(Err(error)) => Err(error),
                    Err(_) => Err("the listener task ended".to_owned()),
                };
            }
            () = tokio::time::sleep(Duration::from_secs(5)) => {
                if hub.strong_count() == 0 {
                    return Ok(());
                }
            }
        }
    }
    Err("the listener stopped".to_owned())
}
