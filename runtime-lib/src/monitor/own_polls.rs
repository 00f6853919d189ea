//! The dashboard's own requests, which the service-wide rate limit (`rate_limit:`, by address)
//! does not count: an operator with the page open polls the monitor every second or two and
//! would otherwise be throttled out of the very API they are watching.
//!
//! ```text
//! GET /_backworks/, /_backworks/assets/<a served file>      ─▶ not counted (public files)
//! GET /_backworks/metrics, monitor/summary, monitor/requests,
//!     /_backworks/service.json                              ─▶ not counted if the gate admits
//! GET /_backworks/workflows                                 ─▶ not counted if the gate knows
//!                                                              the viewer
//! anything else (the API, /_backworks/w/… and the socket included) ─▶ counted
//! ```
//!
//! Abuse: a request the gate refuses is counted like any API request, so hammering these
//! routes without credentials ends in the same 429 as hammering the API. What such a request
//! costs before it is counted is the gate's check, the same credential check every route
//! makes (a compare with the dashboard token, a token's signature, an API key's indexed
//! read). The public files are not counted at all: they are a fixed set of in-memory bytes
//! (an unknown file name is counted), cheaper to send than a limit's decision is to take
//! (with `shared` limits that is a database round trip), and the page cannot send
//! credentials with them (the browser loads them).
//! The dashboard's calls on a user's behalf — the explorer, sign-in, the workflows'
//! forwarding — are API requests and are counted as such.

use std::collections::HashSet;

use axum::http::{Extensions, HeaderMap, Method};

use super::{Gate, METRICS_PATH, REQUESTS_PATH, SUMMARY_PATH};
use crate::dashboard::{DashboardApp, INDEX_PATH, ROOT_PATH, SERVICE_PATH};

/// What the rate limit leaves uncounted (`http::rate_limit::guard` asks [`OwnPolls::admits`]).
#[derive(Debug)]
pub(crate) struct OwnPolls {
    gate: Gate,
    /// The page's files by path (`/_backworks/`, `/_backworks/assets/app.js`, …); empty
    /// without pages.
    public: HashSet<Box<str>, foldhash::fast::RandomState>,
}

impl OwnPolls {
    /// For a monitor read through `gate`, serving `app`'s pages (if any).
    pub(crate) fn new(gate: Gate, app: Option<&DashboardApp>) -> OwnPolls {
        let mut public = HashSet::with_hasher(foldhash::fast::RandomState::default());
        if let Some(app) = app {
            public.insert(ROOT_PATH.into());
            public.insert(INDEX_PATH.into());
            for (file, _) in app.files {
                if file.starts_with("assets/") {
                    public.insert(format!("{INDEX_PATH}{file}").into_boxed_str());
                }
            }
        }
        OwnPolls { gate, public }
    }

    /// Whether a request is the dashboard's own poll, left out of the count.
    pub(crate) async fn admits(
        &self,
        method: &Method,
        path: &str,
        headers: &HeaderMap,
        extensions: &Extensions,
    ) -> bool {
        if method != Method::GET && method != Method::HEAD {
            return false;
        }
        if self.public.contains(path) {
            return true;
        }
        match path {
            METRICS_PATH | SUMMARY_PATH | REQUESTS_PATH | SERVICE_PATH => {
                self.gate.check(headers, extensions).await.is_ok()
            }
            crate::dashboard::workflows::WORKFLOWS_PATH => {
                self.gate.viewer(headers, extensions).await.is_ok()
            }
            _ => false,
        }
    }
}
