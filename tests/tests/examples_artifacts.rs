//! Snapshots of what `backworks build` generates for each example: the server's manifest, its
//! route table and every compiled handler module. The vendored runtime, the seeded lockfile
//! and the dashboard's files are left out: they are copies, checked by their own tests.

use backworks_tests::{EXAMPLES, compile, example};

#[test]
fn generated_servers_match_their_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots/examples");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for name in EXAMPLES {
            let compiled = compile(&example(name))
                .unwrap_or_else(|diagnostics| panic!("{name}:\n{diagnostics}"));
            let mut sections = String::new();
            for (path, text) in compiled.tree.files() {
                let path = path.to_string_lossy();
                // Copies: the vendored runtime, the seeded lockfile (and its stamp), the
                // document's YAML twin and the server's own copy of it. The client package
                // has snapshots of its own (`typed_client.rs`).
                // The dashboard's files are the templates' copies, its description has a
                // snapshot of its own (`dashboard_service.rs`).
                let copy = path.starts_with("server/backworks-runtime/")
                    || path.starts_with("clients/")
                    || path.starts_with("dashboard/")
                    || path.starts_with("server/dashboard/")
                    || path == "server/src/dashboard.rs"
                    || [
                        "server/Cargo.lock",
                        "server/.Cargo.lock.seed",
                        "server/openapi.json",
                        "openapi.yaml",
                    ]
                    .contains(&path.as_ref());
                if copy {
                    continue;
                }
                sections.push_str(&format!("=== {path}\n{text}\n"));
            }
            insta::assert_snapshot!(*name, sections);
        }
    });
}

#[test]
fn the_runtime_is_vendored_whole() {
    let compiled = compile(&example("hello-world")).expect("hello-world compiles");
    let vendored: Vec<String> = compiled
        .tree
        .files()
        .filter_map(|(path, _)| {
            path.to_string_lossy()
                .strip_prefix("server/backworks-runtime/")
                .map(str::to_string)
        })
        .collect();
    assert!(vendored.contains(&"Cargo.toml".to_string()));
    assert!(vendored.contains(&"src/lib.rs".to_string()));
    assert!(vendored.contains(&"src/contract.rs".to_string()));
    let manifest = compiled
        .tree
        .get("server/backworks-runtime/Cargo.toml")
        .unwrap();
    assert!(
        !manifest.contains("[dev-dependencies]"),
        "test-only crates are not shipped"
    );
    // Servers vendoring different runtimes must not share compiled artifacts.
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \"0.1.0+"))
        .expect("the vendored runtime's version names its sources");
    assert_eq!(version.trim_end_matches('"').len(), 16, "{version}");
    assert!(
        compiled
            .tree
            .get("server/Cargo.lock")
            .is_some_and(|lock| lock.contains("name = \"axum\""))
    );
}
