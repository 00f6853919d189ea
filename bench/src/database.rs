//! The data workloads' databases: seeded once per engine, then copied fresh for every run, so
//! every server reads the same 100 000 rows and each writes only to its own copy.
//!
//! ```text
//! SQLite      bench-crud on seed.db (applies the migration) ─▶ sqlite3 < bench/crud/seed/sqlite.sql
//!             every run: cp seed.db run.db ─▶ sqlite:///…/run.db
//! PostgreSQL  throw-away cluster ─▶ bench-crud on `seed` ─▶ psql -f bench/crud/seed/postgres.sql
//!             every run: CREATE DATABASE run_<n> TEMPLATE seed ─▶ postgres://…/run_<n>
//! ```
//!
//! The compiled server's own migration creates the table and its index, so every server reads
//! the very same schema (`bench/crud/migrations/0001_create_books`).

use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::Context;

use crate::options::Options;
use crate::postgres::Cluster;
use crate::prepare::{Prepared, run};
use crate::server::{Implementation, Server};
use crate::workload::{App, Engine, Workload};

/// The seeded databases and the runs' copies.
pub(crate) struct Databases {
    folder: PathBuf,
    seed_sql: PathBuf,
    sqlite_seed: Option<PathBuf>,
    postgres: Option<Cluster>,
    runs: u32,
}

impl Databases {
    /// Seeds a database for each engine that `workloads` use.
    pub(crate) fn prepare<'a>(
        options: &Options,
        prepared: &Prepared,
        workloads: impl IntoIterator<Item = &'a Workload>,
    ) -> anyhow::Result<Databases> {
        let folder = options.scratch().join("data");
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder)?;
        let mut databases = Databases {
            folder,
            seed_sql: options.workspace.join("bench/crud/seed"),
            sqlite_seed: None,
            postgres: None,
            runs: 0,
        };
        let engines: Vec<Engine> = workloads
            .into_iter()
            .filter_map(|workload| match workload.app {
                App::Crud(engine) => Some(engine),
                App::Handlers | App::Wait => None,
            })
            .collect();
        if engines.contains(&Engine::Sqlite) {
            databases.seed_sqlite(prepared)?;
        }
        if engines.contains(&Engine::Postgres) {
            databases.seed_postgres(prepared)?;
        }
        Ok(databases)
    }

    fn seed_sqlite(&mut self, prepared: &Prepared) -> anyhow::Result<()> {
        eprintln!("bench: seeding SQLite");
        let seed = std::path::absolute(self.folder.join("seed.db"))?;
        migrate(
            prepared,
            Engine::Sqlite,
            &format!("sqlite://{}", seed.display()),
        )?;
        let script = std::fs::File::open(self.seed_sql.join("sqlite.sql"))?;
        run(Command::new("sqlite3")
            .arg(&seed)
            .stdin(Stdio::from(script)))
        .context("sqlite3 (Debian: apt-get install -y sqlite3)")?;
        self.sqlite_seed = Some(seed);
        Ok(())
    }

    fn seed_postgres(&mut self, prepared: &Prepared) -> anyhow::Result<()> {
        eprintln!("bench: starting a throw-away PostgreSQL cluster and seeding it");
        let cluster = Cluster::start()?;
        run(cluster
            .psql("postgres")
            .args(["-c", "CREATE DATABASE seed"]))?;
        migrate(prepared, Engine::Postgres, &cluster.url("seed"))?;
        run(cluster
            .psql("seed")
            .arg("-f")
            .arg(self.seed_sql.join("postgres.sql")))?;
        self.postgres = Some(cluster);
        Ok(())
    }

    /// The URL of a fresh copy of the seeded database of `engine`.
    pub(crate) fn fresh(&mut self, engine: Engine) -> anyhow::Result<String> {
        self.runs += 1;
        match engine {
            Engine::Sqlite => {
                let seed = self.sqlite_seed.as_ref().context("SQLite was not seeded")?;
                let copy = std::path::absolute(self.folder.join("run.db"))?;
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
                }
                std::fs::copy(seed, &copy)?;
                Ok(format!("sqlite://{}", copy.display()))
            }
            Engine::Postgres => {
                let cluster = self
                    .postgres
                    .as_ref()
                    .context("PostgreSQL was not seeded")?;
                let name = format!("run_{}", self.runs);
                let previous = format!("run_{}", self.runs - 1);
                run(cluster.psql("postgres").args([
                    "-c",
                    &format!("DROP DATABASE IF EXISTS {previous} WITH (FORCE)"),
                    "-c",
                    &format!("CREATE DATABASE {name} TEMPLATE seed"),
                ]))?;
                Ok(cluster.url(&name))
            }
        }
    }
}

/// Starts the compiled server on `url` once, which applies its migration, and stops it.
fn migrate(prepared: &Prepared, engine: Engine, url: &str) -> anyhow::Result<()> {
    drop(Server::start(
        Implementation::Backworks,
        App::Crud(engine),
        prepared,
        Some(url),
    )?);
    Ok(())
}
