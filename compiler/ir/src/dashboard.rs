//! The dashboard's admin screens in the model: `dashboard.theme` and `dashboard.workflows`,
//! each bound to what it shows (a resource, or one operation of an endpoint) and already
//! checked against it, so emitters only describe them.
//!
//! ```text
//! workflows:                                  Workflow { id: "books", title: "Books",
//!   books: { type: crud_table,       ──▶          permissions: ["admin"],
//!            resource: books }                    kind: CrudTable { resource: "books", columns: [] } }
//!   prices: { type: chart, chart: bar,        Workflow { id: "prices", kind: Chart {
//!             endpoint: author_report,             chart: Bar, source: Endpoint(GET /reports/authors),
//!             x: name, y: average_price }          x: Some("name"), y: ["average_price"], … } }
//! ```

use crate::Method;
use backworks_diagnostics::Span;

/// `dashboard.theme`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Light, dark, or the reader's setting.
    pub mode: ThemeMode,
    /// The accent colour as written (`#rgb` or `#rrggbb`), if any.
    pub accent: Option<String>,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            mode: ThemeMode::System,
            accent: None,
        }
    }
}

/// The dashboard's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeMode {
    /// Follow the reader's `prefers-color-scheme`.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeMode {
    /// The blueprint's word: `system`, `light` or `dark`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeMode::System => "system",
            ThemeMode::Light => "light",
            ThemeMode::Dark => "dark",
        }
    }
}

/// One admin screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Workflow {
    /// Its id, `[a-z][a-z0-9_]*`: the key under `workflows:`, used in URLs
    /// (`/_backworks/w/<id>/…`).
    pub id: String,
    /// Its title (default: from the id).
    pub title: String,
    /// What it is for.
    pub description: Option<String>,
    /// The roles that may use it, in blueprint order. Empty: whoever may open the dashboard
    /// (a service without `auth:`), or any verified caller (`permissions: []` with `auth:`).
    pub permissions: Vec<String>,
    /// What it shows.
    pub kind: WorkflowKind,
    /// Every row field it names (`columns`, `x`, `y`, `label`, `value`), where it names it:
    /// an endpoint's rows are checked against its response schema once handlers are inferred.
    pub field_uses: Vec<FieldUse>,
    /// Where the blueprint declares it (its key).
    pub span: Span,
}

/// A row field a workflow names, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldUse {
    /// The key naming it: `columns`, `x`, `y`, `label` or `value`.
    pub key: String,
    /// The field.
    pub field: String,
    /// The name in the blueprint.
    pub span: Span,
}

/// What a workflow shows and how.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkflowKind {
    /// A resource's records: list, create, edit, delete.
    CrudTable {
        /// The resource's name.
        resource: String,
        /// The fields shown, in order; empty: every field.
        columns: Vec<String>,
    },
    /// A form sending one endpoint's request.
    Form {
        /// The endpoint's operation.
        endpoint: EndpointBinding,
    },
    /// Rows in a table.
    Table {
        /// Where the rows come from.
        source: RowSource,
        /// The fields shown, in order; empty: every field of the rows.
        columns: Vec<String>,
    },
    /// Rows drawn as a chart.
    Chart {
        /// The chart's kind.
        chart: ChartKind,
        /// Where the rows come from.
        source: RowSource,
        /// The horizontal field (line, bar, scatter).
        x: Option<String>,
        /// The vertical fields, one series each (line, bar, scatter).
        y: Vec<String>,
        /// The slice names (pie).
        label: Option<String>,
        /// The slice sizes (pie).
        value: Option<String>,
    },
}

impl WorkflowKind {
    /// The blueprint's word: `crud_table`, `form`, `table` or `chart`.
    pub fn as_str(&self) -> &'static str {
        match self {
            WorkflowKind::CrudTable { .. } => "crud_table",
            WorkflowKind::Form { .. } => "form",
            WorkflowKind::Table { .. } => "table",
            WorkflowKind::Chart { .. } => "chart",
        }
    }
}

/// One operation of a declared endpoint a workflow calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointBinding {
    /// The endpoint's name ([`crate::Operation::endpoint`]).
    pub name: String,
    /// The operation's method.
    pub method: Method,
    /// The route's path, e.g. `/books/{id}/reviews`.
    pub path: String,
}

/// Where a table's or chart's rows come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowSource {
    /// A GET endpoint's response.
    Endpoint {
        /// The operation.
        endpoint: EndpointBinding,
        /// The body's member holding the rows; `None`: the body when it is an array, else
        /// `items`.
        rows: Option<String>,
    },
    /// A page of a resource's generated list.
    Resource {
        /// The resource's name.
        resource: String,
        /// The list query as written (already checked against the list grammar).
        query: Option<String>,
    },
}

/// A chart's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Lines through the points, one per `y` field.
    Line,
    /// Bars, one group per row.
    Bar,
    /// Slices of a whole (`label`, `value`).
    Pie,
    /// Unconnected points.
    Scatter,
}

impl ChartKind {
    /// Every kind, as the blueprint lists them.
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Line,
        ChartKind::Bar,
        ChartKind::Pie,
        ChartKind::Scatter,
    ];

    /// The blueprint's word.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Bar => "bar",
            ChartKind::Pie => "pie",
            ChartKind::Scatter => "scatter",
        }
    }
}
