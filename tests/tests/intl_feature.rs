//! The runtime's `intl` feature (ICU4X and CLDR's data) is compiled into a server exactly when
//! its handlers use `Intl` or pass locales to a locale-sensitive method: the IR carries the
//! fact (`RuntimeNeeds::intl`) from the JavaScript compiler to the emitted manifest. And the
//! server built with it formats as Node does: the fixture's endpoints are requested over HTTP
//! in several locales, and every answer is compared, byte for byte, with what the same
//! handler gives in `node` (run by this test through the conformance harness's handler
//! contract, `conformance/harness/contract.mjs`), never with a copy of our own output.
//!
//! ```text
//! tests/fixtures/intl            new Intl.NumberFormat(locale, …)   → features = ["intl"]
//! tests/fixtures/default-locale  (5).toLocaleString()               → no intl
//! GET /numbers?locale=de  ──▶ built server ──▶ {"decimal":"1.234.567,891",…}
//!                         ──▶ node + contract.mjs ──▶ the same bytes
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use backworks_tests::http::get;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, workspace_root};

/// The locales every endpoint is asked for (the languages the `intl/` conformance cases cover).
const LOCALES: &[&str] = &["en", "de", "fr", "es", "ja", "zh"];

/// The fixture's endpoints that take `?locale=`, by handler file name.
const LOCALIZED: &[&str] = &["numbers", "dates", "collation", "plurals", "relative"];

fn intl_fixture() -> PathBuf {
    workspace_root().join("tests/fixtures/intl")
}

/// The generated `server/Cargo.toml` of a compiled project.
fn manifest_of(compiled: &backworks::pipeline::Compiled) -> String {
    compiled
        .tree
        .files()
        .find(|(name, _)| name.to_string_lossy() == "server/Cargo.toml")
        .map(|(_, text)| text.to_string())
        .expect("server/Cargo.toml is generated")
}

/// The features the manifest turns on for the runtime dependency (`backworks-runtime = { …,
/// features = [...] }`), in order; empty when it has none.
fn runtime_features(manifest: &str) -> Vec<String> {
    let line = manifest
        .lines()
        .find(|line| line.starts_with("backworks-runtime = "))
        .unwrap_or_else(|| panic!("the manifest depends on the runtime:\n{manifest}"));
    let Some((_, list)) = line.split_once("features = [") else {
        return Vec::new();
    };
    let list = list.split(']').next().unwrap_or_default();
    list.split(',')
        .map(|feature| feature.trim().trim_matches('"').to_string())
        .filter(|feature| !feature.is_empty())
        .collect()
}

fn compile_fixture(project: &Path) -> backworks::pipeline::Compiled {
    compile(project).unwrap_or_else(|diagnostics| panic!("the fixture compiles:\n{diagnostics}"))
}

#[test]
fn a_service_using_intl_links_the_intl_feature() {
    let compiled = compile_fixture(&intl_fixture());
    assert!(compiled.service.runtime_needs.intl);
    let manifest = manifest_of(&compiled);
    assert_eq!(runtime_features(&manifest), ["intl"], "{manifest}");
}

#[test]
fn a_service_without_intl_does_not_pay_for_it() {
    // Its handlers call toLocaleString(), toLocaleDateString() and localeCompare(b) without
    // locales: Node's en-US forms are built into every runtime.
    let compiled = compile_fixture(&workspace_root().join("tests/fixtures/default-locale"));
    assert!(!compiled.service.runtime_needs.intl);
    let manifest = manifest_of(&compiled);
    assert_eq!(runtime_features(&manifest), [] as [&str; 0], "{manifest}");
    // Nor does a service that never formats anything.
    let manifest = manifest_of(&compile_fixture(
        &workspace_root().join("tests/fixtures/async-io"),
    ));
    assert!(
        !runtime_features(&manifest).contains(&"intl".to_string()),
        "{manifest}"
    );
}

/// The intl fixture's server, compiled and built once for this file's tests.
fn intl_binary() -> &'static PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let compiled = compile_fixture(&intl_fixture());
        let out = workspace_root().join("target").join("e2e").join("intl");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

/// The request targets: every localized endpoint in every locale, dates also in other zones,
/// and the two endpoints without a locale.
fn targets() -> Vec<(String, String)> {
    let mut targets = Vec::new();
    for handler in LOCALIZED {
        for locale in LOCALES {
            targets.push((handler.to_string(), format!("/{handler}?locale={locale}")));
        }
    }
    for (locale, zone) in [
        ("en", "America/New_York"),
        ("de", "Asia/Tokyo"),
        ("ja", "UTC"),
        ("fr", "Asia/Kolkata"),
    ] {
        targets.push((
            "dates".to_string(),
            format!("/dates?locale={locale}&tz={zone}"),
        ));
    }
    targets.push(("price".to_string(), "/price?amount=1234.5".to_string()));
    targets.push(("plain".to_string(), "/plain".to_string()));
    targets
}

/// What Node answers: status, content type and body of each handler called with each target,
/// as the conformance harness serves them.
#[derive(Debug, PartialEq)]
struct Reply {
    status: u16,
    content_type: Option<String>,
    body: String,
}

fn node_replies(targets: &[(String, String)]) -> Vec<Reply> {
    let contract = workspace_root().join("conformance/harness/contract.mjs");
    let calls: Vec<serde_json::Value> = targets
        .iter()
        .map(|(handler, target)| {
            serde_json::json!({
                "module": intl_fixture().join("handlers").join(format!("{handler}.js")),
                "target": target,
            })
        })
        .collect();
    let script = r#"
        const [contract, calls] = process.argv.slice(1);
        const { loadHandler, splitTarget, contractRequest, answer, createContext } =
          await import(require("node:url").pathToFileURL(contract).href);
        const replies = [];
        for (const { module, target } of JSON.parse(calls)) {
          const handler = await loadHandler({ method: "GET", module });
          const { path, query } = splitTarget(target);
          const request = contractRequest({ method: "GET", path, query, headers: {}, params: {}, raw: "" });
          replies.push(await answer(handler, request, createContext()));
        }
        process.stdout.write(JSON.stringify(replies));
    "#;
    let output = Command::new("node")
        .arg("-e")
        .arg(format!("(async () => {{ {script} }})()"))
        .arg(&contract)
        .arg(serde_json::Value::Array(calls).to_string())
        // The runtime's default locale is en-US, as Node's is under an English system locale.
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "node failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let replies: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("node printed JSON");
    replies
        .as_array()
        .expect("a list of replies")
        .iter()
        .map(|reply| Reply {
            status: reply["status"].as_u64().expect("a status") as u16,
            content_type: reply["headers"]["content-type"]
                .as_str()
                .map(str::to_string),
            body: reply["text"].as_str().expect("a body").to_string(),
        })
        .collect()
}

#[test]
fn the_built_server_formats_with_icu_as_node_does() {
    let targets = targets();
    let expected = node_replies(&targets);
    assert_eq!(expected.len(), targets.len());
    let server = RunningServer::start(intl_binary());
    let mut differences = Vec::new();
    for ((_, target), node) in targets.iter().zip(&expected) {
        let response = get(&format!("{}{target}", server.base_url));
        let ours = Reply {
            status: response.status,
            content_type: response.header("content-type").map(str::to_string),
            body: response.body.clone(),
        };
        if &ours != node {
            differences.push(format!("GET {target}\n  node: {node:?}\n  ours: {ours:?}"));
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} answers differ from Node's:\n{}",
        differences.len(),
        targets.len(),
        differences.join("\n")
    );
    // The answers really are localized: the same number reads differently per locale, so a
    // server that ignored locales could not match Node above.
    let decimals: std::collections::BTreeSet<_> = expected[..LOCALES.len()]
        .iter()
        .map(|reply| reply.body.clone())
        .collect();
    assert_eq!(decimals.len(), LOCALES.len());
}
