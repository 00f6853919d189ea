//! Snapshots of the request inputs inferred from handler code: targeted cases under
//! `tests/requests/` and every handler of the hand-validated example. Each snapshot lists, per
//! export, the parameters read (with `required` and their JSON Schema) and the body's schema.
//! Whether the schemas admit only what Node's handler accepts is proven live, by schemathesis
//! against the compiled example (`tests/tests/schemathesis.rs`), and by running the patterns
//! against Node's own parsers (`inferred_number_patterns_admit_only_accepted_texts`).

use std::path::Path;

use backworks_diagnostics::Sources;
use backworks_js::{HandlerSource, Language, handler_inputs};

fn pretty(schema: &serde_json::Value) -> String {
    serde_json::to_string_pretty(schema)
        .unwrap_or_default()
        .replace('\n', "\n    ")
}

fn infer_file(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let mut sources = Sources::new();
    let source = sources.add(path, text.clone());
    let handler = HandlerSource {
        source,
        text,
        path: path.to_path_buf(),
        language: if path.extension().is_some_and(|extension| extension == "ts") {
            Language::TypeScript
        } else {
            Language::JavaScript
        },
    };
    let mut out = String::new();
    for export in handler_inputs(&handler).exports {
        let name = export.method.map_or("Default", |method| method.as_str());
        out.push_str(&format!("{name}\n"));
        for parameter in &export.parameters {
            out.push_str(&format!(
                "  {} {} ({}): {}\n",
                parameter.location.as_str(),
                parameter.name,
                if parameter.required {
                    "required"
                } else {
                    "optional"
                },
                pretty(&parameter.schema)
            ));
        }
        if let Some(body) = &export.body {
            out.push_str(&format!(
                "  body ({}): {}\n",
                if body.required {
                    "required"
                } else {
                    "optional"
                },
                pretty(&body.schema)
            ));
        }
    }
    out
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "js" || extension == "ts")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn inferred_requests_match_their_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../../snapshots/requests");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for file in files(&root.join("tests/requests")) {
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            insta::assert_snapshot!(name, infer_file(&file));
        }
        for file in files(&root.join("../../examples/hand-validated/handlers")) {
            let name = format!(
                "hand-validated-{}",
                file.file_stem().unwrap().to_string_lossy()
            );
            insta::assert_snapshot!(name, infer_file(&file));
        }
    });
}
