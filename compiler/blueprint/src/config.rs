//! The blueprint format as written, before validation: the types serde fills and schemars
//! describes (`backworks schema` prints that description for editors).
//!
//! Both endpoint shapes people write are accepted:
//!
//! ```yaml
//! endpoints:                      endpoints:
//!   - path: /hello                  posts:
//!     method: GET                     path: /posts/{id}
//!     handler: ./hello.js             methods: [GET, DELETE]
//!                                     runtime: { language: javascript, handler: ./posts.js }
//! ```
//!
//! The data keys (`database:`, `resources:`) live in [`data`], the identity keys (`auth:`,
//! an endpoint's `auth` and `roles`) in [`auth`].

mod api_keys;
mod audit;
mod auth;
mod dashboard;
mod data;
mod transport;
mod users;

pub use audit::AuditConfig;
pub use auth::{ApiKeysConfig, AuthConfig, JwtConfig, UsersConfig};
pub use dashboard::{FieldNames, ThemeConfig, WorkflowConfig, Workflows};
pub use data::{
    CrudEndpoints, DatabaseConfig, FieldConfig, ResourceConfig, RuleConfig, RulesConfig,
};
pub use transport::{CorsConfig, RateLimitConfig};

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;

/// A Backworks blueprint: one HTTP service, its endpoints and their JavaScript handlers, and
/// its data resources.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Backworks blueprint")]
pub struct Blueprint {
    /// The service's name; it names the generated server and its packages.
    pub name: String,
    /// What the service is for.
    #[serde(default)]
    pub description: Option<String>,
    /// The service's version (default `0.1.0`).
    #[serde(default)]
    pub version: Option<String>,
    /// Where the generated server listens by default.
    #[serde(default)]
    pub server: Option<ServerConfig>,
    /// The built-in dashboard.
    #[serde(default)]
    pub dashboard: Option<DashboardConfig>,
    /// Request limits for every endpoint.
    #[serde(default)]
    pub limits: Option<LimitsConfig>,
    /// Headers added to every response.
    #[serde(default)]
    pub global_headers: IndexMap<String, String>,
    /// The endpoints: a list, or a map from endpoint name to endpoint.
    #[serde(default)]
    pub endpoints: Option<Endpoints>,
    /// Named JSON Schemas; endpoints refer to them with `$ref: "#/schemas/<Name>"`.
    #[serde(default)]
    pub schemas: IndexMap<String, serde_json::Value>,
    /// Where the resources are stored (default: an SQLite file named after the service).
    #[serde(default)]
    pub database: Option<DatabaseConfig>,
    /// Data resources by name: each is a table, CRUD endpoints and `ctx.db.<name>`.
    #[serde(default)]
    pub resources: IndexMap<String, ResourceConfig>,
    /// How callers are identified; with it, every route requires a valid token by default.
    #[serde(default)]
    pub auth: Option<AuthConfig>,
    /// The audit log of every write and identity event: how long entries are kept.
    #[serde(default)]
    pub audit: Option<AuditConfig>,
    /// A rate limit every route shares (each endpoint may add its own).
    #[serde(default)]
    pub rate_limit: Option<RateLimitConfig>,
    /// Which origins' browser code may call the service (CORS).
    #[serde(default)]
    pub cors: Option<CorsConfig>,
}

/// `server:` settings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// Host to bind unless `HOST` is set (default `127.0.0.1`).
    #[serde(default)]
    pub host: Option<String>,
    /// Port to listen on unless `PORT` is set (default 3000).
    #[serde(default)]
    pub port: Option<i64>,
    /// The service is only reached over HTTPS (e.g. behind a TLS-terminating proxy): send
    /// `Strict-Transport-Security` (default false).
    #[serde(default)]
    pub hsts: Option<bool>,
    /// Proxies (CIDR networks such as `10.0.0.0/8`, or single addresses) whose
    /// `X-Forwarded-For` header names the client, for rate limits `by: ip`, login throttling
    /// and the audit log. Default: none, and the header is never believed — a client can
    /// write anything in it.
    #[serde(default)]
    pub trusted_proxies: Option<Vec<String>>,
}

/// `dashboard:` settings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DashboardConfig {
    /// Serve the dashboard and its monitor routes (`/_backworks/monitor/*`) at `/_backworks/`,
    /// and keep the recent requests they show (default true). `false` keeps only the counters
    /// behind `/_backworks/metrics`.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Serve the dashboard, the monitor and `/_backworks/metrics` on this port instead of the
    /// main one (`DASHBOARD_PORT` overrides it at run time).
    #[serde(default)]
    pub port: Option<i64>,
    /// A token that opens the monitor and the metrics (sent as `Authorization: Bearer …`), as
    /// a reference to an environment variable: `${DASHBOARD_TOKEN}` (at least 16 bytes). A
    /// service without `auth:` and without it answers the monitor to loopback clients only.
    #[serde(default)]
    pub auth: Option<String>,
    /// How the dashboard looks: `{ mode: system | light | dark, accent: "#0f766e" }`.
    #[serde(default)]
    pub theme: Option<ThemeConfig>,
    /// Admin screens generated from the blueprint, by id (`[a-z][a-z0-9_]*`, used in URLs):
    /// `crud_table`, `form`, `table` and `chart`.
    #[serde(default)]
    pub workflows: Workflows,
}

/// `limits:` settings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    /// Largest request body: bytes as a number, or a size such as `64KiB`, `1MB` (default 1MiB).
    #[serde(default)]
    pub body_size: Option<Size>,
    /// Default handler time budget: milliseconds as a number, or a duration such as `500ms`, `10s`.
    #[serde(default)]
    pub timeout: Option<Size>,
    /// How long a client may take to send a request's headers before its connection is
    /// closed: milliseconds as a number, or a duration (default `10s`; `0` turns it off).
    #[serde(default)]
    pub header_timeout: Option<Size>,
    /// The most connections one client address may hold open; more are closed at once
    /// (default 64).
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub connections_per_ip: Option<u64>,
}

/// A quantity written as a bare number or as a number with a unit.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Size {
    /// A bare number in the base unit (bytes, milliseconds).
    Number(u64),
    /// A number with a unit, e.g. `64KiB` or `250ms`.
    Text(String),
}

/// The two ways to write the endpoint collection.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Endpoints {
    /// `- path: …` items; each may carry a `name`.
    List(Vec<Endpoint>),
    /// `name: { path: … }` entries; the key names the endpoint.
    Map(IndexMap<String, Endpoint>),
}

/// One endpoint: a path, its methods and the handler serving them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    /// A name for the endpoint (the map form uses the key instead).
    #[serde(default)]
    pub name: Option<String>,
    /// The route path; parameters are written `{id}` or `:id`.
    pub path: String,
    /// The single method served (default GET).
    #[serde(default)]
    pub method: Option<String>,
    /// Several methods served by the same handler.
    #[serde(default)]
    pub methods: Option<Vec<String>>,
    /// What the endpoint does.
    #[serde(default)]
    pub description: Option<String>,
    /// The handler: inline JavaScript, or a path to a `.js`/`.ts` file relative to the blueprint.
    #[serde(default)]
    pub handler: Option<String>,
    /// The handler with its language, as older blueprints write it.
    #[serde(default)]
    pub runtime: Option<RuntimeConfig>,
    /// This endpoint's handler time budget (overrides `limits.timeout`).
    #[serde(default)]
    pub timeout: Option<Size>,
    /// Path and query parameters, checked before the handler runs.
    #[serde(default)]
    pub parameters: Vec<ParameterConfig>,
    /// JSON Schema of the request body, checked before the handler runs.
    #[serde(default)]
    pub request: Option<serde_json::Value>,
    /// JSON Schema of the response body, by status code. (Held as YAML: status codes are
    /// integer keys, which serde's buffering of untagged enums cannot turn into strings; the
    /// schemas themselves are read from the positioned tree when lowering.)
    #[serde(default)]
    #[schemars(with = "IndexMap<String, serde_json::Value>")]
    pub responses: serde_yaml::Mapping,
    /// Hand declared integer/number/boolean parameters to the handler converted, instead of
    /// as strings (Node's behaviour, the default).
    #[serde(default)]
    pub typed_params: Option<bool>,
    /// Who may call it: `required` (a valid token; the default when the blueprint declares
    /// `auth:`), `optional` (a token is checked when sent; `ctx.user` is null without one) or
    /// `none` (open to anyone).
    #[serde(default)]
    #[schemars(extend("enum" = ["required", "optional", "none"]))]
    pub auth: Option<String>,
    /// Roles of which the caller must hold one (from `auth.jwt.roles_claim`); implies `auth:
    /// required`.
    #[serde(default)]
    pub roles: Option<Vec<String>>,
    /// This endpoint's own rate limit, in addition to the service's `rate_limit`.
    #[serde(default)]
    pub rate_limit: Option<RateLimitConfig>,
}

/// One declared path or query parameter.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterConfig {
    /// The parameter's name.
    pub name: String,
    /// `path` or `query` (default: `path` when the path has a parameter of that name).
    #[serde(default, rename = "in")]
    pub location: Option<String>,
    /// `string` (default), `integer`, `number` or `boolean`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Whether the parameter must be present (path parameters always are).
    #[serde(default)]
    pub required: Option<bool>,
    /// Smallest accepted value (numbers).
    #[serde(default)]
    pub minimum: Option<f64>,
    /// Largest accepted value (numbers).
    #[serde(default)]
    pub maximum: Option<f64>,
    /// An ECMAScript regular expression the value must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// The accepted values.
    #[serde(default, rename = "enum")]
    pub allowed: Option<Vec<serde_json::Value>>,
    /// What the parameter means.
    #[serde(default)]
    pub description: Option<String>,
}

/// `runtime:` of an endpoint.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuntimeConfig {
    /// `javascript` (default) or `typescript`.
    #[serde(default)]
    pub language: Option<String>,
    /// Inline code or a file path, as for the endpoint's `handler`.
    pub handler: String,
}
