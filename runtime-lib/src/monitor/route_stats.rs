//! Counters per route and method, allocated once when the router is built.
//!
//! A route is the path *template* the router matched (`/posts/{id}`), never the concrete
//! path, so the number of series is fixed by the blueprint; every path no route matches is
//! counted under one [`UNMATCHED`] entry. Each route holds one [`MethodStats`] per common
//! method (others share one), so recording a request is a handful of relaxed atomic adds on
//! memory no other route touches.
//!
//! ```text
//! GET /posts/7 ─▶ MatchedPath "/posts/{id}" ─▶ Routes::index (read-only map) ─▶ slot 3
//!   ─▶ routes[3].methods[GET]: requests, status class, latency histogram
//! ```

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::histogram::Histogram;

/// The route label of requests no route matched.
pub(crate) const UNMATCHED: &str = "(unmatched)";

/// The methods counted apart, in label order; any other method is counted as `OTHER`.
pub(crate) const METHODS: [&str; 8] = [
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER",
];

/// Status classes, `1xx` to `5xx` (anything outside 100–599 counts as `5xx`).
pub(crate) const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

/// The most routes learned after start (a route mounted that the monitor was not told of,
/// whose requests then take the `learned` lock); past it they share the unmatched entry.
/// Templates are finite and `http::routes` lists every path it mounts, so this is a safety
/// net.
const MAX_LEARNED: usize = 256;

/// One method of one route.
#[derive(Debug, Default)]
pub(crate) struct MethodStats {
    /// Responses by status class ([`CLASSES`]).
    pub(crate) by_class: [AtomicU64; 5],
    pub(crate) latency: Histogram,
}

/// One route: its template and its counters per method.
#[derive(Debug)]
pub(crate) struct RouteStats {
    /// Shared with the recent requests' entries (a reference count, not a copy, per request).
    pub(crate) template: Arc<str>,
    /// The blueprint endpoint per method, when one declared it (`METHODS` order).
    pub(crate) endpoints: [Option<&'static str>; METHODS.len()],
    /// Whether requests to it stay out of the recent-requests ring (the monitor's own routes,
    /// which the dashboard polls).
    pub(crate) unlisted: bool,
    pub(crate) methods: [MethodStats; METHODS.len()],
}

impl RouteStats {
    fn new(template: &str, unlisted: bool) -> RouteStats {
        RouteStats {
            template: Arc::from(template),
            endpoints: [None; METHODS.len()],
            unlisted,
            methods: Default::default(),
        }
    }

    /// Counts one answered request.
    pub(crate) fn record(&self, method: usize, status: u16, duration: Duration) {
        let stats = &self.methods[method];
        stats.by_class[class_of(status)].fetch_add(1, Ordering::Relaxed);
        stats.latency.record(duration);
    }
}

/// Index of `status`'s class in [`CLASSES`].
pub(crate) fn class_of(status: u16) -> usize {
    match status {
        100..=199 => 0,
        200..=299 => 1,
        300..=399 => 2,
        400..=499 => 3,
        _ => 4,
    }
}

/// Index of `method` in [`METHODS`].
pub(crate) fn method_index(method: &axum::http::Method) -> usize {
    METHODS[..METHODS.len() - 1]
        .iter()
        .position(|name| *name == method.as_str())
        .unwrap_or(METHODS.len() - 1)
}

/// Every route's counters: the routes known at start in a fixed table (read without a lock),
/// and any learned later in a small guarded list.
#[derive(Debug)]
pub(crate) struct Routes {
    known: Box<[RouteStats]>,
    index: HashMap<Box<str>, usize, foldhash::fast::RandomState>,
    /// The known templates as axum matches them (axum's own matcher), for requests answered
    /// before routing: which route their path would have reached.
    matcher: matchit::Router<usize>,
    learned: Mutex<Vec<Arc<RouteStats>>>,
    unmatched: RouteStats,
}

/// Which route's counters a request goes to.
#[derive(Debug, Clone)]
pub(crate) enum Slot {
    Known(usize),
    Learned(Arc<RouteStats>),
    Unmatched,
}

impl Routes {
    /// The table of `templates` (each with the endpoints declared on it, and whether it is
    /// unlisted); repeated templates share one entry.
    pub(crate) fn new(
        templates: impl IntoIterator<Item = (String, Option<(&'static str, &'static str)>, bool)>,
    ) -> Routes {
        let mut known: Vec<RouteStats> = Vec::new();
        let mut index = HashMap::with_hasher(foldhash::fast::RandomState::default());
        for (template, endpoint, unlisted) in templates {
            let at = *index
                .entry(template.clone().into_boxed_str())
                .or_insert_with(|| {
                    known.push(RouteStats::new(&template, unlisted));
                    known.len() - 1
                });
            if let Some((method, endpoint)) = endpoint
                && let Ok(method) = axum::http::Method::from_bytes(method.as_bytes())
            {
                known[at].endpoints[method_index(&method)] = Some(endpoint);
            }
        }
        let mut matcher = matchit::Router::new();
        for (template, &at) in &index {
            // A template axum could not mount is never matched: such a spec does not start.
            let _ = matcher.insert(&**template, at);
        }
        Routes {
            known: known.into_boxed_slice(),
            index,
            matcher,
            learned: Mutex::new(Vec::new()),
            unmatched: RouteStats::new(UNMATCHED, false),
        }
    }

    /// The slot of the route whose template is `template`.
    pub(crate) fn slot(&self, template: &str) -> Slot {
        if let Some(&at) = self.index.get(template) {
            return Slot::Known(at);
        }
        // Not known at start: rare and bounded (templates are finite), so a lock is fine.
        let mut learned = self
            .learned
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some(stats) = learned.iter().find(|stats| &*stats.template == template) {
            return Slot::Learned(stats.clone());
        }
        if learned.len() >= MAX_LEARNED {
            return Slot::Unmatched;
        }
        let stats = Arc::new(RouteStats::new(
            template,
            template.starts_with("/_backworks/monitor") || template == super::METRICS_PATH,
        ));
        learned.push(stats.clone());
        Slot::Learned(stats)
    }

    /// The slot of the known route whose template `path` matches, as the router would match
    /// it; the unmatched entry when none does.
    pub(crate) fn matching(&self, path: &str) -> Slot {
        self.matcher
            .at(path)
            .map_or(Slot::Unmatched, |matched| Slot::Known(*matched.value))
    }

    pub(crate) fn get<'a>(&'a self, slot: &'a Slot) -> &'a RouteStats {
        match slot {
            Slot::Known(at) => &self.known[*at],
            Slot::Learned(stats) => stats,
            Slot::Unmatched => &self.unmatched,
        }
    }

    /// Every route, known ones in table order, then learned ones, then the unmatched entry.
    pub(crate) fn each(&self, mut visit: impl FnMut(&RouteStats)) {
        self.known.iter().for_each(&mut visit);
        let learned: Vec<Arc<RouteStats>> = self
            .learned
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .clone();
        learned.iter().for_each(|stats| visit(stats));
        visit(&self.unmatched);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_share_an_entry_and_unknown_ones_are_learned_once() {
        let routes = Routes::new([
            ("/posts".to_owned(), Some(("GET", "list_posts")), false),
            ("/posts".to_owned(), Some(("POST", "create_post")), false),
            ("/posts/{id}".to_owned(), None, false),
        ]);
        let Slot::Known(posts) = routes.slot("/posts") else {
            panic!("known")
        };
        assert_eq!(
            routes.get(&Slot::Known(posts)).endpoints[0],
            Some("list_posts")
        );
        assert_eq!(
            routes.get(&Slot::Known(posts)).endpoints[2],
            Some("create_post")
        );
        let first = routes.slot("/late/{x}");
        let again = routes.slot("/late/{x}");
        assert!(std::ptr::eq(routes.get(&first), routes.get(&again)));
        let mut seen = 0;
        routes.each(|_| seen += 1);
        assert_eq!(seen, 4, "two known, one learned, the unmatched entry");
    }

    #[test]
    fn paths_answered_before_routing_find_their_route() {
        let routes = Routes::new([
            ("/posts".to_owned(), None, false),
            ("/posts/{id}".to_owned(), None, false),
            ("/posts/latest".to_owned(), None, false),
            ("/_backworks/assets/{*file}".to_owned(), None, true),
        ]);
        let template = |path: &str| routes.get(&routes.matching(path)).template.to_string();
        assert_eq!(template("/posts"), "/posts");
        assert_eq!(template("/posts/7"), "/posts/{id}");
        assert_eq!(
            template("/posts/latest"),
            "/posts/latest",
            "static beats a parameter"
        );
        assert_eq!(
            template("/_backworks/assets/vendor/uPlot.min.css"),
            "/_backworks/assets/{*file}"
        );
        for unknown in ["/posts/7/comments", "/nothing", "/", "/posts/"] {
            assert_eq!(template(unknown), UNMATCHED, "{unknown}");
        }
    }

    #[test]
    fn statuses_fall_in_their_class() {
        assert_eq!(class_of(204), 1);
        assert_eq!(class_of(304), 2);
        assert_eq!(class_of(429), 3);
        assert_eq!(class_of(503), 4);
        assert_eq!(class_of(999), 4);
        assert_eq!(method_index(&axum::http::Method::PATCH), 4);
        assert_eq!(method_index(&axum::http::Method::TRACE), 7);
    }
}
