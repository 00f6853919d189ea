//! Every migration the planner writes runs on real databases: three versions of a schema
//! (create; add, widen, drop and a new table; search, a foreign key's action and a dropped
//! table), each applied on top of the last, with rows in the tables, on SQLite (the `sqlite3`
//! shell) and PostgreSQL 15 (a throw-away cluster). The catalogs are then checked against the
//! design in `ARCHITECTURE.md` ("Data", column types), not against the planner's own output.

use backworks_diagnostics::{Sources, Span};
use backworks_ir::{
    Constraints, CrudOperation, Database, Field, FieldDefault, FieldType, IdStrategy, OnDelete,
    Resource, Service,
};
use backworks_tests::postgres::Postgres;
use backworks_tests::sqlite::Sqlite;
use backworks_tests::{compile, example};

fn span() -> Span {
    let mut sources = Sources::new();
    Span::new(sources.add("backworks.yaml", "resources:\n"), 0, 9)
}

fn field(name: &str, kind: FieldType, required: bool, unique: bool) -> Field {
    Field {
        name: name.into(),
        kind,
        required,
        unique,
        default: None,
        constraints: Constraints::default(),
        description: None,
        span: span(),
    }
}

fn resource(name: &str, fields: Vec<Field>) -> Resource {
    Resource {
        name: name.into(),
        description: None,
        id: IdStrategy::Integer,
        fields,
        timestamps: true,
        indexes: Vec::new(),
        search: Vec::new(),
        operations: CrudOperation::ALL.to_vec(),
        seed: Vec::new(),
        rules: Default::default(),
        span: span(),
    }
}

fn author_ref(on_delete: OnDelete) -> Field {
    field(
        "author",
        FieldType::Ref {
            to: "authors".into(),
            on_delete,
        },
        false,
        false,
    )
}

fn status(values: &[&str]) -> Field {
    let values = values.iter().map(|v| v.to_string()).collect();
    field("status", FieldType::Enum { values }, false, false)
}

/// Version 1: authors and books, a unique isbn, an index and search on titles.
fn version_1() -> (Vec<Resource>, Vec<String>) {
    let authors = resource(
        "authors",
        vec![
            field("name", FieldType::String, true, false),
            field("email", FieldType::String, false, true),
        ],
    );
    let mut books = resource(
        "books",
        vec![
            field("title", FieldType::String, true, false),
            field("price", FieldType::Integer, false, false),
            field("isbn", FieldType::String, false, true),
            status(&["draft", "published"]),
            author_ref(OnDelete::Cascade),
        ],
    );
    books.indexes = vec![vec!["status".into(), "created_at".into()]];
    books.search = vec!["title".into()];
    (vec![authors, books], Vec::new())
}

/// Version 2: `authors.email` dropped (allowed), `books.price` widened to number, a summary
/// and a required stock (default 0) added, an enum value added, and a new `reviews` table.
fn version_2() -> (Vec<Resource>, Vec<String>) {
    let (mut resources, _) = version_1();
    resources[0].fields.retain(|f| f.name != "email");
    let books = &mut resources[1];
    books.fields[1].kind = FieldType::Number;
    books.fields[3] = status(&["draft", "published", "archived"]);
    books
        .fields
        .push(field("summary", FieldType::Text, false, false));
    let mut stock = field("stock", FieldType::Integer, true, false);
    stock.default = Some(FieldDefault::Value(serde_json::json!(0)));
    books.fields.push(stock);
    let book = field(
        "book",
        FieldType::Ref {
            to: "books".into(),
            on_delete: OnDelete::Cascade,
        },
        true,
        false,
    );
    resources.push(resource(
        "reviews",
        vec![book, field("rating", FieldType::Integer, true, false)],
    ));
    (resources, vec!["authors.email".into()])
}

/// Version 3: `reviews` dropped (allowed), search over title and summary, isbn no longer
/// unique, deleting an author keeps their books, and authors gain an optional birth date.
fn version_3() -> (Vec<Resource>, Vec<String>) {
    let (mut resources, _) = version_2();
    resources.pop();
    resources[0]
        .fields
        .push(field("born", FieldType::Date, false, false));
    let books = &mut resources[1];
    books.search = vec!["title".into(), "summary".into()];
    books.fields[2].unique = false;
    books.fields[4] = author_ref(OnDelete::SetNull);
    (resources, vec!["reviews".into()])
}

/// A service at `version`, after the migrations `before` planned.
fn service_at(
    base: &Service,
    (resources, allowed): (Vec<Resource>, Vec<String>),
    before: &Service,
) -> Service {
    let mut service = base.clone();
    service.database = Some(Database {
        url: "sqlite://data/test.db".into(),
        allow_data_loss: allowed,
        span: span(),
    });
    service.resources = resources;
    service.migrations = before.migrations.clone();
    service
}

/// Plans the next migration and records it in the service's history, as a build does.
fn migrate(service: &mut Service) -> (String, String, String) {
    let planned = backworks_emit::plan_migration(service)
        .unwrap_or_else(|errors| panic!("{errors:#?}"))
        .expect("the schema changed");
    let migration = planned.migration.expect("the change needs SQL");
    service.migrations.snapshot = Some(planned.snapshot);
    service.migrations.migrations.push(migration.clone());
    (
        format!("{:04}_{}", migration.version, migration.name),
        migration.sqlite,
        migration.postgres,
    )
}

#[test]
fn three_schema_versions_migrate_sqlite_and_postgresql() {
    let base = compile(&example("hello-world")).expect("compiles").service;
    let folder = std::env::temp_dir().join(format!("backworks-migrations-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let sqlite = Sqlite::create(&folder);
    let postgres = Postgres::start("migrations");

    let mut service = service_at(&base, version_1(), &base);
    let (name, sqlite_sql, postgres_sql) = migrate(&mut service);
    assert_eq!(name, "0001_create_authors_books");
    sqlite.apply(&sqlite_sql);
    postgres.apply(&postgres_sql);
    let stamps = "'2026-12-04T13:50:00.000Z', '2026-12-04T13:50:00.000Z'";
    let rows = format!(
        "INSERT INTO authors (id, name, email, created_at, updated_at) VALUES (1, 'Ann', 'ann@example.com', {stamps});
         INSERT INTO books (id, title, price, isbn, status, author, created_at, updated_at) VALUES
           (1, 'Rust in Action', 500, '978-1', 'draft', 1, {stamps}),
           (2, 'Go', NULL, NULL, NULL, 1, {stamps});"
    );
    sqlite.query(&rows);
    postgres.query(&rows);

    let mut service = service_at(&base, version_2(), &service);
    let (name, sqlite_sql, postgres_sql) = migrate(&mut service);
    assert_eq!(name, "0002_create_reviews_alter_authors_books");
    sqlite.apply(&sqlite_sql);
    postgres.apply(&postgres_sql);
    let review = format!(
        "INSERT INTO reviews (id, book, rating, created_at, updated_at) VALUES (1, 1, 5, {stamps});"
    );
    sqlite.query(&review);
    postgres.query(&review);
    // Rows survived the rebuild of `authors` (SQLite) and gained the default stock.
    assert_eq!(
        sqlite
            .query("SELECT id, name FROM authors; SELECT id, price, stock FROM books ORDER BY id;"),
        "1|Ann\n1|500.0|0\n2||0"
    );
    assert_eq!(
        postgres.query("SELECT id, price, stock FROM books ORDER BY id"),
        "1|500|0\n2||0"
    );

    let mut service = service_at(&base, version_3(), &service);
    let (name, sqlite_sql, postgres_sql) = migrate(&mut service);
    assert_eq!(name, "0003_alter_authors_books_drop_reviews");
    sqlite.apply(&sqlite_sql);
    postgres.apply(&postgres_sql);
    assert_eq!(
        backworks_emit::plan_migration(&service).unwrap(),
        None,
        "the blueprint now matches the last snapshot"
    );

    check_sqlite(&sqlite);
    check_postgres(&postgres);
    let _ = std::fs::remove_dir_all(&folder);
}

/// The SQLite catalog after version 3, from the design's column types.
fn check_sqlite(db: &Sqlite) {
    assert_eq!(
        db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'books_fts_%' ORDER BY name"
        ),
        "authors\nbooks\nbooks_fts"
    );
    assert_eq!(
        db.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info('books')"),
        "id|INTEGER|0|1\ntitle|TEXT|1|0\nprice|REAL|0|0\nisbn|TEXT|0|0\nstatus|TEXT|0|0\n\
         author|INTEGER|0|0\nsummary|TEXT|0|0\nstock|INTEGER|1|0\ncreated_at|TEXT|1|0\nupdated_at|TEXT|1|0"
    );
    assert_eq!(
        db.query("SELECT name, type, \"notnull\" FROM pragma_table_info('authors')"),
        "id|INTEGER|0\nname|TEXT|1\ncreated_at|TEXT|1\nupdated_at|TEXT|1\nborn|TEXT|0"
    );
    assert_eq!(
        db.query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'books' AND sql IS NOT NULL ORDER BY name"
        ),
        // `author` is a reference: indexed, since no declared index leads with it.
        "books_author_idx\nbooks_status_created_at_idx"
    );
    assert_eq!(
        db.query(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'books' ORDER BY name"
        ),
        "books_fts_delete\nbooks_fts_insert\nbooks_fts_update"
    );
    assert_eq!(
        db.query("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list('books')"),
        "authors|author|SET NULL"
    );
    // The search index covers the rows copied by the rebuild, and follows updates.
    db.query("UPDATE books SET summary = 'ownership and borrowing' WHERE id = 2;");
    assert_eq!(
        db.query("SELECT rowid FROM books_fts WHERE books_fts MATCH 'rust' ORDER BY rowid"),
        "1"
    );
    assert_eq!(
        db.query("SELECT rowid FROM books_fts WHERE books_fts MATCH 'borrowing'"),
        "2"
    );
    // Deleting an author now keeps their books.
    assert_eq!(
        db.query("DELETE FROM authors WHERE id = 1; SELECT count(*), count(author) FROM books;"),
        "2|0"
    );
}

/// The PostgreSQL catalog after version 3, from the design's column types.
fn check_postgres(db: &Postgres) {
    assert_eq!(
        db.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
        ),
        "authors\nbooks"
    );
    assert_eq!(
        db.query(
            "SELECT column_name, data_type, is_nullable, coalesce(datetime_precision::text, '') \
             FROM information_schema.columns WHERE table_name = 'books' ORDER BY ordinal_position"
        ),
        "id|bigint|NO|\ntitle|text|NO|\nprice|double precision|YES|\nisbn|text|YES|\nstatus|text|YES|\n\
         author|bigint|YES|\ncreated_at|timestamp with time zone|NO|3\nupdated_at|timestamp with time zone|NO|3\n\
         summary|text|YES|\nstock|bigint|NO|"
    );
    assert_eq!(
        db.query(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns \
             WHERE table_name = 'authors' ORDER BY ordinal_position"
        ),
        "id|bigint|NO\nname|text|NO\ncreated_at|timestamp with time zone|NO\n\
         updated_at|timestamp with time zone|NO\nborn|date|YES"
    );
    assert_eq!(
        db.query(
            "SELECT column_default IS NULL, is_identity FROM information_schema.columns \
             WHERE table_name = 'books' AND column_name IN ('id', 'stock') ORDER BY column_name"
        ),
        "t|YES\nt|NO",
        "ids come from an identity, and fill defaults are gone"
    );
    assert_eq!(
        db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'books' ORDER BY 1"),
        "books_author_idx\nbooks_pkey\nbooks_search\nbooks_status_created_at_idx"
    );
    assert_eq!(
        db.query(
            "SELECT constraint_name, delete_rule FROM information_schema.referential_constraints"
        ),
        "books_author_fkey|SET NULL"
    );
    db.query("UPDATE books SET summary = 'ownership and borrowing' WHERE id = 2");
    let search = "SELECT id FROM books WHERE to_tsvector('simple', coalesce(\"title\", '') || ' ' || coalesce(\"summary\", '')) @@ plainto_tsquery('simple', '{}') ORDER BY id";
    assert_eq!(db.query(&search.replace("{}", "rust")), "1");
    assert_eq!(db.query(&search.replace("{}", "borrowing")), "2");
    // The query uses the index when scans are discouraged.
    let plan = db.query(&format!(
        "SET enable_seqscan = off; EXPLAIN {}",
        search.replace("{}", "rust").replace(" ORDER BY id", "")
    ));
    assert!(plan.contains("books_search"), "{plan}");
    assert_eq!(
        db.query("DELETE FROM authors WHERE id = 1; SELECT count(*), count(author) FROM books;"),
        "2|0"
    );
}

#[test]
fn postgres_and_sqlite_accept_a_uuid_schema_with_a_reference_cycle() {
    let base = compile(&example("hello-world")).expect("compiles").service;
    let mut teams = resource("teams", vec![field("name", FieldType::String, true, true)]);
    teams.id = IdStrategy::Uuid;
    teams.fields.push(field(
        "lead",
        FieldType::Ref {
            to: "people".into(),
            on_delete: OnDelete::SetNull,
        },
        false,
        false,
    ));
    let mut people = resource(
        "people",
        vec![field(
            "team",
            FieldType::Ref {
                to: "teams".into(),
                on_delete: OnDelete::Restrict,
            },
            true,
            false,
        )],
    );
    people.id = IdStrategy::Uuid;
    people.timestamps = false;
    let mut service = service_at(&base, (vec![teams, people], Vec::new()), &base);
    let (_, sqlite_sql, postgres_sql) = migrate(&mut service);

    let folder = std::env::temp_dir().join(format!("backworks-cycle-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let sqlite = Sqlite::create(&folder);
    sqlite.apply(&sqlite_sql);
    let postgres = Postgres::start("cycle");
    postgres.apply(&postgres_sql);
    assert_eq!(
        postgres.query(
            "SELECT table_name, column_name, data_type FROM information_schema.columns \
             WHERE column_name IN ('id', 'lead', 'team') ORDER BY 1, 2"
        ),
        "people|id|uuid\npeople|team|uuid\nteams|id|uuid\nteams|lead|uuid"
    );
    assert_eq!(
        postgres.query(
            "SELECT constraint_name, delete_rule FROM information_schema.referential_constraints ORDER BY 1"
        ),
        "people_team_fkey|RESTRICT\nteams_lead_fkey|SET NULL"
    );
    assert_eq!(
        sqlite.query("SELECT \"table\", on_delete FROM pragma_foreign_key_list('teams')"),
        "people|SET NULL"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_rebuild_refuses_to_run_with_foreign_keys_on_instead_of_cascading() {
    let base = compile(&example("hello-world")).expect("compiles").service;
    let mut service = service_at(&base, version_1(), &base);
    let (_, first, _) = migrate(&mut service);
    let folder = std::env::temp_dir().join(format!("backworks-guard-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let sqlite = Sqlite::create(&folder);
    sqlite.apply(&first);
    sqlite.query(
        "INSERT INTO authors (id, name, created_at, updated_at) VALUES (1, 'Ann', 'x', 'x');
         INSERT INTO books (id, title, author, created_at, updated_at) VALUES (1, 'Go', 1, 'x', 'x');",
    );
    // Version 2 rebuilds `authors`, which `books` refers to with ON DELETE CASCADE.
    let mut service = service_at(&base, version_2(), &service);
    let (_, second, _) = migrate(&mut service);
    let error = sqlite
        .apply_with_foreign_keys_on(&second)
        .expect_err("the guard fails the migration");
    assert!(error.contains("PRAGMA foreign_keys=OFF"), "{error}");
    assert_eq!(
        sqlite.query("SELECT count(*) FROM books"),
        "1",
        "no row was lost"
    );
    sqlite.apply(&second);
    assert_eq!(sqlite.query("SELECT id, author FROM books"), "1|1");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn search_changes_in_place_and_filled_columns_reach_existing_rows() {
    let base = compile(&example("hello-world")).expect("compiles").service;
    let mut notes = resource(
        "notes",
        vec![field("title", FieldType::String, true, false)],
    );
    notes.search = vec!["title".into()];
    let mut tags = resource("tags", vec![field("label", FieldType::String, true, false)]);
    tags.id = IdStrategy::Uuid;
    tags.timestamps = false;
    let mut service = service_at(
        &base,
        (vec![notes.clone(), tags.clone()], Vec::new()),
        &base,
    );
    let (_, sqlite_1, postgres_1) = migrate(&mut service);

    // Version 2: search also covers a new body (SQLite: in place, the FTS table replaced and
    // rebuilt from the rows); tags gain timestamps and a required code made per row.
    notes
        .fields
        .push(field("body", FieldType::Text, false, false));
    notes.search.push("body".into());
    tags.timestamps = true;
    let mut code = field("code", FieldType::String, true, false);
    code.default = Some(FieldDefault::Uuid);
    tags.fields.push(code);
    let mut service = service_at(&base, (vec![notes, tags], Vec::new()), &service);
    let (name, sqlite_2, postgres_2) = migrate(&mut service);
    assert_eq!(name, "0002_alter_notes_tags");

    let folder = std::env::temp_dir().join(format!("backworks-fill-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let sqlite = Sqlite::create(&folder);
    let postgres = Postgres::start("fill");
    let rows = "INSERT INTO notes (id, title, created_at, updated_at) VALUES (1, 'ownership', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
                INSERT INTO tags (id, label) VALUES ('8f0c1a8e-0d1b-4c43-9d55-5a3c2a0c9e11', 'a'), ('1b4e28ba-2fa1-41d2-883f-0016d3cca427', 'b');";
    sqlite.apply(&sqlite_1);
    sqlite.query(rows);
    sqlite.apply(&sqlite_2);
    postgres.apply(&postgres_1);
    postgres.query(rows);
    postgres.apply(&postgres_2);

    assert!(
        !sqlite_2.contains("_backworks_new_notes"),
        "notes change in place:\n{sqlite_2}"
    );
    sqlite.query("INSERT INTO notes (id, title, body, created_at, updated_at) VALUES (2, 'x', 'borrowing', 'x', 'x');");
    assert_eq!(
        sqlite.query("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'ownership OR borrowing' ORDER BY rowid"),
        "1\n2"
    );
    // Every existing tag got its own v4 UUID code and an ISO timestamp with milliseconds.
    let uuid_v4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";
    assert_eq!(
        sqlite.query(
            "SELECT count(DISTINCT code), sum(code GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-4[0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'), \
             sum(created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z') FROM tags"
        ),
        "2|2|2"
    );
    assert_eq!(
        postgres.query(&format!(
            "SELECT count(DISTINCT code), count(*) FILTER (WHERE code ~ '{uuid_v4}'), count(created_at) FROM tags"
        )),
        "2|2|2"
    );
    assert_eq!(
        postgres.query("SELECT indexdef ILIKE '%coalesce(body%' FROM pg_indexes WHERE indexname = 'notes_search'"),
        "t"
    );
    let _ = std::fs::remove_dir_all(&folder);
}
