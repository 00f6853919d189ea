//! Differential test: every case in `tests/differential/cases/` runs its handler compiled to
//! Rust and in Node, with the same requests in the same order, and the responses must be
//! byte-identical.
//!
//! All cases are compiled into one throwaway Cargo project (one module per case, each with its
//! own isolate) built in the workspace's `target/` so dependencies are reused. The Node side is
//! `tests/harness/run.mjs`. The clock is frozen on both sides (`BACKWORKS_FROZEN_TIME_MS`).
//! The outcome is written to `tests/differential/SUMMARY.md`.

use std::path::{Path, PathBuf};
use std::process::Command;

use backworks_diagnostics::{SourceId, Sources};
use backworks_js::{ExportKind, HandlerSource, Language, SourceLoader, compile};
use quote::{format_ident, quote};

const FROZEN_TIME_MS: &str = "1767225600000";

struct FsLoader<'a>(&'a mut Sources);

impl SourceLoader for FsLoader<'_> {
    fn load(&mut self, path: &Path) -> Result<(SourceId, String), String> {
        let text = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
        Ok((self.0.add(path, text.clone()), text))
    }

    fn embed(&mut self, path: &Path, text: &str) -> SourceId {
        self.0.add(path, text)
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn pretty(items: &proc_macro2::TokenStream) -> String {
    prettyplease::unparse(&syn::parse2::<syn::File>(items.clone()).expect("valid Rust"))
}

fn pairs(value: &serde_json::Value) -> Vec<(String, String)> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .map(|pair| {
                    (
                        pair[0].as_str().unwrap_or_default().to_string(),
                        pair[1].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn compiled_handlers_match_node() {
    let root = repo_root();
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut case_files: Vec<PathBuf> = std::fs::read_dir(here.join("differential/cases"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    case_files.sort();

    let project = root.join("target/backworks-js-differential");
    let _ = std::fs::remove_dir_all(project.join("src"));
    std::fs::create_dir_all(project.join("src/js")).unwrap();

    let mut case_mods = Vec::new();
    let mut calls = Vec::new();
    // For each request, in output order: a documented reason why it differs from Node, if any.
    let mut known: Vec<Option<String>> = Vec::new();
    for case_file in &case_files {
        let spec: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case_file).unwrap()).unwrap();
        let name = spec["name"].as_str().unwrap().to_string();
        let handler_path = root.join(spec["handler"].as_str().unwrap());
        let mut sources = Sources::new();
        let text = match spec["inline"].as_str() {
            Some(inline) => inline.to_string(),
            None => std::fs::read_to_string(&handler_path).unwrap(),
        };
        let source = sources.add(&handler_path, text.clone());
        let handler = HandlerSource {
            source,
            text,
            path: handler_path.clone(),
            language: Language::JavaScript,
        };
        let program = match compile(&[handler], &mut FsLoader(&mut sources)) {
            Ok(program) => program,
            Err(diagnostics) => panic!(
                "case {name} does not compile:\n{}",
                backworks_diagnostics::render_all(&diagnostics, &sources)
            ),
        };
        let case_dir = project.join("src/js").join(&name);
        std::fs::create_dir_all(&case_dir).unwrap();
        let mut mod_rs = String::new();
        for module in &program.modules {
            mod_rs.push_str(&format!("pub mod {};\n", module.rust_name));
            std::fs::write(
                case_dir.join(format!("{}.rs", module.rust_name)),
                pretty(&module.items),
            )
            .unwrap();
        }
        mod_rs.push_str(&pretty(&program.support));
        std::fs::write(case_dir.join("mod.rs"), mod_rs).unwrap();
        let case_ident = format_ident!("{}", name);
        case_mods.push(quote!(pub mod #case_ident;));

        let entry_module = &program.modules[program.entries[0]];
        let module_ident = format_ident!("{}", entry_module.rust_name);
        for (index, request) in spec["requests"].as_array().unwrap().iter().enumerate() {
            known.push(request["known_difference"].as_str().map(str::to_string));
            let wanted = request["entry"].as_str().unwrap_or("default");
            let export = entry_module
                .exports
                .iter()
                .find(|export| match &export.kind {
                    ExportKind::Default => wanted == "default",
                    ExportKind::Method(method) => method == wanted,
                })
                .unwrap_or_else(|| panic!("case {name}: no `{wanted}` export"));
            let entry = format_ident!("{}", export.entry);
            let method = request["method"].as_str().unwrap_or("GET");
            let path = request["path"].as_str().unwrap_or("/");
            let tuple = |list: Vec<(String, String)>| {
                let items = list.iter().map(|(key, value)| quote!((#key, #value)));
                quote!(&[#(#items),*])
            };
            let path_params = tuple(pairs(&request["path_params"]));
            let query_params = tuple(pairs(&request["query_params"]));
            let headers = tuple(pairs(&request["headers"]));
            let body = if let Some(json) = request["json"].as_str() {
                quote!(RequestBody::Json(#json.to_string()))
            } else if let Some(text) = request["text"].as_str() {
                quote!(RequestBody::Text(#text.to_string()))
            } else {
                quote!(RequestBody::Empty)
            };
            calls.push(quote! {
                run(#name, #index, js::#case_ident::#module_ident::#entry, #method, #path,
                    #path_params, #query_params, #headers, #body);
            });
        }
    }

    let js_mod = quote!(#(#case_mods)*);
    std::fs::write(project.join("src/js/mod.rs"), pretty(&js_mod)).unwrap();
    let main = quote! {
        mod js;

        use backworks_runtime::contract::{Handler, HandlerCall, HandlerError, HandlerRequest, RequestBody, ResponseBody};
        use backworks_runtime::js::Value;

        fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
            list.iter().map(|(key, value)| (key.to_string(), value.to_string())).collect()
        }

        #[allow(clippy::too_many_arguments)]
        fn run(
            case: &str, index: usize, handler: Handler, method: &str, path: &str,
            path_params: &[(&str, &str)], query_params: &[(&str, &str)], headers: &[(&str, &str)],
            body: RequestBody,
        ) {
            let request = HandlerRequest {
                method: method.to_string(),
                path: path.to_string(),
                path_params: owned(path_params),
                query_params: owned(query_params),
                headers: owned(headers),
                body,
                request_id: "test".to_string(),
                deadline: std::time::Instant::now() + std::time::Duration::from_secs(5),
                typed_params: &[],
                user: None,
                recording: None,
            };
            let mut fields = vec![("case", Value::str(case)), ("request", Value::from(index))];
            // A handler on an event-loop thread answers later; wait for it.
            let result = match handler(request) {
                HandlerCall::Ready(result) => result,
                HandlerCall::Pending(answer) => answer.blocking_recv().unwrap_or_else(|_| {
                    Err(HandlerError::Panicked { message: "no answer".to_string() })
                }),
            };
            match result {
                Ok(response) => {
                    let headers = response.headers.iter()
                        .map(|(name, value)| Value::array(vec![Value::str(name), Value::str(value)]))
                        .collect();
                    let body = match response.body {
                        ResponseBody::Empty => Value::object([("kind", Value::str("empty"))]),
                        ResponseBody::Text(text) => Value::object([("kind", Value::str("text")), ("text", Value::str(&text))]),
                        ResponseBody::Json(text) => Value::object([("kind", Value::str("json")), ("text", Value::str(&text))]),
                    };
                    fields.push(("status", Value::from(response.status as usize)));
                    fields.push(("headers", Value::array(headers)));
                    fields.push(("body", body));
                }
                Err(error) => {
                    let error = match error {
                        HandlerError::BadRequest { code, message } => Value::object([
                            ("kind", Value::str("bad_request")), ("code", Value::str(code)), ("message", Value::str(&message)),
                        ]),
                        HandlerError::Thrown { name, message, .. } => Value::object([
                            ("kind", Value::str("thrown")), ("name", Value::str(&name)), ("message", Value::str(&message)),
                        ]),
                        HandlerError::StackOverflow => Value::object([("kind", Value::str("stack_overflow"))]),
                        HandlerError::Timeout { .. } => Value::object([("kind", Value::str("timeout"))]),
                        HandlerError::Panicked { message } => Value::object([
                            ("kind", Value::str("panicked")), ("message", Value::str(&message)),
                        ]),
                    };
                    fields.push(("error", error));
                }
            }
            let line = backworks_runtime::js::json::stringify(&Value::object(fields), &Value::Undefined)
                .expect("plain data")
                .expect("an object");
            println!("{line}");
        }

        fn main() {
            // Handlers run on tokio worker threads, whose stacks are 2 MiB.
            std::thread::Builder::new()
                .stack_size(2 * 1024 * 1024)
                .spawn(|| { #(#calls)* })
                .expect("a thread")
                .join()
                .expect("no panic");
        }
    };
    std::fs::write(project.join("src/main.rs"), pretty(&main)).unwrap();
    let manifest = format!(
        "[package]\nname = \"backworks-js-differential\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nbackworks-runtime = {{ path = {:?} }}\n\n[workspace]\n",
        root.join("runtime-lib").display().to_string()
    );
    std::fs::write(project.join("Cargo.toml"), manifest).unwrap();
    if !project.join("Cargo.lock").exists() {
        std::fs::copy(root.join("Cargo.lock"), project.join("Cargo.lock")).unwrap();
    }

    let build = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--manifest-path"])
        .arg(project.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root.join("target"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "the generated project does not build:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let compiled = Command::new(root.join("target/debug/backworks-js-differential"))
        .env("BACKWORKS_FROZEN_TIME_MS", FROZEN_TIME_MS)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    let node = Command::new("node")
        .arg("--import")
        .arg(here.join("harness/freeze-time.mjs"))
        .arg(here.join("harness/run.mjs"))
        .arg(&root)
        .args(&case_files)
        .env("BACKWORKS_FROZEN_TIME_MS", FROZEN_TIME_MS)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        node.status.success(),
        "node failed:\n{}",
        String::from_utf8_lossy(&node.stderr)
    );
    let compiled = String::from_utf8_lossy(&compiled.stdout).into_owned();
    let expected = String::from_utf8_lossy(&node.stdout).into_owned();
    let compiled_lines: Vec<&str> = compiled.lines().collect();
    let expected_lines: Vec<&str> = expected.lines().collect();

    let mut failures = Vec::new();
    let mut differences = Vec::new();
    for (index, want) in expected_lines.iter().enumerate() {
        let got = compiled_lines.get(index).copied().unwrap_or("<no output>");
        if got != *want {
            match known.get(index).cloned().flatten() {
                Some(reason) => {
                    differences.push(format!("- {reason}\n  node:     {want}\n  compiled: {got}"))
                }
                None => failures.push(format!("- node:     {want}\n  compiled: {got}")),
            }
        }
    }
    let passed = expected_lines.len() - failures.len() - differences.len();
    let summary = format!(
        "# Differential test summary\n\nGenerated by `cargo test -p backworks-js --test differential`.\n\n{passed} of {} requests in {} cases match Node byte for byte.\n\n{}\n\n{}\n",
        expected_lines.len(),
        case_files.len(),
        if failures.is_empty() {
            "No failures.".to_string()
        } else {
            format!("Failures:\n\n{}", failures.join("\n"))
        },
        if differences.is_empty() {
            "No known differences.".to_string()
        } else {
            format!(
                "Known differences (documented in the case files):\n\n{}",
                differences.join("\n")
            )
        }
    );
    std::fs::write(here.join("differential/SUMMARY.md"), &summary).unwrap();
    assert!(failures.is_empty(), "{summary}");
    assert_eq!(compiled_lines.len(), expected_lines.len(), "{compiled}");
}
