//! The dashboard's request stream on `/_backworks/ws`: every finished request the monitor
//! keeps, as the same JSON as one item of `GET /_backworks/monitor/requests` (headers and
//! body already redacted by the monitor), to subscribers the monitor's `Gate` admits.
//!
//! ```text
//! {"type":"subscribe","sub":"log","stream":"requests"}
//!   ─▶ Gate::decide(connection's credentials, upgrade's peer)  401 / 403 as the monitor's routes
//!   ─▶ {"type":"subscribed","sub":"log","seq":<latest ring seq>}
//! Monitor::finish ─▶ broadcast (256 entries) ─▶ {"type":"request","sub":"log","entry":{…}}
//!                                 lagged ─▶ {"type":"reset","sub":"log"}  (re-read /monitor/requests)
//! ```
//!
//! Memory is bounded by the monitor's broadcast channel, not by the subscriber: one that
//! reads too slowly misses entries and is told so with `reset`, and the server keeps nothing
//! for it. No ring (`dashboard.enabled: false`), or the monitor on its own port
//! (`dashboard.port`), means no stream here: 404.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::{Extensions, HeaderMap};
use tokio::sync::broadcast;

use super::protocol::{self, Refused};
use crate::monitor::{Gate, Monitor, RequestEntry};

/// The one stream there is.
pub(crate) const REQUESTS: &str = "requests";

/// Where the socket reads finished requests, and who may.
#[derive(Debug, Clone)]
pub(crate) struct RequestFeed {
    pub(crate) monitor: Arc<Monitor>,
    pub(crate) gate: Gate,
}

/// One connection's subscription to the stream.
pub(crate) struct RequestStream {
    pub(crate) sub: String,
    receiver: broadcast::Receiver<Arc<RequestEntry>>,
}

/// Admits a subscription named `sub` to `stream` for a connection with `credentials` from
/// `peer`, as the monitor's routes would admit a request.
pub(crate) async fn admit(
    feed: Option<&RequestFeed>,
    sub: String,
    stream: &str,
    credentials: &HeaderMap,
    peer: Option<SocketAddr>,
) -> Result<(RequestStream, u64), Refused> {
    known(stream)?;
    let Some(feed) = feed.filter(|feed| feed.monitor.recent.is_some()) else {
        return Err(Refused::new(
            404,
            "not_found",
            "the request stream needs the dashboard (dashboard.enabled, on the service's own port)",
        ));
    };
    feed.gate
        .decide(credentials, &Extensions::new(), peer)
        .await
        .map_err(Refused::from)?;
    // Subscribed before the latest seq is read, so no entry falls between the two.
    let receiver = feed.monitor.subscribe();
    let latest = feed
        .monitor
        .recent
        .as_ref()
        .map_or(0, |recent| recent.latest());
    Ok((RequestStream { sub, receiver }, latest))
}

/// Whether there is a stream by that name (404 otherwise).
pub(crate) fn known(stream: &str) -> Result<(), Refused> {
    if stream == REQUESTS {
        return Ok(());
    }
    Err(Refused::new(
        404,
        "not_found",
        format!("there is no stream {stream:?} (the one stream is \"requests\")"),
    ))
}

impl RequestStream {
    /// The next message for the subscriber: a finished request, or `reset` after it fell
    /// behind. Never ends (a closed channel means the server is going away, and the socket
    /// closes for that reason).
    pub(crate) async fn next(&mut self) -> String {
        loop {
            match self.receiver.recv().await {
                Ok(entry) => return protocol::request(&self.sub, &entry),
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    return protocol::reset(&self.sub);
                }
                Err(broadcast::error::RecvError::Closed) => std::future::pending::<()>().await,
            }
        }
    }
}
