//! The React, Vue and Svelte packages in a real browser: notes-auth is compiled and its server
//! started once; a small Vite app per framework (`tests/browser/<framework>/`) is built once by
//! Vite's JS API against the generated packages, put in the apps' project's `out/clients/` and
//! installed with a plain `npm install ./out/clients/<framework>` as the packages' READMEs say
//! (`tests/browser/build.mjs`); and one Debian
//! `chromium`, driven by playwright-core (`tests/browser/drive.mjs`), checks that each app
//! renders the notes the live server holds, fetches again when a search box changes its params,
//! and follows a note created and one deleted over HTTP (live events, no reload).

use std::path::PathBuf;
use std::process::Command;

use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{compile, example, workspace_root};

const ENV: &[(&str, &str)] = &[
    ("JWT_SECRET", "a-browser-test-secret-that-is-long-enough"),
    (
        "SESSION_SECRET",
        "the-browser-tests-accounts-secret-long-enough",
    ),
    ("ADMIN_EMAIL", "admin@example.com"),
    ("ADMIN_PASSWORD", "the browser test's admin password"),
];

fn root() -> PathBuf {
    workspace_root().join("target/browser")
}

/// Runs `node args…` from the workspace, with `env`; its output when it fails.
fn node(args: &[&str], env: &[(&str, String)]) -> String {
    let output = Command::new("node")
        .args(args)
        .current_dir(workspace_root())
        .envs(env.iter().map(|(name, value)| (*name, value.as_str())))
        .envs(ENV.iter().copied())
        .output()
        .expect("node runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "node {args:?} failed:\n{report}");
    report
}

#[test]
fn react_vue_and_svelte_apps_render_and_follow_a_live_server() {
    let out = root().join("notes-auth");
    let compiled = compile(&example("notes-auth"))
        .unwrap_or_else(|diagnostics| panic!("notes-auth does not compile:\n{diagnostics}"));
    compiled.tree.write(&out).expect("output written");

    let dist = root().join("dist");
    let built = node(
        &["tests/browser/build.mjs"],
        &[
            (
                "CLIENTS",
                out.join("clients").to_string_lossy().into_owned(),
            ),
            ("APPS", root().join("apps").to_string_lossy().into_owned()),
            ("DIST", dist.to_string_lossy().into_owned()),
        ],
    );
    assert!(
        built.contains("installed @notes-auth/react@0.1.0") && built.contains("built svelte"),
        "{built}"
    );

    let binary = build_server(&out);
    let folder = root().join("run");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    let server = RunningServer::start_in(&binary, &folder, ENV);

    let report = node(
        &["--test", "tests/browser/drive.mjs"],
        &[
            ("LIVE", "1".to_string()),
            ("BASE_URL", server.base_url.clone()),
            ("DIST", dist.to_string_lossy().into_owned()),
        ],
    );
    assert!(
        report.contains("# fail 0\n")
            && report.contains("# pass 9\n")
            && report.contains("# skipped 0\n"),
        "{report}"
    );
}
