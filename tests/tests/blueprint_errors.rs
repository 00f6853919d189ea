//! One snapshot per broken project under `tests/fixtures/errors/`: the diagnostics exactly as a
//! person sees them, so any change in wording, location or caret shows up in review.

use std::path::Path;

use backworks_tests::diagnostics_of;

#[test]
fn every_broken_fixture_reports_located_diagnostics() {
    // Relative to the test's working directory (the `tests` crate), so no machine-specific
    // path ends up in a snapshot.
    let fixtures = Path::new("fixtures/errors");
    let mut names: Vec<String> = std::fs::read_dir(fixtures)
        .expect("fixtures folder exists")
        .map(|entry| {
            entry
                .expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 15,
        "expected at least 15 broken fixtures, found {}",
        names.len()
    );

    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots/errors");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for name in &names {
            let rendered = diagnostics_of(&fixtures.join(name));
            assert!(
                !rendered.contains(env!("CARGO_MANIFEST_DIR")),
                "{name}: absolute path in:\n{rendered}"
            );
            assert!(
                rendered.contains("error"),
                "{name} should fail to compile, got:\n{rendered}"
            );
            if name != "no-blueprint" {
                assert!(
                    rendered.contains(" --> "),
                    "{name}: every diagnostic has a location:\n{rendered}"
                );
            }
            insta::assert_snapshot!(name.as_str(), rendered);
        }
    });
}
