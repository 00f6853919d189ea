//! schemathesis fuzzes each example's live server from the server's own OpenAPI document, with
//! every check it has (no 5xx, documented status codes, responses conform to their schemas,
//! schema-valid requests accepted, schema-invalid ones rejected), and must find nothing. The
//! bookstore, which keeps its data in a database, is fuzzed on SQLite and on PostgreSQL.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use backworks_tests::postgres::Postgres;
use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{EXAMPLES, compile, example, workspace_root};

/// One example at a time: each run loads its server hard (and one build at a time).
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Builds the example's server and returns its binary, and whether it keeps resources.
fn server_of(name: &str) -> (PathBuf, bool) {
    // Both tests build the bookstore into one folder: one writer at a time.
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let compiled =
        compile(&example(name)).unwrap_or_else(|diagnostics| panic!("{name}:\n{diagnostics}"));
    let out = workspace_root().join("target/schemathesis").join(name);
    compiled.tree.write(&out).expect("output written");
    (build_server(&out), !compiled.service.resources.is_empty())
}

/// A fresh working folder for a server whose database is an SQLite file under it.
fn working_dir(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!(
        "backworks-schemathesis-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// The schemathesis settings of a service with resources: what each check expects, and the
/// known failures, each with its reason.
fn resources_config() -> PathBuf {
    workspace_root().join("tests/schemathesis/resources.toml")
}

/// How one example is fuzzed beyond the defaults.
#[derive(Default)]
struct Settings {
    /// A schemathesis configuration file.
    config: Option<PathBuf>,
}

fn fuzz(name: &str, binary: &Path, env: &[(&str, &str)], settings: Settings) {
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let folder = working_dir(name);
    let server = RunningServer::start_in(binary, &folder, env);
    let mut command = Command::new("schemathesis");
    match &settings.config {
        // The file enables every check itself.
        Some(config) => command.arg("--config-file").arg(config).arg("run"),
        None => command.args(["run", "--checks", "all"]),
    };
    command
        .arg(format!("{}/_backworks/openapi.json", server.base_url))
        .args(["--max-examples", "40", "--seed", "1"]);
    let output = command
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run schemathesis ({error}); run scripts/test-all.sh to install it")
        });
    drop(server);
    let _ = std::fs::remove_dir_all(&folder);
    let report = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{name}: schemathesis found problems:\n{report}"
    );
    assert!(report.contains("No issues found"), "{name}: {report}");
}

#[test]
fn schemathesis_finds_nothing_wrong_with_the_examples() {
    for name in EXAMPLES {
        // Without DATABASE_URL, the bookstore runs on SQLite in its working folder.
        let (binary, keeps_resources) = server_of(name);
        let settings = Settings {
            config: keeps_resources.then(resources_config),
        };
        fuzz(name, &binary, &[("DATABASE_URL", "")], settings);
    }
}

#[test]
fn schemathesis_finds_nothing_wrong_with_the_bookstore_on_postgresql() {
    let (binary, _) = server_of("bookstore");
    let postgres = Postgres::start("schemathesis");
    postgres.create_database("bookstore");
    fuzz(
        "bookstore-postgres",
        &binary,
        &[("DATABASE_URL", &postgres.url("bookstore"))],
        Settings {
            config: Some(resources_config()),
        },
    );
}
