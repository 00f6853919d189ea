//! The runtime's `intl` feature (ICU4X and CLDR's data) is compiled into a server exactly when
//! its handlers use `Intl` or pass locales to a locale-sensitive method: the IR carries the
//! fact (`RuntimeNeeds::intl`) from the JavaScript compiler to the emitted manifest.

use backworks_tests::{compile, workspace_root};

fn manifest(project: &str) -> String {
    let compiled = compile(&workspace_root().join(project)).unwrap_or_else(|d| panic!("{d}"));
    compiled
        .tree
        .files()
        .find(|(name, _)| name.to_string_lossy() == "server/Cargo.toml")
        .map(|(_, text)| text.to_string())
        .expect("server/Cargo.toml is generated")
}

#[test]
fn a_service_using_intl_links_the_intl_feature() {
    let compiled =
        compile(&workspace_root().join("tests/fixtures/intl")).unwrap_or_else(|d| panic!("{d}"));
    assert!(compiled.service.runtime_needs.intl);
    let manifest = manifest("tests/fixtures/intl");
    assert!(manifest.contains(r#"features = ["intl"]"#), "{manifest}");
}

#[test]
fn a_service_without_intl_does_not_pay_for_it() {
    let manifest = manifest("tests/fixtures/async-io");
    assert!(!manifest.contains("intl"), "{manifest}");
}
