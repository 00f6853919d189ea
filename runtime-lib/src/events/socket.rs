//! One WebSocket connection to `GET /_backworks/ws`: reads the client's messages, admits its
//! subscriptions, and writes what the hub queues for it, until either side closes, the
//! server shuts down, or the client falls too far behind.
//!
//! ```text
//! upgrade (headers may carry Authorization / the API-key header)
//!   ─▶ loop select:
//!        client frame  ─▶ auth | subscribe (admit, register, subscribed, replay) | unsubscribe | ping
//!        outbox        ─▶ frame (the hub closed it: too slow, or credentials expired ─▶ close)
//!        request stream ─▶ `request` frame, or `reset` when it lagged (`requests.rs`)
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
//!
//! The socket serves a service without data too (the dashboard's request stream): then it
//! has no hub, and data and event subscriptions answer 404. Built without `storage` there is
//! no hub at all; [`DataLink`] is then uninhabited and the compiler removes those paths.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::http::{Extensions, HeaderMap, HeaderName, HeaderValue, header};
use axum::response::Response;
use tokio::sync::watch;

use super::outbox::Inbox;
use super::protocol::{self, Incoming, Outgoing, Refused};
use super::requests::{self, RequestFeed, RequestStream};
#[cfg(feature = "storage")]
use super::{
    Hub,
    replay::{Replay, replay},
    subscription,
};
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
/// Subscriptions one connection may hold.
const MAX_SUBSCRIPTIONS: usize = 64;

/// Which hub a route serves.
#[cfg(feature = "storage")]
#[derive(Clone)]
pub(crate) enum HubSource {
    /// The process's, as `http::serve` installs it.
    Installed,
    /// This store's hub, started at the first connection (tests, embedders).
    Fixed(Arc<std::sync::OnceLock<Hub>>, crate::storage::Store),
}

#[cfg(feature = "storage")]
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
    #[cfg_attr(
        not(feature = "storage"),
        allow(dead_code, reason = "read by data subscriptions")
    )]
    pub(crate) spec: &'static ServiceSpec,
    /// The data's hub; `None` for a service without data.
    #[cfg(feature = "storage")]
    pub(crate) hub: Option<HubSource>,
    pub(crate) authenticator: Option<Arc<Authenticator>>,
    /// The dashboard's request stream; `None` without the dashboard or when the monitor is
    /// on its own port.
    pub(crate) requests: Option<RequestFeed>,
}

/// A connection's registration with the data's hub; dropping it unregisters.
#[cfg(feature = "storage")]
struct DataLink {
    hub: Hub,
    link: u64,
}

/// Without `storage` there is no hub to register with.
#[cfg(not(feature = "storage"))]
enum DataLink {}

#[cfg(feature = "storage")]
impl DataLink {
    /// Registers with the endpoint's hub: `Ok(None)` for a service without data, `Err` when
    /// the database is not open.
    async fn open(endpoint: &Endpoint) -> Result<Option<(DataLink, Inbox)>, ()> {
        let Some(source) = &endpoint.hub else {
            return Ok(None);
        };
        let hub = source.hub().ok_or(())?;
        hub.until_ready().await;
        let (link, inbox) = hub.connect();
        Ok(Some((DataLink { hub, link }, inbox)))
    }

    fn expire_at(&self, at: Option<i64>) {
        self.hub.expire_at(self.link, at);
    }

    fn subscriptions(&self) -> usize {
        self.hub.subscriptions(self.link)
    }

    fn holds(&self, sub: &str) -> bool {
        self.hub.holds(self.link, sub)
    }

    fn unsubscribe(&self, sub: &str) -> bool {
        self.hub.unsubscribe(self.link, sub)
    }
}

#[cfg(feature = "storage")]
impl Drop for DataLink {
    fn drop(&mut self) {
        self.hub.disconnect(self.link);
    }
}

#[cfg(not(feature = "storage"))]
impl DataLink {
    async fn open(_: &Endpoint) -> Result<Option<(DataLink, Inbox)>, ()> {
        Ok(None)
    }

    fn expire_at(&self, _: Option<i64>) {
        match *self {}
    }

    fn subscriptions(&self) -> usize {
        match *self {}
    }

    fn holds(&self, _: &str) -> bool {
        match *self {}
    }

    fn unsubscribe(&self, _: &str) -> bool {
        match *self {}
    }
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
    peer: Option<SocketAddr>,
    closing: Option<Closing>,
) -> Response {
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| async move {
            let Ok(data) = DataLink::open(&endpoint).await else {
                let mut connection = Connection::new(socket, None, peer, None);
                let message = protocol::error(None, 503, "unavailable", "the database is not open");
                let _ = connection.send(message).await;
                connection.close(1011, "unavailable").await;
                return;
            };
            let (data, inbox) = data.unzip();
            let (signal, _open) = match closing {
                Some(Closing { signal, open }) => (Some(signal), Some(open)),
                None => (None, None),
            };
            let mut connection = Connection::new(socket, signal, peer, data);
            let credentials = credentials_of(&headers, endpoint.authenticator.as_deref());
            connection.serve(&endpoint, inbox, credentials).await;
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
    /// The upgrade's peer (the monitor's loopback rule reads it).
    peer: Option<SocketAddr>,
    /// Registered with the data's hub, when the service has data.
    data: Option<DataLink>,
    /// The request stream, when subscribed to.
    requests: Option<RequestStream>,
    identity: Identity,
}

/// The identity of a connection.
#[derive(Default)]
struct Identity {
    /// The credentials, as headers `auth::admit` reads.
    headers: HeaderMap,
    /// Whether credentials were presented (and verified) already.
    presented: bool,
    /// When they expire (ms since the epoch).
    expires_at: Option<i64>,
}

impl Connection {
    fn new(
        socket: WebSocket,
        closing: Option<watch::Receiver<bool>>,
        peer: Option<SocketAddr>,
        data: Option<DataLink>,
    ) -> Connection {
        Connection {
            socket,
            closing,
            heard: Instant::now(),
            peer,
            data,
            requests: None,
            identity: Identity::default(),
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

    /// How many subscriptions the connection holds, of either kind.
    fn subscriptions(&self) -> usize {
        self.data.as_ref().map_or(0, DataLink::subscriptions) + usize::from(self.requests.is_some())
    }

    async fn serve(&mut self, endpoint: &Endpoint, mut outbox: Option<Inbox>, headers: HeaderMap) {
        if !headers.is_empty() && !self.authenticate(endpoint, headers).await {
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
            let queued = async {
                match &mut outbox {
                    Some(outbox) => outbox.recv().await,
                    None => std::future::pending().await,
                }
            };
            let streamed = async {
                match &mut self.requests {
                    Some(stream) => stream.next().await,
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
                    if !self.handle(endpoint, text.as_str()).await {
                        break;
                    }
                }
                queued = queued => match queued {
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
                text = streamed => {
                    if self.identity.expires_at.is_some_and(|at| at <= now_ms()) {
                        let _ = self.send(protocol::expired()).await;
                        self.close(1008, "credentials expired").await;
                        break;
                    }
                    if !self.send(text).await { break; }
                }
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
    }

    /// Verifies credentials; `false` (after an `error` 401 and a close) when they do not.
    /// The dashboard token (`dashboard.auth`) is accepted as such: it opens the request
    /// stream and nothing else.
    async fn authenticate(&mut self, endpoint: &Endpoint, headers: HeaderMap) -> bool {
        if endpoint
            .requests
            .as_ref()
            .is_some_and(|feed| feed.gate.is_token(&headers))
        {
            self.identity.headers = headers;
            self.identity.presented = true;
            return self.send(protocol::dashboard_token_accepted()).await;
        }
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
                let expires_at = expiry(&user);
                if let Some(data) = &self.data {
                    data.expire_at(expires_at);
                }
                self.identity.expires_at = expires_at;
                self.identity.headers = headers;
                self.identity.presented = true;
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
    async fn handle(&mut self, endpoint: &Endpoint, text: &str) -> bool {
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
                if self.identity.presented || self.subscriptions() > 0 {
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
                self.authenticate(endpoint, headers).await
            }
            Incoming::Unsubscribe { sub } => {
                if self
                    .requests
                    .as_ref()
                    .is_some_and(|stream| stream.sub == sub)
                {
                    self.requests = None;
                    true
                } else if self
                    .data
                    .as_ref()
                    .is_some_and(|data| data.unsubscribe(&sub))
                {
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
                stream,
                since,
            } => {
                // Re-using a name replaces that subscription, so it never counts against the cap.
                let holds = self
                    .requests
                    .as_ref()
                    .is_some_and(|stream| stream.sub == sub)
                    || self.data.as_ref().is_some_and(|data| data.holds(&sub));
                if self.subscriptions() >= MAX_SUBSCRIPTIONS && !holds {
                    let message = protocol::error(
                        Some(&sub),
                        400,
                        "invalid_request",
                        &format!("a connection holds at most {MAX_SUBSCRIPTIONS} subscriptions"),
                    );
                    return self.send(message).await;
                }
                if let Some(stream) = stream {
                    if resource.is_some()
                        || id.is_some()
                        || filter.is_some()
                        || event.is_some()
                        || since.is_some()
                    {
                        let message = protocol::error(
                            Some(&sub),
                            400,
                            "invalid_request",
                            "a stream subscription names the stream only",
                        );
                        return self.send(message).await;
                    }
                    return self.subscribe_stream(endpoint, sub, &stream).await;
                }
                let request = DataRequest {
                    sub,
                    resource,
                    id,
                    filter,
                    event,
                };
                if self.data.is_none() {
                    let message = protocol::error(
                        Some(&request.sub),
                        404,
                        "not_found",
                        "the service has no data or events to subscribe to",
                    );
                    return self.send(message).await;
                }
                self.subscribe(endpoint, request, since).await
            }
        }
    }

    /// Subscribes to the request stream (one per connection).
    async fn subscribe_stream(&mut self, endpoint: &Endpoint, sub: String, stream: &str) -> bool {
        if let Err(refused) = requests::known(stream) {
            let message =
                protocol::error(Some(&sub), refused.status, refused.code, &refused.message);
            return self.send(message).await;
        }
        if let Some(existing) = &self.requests
            && existing.sub != sub
        {
            let message = protocol::error(
                Some(&sub),
                400,
                "invalid_request",
                &format!(
                    "this connection follows the stream already as {:?}",
                    existing.sub
                ),
            );
            return self.send(message).await;
        }
        if self.data.as_ref().is_some_and(|data| data.holds(&sub)) {
            let message = protocol::error(
                Some(&sub),
                400,
                "invalid_request",
                "that name is a data subscription's; unsubscribe it first",
            );
            return self.send(message).await;
        }
        let admitted = requests::admit(
            endpoint.requests.as_ref(),
            sub.clone(),
            stream,
            &self.identity.headers,
            self.peer,
        )
        .await;
        match admitted {
            Ok((subscribed, latest)) => {
                self.requests = Some(subscribed);
                let seq = i64::try_from(latest).unwrap_or(i64::MAX);
                self.send(protocol::subscribed(&sub, seq)).await
            }
            Err(refused) => {
                let message =
                    protocol::error(Some(&sub), refused.status, refused.code, &refused.message);
                self.send(message).await
            }
        }
    }

    #[cfg(not(feature = "storage"))]
    async fn subscribe(&mut self, _: &Endpoint, _: DataRequest, _: Option<i64>) -> bool {
        // `handle` answered 404 already: without `storage` there is never a hub.
        true
    }

    #[cfg(feature = "storage")]
    async fn subscribe(
        &mut self,
        endpoint: &Endpoint,
        request: DataRequest,
        since: Option<i64>,
    ) -> bool {
        let Some(DataLink { hub, link }) = self.data.as_ref() else {
            return true;
        };
        let (hub, link) = (hub.clone(), *link);
        let sub = request.sub.clone();
        if self
            .requests
            .as_ref()
            .is_some_and(|stream| stream.sub == sub)
        {
            let message = protocol::error(
                Some(&sub),
                400,
                "invalid_request",
                "that name is the request stream's; unsubscribe it first",
            );
            return self.send(message).await;
        }
        let admitted = subscription::admit_subscription(
            endpoint.spec,
            endpoint.authenticator.as_deref(),
            &self.identity.headers,
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

/// A `subscribe` message for data or a custom event.
#[cfg(feature = "storage")]
type DataRequest = subscription::Request;

/// Without `storage` a data subscription is only ever refused.
#[cfg(not(feature = "storage"))]
#[allow(dead_code, reason = "read only with `storage`")]
struct DataRequest {
    sub: String,
    resource: Option<String>,
    id: Option<serde_json::Value>,
    filter: Option<String>,
    event: Option<String>,
}

/// Milliseconds since the Unix epoch.
fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        })
}

/// A copy of the subscription for its replay (the hub keeps the original).
#[cfg(feature = "storage")]
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
