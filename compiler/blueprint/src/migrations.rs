//! The project's `migrations/` folder → [`MigrationHistory`]: the schema the last migration
//! left (`schema.json`) and every numbered migration, for the planner to compare against.
//!
//! ```text
//! migrations/schema.json                       MigrationHistory { snapshot: Some(version 2),
//! migrations/0001_create_books/sqlite.sql  ──▶   migrations: [1 create_books, 2 add_isbn] }
//! migrations/0001_create_books/postgres.sql
//! migrations/0002_add_isbn/{sqlite,postgres}.sql
//! ```
//!
//! The files are written by `backworks build` and committed by the user, so a problem here is
//! most often a bad merge or a deleted file: each is reported in the file it concerns.

use std::path::{Path, PathBuf};

use backworks_diagnostics::{Diagnostic, Sources, Span};
use backworks_ir::{Migration, MigrationHistory, SchemaSnapshot};

use crate::data::{char_at, offset_of};
use crate::diagnostics::data::invalid_migrations;

/// The folder's name inside the project.
const FOLDER: &str = "migrations";

/// Reads `<project_root>/migrations`; a missing folder is an empty history.
pub fn read(
    project_root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> MigrationHistory {
    let folder = project_root.join(FOLDER);
    let mut history = MigrationHistory {
        folder: folder.clone(),
        snapshot: None,
        migrations: Vec::new(),
    };
    if !folder.is_dir() {
        return history;
    }
    let mut snapshot: Option<(SchemaSnapshot, Span)> = None;
    let shown = |path: &Path| -> PathBuf {
        path.strip_prefix(project_root)
            .unwrap_or(path)
            .to_path_buf()
    };
    let read_file = |path: &Path, sources: &mut Sources| -> Option<(String, Span)> {
        let text = std::fs::read_to_string(path).ok()?;
        let source = sources.add(shown(path), text.clone());
        let first_line = text.find('\n').unwrap_or(text.len());
        Some((text, Span::new(source, 0, first_line)))
    };

    let schema_path = folder.join("schema.json");
    if schema_path.is_file() {
        match read_file(&schema_path, sources) {
            Some((text, at)) => match serde_json::from_str::<SchemaSnapshot>(&text) {
                Ok(read) => snapshot = Some((read, at)),
                Err(error) => {
                    let offset = offset_of(&text, error.line(), error.column());
                    let message = error.to_string();
                    let message = message.split(" at line ").next().unwrap_or(&message);
                    let here = char_at(&text, offset);
                    diagnostics.push(invalid_migrations(
                        Span::new(at.source, here.start, here.end),
                        "here",
                        format!("`migrations/schema.json` is malformed: {message}"),
                        "this file is written by `backworks build`; restore it from version control",
                    ));
                }
            },
            None => diagnostics.push(unreadable(&shown(&schema_path), sources)),
        }
    }

    let mut found: Vec<(u32, String, PathBuf)> = Vec::new();
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return history;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if let (true, Some((version, name))) = (path.is_dir(), parse_folder_name(&file_name)) {
            found.push((version, name, path));
        }
    }
    found.sort();

    let mut expected = 1;
    for (version, name, path) in found {
        let sqlite = read_file(&path.join("sqlite.sql"), sources);
        let postgres = read_file(&path.join("postgres.sql"), sources);
        let (sqlite, postgres) = match (sqlite, postgres) {
            (Some(sqlite), Some(postgres)) => (sqlite, postgres),
            (one, other) => {
                let missing = if one.is_none() {
                    "sqlite.sql"
                } else {
                    "postgres.sql"
                };
                let at = one
                    .or(other)
                    .map_or_else(|| placeholder(&shown(&path), sources), |(_, at)| at);
                diagnostics.push(invalid_migrations(
                    at,
                    "in this migration",
                    format!(
                        "migration `{}` has no readable `{missing}`",
                        shown(&path).display()
                    ),
                    "every migration holds `sqlite.sql` and `postgres.sql`; restore the file \
                     from version control",
                ));
                expected = version + 1;
                continue;
            }
        };
        if version != expected {
            let message = if version < expected {
                format!("two migrations are numbered {version:04}")
            } else if version == expected + 1 {
                format!(
                    "migration {expected:04} is missing before `{}`",
                    shown(&path).display()
                )
            } else {
                format!(
                    "migrations {expected:04} to {:04} are missing before `{}`",
                    version - 1,
                    shown(&path).display()
                )
            };
            diagnostics.push(invalid_migrations(
                sqlite.1,
                "this migration",
                message,
                "migrations are numbered from 0001 without gaps; restore the missing ones \
                 from version control",
            ));
        }
        expected = version + 1;
        history.migrations.push(Migration {
            version,
            name,
            sqlite: sqlite.0,
            postgres: postgres.0,
        });
    }
    let last = history
        .migrations
        .last()
        .map_or(0, |migration| migration.version);
    if let Some((snapshot, at)) = &snapshot
        && snapshot.version != last
    {
        diagnostics.push(invalid_migrations(
            *at,
            "this schema",
            format!(
                "`migrations/schema.json` is the schema after migration {:04}, but the last \
                 migration is {last:04}",
                snapshot.version
            ),
            "the schema and the migrations are written together by `backworks build`; \
             restore both from the same commit",
        ));
    }
    history.snapshot = snapshot.map(|(snapshot, _)| snapshot);
    history
}

/// `0003_add_tags` → (3, `add_tags`).
fn parse_folder_name(name: &str) -> Option<(u32, String)> {
    let (number, rest) = name.split_once('_')?;
    if number.len() != 4 || !number.bytes().all(|b| b.is_ascii_digit()) || rest.is_empty() {
        return None;
    }
    Some((number.parse().ok()?, rest.to_string()))
}

/// A file that exists but cannot be read, located at an empty stand-in for it.
fn unreadable(shown: &Path, sources: &mut Sources) -> Diagnostic {
    invalid_migrations(
        placeholder(shown, sources),
        "this file",
        format!("cannot read `{}`", shown.display()),
        "check the file's permissions and that it is UTF-8 text",
    )
}

/// A location for a file or folder without readable text.
fn placeholder(shown: &Path, sources: &mut Sources) -> Span {
    let source = sources.add(shown.to_path_buf(), String::new());
    Span::new(source, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_carry_a_four_digit_number_and_a_name() {
        assert_eq!(
            parse_folder_name("0003_add_tags"),
            Some((3, "add_tags".into()))
        );
        assert_eq!(parse_folder_name("3_add_tags"), None);
        assert_eq!(parse_folder_name("0003_"), None);
        assert_eq!(parse_folder_name("notes"), None);
    }

    #[test]
    fn a_missing_folder_is_an_empty_history() {
        let mut sources = Sources::new();
        let mut diagnostics = Vec::new();
        let root = Path::new("/nonexistent-backworks-project");
        let history = read(root, &mut sources, &mut diagnostics);
        assert_eq!(history.folder, root.join("migrations"));
        assert_eq!(history.snapshot, None);
        assert!(history.migrations.is_empty() && diagnostics.is_empty());
    }
}
