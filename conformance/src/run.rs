//! Running the corpus: compile every case, build one server holding all that compile, start it
//! and the Node harness with the same frozen clock, send every request to both and compare.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use backworks_tests::http::{Response, request};
use backworks_tests::server::{RunningServer, try_build_server};

use crate::case::{Case, CaseRequest};
use crate::compare::difference;

/// The instant both servers see as "now" (2026-03-04T05:06:07.089Z).
pub const FROZEN_TIME_MS: &str = "1772600767089";

/// The seed of the generator behind `Math.random()` and `crypto.randomUUID()` on both sides
/// (mulberry32; `runtime-lib/src/js/math.rs`, `harness/freeze.mjs`).
pub const FROZEN_RANDOM_SEED: &str = "20260304";

/// How one case fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The case id.
    pub case: String,
    /// `Ok` when every response matched; otherwise the first difference.
    pub result: Result<(), String>,
}

/// Runs every case, using `work` as scratch space. Returns one outcome per case, in order.
pub fn run_corpus(cases: &[Case], work: &Path) -> Vec<Outcome> {
    let mut failures: Vec<(String, String)> = Vec::new();
    let mut included: Vec<&Case> = Vec::new();
    for case in cases {
        match compile_alone(case, work) {
            Ok(()) => included.push(case),
            Err(error) => failures.push((case.id.clone(), error)),
        }
    }

    let out = work.join("all/out");
    let binary = loop {
        match build_combined(&included, work, &out) {
            Ok(binary) => break Some(binary),
            Err(BuildFailure::Cases(broken)) if !broken.is_empty() => {
                for (id, error) in broken {
                    included.retain(|case| case.id != id);
                    failures.push((id, error));
                }
            }
            Err(BuildFailure::Cases(_)) => break None,
            Err(BuildFailure::Other(error)) => {
                for case in included.drain(..) {
                    failures.push((case.id.clone(), error.clone()));
                }
                break None;
            }
        }
    };

    if let Some(binary) = binary
        && !included.is_empty()
    {
        // The server the `fetch/` cases call, one for both sides (`harness/upstream.mjs`).
        let upstream = start_upstream();
        let env = [
            ("BACKWORKS_FROZEN_TIME_MS", FROZEN_TIME_MS),
            ("BACKWORKS_FROZEN_RANDOM_SEED", FROZEN_RANDOM_SEED),
            ("CONFORMANCE_UPSTREAM", upstream.base_url.as_str()),
        ];
        let backworks = RunningServer::start_with_env(&binary, &env);
        let node = start_node(&included, work, &env);
        for case in &included {
            if let Err(error) = compare_case(case, &node.base_url, &backworks.base_url) {
                failures.push((case.id.clone(), error));
            }
        }
    }

    cases
        .iter()
        .map(|case| Outcome {
            case: case.id.clone(),
            result: match failures.iter().find(|(id, _)| *id == case.id) {
                Some((_, error)) => Err(error.clone()),
                None => Ok(()),
            },
        })
        .collect()
}

fn flat_name(case: &Case) -> String {
    case.id.replace(['/', '-', '.'], "_")
}

/// `file` as a path relative to `dir` (both absolute), so blueprints, diagnostics and the
/// summary carry no machine-specific prefix.
fn relative_to(dir: &Path, file: &Path) -> PathBuf {
    let dir: Vec<_> = dir.components().collect();
    let file: Vec<_> = file.components().collect();
    let common = dir.iter().zip(&file).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..dir.len() {
        relative.push("..");
    }
    for part in &file[common..] {
        relative.push(part);
    }
    relative
}

fn blueprint_for(dir: &Path, cases: &[&Case]) -> String {
    let mut yaml = String::from("name: conformance\nlimits:\n  timeout: 5s\nendpoints:\n");
    for case in cases {
        let methods: Vec<String> = case.methods();
        yaml.push_str(&format!(
            "  {}:\n    path: {:?}\n    methods: [{}]\n    handler: {:?}\n",
            flat_name(case),
            case.route,
            methods.join(", "),
            relative_to(dir, &case.file).display().to_string()
        ));
    }
    yaml
}

fn compile_alone(case: &Case, work: &Path) -> Result<(), String> {
    let dir = work.join("single").join(flat_name(case));
    std::fs::create_dir_all(&dir).map_err(|error| error.to_string())?;
    std::fs::write(dir.join("backworks.yaml"), blueprint_for(&dir, &[case]))
        .map_err(|error| error.to_string())?;
    backworks_tests::compile(&dir)
        .map(|_| ())
        .map_err(|diagnostics| format!("does not compile: {}", first_lines(&diagnostics, 6)))
}

enum BuildFailure {
    /// These cases' generated Rust does not compile.
    Cases(Vec<(String, String)>),
    /// Something unrelated to any one case.
    Other(String),
}

fn build_combined(cases: &[&Case], work: &Path, out: &Path) -> Result<PathBuf, BuildFailure> {
    let dir = work.join("all");
    std::fs::create_dir_all(&dir).map_err(|error| BuildFailure::Other(error.to_string()))?;
    std::fs::write(dir.join("backworks.yaml"), blueprint_for(&dir, cases))
        .map_err(|error| BuildFailure::Other(error.to_string()))?;
    let compiled = backworks_tests::compile(&dir).map_err(BuildFailure::Other)?;
    compiled
        .tree
        .write(out)
        .map_err(|error| BuildFailure::Other(error.to_string()))?;
    let errors = match try_build_server(out) {
        Ok(binary) => return Ok(binary),
        Err(errors) => errors,
    };
    // Blame the handler modules rustc complains about: each generated module's first line
    // names the handler file it came from.
    let mut broken = Vec::new();
    for (path, text) in compiled.tree.files() {
        let path = path.to_string_lossy();
        let Some(module) = path.strip_prefix("server/") else {
            continue;
        };
        if !module.starts_with("src/js/") || !errors.contains(module) {
            continue;
        }
        let header = text.lines().next().unwrap_or_default();
        for case in cases {
            if header.contains(&relative_to(&dir, &case.file).display().to_string()) {
                let messages: Vec<&str> = errors
                    .lines()
                    .filter(|line| line.contains(module))
                    .take(3)
                    .collect();
                broken.push((
                    case.id.clone(),
                    format!("generated Rust does not compile: {}", messages.join(" | ")),
                ));
            }
        }
    }
    if broken.is_empty() {
        Err(BuildFailure::Other(format!(
            "the server does not compile: {}",
            first_lines(&errors, 8)
        )))
    } else {
        Err(BuildFailure::Cases(broken))
    }
}

fn start_node(cases: &[&Case], work: &Path, env: &[(&str, &str)]) -> RunningServer {
    let routes: Vec<serde_json::Value> = cases
        .iter()
        .flat_map(|case| {
            case.methods().into_iter().map(|method| {
                serde_json::json!({ "method": method, "path": case.route, "module": case.file })
            })
        })
        .collect();
    let routes_file = work.join("routes.json");
    std::fs::write(
        &routes_file,
        serde_json::to_string_pretty(&routes).expect("JSON"),
    )
    .expect("routes written");
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("harness/server.mjs");
    let mut command = Command::new("node");
    command.arg(harness).arg(&routes_file);
    RunningServer::spawn(command, env, "listening on http://127.0.0.1:")
}

/// The upstream HTTP server of the `fetch/` cases, whose base URL both servers read from
/// `CONFORMANCE_UPSTREAM`.
fn start_upstream() -> RunningServer {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("harness/upstream.mjs");
    let mut command = Command::new("node");
    command.arg(script);
    RunningServer::spawn(command, &[], "listening on http://127.0.0.1:")
}

fn compare_case(case: &Case, node: &str, backworks: &str) -> Result<(), String> {
    let mut index = 0;
    while index < case.requests.len() {
        // A request alone, or the whole concurrent group it starts.
        let group = case.requests[index]
            .concurrent
            .map(|concurrent| concurrent.group);
        let count = match group {
            Some(group) => case.requests[index..]
                .iter()
                .take_while(|request| {
                    request.concurrent.map(|concurrent| concurrent.group) == Some(group)
                })
                .count(),
            None => 1,
        };
        let batch = &case.requests[index..index + count];
        let expected = send_batch(case, batch, node);
        let actual = send_batch(case, batch, backworks);
        for (offset, (expected, actual)) in expected.iter().zip(&actual).enumerate() {
            if let Some(difference) = difference(expected, actual) {
                let case_request = &batch[offset];
                return Err(format!(
                    "request {} ({} {}{}): {difference}",
                    index + offset + 1,
                    case_request.method,
                    case.base_path(),
                    case_request.suffix
                ));
            }
        }
        index += count;
    }
    Ok(())
}

/// Sends `batch` to the server at `base`: one request, or a concurrent group whose requests
/// start `stagger_ms` apart on threads of their own. Answers come back in the batch's order.
fn send_batch(case: &Case, batch: &[CaseRequest], base: &str) -> Vec<Response> {
    let stagger = Duration::from_millis(
        batch[0]
            .concurrent
            .map_or(0, |concurrent| concurrent.stagger_ms),
    );
    std::thread::scope(|scope| {
        let started = Instant::now();
        let sending: Vec<_> = batch
            .iter()
            .enumerate()
            .map(|(position, case_request)| {
                let start = started + stagger * u32::try_from(position).unwrap_or(u32::MAX);
                scope.spawn(move || {
                    std::thread::sleep(start.saturating_duration_since(Instant::now()));
                    send(case, case_request, base)
                })
            })
            .collect();
        sending
            .into_iter()
            .map(|thread| thread.join().expect("the request thread finishes"))
            .collect()
    })
}

fn send(case: &Case, case_request: &CaseRequest, base: &str) -> Response {
    let url = format!("{base}{}{}", case.base_path(), case_request.suffix);
    match &case_request.body {
        Some((content_type, body)) => request(
            &case_request.method,
            &url,
            &[("content-type", content_type)],
            Some(body),
        ),
        None => request(&case_request.method, &url, &[], None),
    }
}

/// The first `count` non-empty lines of `text` on one line, each cut at 160 characters (a
/// minified package file is one line of many kilobytes, caret line included).
fn first_lines(text: &str, count: usize) -> String {
    const WIDTH: usize = 160;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .take(count)
        .map(|line| match line.char_indices().nth(WIDTH) {
            Some((cut, _)) => format!("{}…", &line[..cut]),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}
