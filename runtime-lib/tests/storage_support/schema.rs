//! The data every storage test serves, written by hand the way the compiler emits it: authors,
//! books (every field type, a ref with cascade, full-text search) and counters, with migration
//! SQL for both engines following `ARCHITECTURE.md`'s column-type table exactly.

use backworks_runtime::storage::{
    CrudOp, DataSpec, DefaultSpec, FieldKind, FieldSpec, IdKind, MigrationSpec, OnDeleteKind,
    OperationPointers, ResourceSpec, RulesSpec, ScalarKind,
};

const ALL: &[CrudOp] = &[
    CrudOp::List,
    CrudOp::Get,
    CrudOp::Create,
    CrudOp::Update,
    CrudOp::Delete,
];

/// A field of `kind` with every option off (other tests' schemas start from it too).
pub const fn field(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: false,
        unique: false,
        default: None,
        min_length: None,
        max_length: None,
        minimum: None,
        maximum: None,
        pattern: None,
        format: None,
    }
}

/// No OpenAPI operation to check requests against.
pub const fn no_pointers() -> OperationPointers {
    OperationPointers {
        list: None,
        get: None,
        create: None,
        patch: None,
        put: None,
        delete: None,
    }
}

pub static RESOURCES: &[ResourceSpec] = &[
    ResourceSpec {
        name: "authors",
        id: IdKind::Integer,
        fields: &[
            FieldSpec {
                required: true,
                max_length: Some(50),
                ..field("name", FieldKind::String)
            },
            FieldSpec {
                unique: true,
                format: Some("email"),
                ..field("email", FieldKind::String)
            },
            field("bio", FieldKind::Text),
        ],
        timestamps: true,
        search: &[],
        operations: ALL,
        // Authors' create and list are also checked against the OpenAPI document first.
        openapi: OperationPointers {
            list: Some("/paths/~1authors/get"),
            create: Some("/paths/~1authors/post"),
            ..no_pointers()
        },
        seed: Some(
            r#"[{"id": 1, "name": "Seeded Author", "email": "seed@example.org"},
                {"id": 2, "name": "Second Seed"}]"#,
        ),
        rules: RulesSpec::NONE,
    },
    ResourceSpec {
        name: "books",
        id: IdKind::Integer,
        fields: &[
            FieldSpec {
                required: true,
                min_length: Some(1),
                max_length: Some(200),
                ..field("title", FieldKind::String)
            },
            field("summary", FieldKind::Text),
            FieldSpec {
                unique: true,
                pattern: Some("^[0-9]{3}-[0-9]{10}$"),
                ..field("isbn", FieldKind::String)
            },
            FieldSpec {
                minimum: Some(0.0),
                ..field("price", FieldKind::Number)
            },
            FieldSpec {
                minimum: Some(1.0),
                maximum: Some(10_000.0),
                ..field("pages", FieldKind::Integer)
            },
            FieldSpec {
                default: Some(DefaultSpec::Json("true")),
                ..field("in_print", FieldKind::Boolean)
            },
            FieldSpec {
                required: true,
                default: Some(DefaultSpec::Json("\"draft\"")),
                ..field("status", FieldKind::Enum(&["draft", "published"]))
            },
            field("published_at", FieldKind::Datetime),
            field("release_date", FieldKind::Date),
            field("tags", FieldKind::Array(ScalarKind::String)),
            field("meta", FieldKind::Json),
            FieldSpec {
                default: Some(DefaultSpec::Uuid),
                format: Some("uuid"),
                ..field("code", FieldKind::String)
            },
            FieldSpec {
                format: Some("uri"),
                ..field("website", FieldKind::String)
            },
            field(
                "author",
                FieldKind::Ref {
                    to: "authors",
                    id: IdKind::Integer,
                    on_delete: OnDeleteKind::Cascade,
                },
            ),
        ],
        timestamps: true,
        search: &["title", "summary"],
        operations: ALL,
        openapi: no_pointers(),
        seed: None,
        rules: RulesSpec::NONE,
    },
    ResourceSpec {
        name: "counters",
        id: IdKind::Uuid,
        fields: &[
            FieldSpec {
                required: true,
                ..field("name", FieldKind::String)
            },
            FieldSpec {
                required: true,
                default: Some(DefaultSpec::Json("0")),
                ..field("value", FieldKind::Integer)
            },
            FieldSpec {
                default: Some(DefaultSpec::Now),
                ..field("started_at", FieldKind::Datetime)
            },
            FieldSpec {
                default: Some(DefaultSpec::Now),
                ..field("started_on", FieldKind::Date)
            },
        ],
        timestamps: true,
        search: &[],
        operations: ALL,
        openapi: no_pointers(),
        seed: None,
        rules: RulesSpec::NONE,
    },
];

pub static MIGRATIONS: &[MigrationSpec] = &[
    MigrationSpec {
        version: 1,
        name: "create_authors_books",
        sqlite: SQLITE_1,
        postgres: POSTGRES_1,
    },
    MigrationSpec {
        version: 2,
        name: "create_counters",
        sqlite: SQLITE_2,
        postgres: POSTGRES_2,
    },
];

/// The OpenAPI operations the compiler would document for authors' list and create.
pub const OPENAPI: &str = r##"{
  "openapi": "3.1.0",
  "info": {"title": "storage-test", "version": "0.0.0"},
  "paths": {
    "/authors": {
      "get": {
        "parameters": [
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100}}
        ],
        "responses": {"200": {"description": "a page"}}
      },
      "post": {
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AuthorInput"}}}
        },
        "responses": {"201": {"description": "created"}}
      }
    }
  },
  "components": {
    "schemas": {
      "AuthorInput": {
        "type": "object",
        "required": ["name"],
        "properties": {
          "name": {"type": "string", "maxLength": 50},
          "email": {"type": ["string", "null"], "format": "email"},
          "bio": {"type": ["string", "null"]}
        }
      }
    }
  }
}"##;

/// What the routes are built from (the URL is unused: tests pass the store explicitly).
pub static DATA: DataSpec = DataSpec {
    url: "sqlite::memory:",
    resources: RESOURCES,
    migrations: MIGRATIONS,
};

/// A data spec for the database at `url`.
pub fn data_at(url: &str) -> &'static DataSpec {
    Box::leak(Box::new(DataSpec {
        url: Box::leak(url.to_owned().into_boxed_str()),
        resources: RESOURCES,
        migrations: MIGRATIONS,
    }))
}

const SQLITE_1: &str = r#"
CREATE TABLE "authors" (
  "id" INTEGER PRIMARY KEY,
  "name" TEXT NOT NULL,
  "email" TEXT,
  "bio" TEXT,
  "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "authors_email_key" ON "authors" ("email");
CREATE TABLE "books" (
  "id" INTEGER PRIMARY KEY,
  "title" TEXT NOT NULL,
  "summary" TEXT,
  "isbn" TEXT,
  "price" REAL,
  "pages" INTEGER,
  "in_print" INTEGER,
  "status" TEXT NOT NULL,
  "published_at" TEXT,
  "release_date" TEXT,
  "tags" TEXT,
  "meta" TEXT,
  "code" TEXT,
  "website" TEXT,
  "author" INTEGER REFERENCES "authors" ("id") ON DELETE CASCADE,
  "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "books_isbn_key" ON "books" ("isbn");
CREATE INDEX "books_author_idx" ON "books" ("author");
CREATE VIRTUAL TABLE "books_fts" USING fts5("title", "summary", content='books');
CREATE TRIGGER "books_fts_insert" AFTER INSERT ON "books" BEGIN
  INSERT INTO "books_fts" (rowid, "title", "summary") VALUES (new.rowid, new."title", new."summary");
END;
CREATE TRIGGER "books_fts_delete" AFTER DELETE ON "books" BEGIN
  INSERT INTO "books_fts" ("books_fts", rowid, "title", "summary")
    VALUES ('delete', old.rowid, old."title", old."summary");
END;
CREATE TRIGGER "books_fts_update" AFTER UPDATE ON "books" BEGIN
  INSERT INTO "books_fts" ("books_fts", rowid, "title", "summary")
    VALUES ('delete', old.rowid, old."title", old."summary");
  INSERT INTO "books_fts" (rowid, "title", "summary") VALUES (new.rowid, new."title", new."summary");
END;
"#;

const POSTGRES_1: &str = r#"
CREATE TABLE "authors" (
  "id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  "name" TEXT NOT NULL,
  "email" TEXT,
  "bio" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "authors_email_key" ON "authors" ("email");
CREATE TABLE "books" (
  "id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  "title" TEXT NOT NULL,
  "summary" TEXT,
  "isbn" TEXT,
  "price" DOUBLE PRECISION,
  "pages" BIGINT,
  "in_print" BOOLEAN,
  "status" TEXT NOT NULL,
  "published_at" TIMESTAMPTZ(3),
  "release_date" DATE,
  "tags" JSONB,
  "meta" JSONB,
  "code" TEXT,
  "website" TEXT,
  "author" BIGINT REFERENCES "authors" ("id") ON DELETE CASCADE,
  "created_at" TIMESTAMPTZ(3) NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "books_isbn_key" ON "books" ("isbn");
CREATE INDEX "books_author_idx" ON "books" ("author");
CREATE INDEX "books_search_idx" ON "books"
  USING GIN (to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("summary", '')));
"#;

const SQLITE_2: &str = r#"
CREATE TABLE "counters" (
  "id" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL,
  "value" INTEGER NOT NULL,
  "started_at" TEXT,
  "started_on" TEXT,
  "created_at" TEXT NOT NULL,
  "updated_at" TEXT NOT NULL
);
"#;

const POSTGRES_2: &str = r#"
CREATE TABLE "counters" (
  "id" UUID PRIMARY KEY,
  "name" TEXT NOT NULL,
  "value" BIGINT NOT NULL,
  "started_at" TIMESTAMPTZ(3),
  "started_on" DATE,
  "created_at" TIMESTAMPTZ(3) NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL
);
"#;
