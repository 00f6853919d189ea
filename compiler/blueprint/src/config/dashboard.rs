//! The admin screens of `dashboard:` as written: `theme:` and `workflows:`. Words (a
//! workflow's `type`, a chart's kind, the theme's mode) stay strings here so a typo becomes a
//! located "did you mean" diagnostic in lowering (`crate::workflows`) instead of a shape
//! error that would hide every other workflow.
//!
//! ```yaml
//! dashboard:
//!   theme: { mode: system, accent: "#0f766e" }
//!   workflows:
//!     books: { type: crud_table, resource: books, columns: [title, price] }
//!     prices: { type: chart, chart: bar, endpoint: author_report, rows: authors,
//!               x: name, y: average_price }
//! ```

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;

/// `dashboard.theme`: how the dashboard looks.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeConfig {
    /// `system` (default: follow the reader's setting), `light` or `dark`.
    #[serde(default)]
    #[schemars(extend("enum" = ["system", "light", "dark"]))]
    pub mode: Option<String>,
    /// The accent colour, `#rgb` or `#rrggbb`.
    #[serde(default)]
    pub accent: Option<String>,
}

/// One field name or several (a chart's `y`: one series per field).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum FieldNames {
    /// One field.
    One(String),
    /// Several fields.
    Many(Vec<String>),
}

impl FieldNames {
    /// The names, in order.
    pub fn names(&self) -> Vec<String> {
        match self {
            FieldNames::One(name) => vec![name.clone()],
            FieldNames::Many(names) => names.clone(),
        }
    }
}

/// One admin screen, by its id (the key under `workflows:`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowConfig {
    /// `crud_table` (a resource's records), `form` (an endpoint's request), `table` or
    /// `chart` (rows of a GET endpoint or of a resource query).
    #[serde(rename = "type")]
    #[schemars(extend("enum" = ["crud_table", "form", "table", "chart"]))]
    pub kind: String,
    /// The screen's title (default: from the id, `authors_report` → "Authors report").
    #[serde(default)]
    pub title: Option<String>,
    /// What the screen is for.
    #[serde(default)]
    pub description: Option<String>,
    /// The resource it shows (`crud_table`; `table` and `chart` take this or `endpoint`).
    #[serde(default)]
    pub resource: Option<String>,
    /// The endpoint it is bound to, by name (`form`: any method; `table`, `chart`: a GET).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// With `resource:` on a `table` or `chart`: the list query, in the list grammar of the
    /// generated `GET /<resource>` (`status=eq.published&order=-price`).
    #[serde(default)]
    pub query: Option<String>,
    /// With `endpoint:` on a `table` or `chart`: the member of the response body holding the
    /// rows (default: the body itself when it is an array, else `items`).
    #[serde(default)]
    pub rows: Option<String>,
    /// The fields shown, in order (default: every field).
    #[serde(default)]
    pub columns: Option<Vec<String>>,
    /// The roles that may use it (default `[admin]` when the service declares `auth:`;
    /// without `auth:`, whoever may open the dashboard).
    #[serde(default)]
    pub permissions: Option<Vec<String>>,
    /// A chart's kind: `line`, `bar`, `pie` or `scatter`.
    #[serde(default)]
    #[schemars(extend("enum" = ["line", "bar", "pie", "scatter"]))]
    pub chart: Option<String>,
    /// A line, bar or scatter chart's horizontal field.
    #[serde(default)]
    pub x: Option<String>,
    /// A line, bar or scatter chart's vertical field, or several (one series each).
    #[serde(default)]
    pub y: Option<FieldNames>,
    /// A pie chart's slice names.
    #[serde(default)]
    pub label: Option<String>,
    /// A pie chart's slice sizes.
    #[serde(default)]
    pub value: Option<String>,
}

/// `dashboard.workflows`, by id.
pub type Workflows = IndexMap<String, WorkflowConfig>;
