//! A throw-away PostgreSQL 15 cluster (Debian's binaries): `initdb` into a temporary folder,
//! `pg_ctl` serving a Unix socket in that folder only (no TCP port to collide on), stopped and
//! removed when dropped. Never a system cluster. Tests query it with `psql` and point servers
//! at it with [`Postgres::url`]; [`Postgres::stop`] and [`Postgres::start_again`] take it away
//! and bring it back under a running server.
//!
//! ```ignore
//! let pg = Postgres::start("bookstore");
//! pg.create_database("crud");
//! server.env("DATABASE_URL", pg.url("crud"));
//! assert_eq!(pg.query_in("crud", "SELECT count(*) FROM books"), "7");
//! ```

use std::path::PathBuf;
use std::process::Command;

use crate::command::run;

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
    /// Creates and starts a cluster; `name` keeps clusters of one test process apart.
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
        run(
            as_cluster_owner(&format!("{BIN}/initdb"))
                .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
                .arg(folder.join("data")),
            "",
        );
        let postgres = Postgres { folder, port };
        postgres.start_again();
        postgres
    }

    /// Starts the cluster after [`Postgres::stop`] (also how [`Postgres::start`] starts it).
    pub fn start_again(&self) {
        // `fsync=off`: these clusters are thrown away; durability under `kill -9` is the
        // server's promise, and a killed server does not take PostgreSQL down with it.
        let options = format!(
            "-p {} -k {} -c listen_addresses='' -c fsync=off",
            self.port,
            self.folder.display()
        );
        let started = as_cluster_owner(&format!("{BIN}/pg_ctl"))
            .args(["-w", "-s", "-D"])
            .arg(self.folder.join("data"))
            .args(["-l"])
            .arg(self.folder.join("log"))
            .args(["-o", &options, "start"])
            .status()
            .expect("pg_ctl runs");
        assert!(started.success(), "PostgreSQL did not start");
    }

    /// Stops the cluster at once (`-m immediate`), as a crash or an outage would.
    pub fn stop(&self) {
        let _ = as_cluster_owner(&format!("{BIN}/pg_ctl"))
            .args(["-w", "-s", "-m", "immediate", "-D"])
            .arg(self.folder.join("data"))
            .arg("stop")
            .status();
    }

    /// The `DATABASE_URL` of `database` for a server (the socket folder percent-encoded as
    /// the host, which libpq and tokio-postgres read as a Unix socket).
    pub fn url(&self, database: &str) -> String {
        let host = self.folder.display().to_string().replace('/', "%2F");
        format!("postgres://postgres@{host}:{}/{database}", self.port)
    }

    /// Creates an empty database, so each test starts from nothing.
    pub fn create_database(&self, database: &str) {
        self.query(&format!("CREATE DATABASE {database}"));
    }

    fn psql(&self, database: &str) -> Command {
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
                database,
            ])
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
            // Notices (`DROP INDEX IF EXISTS` of a dropped column's index) are not failures.
            .env("PGOPTIONS", "-c client_min_messages=warning");
        command
    }

    /// Applies a migration in one transaction, as the server does.
    pub fn apply(&self, sql: &str) {
        run(self.psql("postgres").arg("--single-transaction"), sql);
    }

    /// Rows of a query in the `postgres` database as `a|b` lines.
    pub fn query(&self, sql: &str) -> String {
        self.query_in("postgres", sql)
    }

    /// Rows of a query in `database` as `a|b` lines.
    pub fn query_in(&self, database: &str, sql: &str) -> String {
        run(&mut self.psql(database), sql)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
