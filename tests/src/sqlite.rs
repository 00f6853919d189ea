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

    /// Applies a migration in one transaction with foreign keys on, as a careless tool
    /// would; the error when it fails.
    pub fn apply_with_foreign_keys_on(&self, sql: &str) -> Result<(), String> {
        let output = Command::new("sqlite3")
            .arg("-bail")
            .arg(&self.path)
            .arg(format!("PRAGMA foreign_keys=ON;\nBEGIN;\n{sql}\nCOMMIT;"))
            .output()
            .map_err(|error| format!("cannot run sqlite3: {error}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).into_owned())
        }
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
