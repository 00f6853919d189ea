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
