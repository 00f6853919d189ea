//! The monitor's HTTP routes, each behind the [`Gate`]:
//!
//! ```text
//! GET /_backworks/metrics                 Prometheus text (prometheus.rs)
//! GET /_backworks/monitor/summary         {"service":{…},"uptime_s",…,"rate":{…},"routes":[…]}
//! GET /_backworks/monitor/requests?limit=50&before=<seq>&method=GET&status=5xx&path=/posts
//!     ─▶ {"requests":[newest first …],"next":<seq to pass as before>|null,"latest":<seq>}
//! GET /_backworks/monitor/requests?after=<latest seen>   what arrived since (a live log polls)
//! ```
//!
//! `status` is a code (`404`) or a class (`4xx`); `path` keeps requests whose path contains
//! it; `method` is compared ignoring case. Unknown or repeated parameters are a 400 naming
//! the parameter, so a typo is not silently an unfiltered page.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use serde_json::{Value, json};

use super::histogram::Snapshot;
use super::route_stats::{CLASSES, METHODS};
use super::{Gate, METRICS_PATH, Monitor, REQUESTS_PATH, SUMMARY_PATH, prometheus};
use crate::http::envelope::EndpointName;
use crate::http::errors::HttpError;

/// How many seconds of per-second rates the summary carries (the ring keeps ten minutes).
const RATE_SPAN_S: usize = 300;
/// Pages of requests: default and largest size.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = super::CAPACITY;

/// The routes to mount: the metrics always, the monitor's when `with_monitor`.
pub(crate) fn routes(
    monitor: Arc<Monitor>,
    gate: Gate,
    with_monitor: bool,
) -> Vec<(&'static str, MethodRouter)> {
    let mut routes = vec![(
        METRICS_PATH,
        guarded(
            monitor.clone(),
            gate.clone(),
            "_backworks/metrics",
            |monitor, _| {
                (
                    [(CONTENT_TYPE, prometheus::CONTENT_TYPE)],
                    prometheus::render(monitor),
                )
                    .into_response()
            },
        ),
    )];
    if with_monitor {
        routes.push((
            SUMMARY_PATH,
            guarded(
                monitor.clone(),
                gate.clone(),
                "_backworks/monitor/summary",
                |m, _| axum::Json(summary(m)).into_response(),
            ),
        ));
        routes.push((
            REQUESTS_PATH,
            guarded(
                monitor,
                gate,
                "_backworks/monitor/requests",
                |m, query| match requests(m, query) {
                    Ok(page) => axum::Json(page).into_response(),
                    Err(error) => error.into_response(),
                },
            ),
        ));
    }
    routes
}

/// A `GET` route answering with `answer` once the gate admits the caller.
fn guarded(
    monitor: Arc<Monitor>,
    gate: Gate,
    name: &'static str,
    answer: fn(&Monitor, Option<&str>) -> Response,
) -> MethodRouter {
    get(move |req: Request| async move {
        let mut response = match gate.check(req.headers(), req.extensions()).await {
            Ok(()) => answer(&monitor, req.uri().query()),
            Err(refused) => refused,
        };
        response.extensions_mut().insert(EndpointName(name));
        // Request details and counters are nobody's to cache.
        response.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        response
    })
}

fn summary(monitor: &Monitor) -> Value {
    let now = monitor.second(std::time::Instant::now());
    let requests = monitor.requests.read(now, RATE_SPAN_S);
    let errors = monitor.server_errors.read(now, RATE_SPAN_S);
    // The last complete minute (or less, just after start), the running second left out.
    let uptime_s = monitor.started.elapsed().as_secs_f64();
    let window = (now as usize).clamp(1, 60);
    let recent: u64 = requests[..RATE_SPAN_S - 1].iter().rev().take(window).sum();
    let first_second = monitor.started_at_ms / 1_000 + u64::from(now) + 1 - RATE_SPAN_S as u64;
    let mut overall = Snapshot::default();
    let mut totals = [0u64; 5];
    let mut routes = Vec::new();
    monitor.routes.each(|route| {
        for (at, stats) in route.methods.iter().enumerate() {
            let latency = stats.latency.snapshot();
            if latency.count() == 0 {
                continue;
            }
            overall.merge(&latency);
            let mut by_class = serde_json::Map::new();
            for (class, count) in CLASSES.iter().zip(&stats.by_class) {
                let count = count.load(std::sync::atomic::Ordering::Relaxed);
                totals[super::route_stats::class_of(class_status(class))] += count;
                by_class.insert((*class).to_owned(), count.into());
            }
            routes.push(json!({
                "route": &*route.template,
                "method": METHODS[at],
                "endpoint": route.endpoints[at],
                "requests": latency.count(),
                "status": by_class,
                "latency_ms": latency_json(&latency),
            }));
        }
    });
    let total: u64 = totals.iter().sum();
    let ratio = |count: u64| {
        if total == 0 {
            0.0
        } else {
            count as f64 / total as f64
        }
    };
    json!({
        "service": { "name": monitor.name, "version": monitor.version },
        "started_at": crate::js::date::to_iso_string(monitor.started_at_ms as f64),
        "uptime_s": uptime_s,
        "requests": total,
        "server_errors": totals[4],
        "client_errors": totals[3],
        "error_rate": ratio(totals[4]),
        "requests_per_s": recent as f64 / window as f64,
        "latency_ms": latency_json(&overall),
        "rate": {
            "interval_s": 1,
            "start": first_second,
            "requests": requests,
            "server_errors": errors,
        },
        "recent_requests": monitor.recent.is_some(),
        "routes": routes,
    })
}

/// A status in `class` (`"2xx"` ─▶ 200).
fn class_status(class: &str) -> u16 {
    u16::from(class.as_bytes()[0] - b'0') * 100
}

fn latency_json(latency: &Snapshot) -> Value {
    json!({
        "p50": latency.quantile_ms(0.5),
        "p95": latency.quantile_ms(0.95),
        "p99": latency.quantile_ms(0.99),
        "mean": latency.mean_ms(),
    })
}

/// What `/requests` filters by.
struct Filter {
    method: Option<String>,
    path: Option<String>,
    status: Option<(u16, u16)>,
}

fn requests(monitor: &Monitor, query: Option<&str>) -> Result<Value, HttpError> {
    let Some(recent) = &monitor.recent else {
        return Ok(json!({ "requests": [], "next": null }));
    };
    let mut params: HashMap<String, String> = HashMap::new();
    let pairs = form_pairs(query.unwrap_or_default()).ok_or_else(|| {
        bad(
            "invalid_query",
            "the query string is not form-encoded".to_owned(),
        )
    })?;
    for (name, value) in pairs {
        if !matches!(
            name.as_str(),
            "limit" | "before" | "after" | "method" | "path" | "status"
        ) {
            return Err(bad(
                "unknown_parameter",
                format!("unknown parameter `{name}`"),
            ));
        }
        if params.insert(name.clone(), value).is_some() {
            return Err(bad(
                "repeated_parameter",
                format!("`{name}` is given twice"),
            ));
        }
    }
    let limit = match params.get("limit") {
        None => DEFAULT_LIMIT,
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|limit| (1..=MAX_LIMIT).contains(limit))
            .ok_or_else(|| bad("invalid_limit", format!("`limit` is 1 to {MAX_LIMIT}")))?,
    };
    let before = params
        .get("before")
        .map(|text| text.parse::<u64>())
        .transpose()
        .map_err(|_| bad("invalid_before", "`before` is a request's `seq`".to_owned()))?;
    let after = params
        .get("after")
        .map(|text| text.parse::<u64>())
        .transpose()
        .map_err(|_| bad("invalid_after", "`after` is a request's `seq`".to_owned()))?;
    let status = params
        .get("status")
        .map(|text| status_range(text))
        .transpose()?;
    let filter = Filter {
        method: params.get("method").map(|m| m.to_ascii_uppercase()),
        path: params.get("path").cloned(),
        status,
    };
    let latest = recent.latest();
    let page = recent.page(before, after, limit, |entry| {
        filter
            .method
            .as_ref()
            .is_none_or(|m| m == entry.method.as_str())
            && filter
                .path
                .as_ref()
                .is_none_or(|p| entry.path.contains(p.as_str()))
            && filter
                .status
                .is_none_or(|(low, high)| (low..=high).contains(&entry.status))
    });
    let next = (page.len() == limit)
        .then(|| page.last().map(|entry| entry.seq))
        .flatten();
    Ok(json!({
            "requests": page.iter().map(|entry| entry.to_json()).collect::<Vec<_>>(),
            "next": next,
            "latest": latest,
    }))
}

/// `404` ─▶ 404..=404, `4xx` ─▶ 400..=499.
fn status_range(text: &str) -> Result<(u16, u16), HttpError> {
    let invalid = || {
        bad(
            "invalid_status",
            "`status` is a code (404) or a class (4xx)".to_owned(),
        )
    };
    let bytes = text.as_bytes();
    if bytes.len() != 3 || !(b'1'..=b'5').contains(&bytes[0]) {
        return Err(invalid());
    }
    if text[1..].eq_ignore_ascii_case("xx") {
        let low = u16::from(bytes[0] - b'0') * 100;
        return Ok((low, low + 99));
    }
    text.parse::<u16>()
        .map(|code| (code, code))
        .map_err(|_| invalid())
}

fn bad(code: &'static str, message: String) -> HttpError {
    HttpError::BadRequest { code, message }
}

/// The query's pairs, decoded as forms are; `None` when it is not form-encoded.
fn form_pairs(query: &str) -> Option<Vec<(String, String)>> {
    let uri = format!("/?{query}").parse().ok()?;
    axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&uri)
        .ok()
        .map(|axum::extract::Query(pairs)| pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_filter_by_code_or_class() {
        assert_eq!(status_range("404").ok(), Some((404, 404)));
        assert_eq!(status_range("5xx").ok(), Some((500, 599)));
        assert_eq!(status_range("2XX").ok(), Some((200, 299)));
        assert!(status_range("600").is_err());
        assert!(status_range("4x").is_err());
    }
}
