//! Snapshots of what a service with resources emits: the first migration for both engines
//! and `schema.json`, the `DataSpec` in `main.rs`, and the resources' part of the OpenAPI
//! document (`snapshots/data/`; `cargo insta review` to accept a change).
//!
//! ```text
//! authors, books (search, index, ref), reviews (uuid, list/get/delete only, record rules)
//!   ──▶ snapshots/data/bookstore_migration.snap, …_main_rs.snap, …_openapi.snap
//! ```

use backworks_ir::{
    Comparison, CrudOperation, FieldDefault, FieldType, IdStrategy, OnDelete, Rule, RuleExpr,
    ScalarType,
};
use serde_json::{Value, json};

use crate::fixtures::{FieldExt, field, resource, service_with};

fn bookstore() -> backworks_ir::Service {
    let mut name = field("name", FieldType::String).required();
    name.constraints.max_length = Some(120);
    name.description = Some("How the author signs.".into());
    let mut email = field("email", FieldType::String).unique();
    email.constraints.format = Some("email".into());
    let mut authors = resource("authors", vec![name, email, field("born", FieldType::Date)]);
    authors.description = Some("People who write books.".into());
    authors.seed.push(
        json!({ "name": "Ann", "email": "ann@example.com" })
            .as_object()
            .unwrap()
            .clone(),
    );

    let mut title = field("title", FieldType::String).required();
    title.constraints.max_length = Some(200);
    let mut isbn = field("isbn", FieldType::String).unique();
    isbn.constraints.pattern = Some("^[0-9-]{10,17}$".into());
    let mut price = field("price", FieldType::Number);
    price.constraints.minimum = Some(0.0);
    let status = field(
        "status",
        FieldType::Enum {
            values: vec!["draft".into(), "published".into()],
        },
    )
    .required()
    .default(FieldDefault::Value(json!("draft")));
    let tags = field(
        "tags",
        FieldType::Array {
            items: ScalarType::String,
        },
    );
    let author = field(
        "author",
        FieldType::Ref {
            to: "authors".into(),
            on_delete: OnDelete::Cascade,
        },
    );
    let published = field("published_at", FieldType::Datetime).default(FieldDefault::Now);
    let mut books = resource(
        "books",
        vec![title, isbn, price, status, tags, author, published],
    );
    books.indexes = vec![vec!["status".into(), "created_at".into()]];
    books.search = vec!["title".into()];
    books.operations = CrudOperation::ALL.to_vec();

    let book = field(
        "book",
        FieldType::Ref {
            to: "books".into(),
            on_delete: OnDelete::Cascade,
        },
    )
    .required();
    let mut rating = field("rating", FieldType::Integer).required();
    rating.constraints.minimum = Some(1.0);
    rating.constraints.maximum = Some(5.0);
    let mut reviews = resource(
        "reviews",
        vec![book, rating, field("body", FieldType::Text)],
    );
    reviews.id = IdStrategy::Uuid;
    reviews.timestamps = false;
    reviews.operations = vec![
        CrudOperation::List,
        CrudOperation::Get,
        CrudOperation::Delete,
    ];
    // Record rules: a rule tree, a constant, and an operation left to `auth`.
    let visible = Rule {
        text: r#"record.rating >= 3 || "admin" in user.roles"#.into(),
        expr: RuleExpr::Or(
            Box::new(RuleExpr::Compare(
                Box::new(RuleExpr::Field("rating".into())),
                Comparison::Ge,
                Box::new(RuleExpr::Number(3.0)),
            )),
            Box::new(RuleExpr::In(
                Box::new(RuleExpr::String("admin".into())),
                Box::new(RuleExpr::UserRoles),
            )),
        ),
        span: crate::fixtures::span(),
    };
    reviews.rules.list = Some(visible.clone());
    reviews.rules.get = Some(visible);
    reviews.rules.delete = Some(Rule {
        text: "false".into(),
        expr: RuleExpr::Bool(false),
        span: crate::fixtures::span(),
    });
    service_with(vec![authors, books, reviews], None)
}

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../../snapshots/data");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// The service after the pipeline's migration pass: its history holds the new migration.
fn migrated() -> (backworks_ir::Service, crate::PlannedMigration) {
    let mut service = bookstore();
    let planned = crate::plan_migration(&service).unwrap().unwrap();
    service.migrations.snapshot = Some(planned.snapshot.clone());
    service
        .migrations
        .migrations
        .extend(planned.migration.clone());
    (service, planned)
}

#[test]
fn bookstore_migration() {
    let (_, planned) = migrated();
    let sections: String = planned
        .files
        .iter()
        .map(|(path, text)| format!("=== migrations/{path}\n{text}"))
        .collect();
    settings().bind(|| insta::assert_snapshot!("bookstore_migration", sections));
}

#[test]
fn bookstore_main_rs() {
    let (service, _) = migrated();
    let main =
        crate::format_rust_file(crate::server::main_rs(&service, &[]), "backworks.yaml").unwrap();
    settings().bind(|| insta::assert_snapshot!("bookstore_main_rs", main));
}

#[test]
fn bookstore_openapi() {
    let (service, _) = migrated();
    let document = crate::openapi_document(&service, &[]);
    // The resources' part: every path and every schema but the shared error schemas.
    let schemas: serde_json::Map<String, Value> = document["components"]["schemas"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "Error" | "InvalidRequest"))
        .map(|(name, schema)| (name.clone(), schema.clone()))
        .collect();
    let fragment = json!({ "paths": document["paths"], "components": { "schemas": schemas } });
    let text = serde_json::to_string_pretty(&fragment).unwrap();
    settings().bind(|| insta::assert_snapshot!("bookstore_openapi", text));
}

#[test]
fn every_pointer_in_the_data_spec_resolves_to_an_operation() {
    let (service, _) = migrated();
    let document = crate::openapi_document(&service, &[]);
    let main = crate::format_rust_file(crate::server::main_rs(&service, &[]), "x").unwrap();
    let mut pointers = 0;
    for piece in main.split("Some(\"/paths/").skip(1) {
        let pointer = format!("/paths/{}", piece.split('"').next().unwrap());
        let operation = document.pointer(&pointer);
        assert!(
            operation.is_some_and(|op| op["operationId"].is_string()),
            "{pointer}"
        );
        pointers += 1;
    }
    // authors and books: 6 each; reviews: list, get, delete.
    assert_eq!(pointers, 15);
}

/// Runs a validator on `document`; panics with its output when it rejects it.
fn validate(program: &str, args: &[&str], document: &std::path::Path) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = std::process::Command::new(program)
        .args(args)
        .arg(document)
        .current_dir(&root)
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run {program} ({error}); run scripts/test-all.sh to install it")
        });
    assert!(
        output.status.success(),
        "{program} rejected the document:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_document_with_resources_passes_both_validators() {
    let (service, _) = migrated();
    let document = crate::openapi_document(&service, &[]);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = root.join("target/openapi/resources-bookstore.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_string_pretty(&document).unwrap()).unwrap();
    validate("openapi-spec-validator", &[], &path);
    let redocly = root.join("node_modules/.bin/redocly");
    validate(
        redocly.to_str().unwrap(),
        &["lint", "--format=summary"],
        &path,
    );
}
