//! An SQLite database file driven by the `sqlite3` shell, as a person would inspect one.
//!
//! ```ignore
//! let db = Sqlite::create(&folder);
//! db.apply("CREATE TABLE t (id INTEGER);");
//! assert_eq!(db.query("SELECT count(*) FROM t"), "0");
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::command::run;

/// An SQLite database file.
pub struct Sqlite {
    /// The database file.
    pub path: PathBuf,
}

impl Sqlite {
    /// A new, empty database in `folder`.
    pub fn create(folder: &Path) -> Sqlite {
        let path = folder.join("data.db");
        let _ = std::fs::remove_file(&path);
        Sqlite { path }
    }

    /// The database file at `path`, as it is.
    pub fn open(path: &Path) -> Sqlite {
        Sqlite {
            path: path.to_path_buf(),
        }
    }

    /// Applies a migration as the server does: foreign keys off around one transaction, and a
    /// foreign key check before commit (which must find nothing).
    pub fn apply(&self, sql: &str) {
        let script = format!(
            "PRAGMA foreign_keys=OFF;\nBEGIN;\n{sql}\nPRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys=ON;\n"
        );
        let output = run(
            Command::new("sqlite3").arg("-bail").arg(&self.path),
            &script,
        );
        assert_eq!(output, "", "foreign_key_check found violations");
    }

    /// Runs statements with foreign keys on (waiting up to 5 s for a server's write lock);
    /// rows as `a|b` lines.
    pub fn query(&self, sql: &str) -> String {
        run(
            Command::new("sqlite3")
                .arg("-bail")
                .args(["-cmd", ".timeout 5000"])
                .arg(&self.path),
            &format!("PRAGMA foreign_keys=ON;\n{sql}\n"),
        )
    }
}
