//! The monitor: what a running server knows about its own traffic, for the dashboard and for
//! Prometheus. One [`Monitor`] per server, built with the router; the subsystem's entry point.
//!
//! ```text
//! request ─▶ envelope ─▶ Observe ─▶ … router ─▶ Tag (MatchedPath ─▶ route slot) ─▶ route
//!                          │                                  dispatch: Recording ◀─ console lines,
//!                          │                                            body preview, caller
//!                          └─ on the response: per-route counters + latency histogram
//!                             (atomics), per-second rates (one CAS), and — when the dashboard
//!                             is enabled — a RequestEntry into the recent ring (and to live
//!                             observers, if any)
//! GET /_backworks/metrics            Prometheus text        (prometheus.rs)
//! GET /_backworks/monitor/summary    overview + per route   (endpoints.rs)
//! GET /_backworks/monitor/requests   recent requests        (endpoints.rs)
//! ```
//!
//! Memory is fixed at start and bounded after: counters per route template (never per
//! concrete path; unmatched paths share one entry), a 10-minute ring of per-second counts, and
//! [`CAPACITY`] recent requests, each with bounded headers, body preview and log lines. The
//! hot path takes no lock other requests need: atomics on its route's own counters, one
//! atomic sequence number and one per-slot mutex for the ring.
//!
//! Files: [`layer`] (the two tower layers), [`route_stats`] (the per-route table), [`histogram`], [`rate`] (per-second ring),
//! [`recent`] (the ring of requests) and [`entry`] (one of them), [`recording`] (what a
//! request's code adds), [`redact`], [`access`] (who may read), [`prometheus`], [`endpoints`],
//! [`spec`] (what the blueprint says).

mod access;
mod endpoints;
mod entry;
mod histogram;
mod layer;
mod own_polls;
mod prometheus;
mod rate;
mod recent;
mod recording;
mod redact;
mod route_stats;
mod spec;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request};
use axum::response::Response;
use tokio::sync::broadcast;

pub(crate) use access::{ADMIN, Denied, Gate, Viewer, refused};
pub(crate) use endpoints::routes;
pub use entry::RequestEntry;
pub(crate) use layer::{Observe, Tag};
pub(crate) use own_polls::OwnPolls;
pub use recent::CAPACITY;
pub use recording::Recording;
pub use spec::DashboardSpec;

use crate::http::request_id::RequestId;
use rate::PerSecond;
use recent::Recent;
use route_stats::{Routes, Slot, method_index};

/// The Prometheus page.
pub(crate) const METRICS_PATH: &str = "/_backworks/metrics";
/// The dashboard's overview data.
pub(crate) const SUMMARY_PATH: &str = "/_backworks/monitor/summary";
/// The recent requests.
pub(crate) const REQUESTS_PATH: &str = "/_backworks/monitor/requests";

/// How many finished-request summaries a slow live observer may fall behind before it misses
/// some (it is told how many, by `broadcast`'s `Lagged`).
const LIVE_BACKLOG: usize = 256;

/// One server's traffic: counters per route, rates, and the recent requests.
#[derive(Debug)]
pub struct Monitor {
    pub(crate) name: &'static str,
    pub(crate) version: &'static str,
    pub(crate) started: Instant,
    pub(crate) started_at_ms: u64,
    pub(crate) routes: Routes,
    pub(crate) requests: PerSecond,
    pub(crate) server_errors: PerSecond,
    /// `None` when the dashboard is disabled: nothing per request is kept.
    pub(crate) recent: Option<Recent>,
    /// The API-key header of the service, hidden in recorded headers.
    api_key_header: Option<&'static str>,
    live: broadcast::Sender<Arc<RequestEntry>>,
}

/// A route the monitor counts apart: its template, the endpoint and method declared on it
/// (if any), and whether its requests stay out of the recent ring.
pub(crate) type KnownRoute = (String, Option<(&'static str, &'static str)>, bool);

impl Monitor {
    /// A monitor for `spec`'s service counting `known` routes apart (others it learns), keeping
    /// recent requests when `keep_recent`.
    pub(crate) fn new(
        spec: &'static crate::http::ServiceSpec,
        known: Vec<KnownRoute>,
        keep_recent: bool,
    ) -> Monitor {
        let api_key_header = api_key_header(spec);
        Monitor {
            name: spec.name,
            version: spec.version,
            started: Instant::now(),
            started_at_ms: recording::now_ms(),
            routes: Routes::new(known),
            requests: PerSecond::default(),
            server_errors: PerSecond::default(),
            recent: keep_recent.then(Recent::default),
            api_key_header,
            live: broadcast::channel(LIVE_BACKLOG).0,
        }
    }

    /// Finished requests as they happen, for the live stream (`/_backworks/ws`). Entries are
    /// sent only while someone listens, so an unobserved server pays nothing for it; a
    /// receiver that falls more than 256 entries behind is told how many it missed.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<RequestEntry>> {
        self.live.subscribe()
    }

    /// Seconds since the monitor started, for the per-second rings.
    fn second(&self, at: Instant) -> u32 {
        u32::try_from(at.saturating_duration_since(self.started).as_secs()).unwrap_or(u32::MAX)
    }
}

/// The header the service's API keys arrive in, if it takes any.
fn api_key_header(spec: &crate::http::ServiceSpec) -> Option<&'static str> {
    spec.auth
        .and_then(|auth| auth.api_keys.as_ref())
        .map(|keys| keys.header)
}

/// The route slot a matched route leaves on its response for [`Monitor::finish`].
#[derive(Debug, Clone)]
struct RouteSlot(Slot);

/// The path of a request answered before routing (a CORS preflight, the global rate limit's
/// 429), left on its response so [`Monitor::finish`] counts it under the route that path
/// would have matched rather than as unmatched.
#[derive(Debug, Clone)]
pub(crate) struct Unrouted(Box<str>);

impl Unrouted {
    /// Marks `response` as the answer to a request for `path` that no route saw.
    pub(crate) fn mark(response: &mut Response, path: &str) {
        response.extensions_mut().insert(Unrouted(path.into()));
    }
}

/// What [`Monitor::begin`] noted of a request, for [`Monitor::finish`].
pub(crate) struct Begun {
    started: Instant,
    method: usize,
    /// The ring entry being filled, when the dashboard keeps recent requests.
    pending: Option<RequestEntry>,
}

impl Monitor {
    /// The slot of the route `req` matched, noted before the route runs (`layer::Tag`).
    fn slot_of(&self, req: &Request) -> Slot {
        req.extensions()
            .get::<MatchedPath>()
            .map_or(Slot::Unmatched, |matched| {
                self.routes.slot(matched.as_str())
            })
    }

    /// The route of a response no route layer tagged: a method fallback's 405 (its path
    /// matched: the router left the template on it), a request answered before routing (the
    /// route its path matches, [`Unrouted`]), else the unmatched entry. Only the routes'
    /// templates are ever labels, so unknown paths stay in the one unmatched entry.
    fn slot_of_unrouted(&self, response: &Response) -> Slot {
        let extensions = response.extensions();
        if let Some(matched) = extensions.get::<MatchedPath>() {
            return self.routes.slot(matched.as_str());
        }
        match extensions.get::<Unrouted>() {
            Some(Unrouted(path)) => self.routes.matching(path),
            None => Slot::Unmatched,
        }
    }

    /// Starts observing a request (`layer::Observe`, inside the envelope, so the request id is
    /// known): its start time and, with the dashboard enabled, its ring entry and recording.
    pub(crate) fn begin(&self, req: &mut Request) -> Begun {
        let started = Instant::now();
        let method = method_index(req.method());
        let pending = self.recent.as_ref().map(|_| {
            let recording = Recording::default();
            req.extensions_mut().insert(recording.clone());
            let client = req
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| peer.ip());
            RequestEntry {
                at_ms: recording::now_ms(),
                method: req.method().clone(),
                path: RequestEntry::path_of(req.uri().path()),
                request_id: req
                    .extensions()
                    .get::<RequestId>()
                    .map(|id| id.as_str().to_owned())
                    .unwrap_or_default(),
                client,
                header_lines: RequestEntry::headers_of(req.headers(), self.api_key_header),
                recording: Some(recording),
                ..RequestEntry::default()
            }
        });
        Begun {
            started,
            method,
            pending,
        }
    }

    /// Counts the answered request and keeps it in the ring (and tells live observers).
    pub(crate) fn finish(&self, begun: Begun, response: &Response) {
        let finished = Instant::now();
        let duration = finished.saturating_duration_since(begun.started);
        let slot = match response.extensions().get::<RouteSlot>() {
            Some(slot) => slot.0.clone(),
            None => self.slot_of_unrouted(response),
        };
        let route = self.routes.get(&slot);
        let status = response.status().as_u16();
        route.record(begun.method, status, duration);
        let second = self.second(finished);
        self.requests.tick(second);
        if status >= 500 {
            self.server_errors.tick(second);
        }
        if let (Some(recent), Some(mut entry)) = (&self.recent, begun.pending)
            && !route.unlisted
        {
            entry.route = route.template.clone();
            entry.endpoint = route.endpoints[begun.method];
            entry.status = status;
            entry.duration_us = u64::try_from(duration.as_micros()).unwrap_or(u64::MAX);
            let entry = recent.push(entry);
            if self.live.receiver_count() > 0 {
                let _ = self.live.send(entry);
            }
        }
    }
}
