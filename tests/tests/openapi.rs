//! Every example's OpenAPI document passes two independent validators: the Python
//! `openapi-spec-validator` and Redocly's linter (`redocly lint`, recommended rules). Both are
//! installed by `scripts/test-all.sh`.

use std::path::Path;
use std::process::Command;

use backworks_tests::{EXAMPLES, compile, example, workspace_root};

/// Writes `name`'s document for the validator `reader`: each validator reads its own copy, since
/// the tests run at once and one must never read a file the other is rewriting.
fn write_document(name: &str, reader: &str) -> std::path::PathBuf {
    let compiled =
        compile(&example(name)).unwrap_or_else(|diagnostics| panic!("{name}:\n{diagnostics}"));
    let document = compiled
        .tree
        .get("openapi.json")
        .expect("the build emits openapi.json");
    let path = workspace_root()
        .join("target/openapi")
        .join(format!("{name}.{reader}.json"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, document).unwrap();
    path
}

fn run(program: &str, args: &[&str], document: &Path) -> (bool, String) {
    let output = Command::new(program)
        .args(args)
        .arg(document)
        .current_dir(workspace_root())
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run {program} ({error}); run scripts/test-all.sh to install it")
        });
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
fn documents_pass_openapi_spec_validator() {
    for name in EXAMPLES {
        let document = write_document(name, "spec-validator");
        let (ok, output) = run("openapi-spec-validator", &[], &document);
        assert!(
            ok,
            "{name}: openapi-spec-validator rejected the document:\n{output}"
        );
    }
}

#[test]
fn documents_pass_redocly_lint() {
    let redocly = workspace_root().join("node_modules/.bin/redocly");
    for name in EXAMPLES {
        let document = write_document(name, "redocly");
        let (ok, output) = run(
            redocly.to_str().unwrap(),
            &["lint", "--format=summary"],
            &document,
        );
        assert!(ok, "{name}: redocly lint found errors:\n{output}");
    }
}

#[test]
fn documents_describe_every_route_and_declaration() {
    let compiled = compile(&example("catalog")).expect("catalog compiles");
    let document: serde_json::Value =
        serde_json::from_str(compiled.tree.get("openapi.json").unwrap()).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["info"]["title"], "catalog");
    assert_eq!(document["servers"][0]["url"], "http://127.0.0.1:3003");
    let list = &document["paths"]["/products"]["get"];
    assert_eq!(list["operationId"], "list_products");
    let parameter_types: Vec<(&str, &str)> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|parameter| {
            (
                parameter["name"].as_str().unwrap(),
                parameter["schema"]["type"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        parameter_types,
        [
            ("category", "string"),
            ("min_price", "number"),
            ("max_price", "number"),
            ("in_stock", "boolean"),
            ("q", "string"),
            ("limit", "integer")
        ]
    );
    assert_eq!(
        document["paths"]["/products"]["post"]["requestBody"]["content"]["application/json"]["schema"]
            ["$ref"],
        "#/components/schemas/NewProduct"
    );
    assert_eq!(
        document["paths"]["/products/{id}"]["get"]["responses"]["404"]["content"]["application/json"]
            ["schema"]["$ref"],
        "#/components/schemas/NotFound"
    );
    assert!(
        document["components"]["schemas"]["ProductList"]["properties"]["products"]["items"]["$ref"]
            .as_str()
            .is_some_and(|reference| reference == "#/components/schemas/Product")
    );
    // Endpoints serving several methods get one operation each, with distinct ids.
    let blog = compile(&example("blog-api")).expect("blog-api compiles");
    let blog: serde_json::Value =
        serde_json::from_str(blog.tree.get("openapi.json").unwrap()).unwrap();
    assert_eq!(
        blog["paths"]["/posts/{id}/comments"]["get"]["operationId"],
        "comments_get"
    );
    assert_eq!(
        blog["paths"]["/posts/{id}/comments"]["post"]["operationId"],
        "comments_post"
    );
}

#[test]
fn blueprint_declarations_win_over_typescript_annotations_which_win_over_inference() {
    let project = workspace_root().join("tests/fixtures/typescript-precedence");
    let compiled = compile(&project).unwrap_or_else(|diagnostics| panic!("{diagnostics}"));
    let document: serde_json::Value =
        serde_json::from_str(compiled.tree.get("openapi.json").unwrap()).unwrap();
    let schema = |operation: &str, pointer: &str| {
        document["paths"][operation]
            .pointer(pointer)
            .cloned()
            .unwrap_or_else(|| panic!("{operation}{pointer} missing"))
    };
    // The blueprint's `request` and `responses` win over the handler's annotations.
    assert_eq!(
        schema(
            "/declared",
            "/post/requestBody/content/application~1json/schema/$ref"
        ),
        "#/components/schemas/Note"
    );
    assert_eq!(
        schema(
            "/declared",
            "/post/responses/200/content/application~1json/schema/$ref"
        ),
        "#/components/schemas/Note"
    );
    // The annotations describe the PUT; their `Note` and `Error` are renamed, since the
    // blueprint's `Note` and the server's `Error` differ from them.
    assert_eq!(
        schema(
            "/annotated",
            "/put/requestBody/content/application~1json/schema/$ref"
        ),
        "#/components/schemas/Note2"
    );
    assert_eq!(
        schema(
            "/annotated",
            "/put/responses/409/content/application~1json/schema/$ref"
        ),
        "#/components/schemas/Error2"
    );
    let components = &document["components"]["schemas"];
    assert_eq!(components["Note"]["required"], serde_json::json!(["label"]));
    assert_eq!(
        components["Note2"]["required"],
        serde_json::json!(["id", "text"])
    );
    assert_eq!(
        components["Error2"]["required"],
        serde_json::json!(["reason"])
    );
    assert_eq!(
        components["Error"]["required"],
        serde_json::json!(["error", "message"])
    );
    // An untyped export falls back to inference.
    assert_eq!(
        schema("/inferred", "/get/responses/200/description"),
        "Inferred from the handler's code."
    );
    // The annotated body is enforced: the operation is pointed at from the route table.
    let main = compiled.tree.get("server/src/main.rs").unwrap();
    assert!(
        main.contains(r#"operation: Some("/paths/~1annotated/put")"#),
        "{main}"
    );
    assert!(!main.contains(r#"operation: Some("/paths/~1inferred/get")"#));
    let (ok, output) = run("openapi-spec-validator", &[], &{
        let path = workspace_root().join("target/openapi/typescript-precedence.json");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, compiled.tree.get("openapi.json").unwrap()).unwrap();
        path
    });
    assert!(ok, "{output}");
}

#[test]
fn request_declarations_and_annotations_win_over_inferred_inputs() {
    let project = workspace_root().join("tests/fixtures/inputs-precedence");
    let compiled = compile(&project).unwrap_or_else(|diagnostics| panic!("{diagnostics}"));
    let document: serde_json::Value =
        serde_json::from_str(compiled.tree.get("openapi.json").unwrap()).unwrap();
    let parameter = |path: &str, name: &str| {
        document["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|parameter| parameter["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{path}: no parameter {name}"))
    };
    // Declared parameters stay as declared, whatever the handler checks.
    let id = parameter("/declared/{id}", "id");
    assert_eq!(
        id["schema"],
        serde_json::json!({ "type": "integer", "minimum": 1 })
    );
    assert!(id.get("x-backworks-inferred").is_none());
    let mode = parameter("/declared/{id}", "mode");
    assert_eq!(mode["schema"]["enum"], serde_json::json!(["fast", "slow"]));
    assert!(mode.get("x-backworks-inferred").is_none());
    // What the blueprint leaves unsaid comes from the code, marked as inferred.
    let q = parameter("/declared/{id}", "q");
    assert_eq!(q["required"], true);
    assert_eq!(
        q["schema"],
        serde_json::json!({ "type": "string", "minLength": 1 })
    );
    assert_eq!(q["x-backworks-inferred"], true);
    // A path parameter declared as any text is narrowed; its description stays.
    let described = parameter("/described/{id}", "id");
    assert_eq!(described["description"], "The item's number.");
    assert!(described["schema"]["pattern"].is_string());
    assert_eq!(described["x-backworks-inferred"], true);
    // Bodies: the blueprint's, then the annotation's, then the code's.
    let body = |path: &str| document["paths"][path]["post"]["requestBody"].clone();
    assert!(body("/declared-body").get("x-backworks-inferred").is_none());
    assert_eq!(
        body("/declared-body")["content"]["application/json"]["schema"]["properties"]["title"],
        serde_json::json!({ "type": "string" })
    );
    assert_eq!(
        body("/inferred-body")["content"]["application/json"]["schema"],
        serde_json::json!({
            "type": "object",
            "properties": { "title": { "type": "string", "minLength": 1 } },
            "required": ["title"]
        })
    );
    assert_eq!(body("/inferred-body")["x-backworks-inferred"], true);
    assert!(body("/annotated").get("x-backworks-inferred").is_none());
    assert!(
        body("/annotated")["content"]["application/json"]["schema"]["properties"]
            .get("count")
            .is_none()
    );
    // Only declarations and annotations are enforced: the route table points at the declared
    // and annotated operations, never at one whose inputs are only inferred.
    let main = compiled.tree.get("server/src/main.rs").unwrap();
    assert!(main.contains(r#"operation: Some("/paths/~1declared-body/post")"#));
    assert!(main.contains(r#"operation: Some("/paths/~1annotated/post")"#));
    assert!(!main.contains(r#"operation: Some("/paths/~1inferred-body/post")"#));
}
