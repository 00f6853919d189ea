//! Lowering of the data keys end to end: a project folder on disk → [`backworks_ir::Service`].

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use backworks_diagnostics::{Diagnostic, Sources, Span};
use backworks_ir::{
    Comparison, Constraints, CrudOperation, Database, Field, FieldDefault, FieldType, IdStrategy,
    Migration, OnDelete, Resource, RuleExpr, ScalarType, SchemaSnapshot, Service,
};
use serde_json::json;

/// A fresh project folder holding `files`.
fn project(files: &[(&str, &str)]) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "backworks-blueprint-data-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    root
}

fn load(root: &Path) -> (Option<Service>, Vec<Diagnostic>) {
    let project = crate::locate(root).unwrap();
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
    let service = crate::load(&project, &mut sources, &mut diagnostics);
    (service, diagnostics)
}

fn lowered(files: &[(&str, &str)]) -> Service {
    let (service, diagnostics) = load(&project(files));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    service.expect("lowers")
}

/// Spans are checked by the error fixtures; here they would only repeat byte offsets.
fn without_spans(mut resources: Vec<Resource>, span: Span) -> Vec<Resource> {
    for resource in &mut resources {
        resource.span = span;
        for field in &mut resource.fields {
            field.span = span;
        }
    }
    resources
}

fn field(name: &str, kind: FieldType, span: Span) -> Field {
    Field {
        name: name.into(),
        kind,
        required: false,
        unique: false,
        default: None,
        constraints: Constraints::default(),
        description: None,
        span,
    }
}

const EVERY_TYPE: &str = r#"
name: Book Store
resources:
  authors:
    description: People who write books
    id: uuid
    timestamps: false
    fields:
      name: { type: string, required: true, minLength: 1, maxLength: 120, description: Full name }
      email: { type: string, unique: true, format: email, pattern: "@" }
      bio: { type: text }
      code: { type: string, default: uuid }
      motto: { type: string, default: "now" }
    endpoints: true
  books:
    fields:
      title: { type: string, required: true }
      pages: { type: integer, minimum: 1, maximum: 10000, default: 100 }
      price: { type: number, minimum: 0 }
      in_print: { type: boolean, default: true }
      published_at: { type: datetime, default: now }
      released_on: { type: date, default: "2026-01-31" }
      extra: { type: json, default: { a: 1 } }
      status: { type: enum, values: [draft, published], default: draft }
      tags: { type: array, items: string }
      scores: { type: array, items: number, default: [1, 2.5] }
      author: { type: ref, to: authors, on_delete: cascade, required: true }
      editor: { type: ref, to: authors, on_delete: set_null }
      reviewer: { type: ref, to: authors }
    indexes: [[status, created_at], [id]]
    search: [title]
    endpoints: [delete, list]
"#;

#[test]
fn every_field_type_and_option_lowers_to_the_ir() {
    let service = lowered(&[("backworks.yaml", EVERY_TYPE)]);
    let span = service.resources[0].span;
    let database = service.database.expect("implied by resources");
    assert_eq!(database.url, "sqlite://data/book-store.db");
    assert!(database.allow_data_loss.is_empty());

    let authors = Resource {
        name: "authors".into(),
        description: Some("People who write books".into()),
        id: IdStrategy::Uuid,
        fields: vec![
            Field {
                required: true,
                constraints: Constraints {
                    min_length: Some(1),
                    max_length: Some(120),
                    ..Constraints::default()
                },
                description: Some("Full name".into()),
                ..field("name", FieldType::String, span)
            },
            Field {
                unique: true,
                constraints: Constraints {
                    format: Some("email".into()),
                    pattern: Some("@".into()),
                    ..Constraints::default()
                },
                ..field("email", FieldType::String, span)
            },
            field("bio", FieldType::Text, span),
            Field {
                default: Some(FieldDefault::Uuid),
                ..field("code", FieldType::String, span)
            },
            // Quoted, `now` is the text itself.
            Field {
                default: Some(FieldDefault::Value(json!("now"))),
                ..field("motto", FieldType::String, span)
            },
        ],
        timestamps: false,
        indexes: Vec::new(),
        search: Vec::new(),
        operations: CrudOperation::ALL.to_vec(),
        seed: Vec::new(),
        rules: Default::default(),
        span,
    };
    let author_ref = |on_delete| FieldType::Ref {
        to: "authors".into(),
        on_delete,
    };
    let books = Resource {
        name: "books".into(),
        description: None,
        id: IdStrategy::Integer,
        fields: vec![
            Field {
                required: true,
                ..field("title", FieldType::String, span)
            },
            Field {
                default: Some(FieldDefault::Value(json!(100))),
                constraints: Constraints {
                    minimum: Some(1.0),
                    maximum: Some(10000.0),
                    ..Constraints::default()
                },
                ..field("pages", FieldType::Integer, span)
            },
            Field {
                constraints: Constraints {
                    minimum: Some(0.0),
                    ..Constraints::default()
                },
                ..field("price", FieldType::Number, span)
            },
            Field {
                default: Some(FieldDefault::Value(json!(true))),
                ..field("in_print", FieldType::Boolean, span)
            },
            Field {
                default: Some(FieldDefault::Now),
                ..field("published_at", FieldType::Datetime, span)
            },
            Field {
                default: Some(FieldDefault::Value(json!("2026-01-31"))),
                ..field("released_on", FieldType::Date, span)
            },
            Field {
                default: Some(FieldDefault::Value(json!({"a": 1}))),
                ..field("extra", FieldType::Json, span)
            },
            Field {
                default: Some(FieldDefault::Value(json!("draft"))),
                ..field(
                    "status",
                    FieldType::Enum {
                        values: vec!["draft".into(), "published".into()],
                    },
                    span,
                )
            },
            field(
                "tags",
                FieldType::Array {
                    items: ScalarType::String,
                },
                span,
            ),
            Field {
                default: Some(FieldDefault::Value(json!([1, 2.5]))),
                ..field(
                    "scores",
                    FieldType::Array {
                        items: ScalarType::Number,
                    },
                    span,
                )
            },
            Field {
                required: true,
                ..field("author", author_ref(OnDelete::Cascade), span)
            },
            field("editor", author_ref(OnDelete::SetNull), span),
            field("reviewer", author_ref(OnDelete::Restrict), span),
        ],
        timestamps: true,
        indexes: vec![
            vec!["status".into(), "created_at".into()],
            vec!["id".into()],
        ],
        search: vec!["title".into()],
        // In `CrudOperation::ALL`'s order, not the blueprint's.
        operations: vec![CrudOperation::List, CrudOperation::Delete],
        seed: Vec::new(),
        rules: Default::default(),
        span,
    };
    assert_eq!(without_spans(service.resources, span), vec![authors, books]);
}

#[test]
fn spans_point_at_the_names() {
    let root = project(&[("backworks.yaml", EVERY_TYPE)]);
    let project = crate::locate(&root).unwrap();
    let mut sources = Sources::new();
    let mut diagnostics = Vec::new();
    let service = crate::load(&project, &mut sources, &mut diagnostics).unwrap();
    let text = |span: Span| {
        let source = sources.get(span.source);
        source.text[span.start as usize..span.end as usize].to_string()
    };
    assert_eq!(text(service.resources[1].span), "books");
    assert_eq!(text(service.resources[1].fields[2].span), "price");
    assert_eq!(text(service.database.unwrap().span), "resources");
}

#[test]
fn the_database_url_stays_unexpanded() {
    let (service, diagnostics) = load(&project(&[(
        "backworks.yaml",
        "name: shop\ndatabase:\n  url: ${DATABASE_URL:-postgres://app@db/shop}\n  allow_data_loss: [books.isbn, gone]\n",
    )]));
    // A database alone serves no route.
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["no-endpoints"]);
    let service = service.unwrap();
    let database = service.database.unwrap();
    assert_eq!(database.url, "${DATABASE_URL:-postgres://app@db/shop}");
    assert_eq!(database.allow_data_loss, ["books.isbn", "gone"]);
    assert!(service.resources.is_empty());
}

#[test]
fn a_blueprint_without_data_has_no_database() {
    let root = project(&[(
        "backworks.yaml",
        "name: hi\nendpoints:\n  - path: /hi\n    handler: |\n      function handler() { return {}; }\n",
    )]);
    let (service, diagnostics) = load(&root);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let service = service.unwrap();
    assert_eq!(service.database, None);
    assert!(service.resources.is_empty());
    assert_eq!(service.migrations.folder, root.join("migrations"));
    assert_eq!(service.migrations.snapshot, None);
}

#[test]
fn seed_rows_are_read_from_json_and_yaml() {
    let blueprint = "name: s\nresources:\n  authors:\n    id: uuid\n    fields:\n      name: { type: string, required: true }\n    seed: ./seed/authors.yaml\n  books:\n    fields:\n      title: { type: string, required: true }\n      author: { type: ref, to: authors }\n      status: { type: enum, values: [a, b], default: a, required: true }\n    seed: seed/books.json\n";
    let service = lowered(&[
        ("backworks.yaml", blueprint),
        (
            "seed/authors.yaml",
            "- id: 0b5f3c1e-6a8d-4c3e-9f2a-1d2e3f4a5b6c\n  name: Ursula\n",
        ),
        (
            "seed/books.json",
            r#"[{"title": "Dune", "author": "0b5f3c1e-6a8d-4c3e-9f2a-1d2e3f4a5b6c"}, {"id": 7, "title": "Emma", "created_at": "2026-01-01T00:00:00Z"}]"#,
        ),
    ]);
    let rows = |index: usize| -> Vec<serde_json::Value> {
        service.resources[index]
            .seed
            .iter()
            .map(|row| serde_json::Value::Object(row.clone()))
            .collect()
    };
    assert_eq!(
        rows(0),
        [json!({"id": "0b5f3c1e-6a8d-4c3e-9f2a-1d2e3f4a5b6c", "name": "Ursula"})]
    );
    assert_eq!(
        rows(1),
        [
            json!({"title": "Dune", "author": "0b5f3c1e-6a8d-4c3e-9f2a-1d2e3f4a5b6c"}),
            json!({"id": 7, "title": "Emma", "created_at": "2026-01-01T00:00:00Z"}),
        ]
    );
}

#[test]
fn the_migrations_folder_becomes_the_history() {
    let snapshot = SchemaSnapshot {
        version: 2,
        tables: Vec::new(),
    };
    let schema = serde_json::to_string(&snapshot).unwrap();
    let root = project(&[
        ("backworks.yaml", "name: s\nresources:\n  books: {}\n"),
        ("migrations/schema.json", &schema),
        ("migrations/0002_add_isbn/sqlite.sql", "ALTER 2;"),
        ("migrations/0002_add_isbn/postgres.sql", "ALTER 2 pg;"),
        ("migrations/0001_create_books/sqlite.sql", "CREATE 1;"),
        ("migrations/0001_create_books/postgres.sql", "CREATE 1 pg;"),
        ("migrations/README.md", "not a migration"),
    ]);
    let (service, diagnostics) = load(&root);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let history = service.unwrap().migrations;
    assert_eq!(history.folder, root.join("migrations"));
    assert_eq!(history.snapshot, Some(snapshot));
    assert_eq!(
        history.migrations,
        [
            Migration {
                version: 1,
                name: "create_books".into(),
                sqlite: "CREATE 1;".into(),
                postgres: "CREATE 1 pg;".into(),
            },
            Migration {
                version: 2,
                name: "add_isbn".into(),
                sqlite: "ALTER 2;".into(),
                postgres: "ALTER 2 pg;".into(),
            },
        ]
    );
}

#[test]
fn a_resource_with_nothing_but_a_name_gets_the_defaults() {
    let service = lowered(&[("backworks.yaml", "name: s\nresources:\n  notes: {}\n")]);
    let notes = &service.resources[0];
    assert_eq!(notes.id, IdStrategy::Integer);
    assert!(notes.timestamps);
    assert!(notes.fields.is_empty() && notes.operations.is_empty());
    let database = service.database.unwrap();
    assert_eq!(
        database,
        Database {
            url: "sqlite://data/s.db".into(),
            allow_data_loss: Vec::new(),
            span: database.span,
        }
    );
}

#[test]
fn damaged_blueprints_give_diagnostics_never_a_panic() {
    // Every line dropped in turn, and the text cut every few bytes: whatever is left must be
    // reported, not crash the compiler.
    let lines: Vec<&str> = EVERY_TYPE.lines().collect();
    let mut variants: Vec<String> = (0..lines.len())
        .map(|skip| {
            let kept: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != skip)
                .map(|(_, line)| *line)
                .collect();
            kept.join("\n")
        })
        .collect();
    variants.extend(
        (0..EVERY_TYPE.len())
            .step_by(7)
            .filter(|cut| EVERY_TYPE.is_char_boundary(*cut))
            .map(|cut| EVERY_TYPE[..cut].to_string()),
    );
    let root = project(&[("seed/rows.json", "[{\"title\": 1}, 2, {\"é\": null}]")]);
    for variant in variants {
        let text = format!(
            "{variant}\n  extra:\n    fields: {{ n: {{ type: string }} }}\n    seed: seed/rows.json\n"
        );
        std::fs::write(root.join("backworks.yaml"), text).unwrap();
        let _ = load(&root);
    }
}

#[test]
fn now_and_uuid_are_keywords_only_where_the_field_takes_them() {
    let service = lowered(&[(
        "backworks.yaml",
        "name: s\nresources:\n  slots:\n    fields:\n      slot: { type: enum, values: [now, later], default: now }\n      tag: { type: string, default: \"uuid\" }\n      day: { type: date, default: now }\n      key: { type: text, default: uuid }\n",
    )]);
    let defaults: Vec<Option<FieldDefault>> = service.resources[0]
        .fields
        .iter()
        .map(|field| field.default.clone())
        .collect();
    assert_eq!(
        defaults,
        [
            Some(FieldDefault::Value(json!("now"))),
            Some(FieldDefault::Value(json!("uuid"))),
            Some(FieldDefault::Now),
            Some(FieldDefault::Uuid),
        ]
    );
}

#[test]
fn rules_lower_to_expression_trees() {
    let blueprint = r#"name: s
auth:
  jwt: { secret: "${JWT_SECRET}" }
resources:
  notes:
    fields:
      owner: { type: string, default: user.id }
      shared: { type: boolean }
    rules:
      list: record.owner == user.id || !record.shared
      create: 'user != null'
      delete: false
    endpoints: true
"#;
    let service = lowered(&[("backworks.yaml", blueprint)]);
    let notes = &service.resources[0];
    assert_eq!(notes.fields[0].default, Some(FieldDefault::CallerId));
    let rules = &notes.rules;
    let list = rules.list.as_ref().expect("a list rule");
    assert_eq!(list.text, "record.owner == user.id || !record.shared");
    assert_eq!(
        list.expr,
        RuleExpr::Or(
            Box::new(RuleExpr::Compare(
                Box::new(RuleExpr::Field("owner".into())),
                Comparison::Eq,
                Box::new(RuleExpr::UserId),
            )),
            Box::new(RuleExpr::Not(Box::new(RuleExpr::Field("shared".into())))),
        )
    );
    assert_eq!(
        rules.create.as_ref().map(|rule| &rule.expr),
        Some(&RuleExpr::Compare(
            Box::new(RuleExpr::User),
            Comparison::Ne,
            Box::new(RuleExpr::Null)
        ))
    );
    assert_eq!(
        rules.delete.as_ref().map(|rule| &rule.expr),
        Some(&RuleExpr::Bool(false))
    );
    assert!(rules.get.is_none() && rules.update.is_none());
}
