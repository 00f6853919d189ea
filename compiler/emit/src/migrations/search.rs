//! Full-text search objects (`search: [title, summary]`), the exact shapes the storage
//! layer's queries rely on (`ARCHITECTURE.md`, "Data", full-text search).
//!
//! ```text
//! SQLite      CREATE VIRTUAL TABLE "books_fts" USING fts5("title", "summary", content='books')
//!             + triggers books_fts_insert / books_fts_delete / books_fts_update
//! PostgreSQL  CREATE INDEX "books_search" ON "books" USING GIN
//!               (to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("summary", '')))
//! ```

use backworks_ir::TableSnapshot;

use super::ddl::{quote, string_literal};

/// The SQLite FTS5 table of `table`: an external-content index over the table's rows (by
/// `rowid`), kept current by three triggers.
pub(crate) fn sqlite_create(table: &TableSnapshot, existing_rows: bool) -> Vec<String> {
    let name = &table.name;
    let fts = quote(&format!("{name}_fts"));
    let columns: Vec<String> = table.search.iter().map(|c| quote(c)).collect();
    let columns = columns.join(", ");
    let values = |row: &str| -> String {
        let values: Vec<String> = table
            .search
            .iter()
            .map(|c| format!("{row}.{}", quote(c)))
            .collect();
        values.join(", ")
    };
    let insert = format!(
        "INSERT INTO {fts} (rowid, {columns}) VALUES (new.rowid, {})",
        values("new")
    );
    let delete = format!(
        "INSERT INTO {fts} ({fts}, rowid, {columns}) VALUES ('delete', old.rowid, {})",
        values("old")
    );
    let table_name = quote(name);
    let mut statements = vec![
        format!(
            "CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content={})",
            string_literal(name)
        ),
        format!(
            "CREATE TRIGGER {} AFTER INSERT ON {table_name} BEGIN\n  {insert};\nEND",
            quote(&format!("{name}_fts_insert"))
        ),
        format!(
            "CREATE TRIGGER {} AFTER DELETE ON {table_name} BEGIN\n  {delete};\nEND",
            quote(&format!("{name}_fts_delete"))
        ),
        format!(
            "CREATE TRIGGER {} AFTER UPDATE ON {table_name} BEGIN\n  {delete};\n  {insert};\nEND",
            quote(&format!("{name}_fts_update"))
        ),
    ];
    if existing_rows {
        statements.push(format!("INSERT INTO {fts} ({fts}) VALUES ('rebuild')"));
    }
    statements
}

/// Drops the SQLite FTS5 table and its triggers.
pub(crate) fn sqlite_drop(table: &str) -> Vec<String> {
    let mut statements: Vec<String> = ["insert", "delete", "update"]
        .iter()
        .map(|event| {
            format!(
                "DROP TRIGGER IF EXISTS {}",
                quote(&format!("{table}_fts_{event}"))
            )
        })
        .collect();
    statements.push(format!("DROP TABLE {}", quote(&format!("{table}_fts"))));
    statements
}

/// The document the PostgreSQL index covers; queries must use this expression verbatim for
/// the index to serve them.
pub(crate) fn postgres_document(table: &TableSnapshot) -> String {
    let parts: Vec<String> = table
        .search
        .iter()
        .map(|c| format!("coalesce({}, '')", quote(c)))
        .collect();
    format!("to_tsvector('simple', {})", parts.join(" || ' ' || "))
}

/// The PostgreSQL GIN index over the searched fields.
pub(crate) fn postgres_create(table: &TableSnapshot) -> String {
    format!(
        "CREATE INDEX {} ON {} USING GIN ({})",
        postgres_index_name(&table.name),
        quote(&table.name),
        postgres_document(table)
    )
}

/// `"books_search"`.
pub(crate) fn postgres_index_name(table: &str) -> String {
    quote(&super::ddl::object_name(format!("{table}_search")))
}
