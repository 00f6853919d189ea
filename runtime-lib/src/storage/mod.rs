//! Storage: the service's resources kept in a real database (see `ARCHITECTURE.md`, "Data").
//!
//! The generated `main.rs` describes the data with a `static` [`DataSpec`]; at start the server
//! opens the database its URL names (an embedded SQLite file by default, PostgreSQL for
//! `postgres://`), applies the migrations the database lacks, loads seed rows into empty
//! tables, and from then on serves the generated CRUD routes and `ctx.db` through one
//! engine-neutral interface, [`Store`]. All SQL is parameterized: names come from the
//! compiler's validated spec, values only ever travel as parameters.
//!
//! ```ignore
//! let store = Store::open(&DATA).await?;
//! let books = store.resource("books").unwrap();
//! let query = ListQuery::parse(books, &[("status".into(), "eq.published".into())])?;
//! let page = store.list("books", query).await?;   // Page { items, total: None, next }
//! ```
//!
//! The files, one concept each: [`spec`] (what the compiler emits), `store` (the entry
//! point), `record` (validating writes), `query`/`query_json`/`select` (list requests),
//! `list`/`expand`/`ops` (the operations), `rules` (record rules as SQL conditions), `sql` (SQL text for both dialects), `system` (the
//! platform's own `_backworks_*` tables), `value`/`time`
//! (JSON ↔ SQL values), `engine/` (SQLite and PostgreSQL), `migrate`, `cursor`, `etag`, `url`,
//! `error`, `http/` (the generated CRUD routes) and `audit/` (the audit log every write
//! appends to). The engines sit behind the default-on cargo feature `storage`; the spec types
//! are always there.

mod spec;

pub use spec::{
    Comparison, CrudOp, DataSpec, DefaultSpec, FieldKind, FieldSpec, IdKind, MigrationSpec,
    OnDeleteKind, OperationPointers, ResourceSpec, RuleExpr, RulesSpec, ScalarKind,
};

pub mod audit;
#[cfg(feature = "storage")]
pub(crate) mod columns;
#[cfg(feature = "storage")]
mod conflict;
#[cfg(feature = "storage")]
mod cursor;
#[cfg(feature = "storage")]
pub(crate) mod engine;
#[cfg(feature = "storage")]
pub(crate) mod error;
#[cfg(feature = "storage")]
mod etag;
#[cfg(feature = "storage")]
mod expand;
#[cfg(feature = "storage")]
pub(crate) mod http;
#[cfg(feature = "storage")]
pub(crate) mod list;
#[cfg(feature = "storage")]
mod migrate;
#[cfg(feature = "storage")]
pub(crate) mod ops;
#[cfg(feature = "storage")]
pub(crate) mod query;
#[cfg(feature = "storage")]
mod query_json;
#[cfg(feature = "storage")]
pub(crate) mod rate_limits;
#[cfg(feature = "storage")]
pub(crate) mod record;
#[cfg(feature = "storage")]
pub(crate) mod rules;
#[cfg(feature = "storage")]
mod select;
#[cfg(feature = "storage")]
pub(crate) mod sql;
#[cfg(feature = "storage")]
mod store;
#[cfg(feature = "storage")]
pub(crate) mod system;
#[cfg(feature = "storage")]
pub(crate) mod time;
#[cfg(feature = "storage")]
mod url;
#[cfg(feature = "storage")]
pub(crate) mod value;

#[cfg(feature = "storage")]
pub use error::{ErrorCode, StoreError, Violation};
#[cfg(feature = "storage")]
pub use etag::{Precondition, etag};
#[cfg(feature = "storage")]
pub use query::{
    Condition, DEFAULT_LIMIT, Direction, Filter, ListQuery, MAX_IN_VALUES, MAX_LIMIT, MAX_OFFSET,
    Op,
};
#[cfg(feature = "storage")]
pub use select::{SelectItem, Selection};
#[cfg(feature = "storage")]
pub use store::{Store, Transaction};

/// A record as JSON: `id`, the fields, `created_at`, `updated_at`.
pub type Row = serde_json::Map<String, serde_json::Value>;

/// One page of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The rows, projected and expanded as the query's `select` asked.
    pub items: Vec<Row>,
    /// Every matching row's count, when the query asked for it.
    pub total: Option<u64>,
    /// The cursor of the next page; `None` on the last.
    pub next: Option<String>,
}
