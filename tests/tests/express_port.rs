//! The Express-port proof (issue 15): an Express 5 app (`tests/fixtures/express-port/express/
//! app.js`, the real `express` package) and its Backworks port (the fixture's blueprint and
//! `handlers/`) hold the same route bodies, and answer the same requests alike.
//!
//! - Each route's logic sits between `// port: begin <name>` and `// port: end`; the text
//!   between the markers must be identical on both sides, so the port really is a copy.
//! - Both servers run with one environment and call one upstream (the conformance corpus's
//!   `harness/upstream.mjs`); the same sequence of requests — including invalid input, a
//!   malformed JSON body, a thrown error and webhook signatures that do not match — goes to
//!   both, and status, body bytes, the content type's media type and the headers the routes
//!   set must agree. Requests run in order: the routes share module state (the catalog, the
//!   orders, the figures the domain events keep), so later answers depend on earlier ones.
//!
//! The payment webhook is a signed form post, not JSON: Backworks parses a JSON body before the
//! handler runs and keeps no raw text of it, so a signature over a JSON body's bytes could not
//! be checked (listed in `docs/porting-from-express.md`).
//!
//! Express answers `res.json()` with `application/json; charset=utf-8`, Backworks with
//! `application/json` (JSON is UTF-8 by definition, RFC 8259, and the media type has no charset
//! parameter); a client relies on the media type, so that is what is compared.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use backworks_tests::http::{RawResponse, request_raw};
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, diagnostics_of, workspace_root};

fn fixture() -> PathBuf {
    workspace_root().join("tests/fixtures/express-port")
}

/// The environment both servers start with (the upstream's URL is added at run time). `TZ`
/// pins Node's local time to UTC, which is what the compiled server's local time is.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("TZ", "UTC"),
    ("SERVICE_NAME", "shop-api"),
    ("RELEASE", "2026.3.1"),
    ("PUBLIC_URL", "https://shop.example.com"),
    ("CDN_URL", "https://cdn.example.com/assets/"),
    ("PAYMENT_URL", "https://pay.example.net"),
    ("WEBHOOK_SECRET", "whsec_test_4f2a"),
    ("RATES_API_KEY", "rk_test_123"),
    ("UPSTREAM_TIMEOUT_MS", "150"),
    ("TOKEN_TTL", "15m"),
];

/// Headers a route sets itself; each must be absent on both sides or equal. (Each framework
/// adds others that are not the port's: Express `date` and `keep-alive`, Backworks
/// `x-request-id` and its security headers. Express's automatic weak `etag` is turned off in
/// the app, Backworks having none; see the comment there.)
const ROUTE_HEADERS: &[&str] = &["location", "etag", "x-total-count", "cache-control"];

const JSON: &[(&str, &str)] = &[("content-type", "application/json")];

/// One request of the sequence.
struct Exchange {
    method: &'static str,
    path: &'static str,
    headers: Vec<(&'static str, &'static str)>,
    body: Option<&'static str>,
}

fn get(path: &'static str) -> Exchange {
    Exchange {
        method: "GET",
        path,
        headers: Vec::new(),
        body: None,
    }
}

fn post(
    path: &'static str,
    headers: &[(&'static str, &'static str)],
    body: &'static str,
) -> Exchange {
    Exchange {
        method: "POST",
        path,
        headers: headers.to_vec(),
        body: Some(body),
    }
}

/// A payment-provider form post signed with `signature` (the `x-signature` header).
fn webhook(signature: &'static str, form: &'static str) -> Exchange {
    post(
        "/webhooks/payments",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("x-signature", signature),
        ],
        form,
    )
}

/// The requests, in order. The signatures are HMAC-SHA256 of the form under the fixture's
/// `WEBHOOK_SECRET`, computed once with Node (`crypto.createHmac("sha256", secret)
/// .update(form).digest("hex")`); the first is that of the paid form with its last digit
/// changed. The token is the one `GET /orders/ORD-00001/pay` puts in its redirect.
fn sequence() -> Vec<Exchange> {
    vec![
        get("/health"),
        get("/products"),
        get("/products?page=2"),
        get("/products?tag=Kitchen&per_page=1&page=2"),
        get("/products?page=0"),
        get("/products?per_page=abc"),
        get("/products/espresso-cup"),
        get("/products/teapot"),
        post(
            "/products",
            JSON,
            r#"{"name":"  Café Crème Mug ","price":"12.50","tags":["Kitchen"],"image":"uploads/Mug.JPG"}"#,
        ),
        post(
            "/products",
            JSON,
            r#"{"name":"Café Crème Mug","price":"12.50"}"#,
        ),
        post(
            "/products",
            JSON,
            r#"{"name":"x","price":"12.5","tags":["a1"],"image":"a.gif","addedAt":"yesterday"}"#,
        ),
        post("/products", JSON, r#""only a string""#),
        post("/products", JSON, r#"{"broken": "#),
        get("/products/cafe-creme-mug"),
        get("/products?tag=kitchen"),
        get("/products?tag=K%C3%BCche+Tools&per_page=50"),
        post(
            "/orders",
            JSON,
            r#"{"email":"Someone@Example.COM","lines":[{"product":"espresso-cup","quantity":2},{"product":"linen-apron","quantity":1}]}"#,
        ),
        post("/orders", JSON, "{}"),
        post("/orders", JSON, r#"{"email":"a@b.co","lines":[],"note":5}"#),
        post(
            "/orders",
            JSON,
            r#"{"email":"a@b.co","lines":[{"product":"","quantity":"2"},{"product":"espresso-cup","quantity":1.5}]}"#,
        ),
        post(
            "/orders",
            JSON,
            r#"{"email":"nope","lines":[{"product":"espresso-cup","quantity":1}]}"#,
        ),
        post(
            "/orders",
            JSON,
            r#"{"email":"a@b.co","lines":[{"product":"teapot","quantity":1}]}"#,
        ),
        post(
            "/orders",
            JSON,
            r#"{"email":"a@b.co","lines":[{"product":"espresso-cup","quantity":0}]}"#,
        ),
        // Over the order limit: the route's `assert.ok` throws, a 500 on both sides.
        post(
            "/orders",
            JSON,
            r#"{"email":"a@b.co","lines":[{"product":"espresso-cup","quantity":100000}]}"#,
        ),
        get("/orders/ORD-00001"),
        get("/orders/ORD-00042"),
        get("/quote?amount=12.50&currencies=usd,gbp,jpy"),
        get("/quote?amount=12.50&currencies=usd,xxy,abc"),
        get("/quote?amount=abc&currencies=usd"),
        get("/quote?amount=1"),
        get("/orders/ORD-00001/pay"),
        get("/orders/ORD-00042/pay"),
        get("/tokens/eyJvcmRlciI6Ik9SRC0wMDAwMSIsImNlbnRzIjo0NzMwLCJ0dGwiOjkwMH0"),
        get("/tokens/bm90IGpzb24"),
        // A percent-encoded path parameter: both decode it before the route reads it.
        get("/tokens/%E2%9C%93abc"),
        webhook(
            "sha256=41ce598272dd6546c79d7a040d4d4f0e230fbb38061b469ffb9fefda56a9fc1d",
            "order=ORD-00001&cents=4730&status=paid",
        ),
        webhook("sha1=zz", "order=ORD-00001&cents=4730&status=paid"),
        webhook(
            "sha256=27abf1714422575b668d9087af3fed5598157c5845e32ff19bfecd59c8a8bf82",
            "order=ORD-00001&cents=1&status=paid",
        ),
        webhook(
            "sha256=41ce598272dd6546c79d7a040d4d4f0e230fbb38061b469ffb9fefda56a9fc1c",
            "order=ORD-00001&cents=4730&status=paid",
        ),
        get("/rates/usd"),
        get("/rates/xyz"),
        // The upstream answers 503 three times: three attempts with back-off, then a 502.
        get("/inventory/sync"),
        // The upstream takes 3 s, past the 150 ms `AbortSignal.timeout`: a 504.
        get("/inventory/sync?slow=1"),
        get("/stats"),
    ]
}

/// The text between each `// port: begin <name>` line and the next `// port: end` line, by
/// name (the marker lines themselves included, indentation and all).
fn port_sections(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut sections = BTreeMap::new();
    let mut open: Option<(String, String)> = None;
    for line in text.split_inclusive('\n') {
        let marker = line.trim();
        if let Some(name) = marker.strip_prefix("// port: begin ") {
            if let Some((outer, _)) = &open {
                return Err(format!("`{name}` begins inside `{outer}`"));
            }
            open = Some((name.to_string(), line.to_string()));
        } else if let Some((name, mut section)) = open.take() {
            section.push_str(line);
            if marker == "// port: end" {
                if sections.insert(name.clone(), section).is_some() {
                    return Err(format!("`{name}` is marked twice"));
                }
            } else {
                open = Some((name, section));
            }
        } else if marker == "// port: end" {
            return Err("an end marker without a begin".to_string());
        }
    }
    match open {
        Some((name, _)) => Err(format!("`{name}` has no end marker")),
        None => Ok(sections),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn each_route_body_is_copied_unchanged_from_express() {
    let express = port_sections(&read(&fixture().join("express/app.js")))
        .unwrap_or_else(|error| panic!("express/app.js: {error}"));
    let mut ported = BTreeMap::new();
    let mut handlers: Vec<_> = std::fs::read_dir(fixture().join("handlers"))
        .expect("the fixture has handlers")
        .map(|entry| entry.expect("a handler").path())
        .collect();
    handlers.sort();
    for handler in handlers {
        let sections = port_sections(&read(&handler))
            .unwrap_or_else(|error| panic!("{}: {error}", handler.display()));
        assert_eq!(sections.len(), 1, "{} ports one route", handler.display());
        ported.extend(sections);
    }
    assert!(express.len() >= 8, "the app has {} routes", express.len());
    assert_eq!(
        express.keys().collect::<Vec<_>>(),
        ported.keys().collect::<Vec<_>>(),
        "every Express route is ported, and only those"
    );
    for (name, text) in &express {
        if let Some((line, (from_express, from_port))) = text
            .lines()
            .zip(ported[name].lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            panic!(
                "the port of `{name}` differs from the Express route's body at its line {}:\n  express: {from_express}\n  port:    {from_port}",
                line + 1
            );
        }
        assert_eq!(
            text, &ported[name],
            "the port of `{name}` has other lines than the Express route's body"
        );
    }
}

/// Starts a Node script as a server on a free port (`PORT`), waiting for its `ready` line.
fn node_server(script: &Path, env: &[(&str, &str)], ready: &str) -> RunningServer {
    let mut command = Command::new("node");
    command.arg(script).current_dir(fixture());
    RunningServer::spawn(command, env, ready)
}

/// What the comparison looks at, printed in full when the two sides differ.
fn describe(response: &RawResponse) -> String {
    let headers: Vec<String> = ROUTE_HEADERS
        .iter()
        .filter_map(|name| {
            response
                .header(name)
                .map(|value| format!("{name}: {value}"))
        })
        .collect();
    format!(
        "{} [{}] {{{}}} {}",
        response.status,
        response
            .media_type()
            .unwrap_or_else(|| "no content type".into()),
        headers.join(", "),
        String::from_utf8_lossy(&response.body)
    )
}

fn agree(express: &RawResponse, backworks: &RawResponse) -> bool {
    express.status == backworks.status
        && express.body == backworks.body
        && express.media_type() == backworks.media_type()
        && ROUTE_HEADERS
            .iter()
            .all(|name| express.header(name) == backworks.header(name))
}

/// Copying handlers over brings no noise: the packages' environment probes (`typeof define`,
/// lodash's `self`, zod's `File` and `navigator`) are not the user's to fix, so they do not warn.
#[test]
fn the_port_compiles_without_a_warning() {
    let diagnostics = diagnostics_of(&fixture());
    assert!(diagnostics.is_empty(), "the port warns:\n{diagnostics}");
}

#[test]
fn the_port_answers_every_request_as_the_express_app_does() {
    let project = fixture();
    let compiled = compile(&project)
        .unwrap_or_else(|diagnostics| panic!("the port does not compile:\n{diagnostics}"));
    let out = workspace_root().join("target/e2e/express-port");
    compiled.tree.write(&out).expect("output written");
    let binary = build_server(&out);

    let upstream = node_server(
        &workspace_root().join("conformance/harness/upstream.mjs"),
        &[],
        "upstream listening on http://127.0.0.1:",
    );
    let mut env = ENVIRONMENT.to_vec();
    env.push(("UPSTREAM_URL", &upstream.base_url));
    let express = node_server(
        &project.join("express/app.js"),
        &env,
        "listening on http://127.0.0.1:",
    );
    let backworks = RunningServer::start_with_env(&binary, &env);

    let mut differences = Vec::new();
    let requests = sequence();
    for exchange in &requests {
        let send = |base: &str| {
            request_raw(
                exchange.method,
                &format!("{base}{}", exchange.path),
                &exchange.headers,
                exchange.body,
            )
        };
        let from_express = send(&express.base_url);
        let from_backworks = send(&backworks.base_url);
        if !agree(&from_express, &from_backworks) {
            differences.push(format!(
                "{} {}\n  express:   {}\n  backworks: {}",
                exchange.method,
                exchange.path,
                describe(&from_express),
                describe(&from_backworks)
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} requests answered differently:\n{}",
        differences.len(),
        requests.len(),
        differences.join("\n")
    );
}

#[test]
fn port_markers_are_read_strictly() {
    let text = "a\n  // port: begin one\n  x\n  // port: end\nb\n";
    let sections = port_sections(text).expect("well marked");
    assert_eq!(
        sections["one"],
        "  // port: begin one\n  x\n  // port: end\n"
    );
    assert!(port_sections("// port: begin one\nx\n").is_err());
    assert!(port_sections("// port: end\n").is_err());
    assert!(port_sections("// port: begin a\n// port: begin b\n// port: end\n").is_err());
    assert!(
        port_sections("// port: begin a\n// port: end\n// port: begin a\n// port: end\n").is_err()
    );
}
