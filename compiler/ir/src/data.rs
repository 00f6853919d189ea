//! The data model: the blueprint's `database:` and `resources:` as plain data.
//!
//! Each resource becomes a table with an `id` primary key, its declared fields as columns and,
//! unless switched off, `created_at`/`updated_at`. The migration planner (`compiler/emit`)
//! turns the difference between [`Service::resources`](crate::Service::resources) and the
//! project's last [`SchemaSnapshot`] into SQL; the server's storage layer (`runtime-lib`'s
//! `storage`) serves the generated CRUD operations and `ctx.db` from the same description.
//!
//! ```text
//! resources:                              Resource { name: "books", id: Integer, fields: [
//!   books:                                  Field { name: "title", kind: String, required: true, … },
//!     fields:                    ──▶        Field { name: "author", kind: Ref { to: "authors",
//!       title: { type: string,                                              on_delete: Cascade }, … }],
//!                required: true }           operations: [List, Get, Create, Update, Delete], … }
//!       author: { type: ref, to: authors, on_delete: cascade }
//!     endpoints: true
//! ```

use backworks_diagnostics::Span;
use serde::{Deserialize, Serialize};

/// Where the service keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Database {
    /// The connection URL as the blueprint writes it, `${VAR}` and `${VAR:-default}` left
    /// unexpanded: the server expands them from its environment at start, and `DATABASE_URL`,
    /// when set, replaces the whole value. `sqlite://data/app.db` (relative to the server's
    /// working directory), `sqlite::memory:`, or `postgres://user@host:5432/db`.
    pub url: String,
    /// Destructive schema changes the blueprint explicitly allows (`resource` or
    /// `resource.field` names); any other drop or narrowing is refused by the planner.
    pub allow_data_loss: Vec<String>,
    /// Where the blueprint declares it.
    pub span: Span,
}

/// One resource: a table, its CRUD endpoints and its `ctx.db.<name>` accessor.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// The resource's name: the table name, the URL segment (`/books`) and `ctx.db.books`.
    pub name: String,
    /// What the resource holds, from `description`.
    pub description: Option<String>,
    /// How ids are made.
    pub id: IdStrategy,
    /// Declared fields, in blueprint order (`id` and the timestamps are implicit).
    pub fields: Vec<Field>,
    /// Whether `created_at` and `updated_at` are kept automatically (default true).
    pub timestamps: bool,
    /// Extra indexes, each a list of column names (fields, `id`, `created_at`, `updated_at`).
    pub indexes: Vec<Vec<String>>,
    /// Text fields covered by full-text search (`?search=`); empty when there is none.
    pub search: Vec<String>,
    /// The generated HTTP operations, in the order of [`CrudOperation::ALL`].
    pub operations: Vec<CrudOperation>,
    /// Rows loaded into the table when it is empty at start, already checked against the
    /// fields (from `seed:`, a JSON or YAML file of an array of objects).
    pub seed: Vec<serde_json::Map<String, serde_json::Value>>,
    /// Who may read and write which records through the generated routes (`rules:`).
    pub rules: crate::Rules,
    /// Where the blueprint declares the resource.
    pub span: Span,
}

/// How a resource's ids are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdStrategy {
    /// 1, 2, 3, … assigned by the database (the default).
    Integer,
    /// A random UUID v4, as a string.
    Uuid,
}

/// One declared field: a column and a member of the resource's JSON representation.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The field's name, also its column's name.
    pub name: String,
    /// Its type.
    pub kind: FieldType,
    /// Whether a create must supply it (or a default does) and it can never be `null`.
    pub required: bool,
    /// Whether two rows may never hold the same value (a unique index).
    pub unique: bool,
    /// The value a create gets when it does not supply one.
    pub default: Option<FieldDefault>,
    /// Checks on the value beyond its type.
    pub constraints: Constraints,
    /// What the field means, from `description`.
    pub description: Option<String>,
    /// Where the blueprint declares the field.
    pub span: Span,
}

/// A field's type. Each maps to one column type per engine (see `ARCHITECTURE.md`, "Data").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum FieldType {
    /// A short text (`string`).
    String,
    /// A long text (`text`); the same column type, kept apart for forms and search.
    Text,
    /// A whole number (`integer`, 64-bit).
    Integer,
    /// A double-precision number (`number`).
    Number,
    /// `true` or `false`.
    Boolean,
    /// An instant, exchanged as an ISO 8601 string in UTC with milliseconds
    /// (`2026-12-04T13:50:00.000Z`, what JavaScript's `toISOString` writes).
    Datetime,
    /// A calendar date, exchanged as `YYYY-MM-DD`.
    Date,
    /// Any JSON value.
    Json,
    /// One of a fixed list of strings.
    Enum {
        /// The allowed values, in blueprint order.
        values: Vec<String>,
    },
    /// A JSON array of one scalar type.
    Array {
        /// The element type: a scalar (`string`, `integer`, `number`, `boolean`).
        items: ScalarType,
    },
    /// A reference to a row of another resource (a foreign key holding its id).
    Ref {
        /// The referenced resource's name.
        to: String,
        /// What happens to this row when the referenced one is deleted.
        on_delete: OnDelete,
    },
}

/// The element types arrays may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScalarType {
    /// Strings.
    String,
    /// Whole numbers.
    Integer,
    /// Numbers.
    Number,
    /// Booleans.
    Boolean,
}

/// What deleting a referenced row does to the rows referring to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnDelete {
    /// The delete is refused while rows refer to it (409): the default.
    Restrict,
    /// The referring rows are deleted too.
    Cascade,
    /// The reference becomes `null` (not allowed on a `required` field).
    SetNull,
}

/// A field's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum FieldDefault {
    /// A literal value, already checked against the field's type and constraints.
    Value(serde_json::Value),
    /// The current instant (`now`; `datetime` and `date` fields).
    Now,
    /// A fresh UUID v4 (`uuid`; `string` fields).
    Uuid,
    /// The calling user's id (`user.id`; `string` fields and refs), filled in by the
    /// generated routes; `ctx.db` and anonymous callers supply none.
    CallerId,
}

/// Validation constraints beyond the type; every one is enforced on create and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// Fewest characters (UTF-16 code units, as JavaScript and JSON Schema count them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// Most characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// Smallest value, for numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    /// Largest value, for numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
    /// An ECMAScript regular expression a string must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// A JSON Schema `format` (`email`, `uri`, `uuid`, …), for strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// One generated HTTP operation of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrudOperation {
    /// `GET /books`: filtered, sorted, paginated list.
    List,
    /// `GET /books/{id}`.
    Get,
    /// `POST /books`.
    Create,
    /// `PATCH /books/{id}` (a partial change) and `PUT /books/{id}` (a full replacement).
    Update,
    /// `DELETE /books/{id}`.
    Delete,
}

impl CrudOperation {
    /// Every operation, in the order endpoints list them.
    pub const ALL: [CrudOperation; 5] = [
        CrudOperation::List,
        CrudOperation::Get,
        CrudOperation::Create,
        CrudOperation::Update,
        CrudOperation::Delete,
    ];

    /// The name the blueprint uses: `list`, `get`, `create`, `update`, `delete`.
    pub fn as_str(self) -> &'static str {
        match self {
            CrudOperation::List => "list",
            CrudOperation::Get => "get",
            CrudOperation::Create => "create",
            CrudOperation::Update => "update",
            CrudOperation::Delete => "delete",
        }
    }

    /// Parses a blueprint name.
    pub fn parse(name: &str) -> Option<CrudOperation> {
        CrudOperation::ALL
            .into_iter()
            .find(|operation| operation.as_str() == name)
    }
}

/// The resources as some migration left the database: what `migrations/schema.json` holds and
/// the planner compares the blueprint with. Only what changes a table's shape is kept, so
/// editing a description or a validation constraint needs no migration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SchemaSnapshot {
    /// The number of the migration that produced this schema (0 before any).
    pub version: u32,
    /// Every table, in blueprint order.
    pub tables: Vec<TableSnapshot>,
}

/// One resource's table in a [`SchemaSnapshot`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSnapshot {
    /// The resource's name.
    pub name: String,
    /// Its id strategy.
    pub id: IdStrategy,
    /// Whether it has `created_at`/`updated_at`.
    pub timestamps: bool,
    /// Its declared columns, in blueprint order.
    pub columns: Vec<ColumnSnapshot>,
    /// Its extra indexes.
    pub indexes: Vec<Vec<String>>,
    /// Its full-text search fields.
    pub search: Vec<String>,
}

/// One declared column in a [`TableSnapshot`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnSnapshot {
    /// The field's name.
    pub name: String,
    /// Its type.
    #[serde(flatten)]
    pub kind: FieldType,
    /// `NOT NULL`.
    pub required: bool,
    /// A unique index.
    pub unique: bool,
}

/// The project's `migrations/` folder as the last build left it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MigrationHistory {
    /// The folder (`<project>/migrations`), where a new migration is written.
    pub folder: std::path::PathBuf,
    /// The schema after the last migration (`schema.json`), if there is one.
    pub snapshot: Option<SchemaSnapshot>,
    /// Every migration, by number.
    pub migrations: Vec<Migration>,
}

/// One numbered migration: the same change written for each engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// Its number, from 1, without gaps.
    pub version: u32,
    /// Its name (`0001_create_books` → `create_books`).
    pub name: String,
    /// The SQL for SQLite.
    pub sqlite: String,
    /// The SQL for PostgreSQL.
    pub postgres: String,
}
