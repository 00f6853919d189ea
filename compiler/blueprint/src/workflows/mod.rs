//! `dashboard.theme` and `dashboard.workflows` → the IR's [`Theme`] and [`Workflow`]s, each
//! workflow checked against what it is bound to: the resource or endpoint exists (a "did you
//! mean" otherwise), its fields are the rows' fields, a table or chart reads with GET, a
//! `query:` parses in the list grammar ([`query`]), every role is one a caller can hold.
//! Every problem is reported; a workflow with one is left out of the IR.
//!
//! ```text
//! workflows:
//!   books: { type: crud_table, resource: bokos }   ─▶ error[workflow-unknown-target]: … did you mean `books`?
//!   prices: { type: chart, chart: bar, endpoint: author_report, rows: authors,
//!             x: name, y: average_price }          ─▶ Workflow { kind: Chart { chart: Bar, … } }
//! ```

mod query;

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId, Span};
use backworks_ir::{
    Auth, ChartKind, EndpointBinding, FieldUse, Method, Resource, Route, RowSource, Theme,
    ThemeMode, Workflow, WorkflowKind,
};

use crate::config::{Blueprint, WorkflowConfig};
use crate::diagnostics::dashboard as diagnostics;
use crate::yaml::{Node, NodeKind};

/// The workflow types, as the blueprint writes them.
const TYPES: [&str; 4] = ["crud_table", "form", "table", "chart"];
/// The theme's modes.
const MODES: [&str; 3] = ["system", "light", "dark"];
/// The role every service with `auth:` knows.
const ADMIN: &str = "admin";

/// What the workflows are checked against.
pub(crate) struct Context<'a> {
    pub(crate) source: SourceId,
    pub(crate) root: &'a Node,
    pub(crate) enabled: bool,
    pub(crate) routes: &'a [Route],
    pub(crate) resources: &'a [Resource],
    /// Every resource the blueprint declares, lowered or not (one with an error of its own is
    /// missing from `resources`, and is no unknown resource).
    pub(crate) declared_resources: Vec<String>,
    /// Every endpoint name the blueprint declares, likewise.
    pub(crate) declared_endpoints: Vec<String>,
    pub(crate) auth: Option<&'a Auth>,
}

/// The theme and the well-formed workflows; diagnostics for the rest.
pub(crate) fn lower_workflows(
    context: &Context<'_>,
    blueprint: &Blueprint,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Theme, Vec<Workflow>) {
    let Some(config) = &blueprint.dashboard else {
        return (Theme::default(), Vec::new());
    };
    let node = context.root.get("dashboard");
    let mut lowering = Lowering {
        context,
        diagnostics,
    };
    let theme = lowering.theme(config.theme.as_ref(), node.and_then(|n| n.get("theme")));
    let workflows_node = node.and_then(|n| n.get("workflows"));
    if !config.workflows.is_empty() && !context.enabled {
        let range = node
            .and_then(|n| n.key("workflows"))
            .map_or(0..0, |key| key.span.clone());
        lowering
            .diagnostics
            .push(diagnostics::workflows_disabled(context.source, range));
    }
    let mut workflows = Vec::new();
    for (id, workflow) in &config.workflows {
        let key = workflows_node.and_then(|n| n.key(id));
        let value = workflows_node.and_then(|n| n.get(id));
        let (Some(key), Some(value)) = (key, value) else {
            continue;
        };
        if let Some(workflow) = lowering.workflow(id, workflow, key, value) {
            workflows.push(workflow);
        }
    }
    (theme, workflows)
}

struct Lowering<'c, 'a, 'd> {
    context: &'c Context<'a>,
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// The rows a workflow reads, for checking the fields it names.
struct Rows {
    /// The rows, for messages: "the records of `books`".
    what: String,
    /// Their fields; `None` when unknown (an endpoint declaring no response): every field is
    /// accepted.
    fields: Option<Vec<String>>,
}

impl Rows {
    fn of_resource(resource: &Resource) -> Rows {
        let mut fields = vec!["id".to_owned()];
        fields.extend(resource.fields.iter().map(|field| field.name.clone()));
        if resource.timestamps {
            fields.extend(["created_at".to_owned(), "updated_at".to_owned()]);
        }
        Rows {
            what: format!("the records of `{}`", resource.name),
            fields: Some(fields),
        }
    }
}

impl<'a> Lowering<'_, 'a, '_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn range(node: Option<&Node>, fallback: &Node) -> Range<usize> {
        node.unwrap_or(fallback).span.clone()
    }

    fn theme(&mut self, config: Option<&crate::config::ThemeConfig>, node: Option<&Node>) -> Theme {
        let Some(config) = config else {
            return Theme::default();
        };
        let source = self.context.source;
        let mode = match config.mode.as_deref() {
            None | Some("system") => ThemeMode::System,
            Some("light") => ThemeMode::Light,
            Some("dark") => ThemeMode::Dark,
            Some(other) => {
                let range = node
                    .and_then(|n| n.get("mode"))
                    .map_or(0..0, |n| n.span.clone());
                self.error(diagnostics::unknown_word(
                    source,
                    range,
                    "theme-mode",
                    "theme mode",
                    other,
                    &MODES,
                ));
                ThemeMode::System
            }
        };
        let accent = config.accent.clone().filter(|accent| {
            let ok = is_hex_colour(accent);
            if !ok {
                let range = node
                    .and_then(|n| n.get("accent"))
                    .map_or(0..0, |n| n.span.clone());
                self.error(diagnostics::bad_accent(source, range, accent));
            }
            ok
        });
        Theme { mode, accent }
    }

    fn workflow(
        &mut self,
        id: &str,
        config: &WorkflowConfig,
        key: &Node,
        node: &Node,
    ) -> Option<Workflow> {
        let source = self.context.source;
        let errors_before = self.diagnostics.len();
        if !is_workflow_id(id) {
            self.error(diagnostics::workflow_id(source, key.span.clone(), id));
        }
        let permissions = self.permissions(config, node);
        let kind = match config.kind.as_str() {
            "crud_table" => self.crud_table(config, key, node),
            "form" => self.form(config, key, node),
            "table" => self.table(config, key, node),
            "chart" => self.chart(config, key, node),
            other => {
                let range = Self::range(node.get("type"), key);
                self.error(diagnostics::unknown_word(
                    source,
                    range,
                    "workflow-unknown-type",
                    "workflow type",
                    other,
                    &TYPES,
                ));
                None
            }
        };
        let kind = kind?;
        (self.diagnostics.len() == errors_before).then(|| Workflow {
            id: id.to_owned(),
            title: config.title.clone().unwrap_or_else(|| title_of(id)),
            description: config.description.clone(),
            permissions,
            kind,
            field_uses: field_uses(source, node),
            span: Span::new(source, key.span.start, key.span.end),
        })
    }

    /// The roles, checked: with `auth.users` every role must be one of its roles (or
    /// `admin`); with only other providers roles cannot be known here; without `auth:` only
    /// `admin` is accepted (no caller holds any role there).
    fn permissions(&mut self, config: &WorkflowConfig, node: &Node) -> Vec<String> {
        let source = self.context.source;
        let Some(roles) = &config.permissions else {
            return match self.context.auth {
                Some(_) => vec![ADMIN.to_owned()],
                None => Vec::new(),
            };
        };
        let items = items(node.get("permissions"));
        for (index, role) in roles.iter().enumerate() {
            let range = items
                .get(index)
                .copied()
                .or(node.get("permissions"))
                .map_or(0..0, |n| n.span.clone());
            match self.context.auth {
                None if role != ADMIN => {
                    self.error(diagnostics::roles_without_auth(source, range, role));
                }
                Some(auth) => {
                    if let Some(users) = &auth.users
                        && role != ADMIN
                        && !users.roles.contains(role)
                    {
                        let known: Vec<&str> = users.roles.iter().map(String::as_str).collect();
                        self.error(diagnostics::unknown_role(source, range, role, &known));
                    }
                }
                None => {}
            }
        }
        roles.clone()
    }

    fn crud_table(
        &mut self,
        config: &WorkflowConfig,
        key: &Node,
        node: &Node,
    ) -> Option<WorkflowKind> {
        self.unused(
            node,
            &[
                "endpoint", "query", "rows", "chart", "x", "y", "label", "value",
            ],
            "crud_table",
        );
        let Some(name) = &config.resource else {
            self.missing(
                key,
                "crud_table",
                "resource",
                "a crud_table shows a resource: add `resource: <name>`",
            );
            return None;
        };
        let resource = self.resource(name, node)?;
        if !resource
            .operations
            .contains(&backworks_ir::CrudOperation::List)
        {
            let range = Self::range(node.get("resource"), key);
            self.error(diagnostics::no_list_route(self.context.source, range, name));
        }
        let columns = config.columns.clone().unwrap_or_default();
        self.fields(node, "columns", &columns, &Rows::of_resource(resource));
        Some(WorkflowKind::CrudTable {
            resource: name.clone(),
            columns,
        })
    }

    fn form(&mut self, config: &WorkflowConfig, key: &Node, node: &Node) -> Option<WorkflowKind> {
        self.unused(
            node,
            &[
                "resource", "query", "rows", "columns", "chart", "x", "y", "label", "value",
            ],
            "form",
        );
        let Some(name) = &config.endpoint else {
            self.missing(
                key,
                "form",
                "endpoint",
                "a form sends an endpoint's request: add `endpoint: <name>`",
            );
            return None;
        };
        let operations = self.endpoint(name, node)?;
        // An endpoint of several methods: the first that takes a body, else the first.
        let (method, path) = operations
            .iter()
            .find(|(method, _)| !matches!(method, Method::Get | Method::Head | Method::Options))
            .or(operations.first())
            .cloned()?;
        Some(WorkflowKind::Form {
            endpoint: EndpointBinding {
                name: name.clone(),
                method,
                path,
            },
        })
    }

    fn table(&mut self, config: &WorkflowConfig, key: &Node, node: &Node) -> Option<WorkflowKind> {
        self.unused(node, &["chart", "x", "y", "label", "value"], "table");
        let (source, rows) = self.row_source(config, key, node, "table")?;
        let columns = config.columns.clone().unwrap_or_default();
        self.fields(node, "columns", &columns, &rows);
        Some(WorkflowKind::Table { source, columns })
    }

    fn chart(&mut self, config: &WorkflowConfig, key: &Node, node: &Node) -> Option<WorkflowKind> {
        self.unused(node, &["columns"], "chart");
        let source_id = self.context.source;
        let chart = match config.chart.as_deref() {
            None => {
                self.missing(
                    key,
                    "chart",
                    "chart",
                    "name the chart's kind: `chart: line | bar | pie | scatter`",
                );
                None
            }
            Some(word) => {
                let kind = ChartKind::ALL
                    .into_iter()
                    .find(|kind| kind.as_str() == word);
                if kind.is_none() {
                    let range = Self::range(node.get("chart"), key);
                    let known: Vec<&str> = ChartKind::ALL.iter().map(|k| k.as_str()).collect();
                    self.error(diagnostics::unknown_word(
                        source_id,
                        range,
                        "workflow-unknown-chart",
                        "chart kind",
                        word,
                        &known,
                    ));
                }
                kind
            }
        };
        let bound = self.row_source(config, key, node, "chart");
        let chart = chart?;
        let y = config.y.as_ref().map(|y| y.names()).unwrap_or_default();
        if chart == ChartKind::Pie {
            for (present, name) in [(config.x.is_some(), "x"), (config.y.is_some(), "y")] {
                if present {
                    let range = Self::range(node.key(name), key);
                    self.error(diagnostics::workflow_shape(
                        source_id,
                        range,
                        format!("a pie chart takes `label` and `value`, not `{name}`"),
                        "not a key of a pie chart",
                        "name the slices' field with `label:` and their sizes' with `value:`",
                    ));
                }
            }
            for (present, name) in [
                (config.label.is_some(), "label"),
                (config.value.is_some(), "value"),
            ] {
                if !present {
                    self.missing(
                        key,
                        "pie chart",
                        name,
                        "a pie chart needs `label:` (the slices' names) and `value:` (their sizes)",
                    );
                }
            }
        } else {
            for (present, name) in [
                (config.label.is_some(), "label"),
                (config.value.is_some(), "value"),
            ] {
                if present {
                    let range = Self::range(node.key(name), key);
                    self.error(diagnostics::workflow_shape(
                        source_id,
                        range,
                        format!("a {} chart takes `x` and `y`, not `{name}`", chart.as_str()),
                        "a key of pie charts",
                        "name the horizontal field with `x:` and the vertical one(s) with `y:`",
                    ));
                }
            }
            if config.x.is_none() {
                self.missing(
                    key,
                    &format!("{} chart", chart.as_str()),
                    "x",
                    "a line, bar or scatter chart needs `x:` and `y:` (one field or a list)",
                );
            }
            if y.is_empty() {
                self.missing(
                    key,
                    &format!("{} chart", chart.as_str()),
                    "y",
                    "a line, bar or scatter chart needs `x:` and `y:` (one field or a list)",
                );
            }
        }
        let (source, rows) = bound?;
        for (name, value) in [
            ("x", &config.x),
            ("label", &config.label),
            ("value", &config.value),
        ] {
            if let Some(field) = value {
                self.fields(node, name, std::slice::from_ref(field), &rows);
            }
        }
        self.fields(node, "y", &y, &rows);
        Some(WorkflowKind::Chart {
            chart,
            source,
            x: config.x.clone(),
            y,
            label: config.label.clone(),
            value: config.value.clone(),
        })
    }

    /// A table's or chart's rows: `resource:` (+ `query:`) or a GET `endpoint:` (+ `rows:`).
    fn row_source(
        &mut self,
        config: &WorkflowConfig,
        key: &Node,
        node: &Node,
        kind: &str,
    ) -> Option<(RowSource, Rows)> {
        let source = self.context.source;
        match (&config.resource, &config.endpoint) {
            (Some(_), Some(_)) | (None, None) => {
                self.error(diagnostics::workflow_shape(
                    source,
                    key.span.clone(),
                    format!(
                        "the {kind} workflow `{}` needs exactly one of `resource` and `endpoint`",
                        key.as_str().unwrap_or("")
                    ),
                    "declared here",
                    "read rows from a resource (`resource: books`, optionally `query: …`) or \
                     from a GET endpoint (`endpoint: <name>`)",
                ));
                None
            }
            (Some(name), None) => {
                if let Some(rows) = node.key("rows") {
                    self.error(diagnostics::workflow_shape(
                        source,
                        rows.span.clone(),
                        "`rows` names the member of an endpoint's body; a resource's rows are its records".into(),
                        "only with `endpoint:`",
                        "remove `rows`",
                    ));
                }
                let resource = self.resource(name, node)?;
                if !resource
                    .operations
                    .contains(&backworks_ir::CrudOperation::List)
                {
                    let range = Self::range(node.get("resource"), key);
                    self.error(diagnostics::no_list_route(source, range, name));
                }
                if let Some(query) = &config.query {
                    let problems = query::problems(query, resource);
                    let range = Self::range(node.get("query"), key);
                    for problem in problems {
                        self.error(diagnostics::bad_query(source, range.clone(), &problem));
                    }
                }
                Some((
                    RowSource::Resource {
                        resource: name.clone(),
                        query: config.query.clone(),
                    },
                    Rows::of_resource(resource),
                ))
            }
            (None, Some(name)) => {
                if let Some(query) = node.key("query") {
                    self.error(diagnostics::workflow_shape(
                        source,
                        query.span.clone(),
                        "`query` is a resource's list query; an endpoint takes its parameters itself".into(),
                        "only with `resource:`",
                        "remove `query`, or read the rows from `resource:`",
                    ));
                }
                let operations = self.endpoint(name, node)?;
                let Some((method, path)) = operations
                    .iter()
                    .find(|(method, _)| *method == Method::Get)
                    .cloned()
                else {
                    let methods: Vec<&str> = operations.iter().map(|(m, _)| m.as_str()).collect();
                    let range = Self::range(node.get("endpoint"), key);
                    self.error(diagnostics::source_not_get(
                        source,
                        range,
                        name,
                        &methods.join(", "),
                    ));
                    return None;
                };
                let rows = self.declared_rows(name, &path, config.rows.as_deref());
                Some((
                    RowSource::Endpoint {
                        endpoint: EndpointBinding {
                            name: name.clone(),
                            method,
                            path,
                        },
                        rows: config.rows.clone(),
                    },
                    rows,
                ))
            }
        }
    }

    /// The fields of the rows the GET endpoint `name` declares for status 200, when its
    /// declared response says (an array of objects with `properties`, or an object whose
    /// `rows` / `items` member is one); else unknown.
    fn declared_rows(&self, name: &str, path: &str, rows: Option<&str>) -> Rows {
        let schema = self
            .context
            .routes
            .iter()
            .filter(|route| route.path.to_string() == path)
            .flat_map(|route| &route.operations)
            .find(|operation| operation.endpoint == name && operation.method == Method::Get)
            .and_then(|operation| operation.responses.iter().find(|r| r.status == 200))
            .map(|response| &response.schema);
        let array = schema.and_then(|schema| {
            if schema.get("type").and_then(|t| t.as_str()) == Some("array") {
                return schema.get("items");
            }
            schema
                .get("properties")?
                .get(rows.unwrap_or("items"))?
                .get("items")
        });
        match array
            .and_then(|items| items.get("properties"))
            .and_then(|p| p.as_object())
        {
            Some(properties) => Rows {
                what: format!("the rows `{name}` declares"),
                fields: Some(properties.keys().cloned().collect()),
            },
            None => Rows {
                what: String::new(),
                fields: None,
            },
        }
    }

    /// The lowered resource `name`; a diagnostic when the blueprint declares none by that name.
    fn resource(&mut self, name: &str, node: &Node) -> Option<&'a Resource> {
        if let Some(resource) = self.context.resources.iter().find(|r| r.name == name) {
            return Some(resource);
        }
        if !self.context.declared_resources.iter().any(|r| r == name) {
            let known: Vec<&str> = self
                .context
                .declared_resources
                .iter()
                .map(String::as_str)
                .collect();
            let range = Self::range(node.get("resource"), node);
            self.error(diagnostics::unknown_target(
                self.context.source,
                range,
                "resource",
                name,
                &known,
            ));
        }
        None
    }

    /// The operations (method, path) of the endpoint `name`; a diagnostic when there is none.
    fn endpoint(&mut self, name: &str, node: &Node) -> Option<Vec<(Method, String)>> {
        let operations: Vec<(Method, String)> = self
            .context
            .routes
            .iter()
            .flat_map(|route| {
                route
                    .operations
                    .iter()
                    .filter(|operation| operation.endpoint == name)
                    .map(|operation| (operation.method, route.path.to_string()))
            })
            .collect();
        if operations.is_empty() && !self.context.declared_endpoints.iter().any(|e| e == name) {
            let mut known: Vec<&str> = self
                .context
                .routes
                .iter()
                .flat_map(|route| &route.operations)
                .map(|operation| operation.endpoint.as_str())
                .collect();
            known.dedup();
            let range = Self::range(node.get("endpoint"), node);
            self.error(diagnostics::unknown_target(
                self.context.source,
                range,
                "endpoint",
                name,
                &known,
            ));
            return None;
        }
        (!operations.is_empty()).then_some(operations)
    }

    /// Reports each of `names` (under `key`) that `rows` do not have.
    fn fields(&mut self, node: &Node, key: &str, names: &[String], rows: &Rows) {
        let Some(fields) = &rows.fields else {
            return;
        };
        let value = node.get(key);
        let items = items(value);
        for (index, name) in names.iter().enumerate() {
            if fields.contains(name) {
                continue;
            }
            let range = items
                .get(index)
                .copied()
                .or(value)
                .map_or(node.span.clone(), |n| n.span.clone());
            let known: Vec<&str> = fields.iter().map(String::as_str).collect();
            self.error(diagnostics::unknown_field(
                self.context.source,
                range,
                key,
                name,
                &rows.what,
                &known,
            ));
        }
    }

    /// Reports each of `keys` that `config` sets although a workflow of `kind` ignores it.
    fn unused(&mut self, node: &Node, keys: &[&str], kind: &str) {
        for name in keys {
            if let Some(key) = node.key(name) {
                self.error(diagnostics::workflow_shape(
                    self.context.source,
                    key.span.clone(),
                    format!("a {kind} workflow does not use `{name}`"),
                    "not a key of this workflow type",
                    "remove it, or change the workflow's `type`",
                ));
            }
        }
    }

    fn missing(&mut self, key: &Node, kind: &str, name: &str, help: &str) {
        self.error(diagnostics::workflow_shape(
            self.context.source,
            key.span.clone(),
            format!(
                "the {kind} workflow `{}` is missing `{name}`",
                key.as_str().unwrap_or("")
            ),
            "declared here",
            help,
        ));
    }
}

/// Each row field `node` names under `columns`, `x`, `y`, `label` and `value`, where.
fn field_uses(source: SourceId, node: &Node) -> Vec<FieldUse> {
    let mut uses = Vec::new();
    for key in ["columns", "x", "y", "label", "value"] {
        let Some(value) = node.get(key) else {
            continue;
        };
        let names = match &value.kind {
            NodeKind::Sequence(items) => items.iter().collect(),
            _ => vec![value],
        };
        for name in names {
            if let Some(field) = name.as_str() {
                uses.push(FieldUse {
                    key: key.to_owned(),
                    field: field.to_owned(),
                    span: Span::new(source, name.span.start, name.span.end),
                });
            }
        }
    }
    uses
}

fn items(node: Option<&Node>) -> Vec<&Node> {
    match node.map(|node| &node.kind) {
        Some(NodeKind::Sequence(items)) => items.iter().collect(),
        _ => Vec::new(),
    }
}

/// `[a-z][a-z0-9_]*`.
fn is_workflow_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `#rgb` or `#rrggbb`.
fn is_hex_colour(text: &str) -> bool {
    text.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `authors_report` → "Authors report".
fn title_of(id: &str) -> String {
    let words = id.replace('_', " ");
    let words = words.trim();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_owned(),
    }
}

#[cfg(test)]
mod tests;
