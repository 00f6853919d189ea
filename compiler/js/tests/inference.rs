//! Snapshots of the responses inferred from handler code: targeted cases under
//! `tests/inference/` and every handler of the blog-api example. Each snapshot lists, per
//! export, the statuses with their JSON Schemas and whether inference saw every `return`.
//! TypeScript cases (`*.ts`) also list what their annotations declare: request bodies,
//! responses and named components.

use std::path::Path;

use backworks_diagnostics::Sources;
use backworks_ir::TypedBody;
use backworks_js::{
    ExportResponses, HandlerSource, InferredBody, Language, ModuleTypes, handler_types,
    infer_responses,
};

fn pretty(schema: &serde_json::Value) -> String {
    serde_json::to_string_pretty(schema)
        .unwrap_or_default()
        .replace('\n', "\n    ")
}

fn render_types(found: &ModuleTypes) -> String {
    let mut out = String::from("--- annotations\n");
    for export in &found.types.exports {
        let name = export.method.map_or("Default", |method| method.as_str());
        out.push_str(&format!("{name}\n"));
        if let Some(body) = &export.request_body {
            let required = if export.request_body_required {
                "required"
            } else {
                "optional"
            };
            out.push_str(&format!("  request body ({required}): {}\n", pretty(body)));
        }
        for response in &export.responses {
            let body = match &response.body {
                TypedBody::Json(schema) => pretty(schema),
                TypedBody::Text => "text".to_string(),
                TypedBody::Empty => "no body".to_string(),
            };
            out.push_str(&format!("  {}: {body}\n", response.status));
        }
    }
    for (name, schema) in &found.schemas {
        out.push_str(&format!("component {name}: {}\n", pretty(schema)));
    }
    out
}

fn render(responses: &[ExportResponses]) -> String {
    let mut out = String::new();
    for export in responses {
        out.push_str(&format!(
            "{:?} (complete: {})\n",
            export.kind, export.complete
        ));
        for response in &export.responses {
            let body = match &response.body {
                InferredBody::Json(schema) => {
                    serde_json::to_string_pretty(schema).unwrap_or_default()
                }
                InferredBody::Text => "text".to_string(),
                InferredBody::Empty => "no body".to_string(),
                InferredBody::TextOrJson(schema) => format!(
                    "text, or {}",
                    serde_json::to_string_pretty(schema).unwrap_or_default()
                ),
            };
            out.push_str(&format!(
                "  {}: {}\n",
                response.status,
                body.replace('\n', "\n  ")
            ));
        }
    }
    out
}

fn infer_file(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let mut sources = Sources::new();
    let source = sources.add(path, text.clone());
    let typescript = path.extension().is_some_and(|extension| extension == "ts");
    let handler = HandlerSource {
        source,
        text,
        path: path.to_path_buf(),
        language: if typescript {
            Language::TypeScript
        } else {
            Language::JavaScript
        },
    };
    let mut out = render(&infer_responses(&handler));
    if typescript {
        out.push_str(&render_types(&handler_types(&handler)));
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
fn inferred_responses_match_their_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../../snapshots/inference");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for file in files(&root.join("tests/inference")) {
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            insta::assert_snapshot!(name, infer_file(&file));
        }
        for file in files(&root.join("../../examples/blog-api/handlers")) {
            let name = format!("blog-api-{}", file.file_stem().unwrap().to_string_lossy());
            insta::assert_snapshot!(name, infer_file(&file));
        }
        for file in files(&root.join("../../examples/typed-notes/handlers")) {
            let name = format!(
                "typed-notes-{}",
                file.file_stem().unwrap().to_string_lossy()
            );
            insta::assert_snapshot!(name, infer_file(&file));
        }
    });
}
