//! `database:` and `resources:` → the IR's [`Database`] and [`Resource`]s.
//!
//! Every resource the blueprint names counts for `ref` targets, even one whose own entry is
//! malformed (its shape errors are reported already; a second "unknown resource" would be
//! noise). Generated routes are checked against the declared endpoints' routes last.
//!
//! ```text
//! resources:                            Database { url: "sqlite://data/shop.db", … }
//!   books:                       ──▶    [Resource { name: "books", fields: [title], … }]
//!     fields: { title: { type: string } }
//! ```

mod database;
mod defaults;
mod fields;
mod names;
mod resource;
mod routes;
mod rules;
mod seed;
mod values;

use std::path::Path;

use backworks_diagnostics::{Diagnostic, SourceId, Sources};
use backworks_ir::{Database, IdStrategy, Resource, Route};
use indexmap::IndexMap;

use crate::parts::WellFormed;
use crate::yaml::{Node, NodeKind};

use seed::SeedFiles;

/// What data lowering shares across resources.
pub struct DataChecker<'d> {
    /// The blueprint's source.
    pub source: SourceId,
    /// Where problems go.
    pub diagnostics: &'d mut Vec<Diagnostic>,
    /// Every resource the blueprint names, with its id strategy when it is known.
    pub resources: IndexMap<String, Option<IdStrategy>>,
    /// Whether the blueprint declares `auth:` (without it every caller is anonymous).
    pub auth: bool,
}

impl DataChecker<'_> {
    fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// The lowered data keys.
pub struct Data {
    /// `Some` when the blueprint declares `database:` or any resource.
    pub database: Option<Database>,
    /// The well-formed resources, in blueprint order.
    pub resources: Vec<Resource>,
}

/// Lowers `database:` and `resources:`, checking the resources' routes against `routes`.
pub fn lower_data(
    source: SourceId,
    parts: &WellFormed,
    root: &Node,
    routes: &[Route],
    project_root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Data {
    let resources_node = root.get("resources");
    let mut declared: IndexMap<String, Option<IdStrategy>> = IndexMap::new();
    if let Some(Node {
        kind: NodeKind::Mapping(entries),
        ..
    }) = resources_node
    {
        for (key, _) in entries {
            if let Some(name) = key.as_str() {
                declared.insert(name.to_string(), None);
            }
        }
    }
    for part in &parts.resources {
        if let Some(name) = part.name() {
            declared.insert(
                name.to_string(),
                resource::parse_id(part.config.id.as_deref()),
            );
        }
    }
    let mut checker = DataChecker {
        source,
        diagnostics,
        resources: declared,
        auth: root.get("auth").is_some(),
    };
    let mut seeds = SeedFiles {
        project_root,
        sources,
    };
    let resources: Vec<Resource> = parts
        .resources
        .iter()
        .filter_map(|part| resource::lower_resource(&mut checker, part, &mut seeds))
        .collect();
    routes::check_routes(&mut checker, &resources, routes);

    // The database is implied by any resource, even a malformed one.
    let anchor = root.key("database").or_else(|| {
        (!checker.resources.is_empty())
            .then(|| root.key("resources"))
            .flatten()
    });
    let database = database::lower_database(
        &mut checker,
        parts.blueprint.database.as_ref(),
        root.get("database"),
        anchor,
        &parts.blueprint.name,
    );
    Data {
        database,
        resources,
    }
}

/// The byte offset of a 1-based line and column (serde_json's error positions), moved back to
/// a character boundary.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The one character at `offset` (empty at the end of the text), for a caret under it.
pub fn char_at(text: &str, offset: usize) -> std::ops::Range<usize> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let width = text[offset..].chars().next().map_or(0, char::len_utf8);
    offset..offset + width
}

#[cfg(test)]
mod tests;
