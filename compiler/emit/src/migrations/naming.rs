//! A migration's name, from what it does to which tables.
//!
//! ```text
//! authors, books created               ──▶  create_authors_books
//! books altered, reviews created       ──▶  create_reviews_alter_books
//! books dropped                        ──▶  drop_books
//! ```

use super::changes::Plan;

/// Longest name kept as is; longer ones say only what kind of change it is.
const LONGEST: usize = 60;

/// `create_<tables>_alter_<tables>_drop_<tables>`, each part present when it has tables.
pub(crate) fn migration_name(plan: &Plan) -> String {
    let part = |verb: &str, names: Vec<&str>| {
        (!names.is_empty()).then(|| format!("{verb}_{}", names.join("_")))
    };
    let parts: Vec<String> = [
        part(
            "create",
            plan.created.iter().map(|t| t.name.as_str()).collect(),
        ),
        part(
            "alter",
            plan.altered
                .iter()
                .filter(|a| a.changes_storage())
                .map(|a| a.new.name.as_str())
                .collect(),
        ),
        part(
            "drop",
            plan.dropped.iter().map(|t| t.name.as_str()).collect(),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let name = parts.join("_");
    if name.is_empty() {
        "change_schema".to_string()
    } else if name.len() > LONGEST {
        let verbs: Vec<&str> = parts
            .iter()
            .filter_map(|part| part.split('_').next())
            .collect();
        format!("{}_tables", verbs.join("_"))
    } else {
        name
    }
}
