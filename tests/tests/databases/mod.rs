//! Real databases for the migration tests: an SQLite file driven by the `sqlite3` shell, and a
//! throw-away PostgreSQL 15 cluster (initdb into a temporary folder, a Unix socket only,
//! stopped when dropped) driven by `psql`.
//!
//! ```ignore
//! let pg = Postgres::start();
//! pg.apply("CREATE TABLE t (id int);");
//! assert_eq!(pg.query("SELECT count(*) FROM t"), "0");
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs `program` with `input` on stdin; panics with its output when it fails.
fn run(command: &mut Command, input: &str) -> String {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run {command:?}: {error}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success() && stderr.is_empty(),
        "{command:?} failed:\n{stderr}\n{stdout}\ninput:\n{input}"
    );
    stdout.trim_end().to_string()
}

/// An SQLite database file.
pub struct Sqlite {
    pub path: PathBuf,
}

impl Sqlite {
    /// A new, empty database in `folder`.
    pub fn create(folder: &Path) -> Sqlite {
        let path = folder.join("data.db");
        let _ = std::fs::remove_file(&path);
        Sqlite { path }
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

    /// Applies a migration in one transaction with foreign keys on; the error when it fails.
    pub fn apply_with_foreign_keys_on(&self, sql: &str) -> Result<(), String> {
        let output = Command::new("sqlite3")
            .arg("-bail")
            .arg(&self.path)
            .arg(format!("PRAGMA foreign_keys=ON;\nBEGIN;\n{sql}\nCOMMIT;"))
            .output()
            .expect("sqlite3 runs");
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).into_owned())
        }
    }

    /// Runs statements with foreign keys on; rows as `a|b` lines.
    pub fn query(&self, sql: &str) -> String {
        run(
            Command::new("sqlite3").arg("-bail").arg(&self.path),
            &format!("PRAGMA foreign_keys=ON;\n{sql}\n"),
        )
    }
}

const BIN: &str = "/usr/lib/postgresql/15/bin";

/// A PostgreSQL cluster listening on a Unix socket in its own temporary folder.
pub struct Postgres {
    folder: PathBuf,
    port: u16,
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.starts_with(b"0\n"))
}

/// A command run as the `postgres` user when the tests run as root (initdb refuses root).
fn as_cluster_owner(program: &str) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--", program]);
        command
    } else {
        Command::new(program)
    }
}

impl Postgres {
    /// Creates and starts a cluster.
    pub fn start(name: &str) -> Postgres {
        let folder =
            std::env::temp_dir().join(format!("backworks-pg-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        if is_root() {
            run(Command::new("chown").arg("postgres").arg(&folder), "");
        }
        // The port only names the socket file: nothing listens on TCP.
        let port = 20_000 + (std::process::id() % 20_000) as u16;
        let data = folder.join("data");
        run(
            as_cluster_owner(&format!("{BIN}/initdb"))
                .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
                .arg(&data),
            "",
        );
        let options = format!(
            "-p {port} -k {} -c listen_addresses='' -c fsync=off",
            folder.display()
        );
        let started = as_cluster_owner(&format!("{BIN}/pg_ctl"))
            .args(["-w", "-s", "-D"])
            .arg(&data)
            .args(["-l"])
            .arg(folder.join("log"))
            .args(["-o", &options, "start"])
            .status()
            .expect("pg_ctl runs");
        assert!(started.success(), "PostgreSQL did not start");
        Postgres { folder, port }
    }

    fn psql(&self) -> Command {
        let mut command = Command::new(format!("{BIN}/psql"));
        command
            .arg("-h")
            .arg(&self.folder)
            .args([
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                "-d",
                "postgres",
            ])
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
            // Notices (`DROP INDEX IF EXISTS` of a dropped column's index) are not failures.
            .env("PGOPTIONS", "-c client_min_messages=warning");
        command
    }

    /// Applies a migration in one transaction, as the server does.
    pub fn apply(&self, sql: &str) {
        run(self.psql().arg("--single-transaction"), sql);
    }

    /// Rows of a query as `a|b` lines.
    pub fn query(&self, sql: &str) -> String {
        run(&mut self.psql(), sql)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = as_cluster_owner(&format!("{BIN}/pg_ctl"))
            .args(["-s", "-m", "immediate", "-D"])
            .arg(self.folder.join("data"))
            .arg("stop")
            .status();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
