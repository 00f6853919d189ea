//! The dashboard's files as `build` writes them: the service description of
//! `examples/notes-auth` (snapshot `snapshots/dashboard/notes-auth-service.snap`, reviewed:
//! routes with access and rules, resources, limits, handler sources — no secret, no
//! environment variable, no database URL), and the vendored uPlot, which must be the npm
//! package's bytes so that updating it is a deliberate act (`npm install uplot@…` and copy).

use backworks_tests::{compile, example, workspace_root};

#[test]
fn the_description_of_notes_auth_matches_its_snapshot() {
    let compiled = compile(&example("notes-auth")).expect("notes-auth compiles");
    let description = compiled
        .tree
        .get("dashboard/service.json")
        .expect("dashboard/service.json");
    assert_eq!(
        compiled.tree.get("server/dashboard/service.json"),
        Some(description),
        "the server embeds the same description"
    );
    for variable in [
        "SESSION_SECRET",
        "JWT_SECRET",
        "ADMIN_PASSWORD",
        "ADMIN_EMAIL",
    ] {
        assert!(!description.contains(variable), "{variable} is named");
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots/dashboard");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("notes-auth-service", description));
}

#[test]
fn the_vendored_uplot_is_the_npm_package() {
    let root = workspace_root();
    for (vendored, package) in [
        ("uPlot.iife.min.js", "dist/uPlot.iife.min.js"),
        ("uPlot.min.css", "dist/uPlot.min.css"),
        ("LICENSE", "LICENSE"),
    ] {
        let ours = std::fs::read(
            root.join("templates/dashboard/assets/vendor")
                .join(vendored),
        )
        .expect("the vendored file");
        let theirs = std::fs::read(root.join("node_modules/uplot").join(package))
            .unwrap_or_else(|_| panic!("node_modules/uplot/{package}: run npm ci"));
        assert!(
            ours == theirs,
            "templates/dashboard/assets/vendor/{vendored} differs from node_modules/uplot/{package}"
        );
    }
}

#[test]
fn every_page_file_is_written_and_embedded() {
    let compiled = compile(&example("hello-world")).expect("hello-world compiles");
    let main = compiled
        .tree
        .get("server/src/dashboard.rs")
        .expect("server/src/dashboard.rs");
    for (path, _) in compiled.tree.files() {
        let path = path.to_string_lossy();
        if let Some(file) = path.strip_prefix("server/dashboard/") {
            assert!(
                compiled.tree.get(&format!("dashboard/{file}")).is_some(),
                "{file} is in OUT/dashboard too"
            );
            if file != "service.json" {
                assert!(
                    main.contains(&format!("\"../dashboard/{file}\"")),
                    "{file} is embedded"
                );
            }
        }
    }
    assert!(main.contains("include_str!(\"../dashboard/service.json\")"));
}
