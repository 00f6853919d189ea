//! The migration planner: the blueprint's resources against the project's last schema
//! snapshot, and the next numbered migration when they differ.
//!
//! ```text
//! migrations/schema.json: { version: 1, tables: [books { title }] }
//! resources: books { title, isbn }                 ──▶  0002_alter_books/sqlite.sql
//!                                                        ALTER TABLE "books" ADD COLUMN "isbn" TEXT;
//!                                                       0002_alter_books/postgres.sql, schema.json
//! ```
//!
//! The passes: [`snapshot`] reduces the resources to the shape the database holds, [`changes`]
//! compares it with the last snapshot (refusing what would lose data unless
//! `database.allow_data_loss` names it), [`order`] sorts new tables so references point
//! backwards, and [`sqlite`] / [`postgres`] write each engine's statements.

mod changes;
mod ddl;
mod naming;
mod order;
mod postgres;
mod search;
mod snapshot;
mod sqlite;

use backworks_diagnostics::Diagnostic;
use backworks_ir::{Migration, SchemaSnapshot, Service};
use serde::Serialize;

use crate::templates;

pub use snapshot::target_snapshot;

/// What the next build must add to the project's `migrations/` folder.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedMigration {
    /// The new migration, when the schema needs SQL (`None` when only `schema.json` changes,
    /// e.g. an enum gained a value).
    pub migration: Option<Migration>,
    /// The schema after it, for `schema.json`.
    pub snapshot: SchemaSnapshot,
    /// Files to write, relative to the `migrations/` folder, in path order.
    pub files: Vec<(String, String)>,
}

/// Plans the migration from `service.migrations.snapshot` to `service.resources`.
/// `Ok(None)` when the database already has the blueprint's shape (or the service keeps no
/// data); every refused change is reported at once.
pub fn plan(service: &Service) -> Result<Option<PlannedMigration>, Vec<Diagnostic>> {
    let Some(database) = &service.database else {
        return Ok(None);
    };
    let history = &service.migrations;
    let empty = SchemaSnapshot::default();
    let previous = history.snapshot.as_ref().unwrap_or(&empty);
    let last_version = history
        .migrations
        .iter()
        .map(|migration| migration.version)
        .chain([previous.version])
        .max()
        .unwrap_or(0);
    let mut target = target_snapshot(&service.resources);
    target.version = previous.version;
    if target == *previous {
        return Ok(None);
    }

    let mut diagnostics = Vec::new();
    let plan = changes::compare(previous, &target, service, database, &mut diagnostics);
    let creation = order::creation_order(&plan, &target, &service.resources, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }

    let sqlite = sqlite::statements(&plan, &creation);
    let postgres = postgres::statements(&plan, &creation);
    let name = naming::migration_name(&plan);
    let mut snapshot = target.clone();
    let mut files = Vec::new();
    let migration = if sqlite.is_empty() && postgres.is_empty() {
        None
    } else {
        let version = last_version + 1;
        snapshot.version = version;
        let folder = format!("{version:04}_{name}");
        let sqlite = render_sql(version, &name, "SQLite", &sqlite).map_err(|error| vec![error])?;
        let postgres =
            render_sql(version, &name, "PostgreSQL", &postgres).map_err(|error| vec![error])?;
        files.push((format!("{folder}/postgres.sql"), postgres.clone()));
        files.push((format!("{folder}/sqlite.sql"), sqlite.clone()));
        Some(Migration {
            version,
            name,
            sqlite,
            postgres,
        })
    };
    files.push(("schema.json".to_string(), schema_json(&snapshot)));
    Ok(Some(PlannedMigration {
        migration,
        snapshot,
        files,
    }))
}

impl PlannedMigration {
    /// Writes the files into the project's `migrations/` folder, leaving a file that already
    /// holds the same text untouched. Returns the paths written.
    pub fn write(&self, folder: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
        let mut written = Vec::new();
        for (relative, text) in &self.files {
            let path = folder.join(relative);
            if std::fs::read(&path).is_ok_and(|bytes| bytes == text.as_bytes()) {
                continue;
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, text)?;
            written.push(path);
        }
        Ok(written)
    }

    /// The paths [`PlannedMigration::write`] would write, relative to the project.
    pub fn paths(&self) -> impl Iterator<Item = String> + '_ {
        self.files
            .iter()
            .map(|(relative, _)| format!("migrations/{relative}"))
    }
}

/// `schema.json` as written: pretty JSON with a final newline, byte-stable.
pub fn schema_json(snapshot: &SchemaSnapshot) -> String {
    serde_json::to_string_pretty(snapshot).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct MigrationFile<'a> {
    version: String,
    name: &'a str,
    engine: &'a str,
    statements: &'a [String],
}

/// One engine's migration file: the header and the statements, each ended by `;`.
fn render_sql(
    version: u32,
    name: &str,
    engine: &str,
    statements: &[String],
) -> Result<String, Diagnostic> {
    templates::render(
        "migrations/migration.sql.j2",
        MigrationFile {
            version: format!("{version:04}"),
            name,
            engine,
            statements,
        },
    )
}

#[cfg(test)]
mod tests;
