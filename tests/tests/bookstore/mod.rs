//! The bookstore example as the end-to-end tests deploy it: its generated server (built once
//! per test binary), a fresh database per scenario on SQLite (a file under a temporary working
//! folder) or PostgreSQL (a new database in a throw-away cluster), direct SQL access to that
//! database for what the HTTP API cannot do, and the seed files as the expected data.
//!
//! ```ignore
//! let deployment = Deployment::new(&Engine::Sqlite, "crud");
//! let server = deployment.start();
//! assert_eq!(get(&format!("{}/books", server.base_url)).status, 200);
//! ```

pub mod api;
pub mod durability;
pub mod errors;
pub mod handlers;
pub mod list_grammar;
pub mod lists;
pub mod workflows;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use backworks_tests::postgres::Postgres;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::sqlite::Sqlite;
use backworks_tests::{compile, example, workspace_root};
use serde_json::Value;

/// Where the data lives.
pub enum Engine<'a> {
    /// An SQLite file under each deployment's working folder (the blueprint's default URL).
    Sqlite,
    /// A database of this cluster, through `DATABASE_URL`.
    Postgres(&'a Postgres),
}

/// One bookstore database and the working folder its servers run in.
pub struct Deployment<'a> {
    engine: &'a Engine<'a>,
    /// The server's working folder (the SQLite file is `data/bookstore.db` under it).
    folder: PathBuf,
    /// The PostgreSQL database's name.
    database: String,
}

/// The bookstore server binary, built once per test binary.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let compiled = compile(&example("bookstore")).expect("the bookstore compiles");
        let out = workspace_root().join("target/e2e/bookstore");
        compiled.tree.write(&out).expect("output written");
        build_server(&out)
    })
}

impl<'a> Deployment<'a> {
    /// A deployment with an empty database, named after the scenario.
    pub fn new(engine: &'a Engine<'a>, scenario: &str) -> Deployment<'a> {
        let kind = match engine {
            Engine::Sqlite => "sqlite",
            Engine::Postgres(_) => "postgres",
        };
        let folder = std::env::temp_dir().join(format!(
            "backworks-bookstore-{kind}-{scenario}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        if let Engine::Postgres(postgres) = engine {
            postgres.create_database(scenario);
        }
        Deployment {
            engine,
            folder,
            database: scenario.to_string(),
        }
    }

    /// Starts a bookstore server on this deployment's database.
    pub fn start(&self) -> RunningServer {
        let url = match self.engine {
            // Empty: the blueprint's `sqlite://data/bookstore.db`, under the working folder.
            Engine::Sqlite => String::new(),
            Engine::Postgres(postgres) => postgres.url(&self.database),
        };
        RunningServer::start_in(binary(), &self.folder, &[("DATABASE_URL", &url)])
    }

    /// Runs SQL on the database directly, beside the server; rows as `a|b` lines.
    pub fn sql(&self, statements: &str) -> String {
        match self.engine {
            Engine::Sqlite => {
                Sqlite::open(&self.folder.join("data/bookstore.db")).query(statements)
            }
            Engine::Postgres(postgres) => postgres.query_in(&self.database, statements),
        }
    }
}

impl Drop for Deployment<'_> {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// The rows of a seed file of the example, in order.
pub fn seed(file: &str) -> Vec<Value> {
    let path = example("bookstore").join("seed").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Equal as JavaScript sees JSON: `11` and `11.0` are one number.
pub fn same_json(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_json(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(key, a)| b.get(key).is_some_and(|b| same_json(a, b)))
        }
        _ => left == right,
    }
}
