//! The conformance corpus, run in CI: every case's responses from the compiled server must
//! equal Node's. The summary (pass count and every failing case) is a snapshot, so a
//! regression — or a newly passing case — shows up in review.

use std::path::Path;

use backworks_conformance::{discover, run_corpus};

#[test]
fn compiled_handlers_answer_exactly_as_node_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases = discover(&root.join("cases")).expect("the corpus is readable");
    assert!(!cases.is_empty(), "the corpus has cases");
    // While working on one area: `BACKWORKS_CONFORMANCE_FILTER=regexp/` runs only the cases
    // whose id contains the text, `regexp/,json/` those containing either (and skips the
    // summary snapshot, which covers every case).
    let filter = std::env::var("BACKWORKS_CONFORMANCE_FILTER").ok();
    if let Some(filter) = &filter {
        cases.retain(|case| filter.split(',').any(|part| case.id.contains(part)));
    }
    // Separate scratch folders let several people run the corpus at once.
    let work = std::env::var_os("BACKWORKS_CONFORMANCE_WORK")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| backworks_tests::workspace_root().join("target/conformance"));
    let outcomes = run_corpus(&cases, &work);

    let passed = outcomes
        .iter()
        .filter(|outcome| outcome.result.is_ok())
        .count();
    let mut summary = format!("{passed} of {} cases match Node\n", outcomes.len());
    for outcome in &outcomes {
        if let Err(error) = &outcome.result {
            summary.push_str(&format!("\nFAIL {}\n  {error}\n", outcome.case));
        }
    }
    println!("{summary}");
    if filter.is_some() {
        return;
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("summary", summary));
}
