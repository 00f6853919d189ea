//! `GET /_backworks/metrics`: the monitor's counters in the Prometheus text exposition format
//! (version 0.0.4), which `promtool check metrics` accepts:
//!
//! ```text
//! # HELP backworks_http_requests_total Requests answered, by route template, method and status class.
//! # TYPE backworks_http_requests_total counter
//! backworks_http_requests_total{route="/posts/{id}",method="GET",status="2xx"} 12
//! # TYPE backworks_http_request_duration_seconds histogram
//! backworks_http_request_duration_seconds_bucket{route="/posts/{id}",method="GET",le="0.0001"} 3
//! …  le="+Inf"} 12, _sum …, _count 12
//! ```
//!
//! Only series that have counted something are written, so an idle service's page is short.
//! Label values are escaped as the format requires (`\\`, `\"`, `\n`).

use std::fmt::Write;

use super::Monitor;
use super::histogram::BOUNDS_US;
use super::route_stats::{CLASSES, METHODS};

/// The page's content type.
pub(crate) const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The whole page.
pub(crate) fn render(monitor: &Monitor) -> String {
    let mut out = String::with_capacity(4096);
    let service = format!(
        "service=\"{}\",version=\"{}\"",
        escape(monitor.name),
        escape(monitor.version)
    );
    header(
        &mut out,
        "backworks_service_info",
        "gauge",
        "The service's name and version.",
    );
    let _ = writeln!(out, "backworks_service_info{{{service}}} 1");
    header(
        &mut out,
        "backworks_process_uptime_seconds",
        "gauge",
        "Seconds since the server started.",
    );
    let _ = writeln!(
        out,
        "backworks_process_uptime_seconds {}",
        monitor.started.elapsed().as_secs_f64()
    );
    if let Some(bytes) = resident_memory_bytes() {
        header(
            &mut out,
            "process_resident_memory_bytes",
            "gauge",
            "Resident memory size in bytes.",
        );
        let _ = writeln!(out, "process_resident_memory_bytes {bytes}");
    }

    let mut counters = String::new();
    let mut histograms = String::new();
    monitor.routes.each(|route| {
        let route_label = escape(&route.template);
        for (method, stats) in METHODS.iter().zip(&route.methods) {
            let latency = stats.latency.snapshot();
            if latency.count() == 0 {
                continue;
            }
            let labels = format!("route=\"{route_label}\",method=\"{method}\"");
            for (class, count) in CLASSES.iter().zip(&stats.by_class) {
                let count = count.load(std::sync::atomic::Ordering::Relaxed);
                if count > 0 {
                    let _ = writeln!(
                        counters,
                        "backworks_http_requests_total{{{labels},status=\"{class}\"}} {count}"
                    );
                }
            }
            let mut cumulative = 0;
            for (at, count) in latency.buckets.iter().enumerate() {
                cumulative += count;
                let le = BOUNDS_US
                    .get(at)
                    .map_or_else(|| "+Inf".to_owned(), |us| seconds(*us));
                let _ = writeln!(
                    histograms,
                    "backworks_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                histograms,
                "backworks_http_request_duration_seconds_sum{{{labels}}} {}",
                latency.sum_us as f64 / 1_000_000.0
            );
            let _ = writeln!(
                histograms,
                "backworks_http_request_duration_seconds_count{{{labels}}} {cumulative}"
            );
        }
    });
    header(
        &mut out,
        "backworks_http_requests_total",
        "counter",
        "Requests answered, by route template, method and status class.",
    );
    out.push_str(&counters);
    header(
        &mut out,
        "backworks_http_request_duration_seconds",
        "histogram",
        "Time from receiving a request to its response, by route template and method.",
    );
    out.push_str(&histograms);
    out
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// A bucket bound in seconds, as short as it can be written exactly (`0.0001`, `2.5`, `10`).
fn seconds(micros: u64) -> String {
    let whole = micros / 1_000_000;
    let fraction = micros % 1_000_000;
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// A label value escaped for the text format.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// The process's resident memory, on Linux (`VmRSS` of `/proc/self/status`, which is in KiB
/// whatever the page size); `None` elsewhere, and the series is left out.
fn resident_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line
        .trim_start_matches("VmRSS:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_labels_are_written_as_the_format_wants() {
        assert_eq!(seconds(100), "0.0001");
        assert_eq!(seconds(2_500_000), "2.5");
        assert_eq!(seconds(10_000_000), "10");
        assert_eq!(escape(r#"/a"b\c"#), r#"/a\"b\\c"#);
        assert_eq!(escape("x\ny"), "x\\ny");
    }
}
