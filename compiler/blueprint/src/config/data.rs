//! The `database:` and `resources:` keys as written, before validation.
//!
//! Type names and option values stay strings here so a typo becomes a located "did you mean"
//! diagnostic in lowering rather than a serde error; the schema still lists the accepted words
//! for editors (`extend("enum" = …)`).
//!
//! ```yaml
//! database:
//!   url: ${DATABASE_URL:-sqlite://data/bookstore.db}
//! resources:
//!   books:
//!     fields:
//!       title: { type: string, required: true, maxLength: 200 }
//!       author: { type: ref, to: authors, on_delete: cascade }
//!     endpoints: [list, get]
//!     rules:
//!       update: record.owner == user.id || "admin" in user.roles
//! ```

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;

/// `database:` settings: where the resources are stored.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    /// The connection URL: `sqlite://data/app.db` (a file, relative to the server's working
    /// directory), `sqlite::memory:`, or `postgres://user@host:5432/db`. `${VAR}` and
    /// `${VAR:-default}` are expanded from the server's environment at start, and
    /// `DATABASE_URL`, when set, replaces the whole value. Default
    /// `sqlite://data/<service name>.db`. Keep passwords out of the blueprint: write
    /// `${DATABASE_URL}`.
    #[serde(default)]
    pub url: Option<String>,
    /// Destructive schema changes this build may make (`books` to drop a resource,
    /// `books.isbn` to drop or narrow a field); any other one is refused.
    #[serde(default)]
    pub allow_data_loss: Vec<String>,
}

/// One data resource: a table, its CRUD endpoints and its `ctx.db.<name>` accessor.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceConfig {
    /// What the resource holds.
    #[serde(default)]
    pub description: Option<String>,
    /// How ids are made: `integer` (1, 2, 3, … assigned by the database; the default) or
    /// `uuid` (a random UUID v4).
    #[serde(default)]
    #[schemars(extend("enum" = ["integer", "uuid"]))]
    pub id: Option<String>,
    /// Keep `created_at` and `updated_at` automatically (default true).
    #[serde(default)]
    pub timestamps: Option<bool>,
    /// The fields, by name; `id`, `created_at` and `updated_at` are implicit.
    #[serde(default)]
    pub fields: IndexMap<String, FieldConfig>,
    /// Extra indexes, each a list of column names (fields, `id`, `created_at`, `updated_at`),
    /// e.g. `[[status, created_at]]`.
    #[serde(default)]
    pub indexes: Vec<Vec<String>>,
    /// `string` or `text` fields covered by full-text search (`?search=`).
    #[serde(default)]
    pub search: Vec<String>,
    /// The generated HTTP operations: `true` for all, `false` (the default) for none, or a
    /// list of `list`, `get`, `create`, `update`, `delete`.
    #[serde(default)]
    pub endpoints: Option<CrudEndpoints>,
    /// A JSON (`.json`) or YAML file, relative to the project folder, holding an array of
    /// objects: the rows inserted when the table is empty at start, checked against the
    /// fields at build time.
    #[serde(default)]
    pub seed: Option<String>,
    /// Who may do what to which records through the generated endpoints: per operation, a
    /// condition over `record` (the row) and `user` (the caller, `null` when anonymous), e.g.
    /// `record.owner == user.id || "admin" in user.roles`, or `true`/`false`. An operation
    /// without a rule is open to every caller its route's `auth` admits. Rules do not apply
    /// to `ctx.db` in handlers (trusted server code).
    #[serde(default)]
    pub rules: Option<RulesConfig>,
    /// A rate limit shared by the resource's generated endpoints (list, get, create, update
    /// and delete count against one quota per caller), checked after the service's own
    /// `rate_limit`, like an endpoint's.
    #[serde(default)]
    pub rate_limit: Option<super::RateLimitConfig>,
}

/// `rules:` of a resource, one rule per generated operation.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesConfig {
    /// Which records `GET /<resource>` lists and counts (others are never read).
    #[serde(default)]
    pub list: Option<RuleConfig>,
    /// Which record `GET /<resource>/{id}` answers (others are 404, as if absent); also which
    /// records an expansion of a `ref` to this resource shows (others expand to `null`).
    #[serde(default)]
    pub get: Option<RuleConfig>,
    /// Which new records `POST` accepts, checked after defaults (refused: 403).
    #[serde(default)]
    pub create: Option<RuleConfig>,
    /// Which records `PATCH`/`PUT` may change; the changed record must satisfy it too.
    #[serde(default)]
    pub update: Option<RuleConfig>,
    /// Which records `DELETE` may remove.
    #[serde(default)]
    pub delete: Option<RuleConfig>,
}

/// One rule: an expression of the rule language, or `true`/`false`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RuleConfig {
    /// `true` (everyone the route admits) or `false` (no one).
    Constant(bool),
    /// An expression such as `record.owner == user.id || record.shared`.
    Expression(String),
}

/// `endpoints:` of a resource.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CrudEndpoints {
    /// `true` for every operation, `false` for none.
    All(bool),
    /// The operations to generate.
    Some(Vec<String>),
}

/// One field of a resource: a column and a member of its JSON representation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldConfig {
    /// The field's type.
    #[serde(rename = "type")]
    #[schemars(extend("enum" = [
        "string", "text", "integer", "number", "boolean", "datetime", "date", "json", "enum",
        "array", "ref"
    ]))]
    pub kind: String,
    /// A create must supply it (or a default does), and it is never `null`.
    #[serde(default)]
    pub required: Option<bool>,
    /// The value a create gets when it supplies none: a literal the field accepts, `now`
    /// (`datetime` and `date` fields) or `uuid` (`string` and `text` fields). Quote `"now"`
    /// or `"uuid"` to mean the text itself.
    #[serde(default)]
    pub default: Option<serde_json::Value>,
    /// No two rows may hold the same value.
    #[serde(default)]
    pub unique: Option<bool>,
    /// Fewest characters (`string`, `text`).
    #[serde(default, rename = "minLength")]
    pub min_length: Option<u64>,
    /// Most characters (`string`, `text`).
    #[serde(default, rename = "maxLength")]
    pub max_length: Option<u64>,
    /// Smallest value (`integer`, `number`).
    #[serde(default)]
    pub minimum: Option<f64>,
    /// Largest value (`integer`, `number`).
    #[serde(default)]
    pub maximum: Option<f64>,
    /// An ECMAScript regular expression the value must match (`string`, `text`).
    #[serde(default)]
    pub pattern: Option<String>,
    /// A JSON Schema format such as `email`, `uri` or `uuid` (`string`, `text`).
    #[serde(default)]
    pub format: Option<String>,
    /// What the field means.
    #[serde(default)]
    pub description: Option<String>,
    /// The allowed values of an `enum` field.
    #[serde(default)]
    pub values: Option<Vec<String>>,
    /// The element type of an `array` field: `string`, `integer`, `number` or `boolean`.
    #[serde(default)]
    #[schemars(extend("enum" = ["string", "integer", "number", "boolean"]))]
    pub items: Option<String>,
    /// The resource a `ref` field points at.
    #[serde(default)]
    pub to: Option<String>,
    /// What deleting the referenced row does to this one (`ref` fields): `restrict` (refuse;
    /// the default), `cascade` (delete this row too) or `set_null`.
    #[serde(default)]
    #[schemars(extend("enum" = ["restrict", "cascade", "set_null"]))]
    pub on_delete: Option<String>,
}
