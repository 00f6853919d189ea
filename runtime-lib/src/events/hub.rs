//! The hub: one per server and store. It owns the reader task, the registry of connected
//! subscribers and their subscriptions, and the fan-out of each batch of committed events to
//! them (`fan_out`, deciding who sees what through `view.rs`). Everything here is about data,
//! so the whole file is behind the `storage` feature.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

use super::outbox::{Inbox, Outbox};
use super::protocol::{ChangeMessage, EventMessage, Outgoing};
use super::subscription::{Subscription, Target};
use super::view::Lens;
use crate::storage::Store;

/// Events kept for `since` when nothing says otherwise (the newest; older ones are trimmed):
/// the reach of a reconnecting client.
pub const DEFAULT_WINDOW: u64 = 10_000;

/// The environment variable that sets the window for a server's process: how far back a
/// reconnecting client can catch up is an operator's trade against the table's size.
pub const WINDOW_VARIABLE: &str = "BACKWORKS_EVENTS_WINDOW";

/// The window: [`keep`]'s, else [`WINDOW_VARIABLE`]'s (a positive integer; anything else is
/// logged and ignored), else [`DEFAULT_WINDOW`].
fn window() -> u64 {
    if let Some(kept) = WINDOW.get() {
        return *kept;
    }
    match std::env::var(WINDOW_VARIABLE) {
        Ok(text) => match text.trim().parse::<u64>() {
            Ok(events) if events > 0 => events,
            _ => {
                tracing::warn!(
                    target: "backworks::events",
                    "{WINDOW_VARIABLE}={text:?} is not a positive number of events; keeping {DEFAULT_WINDOW}"
                );
                DEFAULT_WINDOW
            }
        },
        Err(_) => DEFAULT_WINDOW,
    }
}

/// One event as the reader read it from the table.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub(crate) seq: i64,
    pub(crate) kind: Kind,
}

/// What an event is.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// A record of `resource` changed.
    Change {
        resource: String,
        action: String,
        before: Option<crate::storage::Row>,
        after: Option<crate::storage::Row>,
    },
    /// `ctx.emit(name, payload)`.
    Custom { name: String, payload: Value },
}

/// The live events of one store: its reader, and every connected subscriber. Cheap to clone.
#[derive(Clone)]
pub struct Hub {
    inner: Arc<HubInner>,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub").finish_non_exhaustive()
    }
}

pub(crate) struct HubInner {
    pub(crate) store: Store,
    /// Events kept for `since`.
    pub(crate) window: u64,
    registry: Mutex<Registry>,
    next_link: AtomicU64,
    /// True once the reader knows where the table ends (subscriptions wait for it, so the
    /// seq they are given is the table's).
    ready: tokio::sync::watch::Sender<bool>,
}

/// Who listens: each connection's outbox and subscriptions, and the last event fanned out.
#[derive(Default)]
struct Registry {
    /// The last seq fanned out: a subscription made now receives everything after it.
    last: i64,
    links: HashMap<u64, Link>,
}

struct Link {
    outbox: Outbox,
    subscriptions: Vec<Arc<Subscription>>,
    /// When the subscriber's credentials expire (ms since the epoch).
    expires_at: Option<i64>,
}

/// One subscription as a batch is fanned out: its connection, that connection's outbox and
/// credentials' expiry, and the subscription.
type Listener = (u64, Outbox, Option<i64>, Arc<Subscription>);

static INSTALLED: OnceLock<Hub> = OnceLock::new();
static WINDOW: OnceLock<u64> = OnceLock::new();

/// Keeps `events` live events for `since` instead of [`DEFAULT_WINDOW`] (or the
/// environment's), for hubs started from now on (embedders and tests). Later calls keep the
/// first.
pub fn keep(events: u64) {
    let _ = WINDOW.set(events.max(1));
}

impl Hub {
    /// Starts the hub of `store`: its reader task (on the current tokio runtime) and the
    /// writer of `ctx.emit`'s events when `store` is the process's.
    pub fn start(store: Store) -> Hub {
        let inner = Arc::new(HubInner {
            store,
            window: window(),
            registry: Mutex::new(Registry::default()),
            next_link: AtomicU64::new(1),
            ready: tokio::sync::watch::channel(false).0,
        });
        super::reader::start(Arc::downgrade(&inner), inner.store.clone());
        Hub { inner }
    }

    /// Makes `hub` the process's (what `http::serve` does beside `Store::install`) and lets
    /// `ctx.emit` write through its store.
    pub fn install(hub: Hub) {
        super::emit::start(hub.inner.store.clone());
        let _ = INSTALLED.set(hub);
    }

    /// The process's hub, once installed.
    pub fn installed() -> Option<&'static Hub> {
        INSTALLED.get()
    }

    /// The seq of the last event fanned out.
    pub fn last_seq(&self) -> i64 {
        self.registry().last
    }

    pub(crate) fn inner(&self) -> &Arc<HubInner> {
        &self.inner
    }

    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.inner.registry()
    }

    /// Waits until the reader has found where the table ends.
    pub(crate) async fn until_ready(&self) {
        let mut ready = self.inner.ready.subscribe();
        let _ = ready.wait_for(|ready| *ready).await.map(drop);
    }

    /// Waits until every event committed before the call has been fanned out, so that a
    /// subscription made next starts after them: a change acknowledged before a client
    /// subscribed is never announced to it as new. On PostgreSQL events get their seq only
    /// when a reader numbers them, which can lag a commit; this numbers them now and wakes
    /// the reader. Bounded: if the database is away or the reader slow, the subscription
    /// goes ahead (at worst it hears of a change it could have fetched).
    pub(crate) async fn catch_up(&self) {
        let store = &self.inner.store;
        let target = async {
            if let crate::storage::engine::Engine::Postgres(_) = store.engine() {
                super::sequence::number(store).await?;
            }
            super::reader::latest(&mut store.reader().await?).await
        };
        let Ok(target) = target.await else {
            return;
        };
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(2);
        while self.last_seq() < target && tokio::time::Instant::now() < deadline {
            store.committed().notify_one();
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
    }

    /// Registers a connection; its messages arrive on the receiver.
    pub(crate) fn connect(&self) -> (u64, Inbox) {
        let (outbox, receiver) = super::outbox::outbox();
        let id = self.inner.next_link.fetch_add(1, Ordering::Relaxed);
        self.registry().links.insert(
            id,
            Link {
                outbox,
                subscriptions: Vec::new(),
                expires_at: None,
            },
        );
        (id, receiver)
    }

    /// Forgets a connection and its subscriptions.
    pub(crate) fn disconnect(&self, link: u64) {
        self.registry().links.remove(&link);
    }

    /// Notes when the connection's credentials expire.
    pub(crate) fn expire_at(&self, link: u64, at: Option<i64>) {
        if let Some(entry) = self.registry().links.get_mut(&link) {
            entry.expires_at = at;
        }
    }

    /// Adds a subscription; answers the last seq fanned out, after which it receives every
    /// event (`None`: the connection was dropped meanwhile).
    pub(crate) fn subscribe(&self, link: u64, subscription: Subscription) -> Option<i64> {
        let mut registry = self.registry();
        let last = registry.last;
        let entry = registry.links.get_mut(&link)?;
        entry
            .subscriptions
            .retain(|existing| existing.sub != subscription.sub);
        entry.subscriptions.push(Arc::new(subscription));
        Some(last)
    }

    /// Removes a subscription; `false` when there was none by that name.
    pub(crate) fn unsubscribe(&self, link: u64, sub: &str) -> bool {
        let mut registry = self.registry();
        let Some(entry) = registry.links.get_mut(&link) else {
            return false;
        };
        let before = entry.subscriptions.len();
        entry.subscriptions.retain(|existing| existing.sub != sub);
        entry.subscriptions.len() != before
    }

    /// Whether the connection holds a subscription named `sub`.
    pub(crate) fn holds(&self, link: u64, sub: &str) -> bool {
        self.registry().links.get(&link).is_some_and(|entry| {
            entry
                .subscriptions
                .iter()
                .any(|subscription| subscription.sub == sub)
        })
    }

    /// How many subscriptions the connection holds.
    pub(crate) fn subscriptions(&self, link: u64) -> usize {
        self.registry()
            .links
            .get(&link)
            .map_or(0, |entry| entry.subscriptions.len())
    }
}

impl HubInner {
    /// The reader found the table's last seq: subscriptions may start after it.
    pub(crate) fn ready(&self, latest: i64) {
        {
            let mut registry = self.registry();
            registry.last = registry.last.max(latest);
        }
        self.ready.send_replace(true);
    }

    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        // A panic elsewhere cannot leave the registry half-changed: every change is one step.
        self.registry
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Delivers a batch of events (in seq order) to every subscription they concern. The
    /// registry's `last` moves past the batch in the same step that takes the subscribers, so
    /// a subscription sees each event exactly once, live or replayed.
    pub(crate) async fn fan_out(&self, batch: &[Stored]) {
        let Some(last) = batch.last().map(|event| event.seq) else {
            return;
        };
        let listeners: Vec<Listener> = {
            let mut registry = self.registry();
            registry.last = registry.last.max(last);
            registry
                .links
                .iter()
                .flat_map(|(id, link)| {
                    link.subscriptions.iter().map(move |subscription| {
                        (
                            *id,
                            link.outbox.clone(),
                            link.expires_at,
                            Arc::clone(subscription),
                        )
                    })
                })
                .collect()
        };
        if listeners.is_empty() {
            return;
        }
        let views = match self.evaluate(batch, &listeners).await {
            Ok(views) => views,
            Err(error) => {
                // The database could not say who may see these changes: nobody is told of
                // them, and every resource subscriber is told to refetch instead.
                tracing::warn!(target: "backworks::events", "checking live events: {}", error.message);
                self.reset_resource_subscribers(&listeners);
                HashMap::new()
            }
        };
        let now = crate::storage::time::now_ms();
        let mut dropped: Vec<u64> = Vec::new();
        for (index, event) in batch.iter().enumerate() {
            for (position, (link, outbox, expires_at, subscription)) in listeners.iter().enumerate()
            {
                if dropped.contains(link) {
                    continue;
                }
                let Some(message) = message_for(event, subscription, views.get(&(index, position)))
                else {
                    continue;
                };
                let message = match expires_at {
                    Some(at) if *at <= now => Outgoing::Close(super::protocol::expired()),
                    _ => message,
                };
                let closing = matches!(message, Outgoing::Close(_));
                if !outbox.push(message) || closing {
                    // Too far behind: a consumer this slow is let go (its socket task sees
                    // the outbox closed once drained); or it has gone already.
                    dropped.push(*link);
                }
            }
        }
        if !dropped.is_empty() {
            let mut registry = self.registry();
            for link in dropped {
                registry.links.remove(&link);
            }
        }
    }

    /// Sends `error` 503 and `reset` to every resource subscription in `listeners`.
    fn reset_resource_subscribers(&self, listeners: &[Listener]) {
        for (_, outbox, _, subscription) in listeners {
            if let Target::Resource { .. } = subscription.target {
                let sub = subscription.sub.as_str();
                let error = super::protocol::error(
                    Some(sub),
                    503,
                    "unavailable",
                    "changes could not be checked against the rules; refetch",
                );
                let _ = outbox.push(Outgoing::Message(error));
                let _ = outbox.push(Outgoing::Message(super::protocol::reset(sub)));
            }
        }
    }

    /// `(event index, listener index) → (in view before, in view after)` for every change
    /// event and every subscription to its resource, one query per resource and batch.
    async fn evaluate(
        &self,
        batch: &[Stored],
        listeners: &[Listener],
    ) -> Result<HashMap<(usize, usize), (bool, bool)>, crate::storage::StoreError> {
        let mut views = HashMap::new();
        let mut resources: Vec<&str> = Vec::new();
        for event in batch {
            if let Kind::Change { resource, .. } = &event.kind
                && !resources.contains(&resource.as_str())
            {
                resources.push(resource);
            }
        }
        for name in resources {
            // Distinct conditions: subscribers with the same identity, id and filter share one.
            let mut lenses: Vec<&Lens> = Vec::new();
            let mut keys: Vec<&str> = Vec::new();
            let mut lens_of: Vec<(usize, usize)> = Vec::new();
            for (position, (_, _, _, subscription)) in listeners.iter().enumerate() {
                let Target::Resource { lens, key } = &subscription.target else {
                    continue;
                };
                if lens.resource.name != name {
                    continue;
                }
                let index = match keys.iter().position(|existing| *existing == key.as_str()) {
                    Some(index) => index,
                    None => {
                        keys.push(key);
                        lenses.push(lens);
                        lenses.len() - 1
                    }
                };
                lens_of.push((position, index));
            }
            if lenses.is_empty() {
                continue;
            }
            let resource = lenses[0].resource;
            let mut states = Vec::new();
            let mut owners = Vec::new();
            for (index, event) in batch.iter().enumerate() {
                if let Kind::Change {
                    resource: of,
                    before,
                    after,
                    ..
                } = &event.kind
                    && of == name
                {
                    states.push(before.as_ref());
                    states.push(after.as_ref());
                    owners.push(index);
                }
            }
            let mut session = self.store.reader().await?;
            let answers = super::view::in_view(&mut session, resource, &states, &lenses).await?;
            for (slot, event) in owners.iter().enumerate() {
                for (position, lens) in &lens_of {
                    let before = answers[slot * 2][*lens];
                    let after = answers[slot * 2 + 1][*lens];
                    views.insert((*event, *position), (before, after));
                }
            }
        }
        Ok(views)
    }
}

/// The message `subscription` receives for `event`, if any (`view`: in view before, after).
pub(crate) fn message_for(
    event: &Stored,
    subscription: &Subscription,
    view: Option<&(bool, bool)>,
) -> Option<Outgoing> {
    match (&event.kind, &subscription.target) {
        (Kind::Custom { name, payload }, Target::Event(wanted)) if name == wanted => {
            Some(Outgoing::Message(
                EventMessage {
                    sub: &subscription.sub,
                    seq: event.seq,
                    name,
                    payload,
                }
                .to_text(),
            ))
        }
        (
            Kind::Change {
                resource,
                action,
                before,
                after,
            },
            Target::Resource { .. },
        ) => {
            let &(was, is) = view?;
            let (action, record) = match (action.as_str(), was, is) {
                ("create", _, true) => ("create", after.as_ref()),
                ("update", true, true) => ("update", after.as_ref()),
                ("update", false, true) => ("enter", after.as_ref()),
                ("update", true, false) => ("leave", None),
                ("delete", true, _) => ("delete", None),
                _ => return None,
            };
            let id = after
                .as_ref()
                .or(before.as_ref())
                .and_then(|row| row.get("id"))
                .cloned()
                .unwrap_or(Value::Null);
            Some(Outgoing::Message(
                ChangeMessage {
                    sub: &subscription.sub,
                    seq: event.seq,
                    resource,
                    action,
                    id: &id,
                    record,
                }
                .to_text(),
            ))
        }
        _ => None,
    }
}
