//! The `backworks` binary as a person uses it: exit codes, what it prints, and that an
//! unchanged project rebuilds without rewriting a file.

use std::path::Path;
use std::process::{Command, Output};
use std::time::SystemTime;

fn workspace_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> std::path::PathBuf {
    workspace_root().join("examples").join(name)
}

fn backworks(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backworks"))
        .args(args)
        .output()
        .expect("the backworks binary runs")
}

fn modification_times(dir: &Path) -> Vec<(String, SystemTime)> {
    let mut times = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let modified = path
                    .metadata()
                    .and_then(|meta| meta.modified())
                    .expect("mtime");
                times.push((path.display().to_string(), modified));
            }
        }
    }
    times.sort();
    times
}

#[test]
fn schema_prints_the_blueprint_json_schema() {
    let output = backworks(&["schema"]);
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).expect("schema is JSON");
    assert_eq!(schema["title"], "Backworks blueprint");
    assert!(schema["properties"]["endpoints"].is_object());
    assert!(schema["$defs"]["Endpoint"]["properties"]["methods"].is_object());
    // The data keys: resources by name, and each field's type from a closed list editors offer.
    assert_eq!(
        schema["properties"]["resources"]["additionalProperties"]["$ref"],
        "#/$defs/ResourceConfig"
    );
    assert!(schema["$defs"]["DatabaseConfig"]["properties"]["url"].is_object());
    let field = &schema["$defs"]["FieldConfig"];
    assert_eq!(field["required"], serde_json::json!(["type"]));
    let types = field["properties"]["type"]["enum"]
        .as_array()
        .expect("types");
    assert_eq!(types.len(), 11);
    assert!(types.contains(&serde_json::json!("ref")));
    for option in [
        "minLength",
        "maxLength",
        "on_delete",
        "values",
        "items",
        "to",
    ] {
        assert!(field["properties"][option].is_object(), "{option}");
    }
    assert_eq!(
        schema["$defs"]["ResourceConfig"]["additionalProperties"], false,
        "unknown resource keys are reported"
    );
}

#[test]
fn check_fails_with_diagnostics_and_exit_code_one() {
    let broken = workspace_root().join("tests/fixtures/errors/unknown-key");
    let output = backworks(&["check", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error[unknown-key]: unknown key `methdo` in endpoint"),
        "{stderr}"
    );
    assert!(stderr.contains("--> backworks.yaml:4:5"), "{stderr}");
}

#[test]
fn check_can_report_diagnostics_as_json_lines() {
    let broken = workspace_root().join("tests/fixtures/errors/duplicate-route");
    let output = backworks(&[
        "check",
        broken.to_str().unwrap(),
        "--message-format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let diagnostic: serde_json::Value =
        serde_json::from_str(stdout.lines().next().expect("one line")).unwrap();
    assert_eq!(diagnostic["code"], "duplicate-route");
    assert_eq!(diagnostic["labels"][0]["file"], "backworks.yaml");
    assert_eq!(diagnostic["labels"][0]["line"], 8);
    assert_eq!(diagnostic["labels"][1]["message"], "first declared here");
}

#[test]
fn build_writes_the_server_and_an_unchanged_rebuild_rewrites_nothing() {
    let out = workspace_root().join("target/cli-test-out");
    let _ = std::fs::remove_dir_all(&out);
    let project = example("hello-world");
    let first = backworks(&[
        "build",
        project.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        stdout.contains("wrote"),
        "build lists what it wrote: {stdout}"
    );
    assert!(
        stdout.contains(" ms"),
        "build says how long it took: {stdout}"
    );
    assert!(out.join("server/Cargo.toml").is_file());
    assert!(out.join("server/src/main.rs").is_file());

    let before = modification_times(&out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = backworks(&[
        "build",
        project.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(second.status.success());
    let stdout = String::from_utf8_lossy(&second.stdout);
    assert!(stdout.contains("0 written"), "{stdout}");
    assert_eq!(modification_times(&out), before, "no file was touched");
}

/// A running `backworks dev`: its output lines, and a way to wait for them.
struct DevSession {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl DevSession {
    /// Starts `backworks dev project` in `cwd` with `env`, sharing the generated servers'
    /// target folder so dependencies compile once.
    fn start(project: &Path, cwd: &Path, env: &[(&str, &str)]) -> DevSession {
        use std::io::{BufRead, BufReader, Read};
        use std::process::Stdio;

        let mut child = Command::new(env!("CARGO_BIN_EXE_backworks"))
            .args(["dev", project.to_str().unwrap()])
            .current_dir(cwd)
            .env("CARGO_TARGET_DIR", workspace_root().join("target/servers"))
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (sender, lines) = std::sync::mpsc::channel::<String>();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    // Echoed so a failure shows what the dev loop said.
                    eprintln!("dev | {line}");
                    let _ = sender.send(line);
                }
            });
        }
        DevSession { child, lines }
    }

    /// Waits until every needle has been printed, in any order: stdout and stderr are read by
    /// two threads, so lines of the two streams may arrive in either order.
    fn wait_for_all(&self, needles: &[&str]) {
        use std::time::{Duration, Instant};
        let deadline = Instant::now() + Duration::from_secs(300);
        let mut missing: Vec<&str> = needles.to_vec();
        while !missing.is_empty() {
            let line = self
                .lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("`backworks dev` never printed {missing:?}"));
            missing.retain(|needle| !line.contains(needle));
        }
    }

    fn wait_for(&self, needle: &str) {
        self.wait_for_all(&[needle]);
    }

    /// Every line printed within `quiet`, once nothing more is printed for that long.
    fn lines_within(&self, quiet: std::time::Duration) -> Vec<String> {
        std::iter::from_fn(|| self.lines.recv_timeout(quiet).ok()).collect()
    }

    /// Kills the dev loop and waits until its server (which dies with it) stops answering.
    fn kill(mut self, port: u16) {
        use std::time::{Duration, Instant};
        let _ = self.child.kill();
        let _ = self.child.wait();
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            assert!(
                Instant::now() < deadline,
                "the server outlived `backworks dev`"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A loopback port nobody listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Sends one HTTP/1.1 request and returns the status line's code and the body.
fn http(port: u16, method: &str, path: &str, json: Option<&str>) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("dev server listens");
    let body = json.unwrap_or("");
    let content_type = if json.is_some() {
        "content-type: application/json\r\n"
    } else {
        ""
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n{content_type}content-length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
    (status, body.to_string())
}

/// Copies the folder `from` into `to` (files and folders only).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `backworks dev` serves the project, rebuilds and restarts on a change, and keeps the old
/// server running when a change does not compile.
#[test]
fn dev_rebuilds_on_change_and_survives_mistakes() {
    let project = workspace_root().join("target/dev-test-project");
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(&project).unwrap();
    let port = free_port();
    let blueprint = |greeting: &str| {
        format!(
            "name: dev-test\nserver:\n  port: {port}\nendpoints:\n  - path: /greet\n    handler: ./greet.js\n"
        ) + &format!("# {greeting}\n")
    };
    std::fs::write(project.join("backworks.yaml"), blueprint("v1")).unwrap();
    std::fs::write(
        project.join("greet.js"),
        "module.exports = () => ({ body: 'first' });\n",
    )
    .unwrap();

    let dev = DevSession::start(&project, &workspace_root(), &[]);
    let get = || http(port, "GET", "/greet", None).1;

    dev.wait_for(&format!("dashboard: http://127.0.0.1:{port}/_backworks/"));
    dev.wait_for("listening on");
    assert_eq!(get(), "first");

    std::fs::write(
        project.join("greet.js"),
        "module.exports = () => ({ body: 'second' });\n",
    )
    .unwrap();
    dev.wait_for("change detected");
    dev.wait_for("listening on");
    assert_eq!(get(), "second", "the edit is served after the restart");

    std::fs::write(
        project.join("greet.js"),
        "module.exports = () => ({ body: 'third' ;\n",
    )
    .unwrap();
    dev.wait_for("change detected");
    dev.wait_for_all(&["--> greet.js:1:", "watching for changes"]);
    assert_eq!(
        get(),
        "second",
        "a broken edit leaves the previous server serving"
    );
    // The server dies with the dev loop that started it.
    dev.kill(port);
}

/// Started from another folder, `backworks dev examples/bookstore` keeps its SQLite database in
/// the project's `data/`; the migration the build writes, and the database files the server
/// writes, do not trigger rebuilds; the data survives a restart of `dev`.
#[test]
fn dev_keeps_the_database_in_the_project_and_ignores_its_own_writes() {
    use std::time::Duration;

    let scratch = workspace_root().join(format!("target/dev-bookstore-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let project = scratch.join("bookstore");
    copy_tree(&example("bookstore"), &project);
    let _ = std::fs::remove_dir_all(project.join("data"));
    // Without its migrations the build writes the first one into the project.
    std::fs::remove_dir_all(project.join("migrations")).unwrap();
    let elsewhere = scratch.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let port = free_port();
    let port_text = port.to_string();
    let env = [("PORT", port_text.as_str()), ("DATABASE_URL", "")];

    let dev = DevSession::start(Path::new("../bookstore"), &elsewhere, &env);
    dev.wait_for_all(&[
        "migrations/0001_create_authors_books_reviews/sqlite.sql",
        "database: ${DATABASE_URL:-sqlite://data/bookstore.db}",
        "listening on",
    ]);
    assert!(project.join("migrations/schema.json").is_file());
    assert!(
        project.join("data/bookstore.db").is_file(),
        "the database is in the project folder"
    );
    assert!(
        !elsewhere.join("data").exists(),
        "not where dev was started"
    );
    let (status, books) = http(
        port,
        "GET",
        "/books?select=title&order=id.asc&limit=1",
        None,
    );
    assert_eq!(status, 200);
    assert!(
        books.starts_with(r#"{"items":[{"title":"A Wizard of Earthsea"}],"next":""#),
        "the first seeded book: {books}"
    );
    let (status, _) = http(
        port,
        "POST",
        "/authors",
        Some(r#"{"name":"Ted Chiang","email":"ted@example.org"}"#),
    );
    assert_eq!(status, 201);
    let settled = dev.lines_within(Duration::from_secs(3));
    assert!(
        !settled.iter().any(|line| line.contains("change detected")),
        "the build's migration and the server's writes are not changes: {settled:#?}"
    );
    dev.kill(port);

    let dev = DevSession::start(&project, &elsewhere, &env);
    dev.wait_for("listening on");
    let (status, authors) = http(
        port,
        "GET",
        "/authors?name=eq.Ted%20Chiang&select=email",
        None,
    );
    assert_eq!(status, 200);
    assert!(
        authors.contains(r#"{"email":"ted@example.org"}"#),
        "the row written before the restart is there: {authors}"
    );
    dev.kill(port);
    let _ = std::fs::remove_dir_all(&scratch);
}

/// A project with one resource, in a fresh folder under `target/`.
fn data_project(name: &str, fields: &str, extra: &str) -> std::path::PathBuf {
    let project = workspace_root().join("target").join(name);
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(&project).unwrap();
    write_blueprint(&project, fields, extra);
    project
}

fn write_blueprint(project: &Path, fields: &str, extra: &str) {
    let blueprint = format!(
        "name: shelf\n\
         database:\n  url: sqlite://data/shelf.db\n{extra}\
         resources:\n  books:\n    fields:\n{fields}    endpoints: true\n"
    );
    std::fs::write(project.join("backworks.yaml"), blueprint).unwrap();
}

fn build(project: &Path) -> Output {
    let out = project.join("out");
    backworks(&[
        "build",
        project.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// The migration folders in `project/migrations`, by name.
fn migration_folders(project: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(project.join("migrations"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().is_dir())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn build_writes_a_migration_once_and_the_next_after_a_change() {
    let title = "      title: { type: string, required: true }\n";
    let project = data_project("cli-migrations", title, "");

    let first = build(&project);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(migration_folders(&project), ["0001_create_books"]);
    let sqlite =
        std::fs::read_to_string(project.join("migrations/0001_create_books/sqlite.sql")).unwrap();
    assert!(sqlite.contains("CREATE TABLE \"books\""), "{sqlite}");
    assert!(
        project
            .join("migrations/0001_create_books/postgres.sql")
            .is_file()
    );
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(project.join("migrations/schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(schema["version"], 1);
    // The server embeds its copy.
    assert_eq!(
        std::fs::read_to_string(project.join("out/server/migrations/0001_create_books/sqlite.sql"))
            .unwrap(),
        sqlite
    );

    let before = modification_times(&project.join("migrations"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = build(&project);
    assert!(second.status.success());
    assert_eq!(
        modification_times(&project.join("migrations")),
        before,
        "nothing rewritten"
    );
    assert!(String::from_utf8_lossy(&second.stdout).contains("0 written"));

    // `check` announces the next migration and writes nothing.
    write_blueprint(
        &project,
        &format!("{title}      isbn: {{ type: string, unique: true }}\n"),
        "",
    );
    let check = backworks(&["check", project.to_str().unwrap()]);
    assert!(check.status.success());
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("migrations/0002_alter_books/sqlite.sql"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert_eq!(migration_folders(&project), ["0001_create_books"]);

    let third = build(&project);
    assert!(
        third.status.success(),
        "{}",
        String::from_utf8_lossy(&third.stderr)
    );
    assert_eq!(
        migration_folders(&project),
        ["0001_create_books", "0002_alter_books"]
    );
    let postgres =
        std::fs::read_to_string(project.join("migrations/0002_alter_books/postgres.sql")).unwrap();
    assert!(
        postgres.contains("ALTER TABLE \"books\" ADD COLUMN \"isbn\" TEXT;"),
        "{postgres}"
    );
    assert!(
        postgres.contains("CREATE UNIQUE INDEX \"books_isbn_key\""),
        "{postgres}"
    );
    let main = std::fs::read_to_string(project.join("out/server/src/main.rs")).unwrap();
    assert!(
        main.contains("0002_alter_books/postgres.sql"),
        "the server embeds both migrations"
    );
}

#[test]
fn build_refuses_to_drop_a_field_unless_the_blueprint_allows_it() {
    let fields = "      title: { type: string, required: true }\n      isbn: { type: string }\n";
    let project = data_project("cli-migrations-loss", fields, "");
    assert!(build(&project).status.success());

    let title = "      title: { type: string, required: true }\n";
    write_blueprint(&project, title, "");
    let refused = build(&project);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("`books.isbn`"), "{stderr}");
    assert!(
        stderr.contains("backworks.yaml:"),
        "located in the blueprint: {stderr}"
    );
    assert!(stderr.contains("allow_data_loss"), "{stderr}");
    assert_eq!(migration_folders(&project), ["0001_create_books"]);

    write_blueprint(&project, title, "  allow_data_loss: [books.isbn]\n");
    let allowed = build(&project);
    assert!(
        allowed.status.success(),
        "{}",
        String::from_utf8_lossy(&allowed.stderr)
    );
    assert_eq!(
        migration_folders(&project),
        ["0001_create_books", "0002_alter_books"]
    );
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// `process.env` is read by the server when a request runs: the environment the compiler ran
/// in appears in none of its outputs (OpenAPI document, typed clients, server sources).
#[test]
fn process_env_of_the_compiler_leaks_into_no_artifact() {
    let project = workspace_root().join("target/process-env-project");
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(project.join("handlers")).unwrap();
    std::fs::write(
        project.join("backworks.yaml"),
        "name: env-reader\nendpoints:\n  config:\n    path: /config\n    method: GET\n    handler: ./handlers/config.js\n",
    )
    .unwrap();
    std::fs::write(
        project.join("handlers/config.js"),
        "export function GET(req) {\n  const secret = process.env.BACKWORKS_LEAK_CANARY ?? \"none\";\n  return { length: secret.length, platform: process.platform };\n}\n",
    )
    .unwrap();
    let canary = "canary-5f0c2e91-do-not-embed";
    let out = project.join("out");
    let built = Command::new(env!("CARGO_BIN_EXE_backworks"))
        .args([
            "build",
            project.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .env("BACKWORKS_LEAK_CANARY", canary)
        .output()
        .expect("the backworks binary runs");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let files = files_under(&out);
    assert!(files.iter().any(|file| file.ends_with("openapi.json")));
    assert!(
        files
            .iter()
            .any(|file| file.to_string_lossy().contains("clients"))
    );
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(canary),
            "{} holds the compiler's environment",
            file.display()
        );
    }
    let _ = std::fs::remove_dir_all(&project);
}
