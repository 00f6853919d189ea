//! schemathesis fuzzes each example's live server from the server's own OpenAPI document, with
//! every check it has (no 5xx, documented status codes, responses conform to their schemas,
//! schema-valid requests accepted, schema-invalid ones rejected), and must find nothing.

use std::process::Command;
use std::sync::Mutex;

use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{EXAMPLES, compile, example, workspace_root};

/// One example at a time: each run loads its server hard.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn fuzz(name: &str) {
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let compiled =
        compile(&example(name)).unwrap_or_else(|diagnostics| panic!("{name}:\n{diagnostics}"));
    let out = workspace_root().join("target/schemathesis").join(name);
    compiled.tree.write(&out).expect("output written");
    let server = RunningServer::start(&build_server(&out));
    let output = Command::new("schemathesis")
        .args([
            "run",
            &format!("{}/_backworks/openapi.json", server.base_url),
        ])
        .args(["--checks", "all", "--max-examples", "40", "--seed", "1"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run schemathesis ({error}); run scripts/test-all.sh to install it")
        });
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
        fuzz(name);
    }
}
