//! SQLite migrations that rebuild a table others refer to (SQLite's twelve steps, which the
//! planner writes for changes `ALTER TABLE` cannot make): applied with foreign keys off, the
//! referring rows survive; a migration that leaves a row pointing nowhere is rolled back whole
//! and the server refuses to start; either way foreign keys are enforced again afterwards.

// The engines are behind the default-on `storage` feature.
#![cfg(feature = "storage")]

mod storage_support;

use backworks_runtime::storage::audit::Origin;
use backworks_runtime::storage::{DataSpec, ErrorCode, MigrationSpec, Store};
use serde_json::{Value, json};
use storage_support::{TempDir, runtime};

const CREATE: MigrationSpec = MigrationSpec {
    version: 1,
    name: "create_authors_books",
    sqlite: "CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
             CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL,
               author INTEGER REFERENCES authors (id) ON DELETE CASCADE);",
    postgres: "",
};

/// `authors.name` loses NOT NULL: a change SQLite can only make by rebuilding the table.
const REBUILD: MigrationSpec = MigrationSpec {
    version: 2,
    name: "alter_authors",
    sqlite: "CREATE TABLE _backworks_new_authors (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO _backworks_new_authors (id, name) SELECT id, name FROM authors;
             DROP TABLE authors;
             ALTER TABLE _backworks_new_authors RENAME TO authors;",
    postgres: "",
};

/// Deletes an author its books still name, which only foreign keys being off lets through.
const DANGLING: MigrationSpec = MigrationSpec {
    version: 3,
    name: "break_references",
    sqlite: "DELETE FROM authors WHERE id = 1;",
    postgres: "",
};

fn data(url: &str, migrations: &'static [MigrationSpec]) -> &'static DataSpec {
    Box::leak(Box::new(DataSpec {
        url: Box::leak(url.to_owned().into_boxed_str()),
        resources: &[],
        migrations,
    }))
}

async fn rows(store: &Store, text: &str) -> Vec<Value> {
    store
        .sql(text.into(), vec![], &Origin::system())
        .await
        .expect("query")
        .into_iter()
        .map(Value::Object)
        .collect()
}

#[test]
fn a_rebuild_keeps_referring_rows_and_a_dangling_reference_is_refused() {
    let dir = TempDir::new();
    let url = format!("sqlite://{}", dir.0.join("rebuild.db").display());
    runtime().block_on(async {
        let store = Store::open(data(&url, &[CREATE])).await.expect("open");
        store
            .sql(
                "INSERT INTO authors (id, name) VALUES (1, 'Le Guin'), (2, 'Butler')".into(),
                vec![],
                &Origin::system(),
            )
            .await
            .expect("authors");
        store
            .sql(
                "INSERT INTO books (title, author) VALUES ('Earthsea', 1), ('Kindred', 2)".into(),
                vec![],
                &Origin::system(),
            )
            .await
            .expect("books");
        drop(store);

        // With foreign keys on, DROP TABLE authors would cascade into books.
        let store = Store::open(data(&url, &[CREATE, REBUILD]))
            .await
            .expect("the rebuild applies");
        assert_eq!(
            rows(&store, "SELECT title, author FROM books ORDER BY id").await,
            [
                json!({"title": "Earthsea", "author": 1}),
                json!({"title": "Kindred", "author": 2})
            ]
        );
        assert_eq!(
            rows(&store, "PRAGMA foreign_keys").await,
            [json!({"foreign_keys": 1})],
            "foreign keys are on again after the migration"
        );
        drop(store);

        let refused = Store::open(data(&url, &[CREATE, REBUILD, DANGLING]))
            .await
            .unwrap_err();
        assert!(
            refused.message.contains("foreign_key_check"),
            "{}",
            refused.message
        );
        let store = Store::open(data(&url, &[CREATE, REBUILD]))
            .await
            .expect("the older server still starts");
        assert_eq!(
            rows(&store, "SELECT id FROM authors ORDER BY id").await,
            [json!({"id": 1}), json!({"id": 2})],
            "the refused migration changed nothing"
        );
        assert_eq!(
            rows(
                &store,
                "SELECT max(version) AS version FROM _backworks_migrations"
            )
            .await,
            [json!({"version": 2})]
        );
        let broken = store
            .sql(
                "INSERT INTO books (title, author) VALUES ('Nowhere', 99)".into(),
                vec![],
                &Origin::system(),
            )
            .await
            .unwrap_err();
        assert_eq!(broken.code, ErrorCode::ForeignKeyViolation);
    });
}
