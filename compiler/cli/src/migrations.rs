//! The project's `migrations/` folder as the last build left it, read into the IR's
//! [`MigrationHistory`] so the planner can compare the blueprint with it.
//!
//! ```text
//! migrations/schema.json                    ──▶  MigrationHistory { snapshot: Some(v2),
//! migrations/0001_create_books/sqlite.sql          migrations: [1 create_books, 2 alter_books] }
//! migrations/0001_create_books/postgres.sql
//! migrations/0002_alter_books/…
//! ```

use std::path::Path;

use backworks_diagnostics::{Diagnostic, Sources, Span};
use backworks_ir::{Migration, MigrationHistory, SchemaSnapshot};

/// Reads `folder` (absent: an empty history). Every problem is reported at once.
pub fn read_history(
    folder: &Path,
    shown: &Path,
    sources: &mut Sources,
) -> Result<MigrationHistory, Vec<Diagnostic>> {
    let mut history = MigrationHistory {
        folder: folder.to_path_buf(),
        snapshot: None,
        migrations: Vec::new(),
    };
    if !folder.is_dir() {
        return Ok(history);
    }
    let mut diagnostics = Vec::new();
    let schema = folder.join("schema.json");
    if let Ok(text) = std::fs::read_to_string(&schema) {
        match serde_json::from_str::<SchemaSnapshot>(&text) {
            Ok(snapshot) => history.snapshot = Some(snapshot),
            Err(error) => {
                let offset = offset_of(&text, error.line(), error.column());
                let id = sources.add(shown.join("schema.json"), text);
                diagnostics.push(
                    Diagnostic::error(
                        "migration-history",
                        format!("`{}` is not a schema snapshot: {error}", shown.join("schema.json").display()),
                    )
                    .with_label(Span::new(id, offset, offset), "here")
                    .with_help("restore it from version control; `backworks build` writes it after each migration"),
                );
            }
        }
    }

    let mut entries: Vec<(u32, String)> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().is_dir())
                .filter_map(|entry| entry.file_name().to_str().and_then(numbered))
                .collect()
        })
        .unwrap_or_default();
    entries.sort();
    for (expected, (version, name)) in (1..).zip(entries) {
        let folder_name = format!("{version:04}_{name}");
        if version != expected {
            diagnostics.push(
                Diagnostic::error(
                    "migration-history",
                    format!(
                        "`{}` should be migration {expected:04}: migrations are numbered from 1 without gaps",
                        shown.join(&folder_name).display()
                    ),
                )
                .with_help("restore the missing migration from version control"),
            );
        }
        let read = |engine: &str| std::fs::read_to_string(folder.join(&folder_name).join(engine));
        match (read("sqlite.sql"), read("postgres.sql")) {
            (Ok(sqlite), Ok(postgres)) => history.migrations.push(Migration {
                version,
                name,
                sqlite,
                postgres,
            }),
            _ => diagnostics.push(
                Diagnostic::error(
                    "migration-history",
                    format!(
                        "`{}` needs both `sqlite.sql` and `postgres.sql`",
                        shown.join(&folder_name).display()
                    ),
                )
                .with_help("restore them from version control"),
            ),
        }
    }
    if diagnostics.is_empty() {
        Ok(history)
    } else {
        Err(diagnostics)
    }
}

/// `0002_alter_books` → `(2, "alter_books")`.
fn numbered(folder: &str) -> Option<(u32, String)> {
    let (number, name) = folder.split_once('_')?;
    if number.len() != 4 || name.is_empty() {
        return None;
    }
    Some((number.parse().ok()?, name.to_string()))
}

/// The byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_carry_number_and_name() {
        assert_eq!(
            numbered("0002_alter_books"),
            Some((2, "alter_books".into()))
        );
        assert_eq!(numbered("2_alter"), None);
        assert_eq!(numbered("notes"), None);
    }

    #[test]
    fn offsets_count_lines_from_one() {
        assert_eq!(offset_of("ab\ncd", 2, 2), 4);
    }
}
