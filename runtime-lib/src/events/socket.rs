//! One WebSocket connection to `GET /_backworks/ws`: reads the client's messages, admits its
//! subscriptions, and writes what the hub queues for it, until either side closes, the
//! server shuts down, or the client falls too far behind.
//!
//! ```text
//! upgrade (headers may carry Authorization / the API-key header)
//!   ─▶ loop select:
//!        client frame  ─▶ auth | subscribe (admit, register, subscribed, replay) | unsubscribe | ping
//!        outbox        ─▶ frame (the hub closed it: too slow, or credentials expired ─▶ close)
//!        every 30 s    ─▶ WebSocket ping; nothing heard for 75 s ─▶ close
//!        server closing ─▶ close 1001
//! ```
//!
//! Every problem with a message is an `error` message and the connection carries on; a
//! credential that fails verification is an `error` 401 and the connection closes (as a
//! request with a bad token gets no answer but its 401). Bounded everywhere: a message is at
//! most [`MAX_MESSAGE_BYTES`], a connection holds at most `MAX_SUBSCRIPTIONS`, its outbox
//! 8 MiB of messages (`outbox.rs`), and a frame that cannot be written in [`SEND_TIMEOUT`]
//! ends it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::http::{Extensions, HeaderMap, HeaderName, HeaderValue, header};
use axum::response::Response;
use tokio::sync::watch;

use super::Hub;
use super::protocol::{self, Incoming, Outgoing};
use super::replay::{Replay, replay};
use super::subscription::{self, MAX_SUBSCRIPTIONS, Refused};
use crate::auth::{Access, Authenticator, admit};
use crate::contract::User;
use crate::http::ServiceSpec;

/// The reserved route.
pub(crate) const WS_PATH: &str = "/_backworks/ws";
/// The largest message a client may send.
pub(crate) const MAX_MESSAGE_BYTES: usize = 64 * 1024;
/// The longest a frame may take to write.
pub(crate) const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// How often the server pings.
const KEEPALIVE: Duration = Duration::from_secs(30);
/// Silence after which the client is taken for gone.
const SILENCE: Duration = Duration::from_secs(75);

/// Which hub a route serves.
#[derive(Clone)]
pub(crate) enum HubSource {
    /// The process's, as `http::serve` installs it.
    Installed,
    /// This store's hub, started at the first connection (tests, embedders).
    Fixed(Arc<std::sync::OnceLock<Hub>>, crate::storage::Store),
}

impl HubSource {
    fn hub(&self) -> Option<Hub> {
        match self {
            HubSource::Installed => Hub::installed().cloned(),
            HubSource::Fixed(hub, store) => {
                Some(hub.get_or_init(|| Hub::start(store.clone())).clone())
            }
        }
    }
}

/// What every connection of a server shares.
pub(crate) struct Endpoint {
    pub(crate) spec: &'static ServiceSpec,
    pub(crate) hub: HubSource,
    pub(crate) authenticator: Option<Arc<Authenticator>>,
}

/// The server's shutdown signal, put in each request's extensions by the accept loop, and
/// its count of open connections (a socket holds `open` until it has closed, so shutdown
/// waits for its close frame).
#[derive(Clone)]
pub(crate) struct Closing {
    pub(crate) signal: watch::Receiver<bool>,
    pub(crate) open: tokio::sync::mpsc::Sender<()>,
}

/// The route's handler: upgrades, then serves the connection.
pub(crate) async fn upgrade(
    endpoint: Arc<Endpoint>,
    ws: WebSocketUpgrade,
    headers: HeaderMap,
    closing: Option<Closing>,
) -> Response {
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| async move {
            let Some(hub) = endpoint.hub.hub() else {
                let mut connection = Connection::new(socket, None);
                let message = protocol::error(None, 503, "unavailable", "the database is not open");
                let _ = connection.send(message).await;
                connection.close(1011, "unavailable").await;
                return;
            };
            hub.until_ready().await;
            let (signal, _open) = match closing {
                Some(Closing { signal, open }) => (Some(signal), Some(open)),
                None => (None, None),
            };
            let mut connection = Connection::new(socket, signal);
            let credentials = credentials_of(&headers, endpoint.authenticator.as_deref());
            connection.serve(&endpoint, &hub, credentials).await;
        })
}

/// The credentials headers of the upgrade request (`Authorization`, the API-key header),
/// nothing else of it.
fn credentials_of(headers: &HeaderMap, authenticator: Option<&Authenticator>) -> HeaderMap {
    let key = authenticator.and_then(Authenticator::api_key_header);
    let mut kept = HeaderMap::new();
    for (name, value) in headers {
        if name == header::AUTHORIZATION
            || key.is_some_and(|key| name.as_str().eq_ignore_ascii_case(key))
        {
            kept.append(name.clone(), value.clone());
        }
    }
    kept
}

struct Connection {
    socket: WebSocket,
    closing: Option<watch::Receiver<bool>>,
    heard: Instant,
}

/// The identity of a connection.
struct Identity {
    /// The credentials, as headers `auth::admit` reads.
    headers: HeaderMap,
    /// Whether credentials were presented (and verified) already.
    presented: bool,
}

impl Connection {
    fn new(socket: WebSocket, closing: Option<watch::Receiver<bool>>) -> Connection {
        Connection {
            socket,
            closing,
            heard: Instant::now(),
        }
    }

    async fn send(&mut self, text: String) -> bool {
        let frame = Message::Text(Utf8Bytes::from(text));
        matches!(
            tokio::time::timeout(SEND_TIMEOUT, self.socket.send(frame)).await,
            Ok(Ok(()))
        )
    }

    async fn close(&mut self, code: u16, reason: &'static str) {
        let frame = Message::Close(Some(CloseFrame {
            code,
            reason: Utf8Bytes::from_static(reason),
        }));
        let _ = tokio::time::timeout(SEND_TIMEOUT, self.socket.send(frame)).await;
    }

    async fn serve(&mut self, endpoint: &Endpoint, hub: &Hub, headers: HeaderMap) {
        let (link, mut outbox) = hub.connect();
        let mut identity = Identity {
            presented: false,
            headers: HeaderMap::new(),
        };
        if !headers.is_empty()
            && !self
                .authenticate(endpoint, hub, link, &mut identity, headers)
                .await
        {
            hub.disconnect(link);
            return;
        }
        let mut keepalive = tokio::time::interval(KEEPALIVE);
        keepalive.tick().await;
        let mut closing = self.closing.take();
        loop {
            let shutting_down = async {
                match &mut closing {
                    Some(closing) => {
                        let _ = closing.wait_for(|closing| *closing).await.map(drop);
                    }
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                received = self.socket.recv() => {
                    self.heard = Instant::now();
                    let text = match received {
                        Some(Ok(Message::Text(text))) => text,
                        Some(Ok(Message::Binary(_))) => {
                            let message = protocol::error(None, 400, "invalid_message", "messages are JSON text frames");
                            if !self.send(message).await { break; }
                            continue;
                        }
                        Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                        Some(Ok(Message::Close(_))) | None => break,
                        Some(Err(_)) => {
                            // Too large a message or a protocol violation: say why if possible.
                            let message = protocol::error(None, 400, "invalid_message", &format!("messages are at most {MAX_MESSAGE_BYTES} bytes of JSON text"));
                            let _ = self.send(message).await;
                            self.close(1009, "message too big or malformed").await;
                            break;
                        }
                    };
                    if !self.handle(endpoint, hub, link, &mut identity, text.as_str()).await {
                        break;
                    }
                }
                queued = outbox.recv() => match queued {
                    Some(Outgoing::Message(text)) => {
                        if !self.send(text).await { break; }
                    }
                    Some(Outgoing::Close(text)) => {
                        let _ = self.send(text).await;
                        self.close(1008, "credentials expired").await;
                        break;
                    }
                    None => {
                        // The hub let this connection go: it fell too far behind.
                        self.close(1008, "too slow: too many messages waiting").await;
                        break;
                    }
                },
                _ = keepalive.tick() => {
                    if self.heard.elapsed() > SILENCE {
                        break;
                    }
                    let ping = Message::Ping(Default::default());
                    if !matches!(tokio::time::timeout(SEND_TIMEOUT, self.socket.send(ping)).await, Ok(Ok(()))) {
                        break;
                    }
                }
                () = shutting_down => {
                    self.close(1001, "the server is shutting down").await;
                    break;
                }
            }
        }
        hub.disconnect(link);
    }

    /// Verifies credentials; `false` (after an `error` 401 and a close) when they do not.
    async fn authenticate(
        &mut self,
        endpoint: &Endpoint,
        hub: &Hub,
        link: u64,
        identity: &mut Identity,
        headers: HeaderMap,
    ) -> bool {
        let verified = match endpoint.authenticator.as_deref() {
            Some(authenticator) => {
                admit(
                    Some(authenticator),
                    Access::Optional,
                    &headers,
                    &Extensions::new(),
                )
                .await
            }
            None => Err(crate::auth::Refusal::Invalid(
                "the service accepts no credentials",
            )),
        };
        match verified {
            Ok(Some(user)) => {
                hub.expire_at(link, expiry(&user));
                identity.headers = headers;
                identity.presented = true;
                self.send(protocol::authenticated(&user)).await
            }
            Ok(None) => {
                let message = protocol::error(
                    None,
                    400,
                    "invalid_request",
                    "auth needs a token or an api_key",
                );
                self.send(message).await
            }
            Err(refusal) => {
                let refused = Refused::from(refusal);
                let message = protocol::error(None, refused.status, refused.code, &refused.message);
                let _ = self.send(message).await;
                self.close(1008, "credentials refused").await;
                false
            }
        }
    }

    /// Answers one client message; `false` when the connection must end.
    async fn handle(
        &mut self,
        endpoint: &Endpoint,
        hub: &Hub,
        link: u64,
        identity: &mut Identity,
        text: &str,
    ) -> bool {
        let incoming = match serde_json::from_str::<Incoming>(text) {
            Ok(incoming) => incoming,
            Err(error) => {
                let message = protocol::error(
                    None,
                    400,
                    "invalid_message",
                    &format!("not a message this server understands: {error}"),
                );
                return self.send(message).await;
            }
        };
        match incoming {
            Incoming::Ping => self.send(protocol::pong()).await,
            Incoming::Auth { token, api_key } => {
                if identity.presented || hub.subscriptions(link) > 0 {
                    let message = protocol::error(
                        None,
                        400,
                        "invalid_request",
                        "auth comes once, before any subscription",
                    );
                    return self.send(message).await;
                }
                let mut headers = HeaderMap::new();
                match (token, api_key) {
                    (Some(token), None) => {
                        if let Ok(value) = HeaderValue::from_str(&format!("Bearer {token}")) {
                            headers.insert(header::AUTHORIZATION, value);
                        }
                    }
                    (None, Some(key)) => {
                        let name = endpoint
                            .authenticator
                            .as_deref()
                            .and_then(Authenticator::api_key_header);
                        if let (Some(name), Ok(value)) = (
                            name.and_then(|name| HeaderName::from_bytes(name.as_bytes()).ok()),
                            HeaderValue::from_str(&key),
                        ) {
                            headers.insert(name, value);
                        }
                    }
                    _ => {
                        let message = protocol::error(
                            None,
                            400,
                            "invalid_request",
                            "auth carries a token or an api_key",
                        );
                        return self.send(message).await;
                    }
                }
                if headers.is_empty() {
                    // Nothing that could be verified (a token that is not header text, a key
                    // the service does not take): refused like a bad credential.
                    headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer -"));
                }
                self.authenticate(endpoint, hub, link, identity, headers)
                    .await
            }
            Incoming::Unsubscribe { sub } => {
                if hub.unsubscribe(link, &sub) {
                    true
                } else {
                    let message = protocol::error(
                        Some(&sub),
                        404,
                        "not_found",
                        "no subscription by that name",
                    );
                    self.send(message).await
                }
            }
            Incoming::Subscribe {
                sub,
                resource,
                id,
                filter,
                event,
                since,
            } => {
                self.subscribe(
                    endpoint,
                    hub,
                    link,
                    identity,
                    subscription::Request {
                        sub,
                        resource,
                        id,
                        filter,
                        event,
                    },
                    since,
                )
                .await
            }
        }
    }

    async fn subscribe(
        &mut self,
        endpoint: &Endpoint,
        hub: &Hub,
        link: u64,
        identity: &Identity,
        request: subscription::Request,
        since: Option<i64>,
    ) -> bool {
        let sub = request.sub.clone();
        // Re-using a name replaces that subscription, so it never counts against the cap.
        if hub.subscriptions(link) >= MAX_SUBSCRIPTIONS && !hub.holds(link, &sub) {
            let message = protocol::error(
                Some(&sub),
                400,
                "invalid_request",
                &format!("a connection holds at most {MAX_SUBSCRIPTIONS} subscriptions"),
            );
            return self.send(message).await;
        }
        let admitted = subscription::admit_subscription(
            endpoint.spec,
            endpoint.authenticator.as_deref(),
            &identity.headers,
            request,
        )
        .await;
        let subscription = match admitted {
            Ok(subscription) => subscription,
            Err(refused) => {
                let message =
                    protocol::error(Some(&sub), refused.status, refused.code, &refused.message);
                return self.send(message).await;
            }
        };
        let for_replay = since.map(|since| (since, clone_for_replay(&subscription)));
        hub.catch_up().await;
        let Some(last) = hub.subscribe(link, subscription) else {
            return false;
        };
        if !self.send(protocol::subscribed(&sub, last)).await {
            return false;
        }
        let Some((since, subscription)) = for_replay else {
            return true;
        };
        match replay(&hub.inner().store, &subscription, since, last).await {
            Ok(Replay::Events(messages)) => {
                for message in messages {
                    if let Outgoing::Message(text) = message
                        && !self.send(text).await
                    {
                        return false;
                    }
                }
                true
            }
            Ok(Replay::Reset) => self.send(protocol::reset(&sub)).await,
            Err(error) => {
                tracing::warn!(target: "backworks::events", "replaying live events: {}", error.message);
                let message = protocol::error(
                    Some(&sub),
                    503,
                    "unavailable",
                    "the missed events cannot be read now; refetch",
                );
                let _ = self.send(message).await;
                self.send(protocol::reset(&sub)).await
            }
        }
    }
}

/// A copy of the subscription for its replay (the hub keeps the original).
fn clone_for_replay(subscription: &subscription::Subscription) -> subscription::Subscription {
    use subscription::{Subscription, Target};
    Subscription {
        sub: subscription.sub.clone(),
        target: match &subscription.target {
            Target::Resource { lens, key } => Target::Resource {
                lens: lens.clone(),
                key: key.clone(),
            },
            Target::Event(name) => Target::Event(name.clone()),
        },
    }
}

/// When `user`'s token expires (its `exp` claim, seconds), in ms since the epoch.
fn expiry(user: &User) -> Option<i64> {
    let claims: serde_json::Value = serde_json::from_str(&user.claims).ok()?;
    let exp = claims.get("exp")?.as_f64()?;
    Some((exp * 1000.0) as i64)
}
