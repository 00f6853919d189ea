//! The workloads: which request each sends, to which servers, and the wrk script that sends
//! it. The seven handler workloads are here: the first five are the examples' handlers and two
//! synthetic ones (CPU, module state); `report` and `page` are written the way application code
//! is written, not tuned for the compiler. The data workloads are in `data_workloads.rs`.
//!
//! Each wrk script ends with a `done` hook that prints one machine-readable line, so nothing
//! depends on wrk's human-oriented output:
//!
//! ```text
//! BENCH requests=441795 duration_us=10001234 p50_us=690 p99_us=1840 errors=0
//! ```

use crate::options::Options;
use crate::server::Implementation;

/// The two groups of workloads, which `--only` picks from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Handler files served five ways (`bench/workloads`).
    Handlers,
    /// Generated CRUD routes on a database, and a handler that waits (`bench/crud`, `bench/wait`).
    Data,
}

/// What serves a workload: which project, and on which database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum App {
    /// `bench/workloads` and the JavaScript adapters of its handler files.
    Handlers,
    /// `bench/crud`'s generated routes (and `bench/js-servers/crud-*.mjs`) on this engine.
    Crud(Engine),
    /// `bench/wait`'s handler, on the handler adapters too.
    Wait,
}

/// A database engine of the data workloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Engine {
    /// An SQLite file, a fresh copy of the seeded one for every run.
    Sqlite,
    /// A throw-away PostgreSQL cluster, a fresh database from the seeded template every run.
    Postgres,
}

/// One workload: a route and the request that loads it.
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
    /// Response headers left out of the comparison, because they hash a volatile field.
    pub(crate) volatile_headers: &'static [&'static str],
    /// Which group `--only` selects it by.
    pub(crate) group: Group,
    /// What serves it.
    pub(crate) app: App,
    /// The servers it runs on, in the order each round runs them.
    pub(crate) servers: &'static [Implementation],
    /// Open connections, when not the run's default.
    pub(crate) connections: Option<u32>,
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
    /// No body (GET), and the path cycles over `/books/{id}` for every id of the seeded table,
    /// in a stride of 7919 so that neighbouring requests read distant rows.
    BookIds,
    /// The same new book on every request (`NEW_BOOK`).
    NewBook,
}

/// The body of every `POST /books`.
pub(crate) const NEW_BOOK: &str =
    r#"{"title":"A new book","price":12.5,"status":"published","author":7}"#;

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
        volatile_headers: &[],
        group: Group::Handlers,
        app: App::Handlers,
        servers: &Implementation::ALL,
        connections: None,
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
        volatile_headers: &[],
        group: Group::Handlers,
        app: App::Handlers,
        servers: &Implementation::ALL,
        connections: None,
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
        volatile_headers: &[],
        group: Group::Handlers,
        app: App::Handlers,
        servers: &Implementation::ALL,
        connections: None,
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
        volatile_headers: &[],
        group: Group::Handlers,
        app: App::Handlers,
        servers: &Implementation::ALL,
        connections: None,
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
        volatile_headers: &[],
        group: Group::Handlers,
        app: App::Handlers,
        servers: &Implementation::ALL,
        connections: None,
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
        volatile_headers: &[],
        group: Group::Handlers,
        app: App::Handlers,
        servers: &Implementation::ALL,
        connections: None,
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
        volatile_headers: &[],
        group: Group::Handlers,
        app: App::Handlers,
        servers: &Implementation::ALL,
        connections: None,
    },
];

impl Workload {
    /// The body of the probe request (the first request a fresh server gets).
    pub(crate) fn probe_body(&self) -> Option<String> {
        match self.body {
            Body::None | Body::BookIds => None,
            Body::NewBook => Some(NEW_BOOK.to_owned()),
            Body::Document10k => Some(document_10k()),
            Body::Tally => Some(r#"{"key":"k0","amount":1}"#.to_owned()),
        }
    }

    /// The wrk Lua script for this workload.
    pub(crate) fn wrk_script(&self) -> String {
        let request = match self.body {
            Body::None => String::new(),
            Body::BookIds => "local n = 0\n\
                 request = function()\n\
                 \x20 n = n + 1\n\
                 \x20 return wrk.format(nil, \"/books/\" .. (n * 7919 % 100000 + 1))\n\
                 end\n"
                .to_owned(),
            Body::NewBook => format!(
                "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [==[{NEW_BOOK}]==]\n"
            ),
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

/// Every workload of `only` (all of them for `None`), handler workloads first.
pub(crate) fn all(only: Option<Group>) -> impl Iterator<Item = &'static Workload> {
    WORKLOADS
        .iter()
        .chain(crate::data_workloads::DATA_WORKLOADS)
        .filter(move |workload| only.is_none_or(|group| workload.group == group))
}

/// The workloads a run measures: its group, and its names if it names any.
pub(crate) fn selected(options: &Options) -> impl Iterator<Item = &'static Workload> + '_ {
    all(options.only).filter(|workload| {
        options.workloads.is_empty() || options.workloads.iter().any(|name| name == workload.name)
    })
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
        for workload in all(None) {
            assert!(workload.wrk_script().contains("BENCH requests="));
        }
    }
}
