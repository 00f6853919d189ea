//! Storage: the service's resources kept in a real database (being built; see
//! `ARCHITECTURE.md`, "Data").
//!
//! The generated `main.rs` describes the data with a `static` [`DataSpec`]; at start the server
//! opens the database its URL names (an embedded SQLite file by default, PostgreSQL for
//! `postgres://`), applies the migrations the database lacks, loads seed rows into empty
//! tables, and from then on serves the generated CRUD routes and `ctx.db` through one
//! engine-neutral interface. All SQL is parameterized: names come from the compiler's
//! validated spec, values only ever travel as parameters.

mod spec;

pub use spec::{
    CrudOp, DataSpec, DefaultSpec, FieldKind, FieldSpec, IdKind, MigrationSpec, OnDeleteKind,
    OperationPointers, ResourceSpec, ScalarKind,
};
