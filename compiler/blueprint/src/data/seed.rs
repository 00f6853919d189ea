//! `seed:` → the rows a resource starts with, read from a JSON or YAML file and checked against
//! the resource's fields, each problem pointed at in the seed file itself.
//!
//! ```text
//! seed: ./seed/books.json     [{"title": "Dune", "price": -1}]
//!                      ──▶    error[invalid-seed]: seed row 0 of `books`: `price` must be at least 0, not -1
//!                              --> seed/books.json:1:29
//! ```

use std::path::{Component, Path, PathBuf};

use backworks_diagnostics::{Diagnostic, SourceId, Sources, Span};
use backworks_ir::{Field, IdStrategy};
use serde_json::{Map, Value};

use super::values::{ValueRules, datetime_violation, describe, id_violation};
use super::{char_at, offset_of};
use crate::diagnostics::data as diagnostics;
use crate::yaml::{self, Node, NodeKind};

/// Problems reported per seed file; a wrongly converted file would otherwise bury the rest.
const MOST_PROBLEMS: usize = 20;

/// What a seed's rows are checked against.
pub struct Table<'a> {
    /// The resource's name.
    pub resource: &'a str,
    /// Its declared fields.
    pub fields: &'a [Field],
    /// Its id strategy.
    pub id: IdStrategy,
    /// Whether it has `created_at`/`updated_at`.
    pub timestamps: bool,
    /// The id strategy of each resource a `ref` may point at.
    pub ref_ids: &'a dyn Fn(&str) -> Option<IdStrategy>,
    /// Whether to check the rows (not when the fields themselves are in error).
    pub check_rows: bool,
}

/// Where seed files are found and registered.
pub struct SeedFiles<'a> {
    /// The project folder seed paths are relative to.
    pub project_root: &'a Path,
    /// Every source of the build; seed files join them so diagnostics can point into them.
    pub sources: &'a mut Sources,
}

impl SeedFiles<'_> {
    /// The rows of the seed file `path`, written at `at` (the `seed:` value), for `table`.
    pub fn read(
        &mut self,
        source: SourceId,
        diagnostics: &mut Vec<Diagnostic>,
        table: &Table,
        path: &str,
        at: &Node,
    ) -> Vec<Map<String, Value>> {
        let seed_key = Span::new(source, at.span.start, at.span.end);
        let shown = shown_path(path);
        let file = self.project_root.join(&shown);
        if !file.is_file() {
            diagnostics.push(diagnostics::seed_not_found(
                source,
                at.span.clone(),
                path,
                &format!("`{}`", shown.display()),
            ));
            return Vec::new();
        }
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(error) => {
                diagnostics.push(diagnostics::seed_unreadable(
                    source,
                    at.span.clone(),
                    &error.to_string(),
                ));
                return Vec::new();
            }
        };
        let seed = self.sources.add(shown.clone(), text.clone());
        let file_start = {
            let first = char_at(&text, 0);
            Span::new(seed, first.start, first.end)
        };
        let as_json = file.extension().is_some_and(|ext| ext == "json");
        let parsed: Result<Value, (usize, String)> = if as_json {
            serde_json::from_str(&text).map_err(|error| {
                let offset = offset_of(&text, error.line(), error.column());
                (offset, error.to_string())
            })
        } else {
            serde_yaml::from_str(&text).map_err(|error| {
                let offset = error.location().map_or(0, |location| location.index());
                (offset, error.to_string())
            })
        };
        let format = if as_json { "JSON" } else { "YAML" };
        let value = match parsed {
            Ok(value) => value,
            Err((offset, message)) => {
                let message = message.split(" at line ").next().unwrap_or(&message);
                let at = char_at(&text, offset);
                diagnostics.push(diagnostics::invalid_seed(
                    Span::new(seed, at.start, at.end),
                    "here",
                    format!(
                        "seed file `{}` is not valid {format}: {message}",
                        shown.display()
                    ),
                    seed_key,
                    "a seed file holds an array of objects, e.g. `[{\"title\": \"Dune\"}]`",
                ));
                return Vec::new();
            }
        };
        let Value::Array(rows) = value else {
            diagnostics.push(diagnostics::invalid_seed(
                file_start,
                "the file's content",
                format!(
                    "seed file `{}` holds {}, not an array of objects",
                    shown.display(),
                    describe(&value)
                ),
                seed_key,
                "a seed file holds an array of objects, e.g. `[{\"title\": \"Dune\"}]`",
            ));
            return Vec::new();
        };
        // Positions come from the positioned tree (JSON is YAML too); without one, problems
        // point at the file's start.
        let tree = yaml::parse(&text).ok();
        let row_nodes: Vec<Node> = match tree.map(|tree| tree.kind) {
            Some(NodeKind::Sequence(items)) => items,
            _ => Vec::new(),
        };
        let mut rows_checker = RowChecker {
            seed,
            text: &text,
            seed_key,
            table,
            file_start,
            problems: Vec::new(),
        };
        let mut objects = Vec::new();
        for (index, row) in rows.into_iter().enumerate() {
            let node = row_nodes.get(index);
            match row {
                Value::Object(object) => {
                    if table.check_rows {
                        rows_checker.check(index, &object, node);
                    }
                    objects.push(object);
                }
                other => rows_checker.problem(
                    node.map(|node| node.span.clone()),
                    format!(
                        "seed row {index} of `{}` is {}, not an object",
                        table.resource,
                        describe(&other)
                    ),
                    "each row is an object of field values".into(),
                ),
            }
        }
        let count = rows_checker.problems.len();
        let mut problems = rows_checker.problems;
        if count > MOST_PROBLEMS {
            problems.truncate(MOST_PROBLEMS);
            problems.push(diagnostics::invalid_seed(
                file_start,
                "this file",
                format!(
                    "{} more problems in seed file `{}` are not shown",
                    count - MOST_PROBLEMS,
                    shown.display()
                ),
                seed_key,
                "fix the ones above and build again",
            ));
        }
        diagnostics.extend(problems);
        objects
    }
}

struct RowChecker<'t, 'a> {
    seed: SourceId,
    text: &'t str,
    seed_key: Span,
    table: &'t Table<'a>,
    file_start: Span,
    problems: Vec<Diagnostic>,
}

impl RowChecker<'_, '_> {
    fn problem(&mut self, at: Option<std::ops::Range<usize>>, message: String, help: String) {
        let span = at.map_or(self.file_start, |range| {
            // Collections are positioned by their start; show one character there.
            let range = if range.is_empty() {
                char_at(self.text, range.start)
            } else {
                range
            };
            Span::new(self.seed, range.start, range.end)
        });
        self.problems.push(diagnostics::invalid_seed(
            span,
            "here",
            message,
            self.seed_key,
            &help,
        ));
    }

    fn check(&mut self, index: usize, row: &Map<String, Value>, node: Option<&Node>) {
        let table = self.table;
        let resource = table.resource;
        let value_at = |name: &str| node.and_then(|node| node.get(name)).map(|n| n.span.clone());
        let key_at = |name: &str| node.and_then(|node| node.key(name)).map(|n| n.span.clone());
        for (name, value) in row {
            let problem = if let Some(field) = table.fields.iter().find(|f| f.name == *name) {
                if value.is_null() {
                    field
                        .required
                        .then(|| "is required, so it cannot be null".to_string())
                } else {
                    let ref_id = match &field.kind {
                        backworks_ir::FieldType::Ref { to, .. } => (table.ref_ids)(to),
                        _ => None,
                    };
                    ValueRules::new(&field.kind, &field.constraints, ref_id)
                        .violations(value)
                        .into_iter()
                        .next()
                }
            } else if name == "id" {
                id_violation(table.id, value)
            } else if table.timestamps && (name == "created_at" || name == "updated_at") {
                datetime_violation(value)
            } else {
                let mut known: Vec<&str> = vec!["id"];
                if table.timestamps {
                    known.extend(["created_at", "updated_at"]);
                }
                known.extend(table.fields.iter().map(|field| field.name.as_str()));
                let help = match backworks_diagnostics::closest(name, known.iter().copied()) {
                    Some(suggestion) => format!("did you mean `{suggestion}`?"),
                    None => format!("the fields of `{resource}` are: {}", known.join(", ")),
                };
                self.problem(
                    key_at(name),
                    format!("seed row {index} of `{resource}` has no field `{name}`"),
                    help,
                );
                continue;
            };
            if let Some(problem) = problem {
                self.problem(
                    value_at(name),
                    format!("seed row {index} of `{resource}`: `{name}` {problem}"),
                    "make the row match the resource's fields".into(),
                );
            }
        }
        for field in table.fields {
            if field.required && field.default.is_none() && !row.contains_key(&field.name) {
                self.problem(
                    node.map(|node| node.span.clone()),
                    format!(
                        "seed row {index} of `{resource}` is missing `{}`, which is required",
                        field.name
                    ),
                    format!(
                        "add `{}` to the row, or give the field a default",
                        field.name
                    ),
                );
            }
        }
    }
}

/// `./seed/books.json` → `seed/books.json`: how the file is shown, relative to the project.
fn shown_path(path: &str) -> PathBuf {
    Path::new(path)
        .components()
        .filter(|component| !matches!(component, Component::CurDir))
        .collect()
}
