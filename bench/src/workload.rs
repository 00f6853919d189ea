//! The seven workloads: which request each sends, and the wrk script that sends it. The first
//! five are the examples' handlers and two synthetic ones (CPU, module state); `report` and
//! `page` are written the way application code is written, not tuned for the compiler.
//!
//! Each wrk script ends with a `done` hook that prints one machine-readable line, so nothing
//! depends on wrk's human-oriented output:
//!
//! ```text
//! BENCH requests=441795 duration_us=10001234 p50_us=690 p99_us=1840 errors=0
//! ```

/// One workload: a route of `bench/workloads` and the request that loads it.
pub(crate) struct Workload {
    /// Short name used in tables and file names.
    pub(crate) name: &'static str,
    /// What it exercises, for the report.
    pub(crate) about: &'static str,
    /// HTTP method.
    pub(crate) method: &'static str,
    /// The route as the blueprint declares it.
    pub(crate) route: &'static str,
    /// The request target wrk loads (route plus query).
    pub(crate) target: &'static str,
    /// The handler file under `bench/workloads/handlers/`.
    pub(crate) handler: &'static str,
    /// What the body of each request is.
    pub(crate) body: Body,
    /// Top-level JSON fields that legitimately differ between servers (the clock), masked when
    /// the servers' responses are compared.
    pub(crate) volatile: &'static [&'static str],
}

/// The request body of a workload.
#[derive(Clone, Copy)]
pub(crate) enum Body {
    /// No body (GET).
    None,
    /// The same ~10 KB JSON document on every request.
    Document10k,
    /// `{"key":"k<i>","amount":<1..3>}`, cycling over 16 keys so writes hit different entries.
    Tally,
}

pub(crate) const WORKLOADS: &[Workload] = &[
    Workload {
        name: "hello",
        about: "hello-world's GET /hello: a template string and the clock",
        method: "GET",
        route: "/hello",
        target: "/hello",
        handler: "hello.js",
        body: Body::None,
        volatile: &["timestamp"],
    },
    Workload {
        name: "search",
        about: "blog-api's GET /search: lower-casing, includes, map/filter/sort over posts",
        method: "GET",
        route: "/search",
        target: "/search?q=javascript%20rust",
        handler: "search.js",
        body: Body::None,
        volatile: &[],
    },
    Workload {
        name: "echo-10k",
        about: "hello-world's POST /echo with a 10 KB JSON body: parse and re-serialize",
        method: "POST",
        route: "/echo",
        target: "/echo",
        handler: "echo.js",
        body: Body::Document10k,
        volatile: &[],
    },
    Workload {
        name: "crunch",
        about: "CPU-heavy: sieve to 20000, 16×16 matrix square, sort of 2262 numbers",
        method: "GET",
        route: "/crunch",
        target: "/crunch",
        handler: "crunch.js",
        body: Body::None,
        volatile: &[],
    },
    Workload {
        name: "state",
        about: "module-level state under concurrent POSTs: counters, a ring, a reduce",
        method: "POST",
        route: "/record",
        target: "/record",
        handler: "record.js",
        body: Body::Tally,
        volatile: &[],
    },
    Workload {
        name: "report",
        about: "application-style report: 360 in-memory orders grouped with Map/Set/reduce, sorted with localeCompare, money via toFixed",
        method: "GET",
        route: "/report",
        target: "/report",
        handler: "report.js",
        body: Body::None,
        volatile: &[],
    },
    Workload {
        name: "page",
        about: "application-style HTML page (11.6 KB): template literals, a regex-replace escape function, a loop over 48 items",
        method: "GET",
        route: "/page",
        target: "/page?title=Spring%20%26%20Summer",
        handler: "page.js",
        body: Body::None,
        volatile: &[],
    },
];

impl Workload {
    /// The body of the probe request (the first request a fresh server gets).
    pub(crate) fn probe_body(&self) -> Option<String> {
        match self.body {
            Body::None => None,
            Body::Document10k => Some(document_10k()),
            Body::Tally => Some(r#"{"key":"k0","amount":1}"#.to_owned()),
        }
    }

    /// The wrk Lua script for this workload.
    pub(crate) fn wrk_script(&self) -> String {
        let request = match self.body {
            Body::None => String::new(),
            Body::Document10k => format!(
                "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [==[{}]==]\n",
                document_10k()
            ),
            Body::Tally => "wrk.method = \"POST\"\n\
                 wrk.headers[\"Content-Type\"] = \"application/json\"\n\
                 local n = 0\n\
                 request = function()\n\
                 \x20 n = n + 1\n\
                 \x20 local body = string.format('{\"key\":\"k%d\",\"amount\":%d}', n % 16, n % 3 + 1)\n\
                 \x20 return wrk.format(nil, nil, nil, body)\n\
                 end\n"
                .to_owned(),
        };
        format!("{request}{DONE_HOOK}")
    }
}

/// Prints the figures of the run as one `BENCH` line (latencies in microseconds).
const DONE_HOOK: &str = r#"done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%.0f p99_us=%.0f errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status))
end
"#;

/// A JSON document of a little over 10 KB: an array of small records, numbers written as
/// JavaScript writes them so every server's re-serialization is byte-identical.
pub(crate) fn document_10k() -> String {
    let items: Vec<String> = (0..112)
        .map(|i| {
            format!(
                r#"{{"id":{i},"name":"item-{i}","tags":["alpha","beta"],"price":{},"active":{},"note":null}}"#,
                js_number(f64::from(i) * 1.25),
                i % 2 == 0
            )
        })
        .collect();
    format!(
        r#"{{"order":"bench-10k","items":[{}],"total":{}}}"#,
        items.join(","),
        items.len()
    )
}

/// Quarter-integers as JavaScript prints them (`5`, `2.5`, `1.25`).
fn js_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_echo_document_is_about_10_kb_of_valid_json() {
        let document = document_10k();
        assert!(
            (10_000..11_000).contains(&document.len()),
            "{}",
            document.len()
        );
        serde_json::from_str::<serde_json::Value>(&document).unwrap();
    }

    #[test]
    fn every_script_reports_with_the_done_hook() {
        for workload in WORKLOADS {
            assert!(workload.wrk_script().contains("BENCH requests="));
        }
    }
}
