//! One entry of `resources:` → [`Resource`]: its name, id, fields, indexes, search fields,
//! generated operations and seed rows.
//!
//! ```text
//! books:                                 Resource { name: "books", id: Integer, timestamps: true,
//!   fields: { title: { type: string } }    fields: [title], indexes: [[title, created_at]],
//!   indexes: [[title, created_at]]   ──▶   search: [title], operations: [List, Get], seed: [] }
//!   search: [title]
//!   endpoints: [get, list]
//! ```

use backworks_diagnostics::Span;
use backworks_ir::{CrudOperation, Field, IdStrategy, Resource};

use super::DataChecker;
use super::fields::lower_field;
use super::names::{self, IMPLICIT_COLUMNS, NameOf};
use super::rules::{RuleContext, lower_rules};
use super::seed::{SeedFiles, Table};
use crate::config::{CrudEndpoints, ResourceConfig};
use crate::diagnostics::data as diagnostics;
use crate::parts::Part;
use crate::yaml::{Node, NodeKind};

/// Lowers one resource, reporting every problem (the resource is still returned, so the
/// checks after it know it); `None` only for an entry without a name.
pub fn lower_resource(
    checker: &mut DataChecker,
    part: &Part<ResourceConfig>,
    seeds: &mut SeedFiles,
) -> Option<Resource> {
    let key = part.key?;
    let name = key.as_str()?;
    let node = part.node;
    let config = &part.config;
    let source = checker.source;
    let errors_before = checker.error_count();
    if let Err(problem) = names::check(name, NameOf::Resource) {
        checker.diagnostics.push(diagnostics::invalid_name(
            source,
            key.span.clone(),
            "resource",
            name,
            &problem.reason,
            &problem.help,
        ));
    }
    let id = id_strategy(checker, config, node, key);
    let timestamps = config.timestamps.unwrap_or(true);

    let field_nodes: &[(Node, Node)] = match node.get("fields").map(|fields| &fields.kind) {
        Some(NodeKind::Mapping(entries)) => entries,
        _ => &[],
    };
    let fields: Vec<Field> = field_nodes
        .iter()
        .filter_map(|(field_key, field_node)| {
            let field = config.fields.get(field_key.as_str()?)?;
            lower_field(checker, field_key, field_node, field)
        })
        .collect();

    let mut columns: Vec<&str> = vec!["id"];
    if timestamps {
        columns.extend(&IMPLICIT_COLUMNS[1..]);
    }
    columns.extend(config.fields.keys().map(String::as_str));
    // Fields left out for their shape errors still exist: naming them is no mistake.
    columns.extend(part.left_out.iter().map(String::as_str));
    let indexes = indexes(checker, name, config, node, &columns);
    let search = search(checker, name, config, node, &part.left_out);
    let operations = operations(checker, config, node);

    let seed = match (&config.seed, node.get("seed")) {
        (Some(path), Some(at)) => {
            // The file is always read; its rows are checked against complete, error-free
            // fields only, or every row would repeat the field's own mistake.
            let check_rows = checker.error_count() == errors_before && part.left_out.is_empty();
            let resources = &checker.resources;
            let ref_ids = |target: &str| resources.get(target).copied().flatten();
            let table = Table {
                resource: name,
                fields: &fields,
                id,
                timestamps,
                ref_ids: &ref_ids,
                check_rows,
            };
            seeds.read(source, checker.diagnostics, &table, path, at)
        }
        _ => Vec::new(),
    };
    let blueprint = seeds.sources.get(source).text.clone();
    let context = RuleContext {
        resource: name,
        fields: &fields,
        unlowered: config
            .fields
            .keys()
            .map(String::as_str)
            .chain(part.left_out.iter().map(String::as_str))
            .filter(|field| !fields.iter().any(|lowered| lowered.name == *field))
            .collect(),
        id,
        timestamps,
        blueprint: &blueprint,
        operations: &operations,
    };
    let rules = lower_rules(checker, &context, config.rules.as_ref(), node.get("rules"));
    Some(Resource {
        name: name.to_string(),
        description: config.description.clone(),
        id,
        fields,
        timestamps,
        indexes,
        search,
        operations,
        seed,
        rules,
        span: Span::new(source, key.span.start, key.span.end),
    })
}

fn id_strategy(
    checker: &mut DataChecker,
    config: &ResourceConfig,
    node: &Node,
    key: &Node,
) -> IdStrategy {
    match parse_id(config.id.as_deref()) {
        Some(id) => id,
        None => {
            let written = config.id.as_deref().unwrap_or_default();
            let at = node.get("id").unwrap_or(key).span.clone();
            checker.diagnostics.push(diagnostics::unknown_id_strategy(
                checker.source,
                at,
                written,
            ));
            IdStrategy::Integer
        }
    }
}

/// `id:` as written → the strategy (absent means integer); `None` for an unknown word.
pub fn parse_id(written: Option<&str>) -> Option<IdStrategy> {
    match written {
        None | Some("integer") => Some(IdStrategy::Integer),
        Some("uuid") => Some(IdStrategy::Uuid),
        Some(_) => None,
    }
}

/// The items of a sequence node (empty for anything else).
fn items(node: Option<&Node>) -> &[Node] {
    match node.map(|node| &node.kind) {
        Some(NodeKind::Sequence(items)) => items,
        _ => &[],
    }
}

fn indexes(
    checker: &mut DataChecker,
    resource: &str,
    config: &ResourceConfig,
    node: &Node,
    columns: &[&str],
) -> Vec<Vec<String>> {
    let source = checker.source;
    let index_nodes = items(node.get("indexes"));
    let fallback = node.key("indexes").map_or(0..0, |key| key.span.clone());
    for (position, index) in config.indexes.iter().enumerate() {
        let index_node = index_nodes.get(position);
        let at = |column: usize| {
            items(index_node)
                .get(column)
                .map_or(fallback.clone(), |item| item.span.clone())
        };
        let index_at = index_node.map_or(fallback.clone(), |node| node.span.clone());
        if index.is_empty() {
            checker
                .diagnostics
                .push(diagnostics::empty_index(source, index_at.clone()));
        }
        for (column_position, column) in index.iter().enumerate() {
            if !columns.contains(&column.as_str()) {
                checker.diagnostics.push(diagnostics::unknown_column(
                    source,
                    at(column_position),
                    resource,
                    column,
                    columns,
                ));
            } else if let Some(first) = index[..column_position].iter().position(|c| c == column) {
                checker.diagnostics.push(diagnostics::duplicate_entry(
                    source,
                    at(column_position),
                    "column",
                    column,
                    at(first),
                ));
            }
        }
        if let Some(first) = config.indexes[..position].iter().position(|i| i == index) {
            let first_at = index_nodes
                .get(first)
                .map_or(fallback.clone(), |node| node.span.clone());
            checker.diagnostics.push(diagnostics::duplicate_entry(
                source,
                index_at,
                "index",
                &index.join(", "),
                first_at,
            ));
        }
    }
    config.indexes.clone()
}

fn search(
    checker: &mut DataChecker,
    resource: &str,
    config: &ResourceConfig,
    node: &Node,
    left_out: &[String],
) -> Vec<String> {
    let source = checker.source;
    let search_nodes = items(node.get("search"));
    let fallback = node.key("search").map_or(0..0, |key| key.span.clone());
    let at = |position: usize| {
        search_nodes
            .get(position)
            .map_or(fallback.clone(), |item| item.span.clone())
    };
    let text_fields: Vec<&str> = config
        .fields
        .iter()
        .filter(|(_, field)| matches!(field.kind.as_str(), "string" | "text"))
        .map(|(name, _)| name.as_str())
        .collect();
    for (position, name) in config.search.iter().enumerate() {
        match config.fields.get(name) {
            None if left_out.contains(name) => {}
            None => checker.diagnostics.push(diagnostics::unknown_column(
                source,
                at(position),
                resource,
                name,
                &text_fields,
            )),
            Some(field) if !text_fields.contains(&name.as_str()) => {
                checker.diagnostics.push(diagnostics::search_not_text(
                    source,
                    at(position),
                    name,
                    &field.kind,
                ));
            }
            Some(_) => {
                if let Some(first) = config.search[..position].iter().position(|s| s == name) {
                    checker.diagnostics.push(diagnostics::duplicate_entry(
                        source,
                        at(position),
                        "search field",
                        name,
                        at(first),
                    ));
                }
            }
        }
    }
    config.search.clone()
}

fn operations(
    checker: &mut DataChecker,
    config: &ResourceConfig,
    node: &Node,
) -> Vec<CrudOperation> {
    let source = checker.source;
    let written = match &config.endpoints {
        None | Some(CrudEndpoints::All(false)) => return Vec::new(),
        Some(CrudEndpoints::All(true)) => return CrudOperation::ALL.to_vec(),
        Some(CrudEndpoints::Some(written)) => written,
    };
    let nodes = items(node.get("endpoints"));
    let fallback = node.key("endpoints").map_or(0..0, |key| key.span.clone());
    let at = |position: usize| {
        nodes
            .get(position)
            .map_or(fallback.clone(), |item| item.span.clone())
    };
    let mut operations = Vec::new();
    for (position, name) in written.iter().enumerate() {
        match CrudOperation::parse(name) {
            None => {
                checker
                    .diagnostics
                    .push(diagnostics::unknown_operation(source, at(position), name))
            }
            Some(operation) if operations.contains(&operation) => {
                let first = written.iter().position(|w| w == name).unwrap_or(0);
                checker.diagnostics.push(diagnostics::duplicate_entry(
                    source,
                    at(position),
                    "operation",
                    name,
                    at(first),
                ));
            }
            Some(operation) => operations.push(operation),
        }
    }
    // The IR lists them in `CrudOperation::ALL`'s order, whatever order the blueprint used.
    operations.sort();
    operations
}
