//! The validated, normalized service model every emitter reads.
//!
//! `backworks-blueprint` builds a [`Service`] from the YAML once every check has passed; from
//! then on nothing re-reads YAML. The model is plain owned data with deterministic order (the
//! blueprint's order), so everything emitted from it is byte-stable.
//!
//! ```text
//! endpoints:                          Service { routes: [
//!   posts:                              Route { path: /posts/{id}, params: [id], operations: [
//!     path: /posts/:id          ──▶       Operation { method: GET, endpoint: "posts", handler: #0 },
//!     methods: [GET, DELETE]              Operation { method: DELETE, endpoint: "posts", handler: #0 }]}],
//!     handler: ./handlers/posts.js      handlers: [HandlerModule { origin: File(handlers/posts.js) }] }
//! ```

mod annotations;
mod audit;
mod auth;
mod dashboard;
mod data;
mod embedded_files;
mod inputs;
mod rules;
mod runtime_needs;
mod transport;

use std::fmt;
use std::path::PathBuf;

use backworks_diagnostics::{SourceId, Span};

pub use annotations::{ExportTypes, HandlerTypes, TypedBody, TypedResponse};
pub use audit::AuditLog;
pub use auth::{Access, AdminAccount, ApiKeys, Auth, Jwt, JwtAlgorithm, JwtKeys, Users};
pub use dashboard::{
    ChartKind, EndpointBinding, FieldUse, RowSource, Theme, ThemeMode, Workflow, WorkflowKind,
};
pub use data::{
    ColumnSnapshot, Constraints, CrudOperation, Database, Field, FieldDefault, FieldType,
    IdStrategy, Migration, MigrationHistory, OnDelete, Resource, ScalarType, SchemaSnapshot,
    TableSnapshot,
};
pub use embedded_files::EmbeddedFile;
pub use inputs::{ExportInputs, HandlerInputs, InferredParameter, InferredRequestBody};
pub use rules::{Comparison, Rule, RuleExpr, Rules};
pub use runtime_needs::RuntimeNeeds;
pub use transport::{Cors, RateKey, RateLimit, ResourceRateLimit, Transport};

/// One HTTP service: everything `backworks build` emits is derived from this.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// The service's name, from the blueprint's `name`.
    pub name: String,
    /// What the service is for, from `description`.
    pub description: Option<String>,
    /// The service's version, from `version` (default `0.1.0`).
    pub version: String,
    /// Where the generated server listens unless `HOST`/`PORT` say otherwise.
    pub server: ServerSettings,
    /// Whether and where the dashboard is served.
    pub dashboard: DashboardSettings,
    /// Request limits shared by every route.
    pub limits: Limits,
    /// Headers added to every response, in blueprint order.
    pub global_headers: Vec<(String, String)>,
    /// Every route, one per distinct path, in the order paths first appear.
    pub routes: Vec<Route>,
    /// Every handler module the routes use, each once.
    pub handlers: Vec<HandlerModule>,
    /// Named JSON Schemas from the blueprint's `schemas:`, in blueprint order; references to
    /// them are normalized to `#/components/schemas/<name>`.
    pub schemas: Vec<(String, JsonSchema)>,
    /// Named schemas of TypeScript interfaces and type aliases that handler annotations use
    /// more than once (see [`HandlerModule::types`]); their names differ from `schemas`'.
    pub type_schemas: Vec<(String, JsonSchema)>,
    /// Where the data lives; `Some` exactly when the blueprint declares `database:` or any
    /// resource (the default is an SQLite file named after the service).
    pub database: Option<Database>,
    /// The data resources, in blueprint order: tables, generated CRUD routes and `ctx.db`.
    pub resources: Vec<Resource>,
    /// The project's `migrations/` folder as found before this build.
    pub migrations: MigrationHistory,
    /// How callers are identified, when the blueprint declares `auth:`.
    pub auth: Option<Auth>,
    /// The audit log's settings, when the blueprint declares `audit:`.
    pub audit: Option<AuditLog>,
    /// Rate limits, CORS, security headers and connection limits.
    pub transport: Transport,
    /// The optional runtime features the handlers need; filled in by the JavaScript crate
    /// after the handlers compile (default until then).
    pub runtime_needs: RuntimeNeeds,
    /// The project files the handlers read with `fs`, in path order; filled in by the
    /// JavaScript crate after the handlers compile (empty until then).
    pub embedded_files: Vec<EmbeddedFile>,
}

/// A JSON Schema (2020-12, as OpenAPI 3.1 uses it), held as JSON.
pub type JsonSchema = serde_json::Value;

/// A package-style name from a service name: lower case, `-` for anything else, prefixed
/// with `service-` when it would not start with a letter. It names the generated server's
/// Cargo package and binary, and the default SQLite file.
pub fn package_name(service: &str) -> String {
    let name: String = service
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches('-');
    match name.chars().next() {
        Some(first) if first.is_ascii_alphabetic() => name.to_string(),
        Some(_) => format!("service-{name}"),
        None => "service".to_string(),
    }
}

/// The generated server's listening defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSettings {
    /// Host to bind when `HOST` is unset.
    pub host: String,
    /// Port to bind when `PORT` is unset.
    pub port: u16,
}

/// The dashboard's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardSettings {
    /// Whether the dashboard is served at `/_backworks/`.
    pub enabled: bool,
    /// A separate port for the dashboard, if the blueprint asks for one.
    pub port: Option<u16>,
    /// The environment variable holding the token that opens the monitor and the metrics
    /// (`dashboard.auth: ${VAR}`), if any.
    pub auth_variable: Option<String>,
    /// How it looks (`dashboard.theme`).
    pub theme: Theme,
    /// The admin screens (`dashboard.workflows`), in blueprint order.
    pub workflows: Vec<Workflow>,
}

/// Limits applied to every request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted request body in bytes; larger bodies get a 413.
    pub body_size: u64,
    /// Default handler time budget in milliseconds; endpoints may override it.
    pub timeout_ms: u64,
}

/// All operations served at one path.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// The path in normalized form, e.g. `/posts/{id}/comments`.
    pub path: RoutePath,
    /// One operation per method, in blueprint order.
    pub operations: Vec<Operation>,
}

/// A normalized route path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutePath {
    /// The segments after the leading `/`, in order.
    pub segments: Vec<Segment>,
}

/// One `/`-separated piece of a route path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Matched exactly.
    Literal(String),
    /// Captures one segment into the named path parameter.
    Param(String),
}

impl RoutePath {
    /// The names of the path parameters, in order.
    pub fn params(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Param(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
    }
}

impl fmt::Display for RoutePath {
    /// Writes the path as axum 0.8 and OpenAPI write it: `/posts/{id}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str("/");
        }
        for segment in &self.segments {
            match segment {
                Segment::Literal(text) => write!(f, "/{text}")?,
                Segment::Param(name) => write!(f, "/{{{name}}}")?,
            }
        }
        Ok(())
    }
}

/// An HTTP method Backworks routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
    /// `HEAD`
    Head,
    /// `OPTIONS`
    Options,
}

impl Method {
    /// Every method, in the order they are usually listed.
    pub const ALL: [Method; 7] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
        Method::Head,
        Method::Options,
    ];

    /// The upper-case name, e.g. `GET`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
        }
    }

    /// Parses a method name in any letter case.
    pub fn parse(name: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|method| method.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One method of one route, served by one handler.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The method.
    pub method: Method,
    /// The blueprint endpoint that declared it: its key in the map form, its `name` in the list
    /// form, else `METHOD /path`.
    pub endpoint: String,
    /// The endpoint's description, if any.
    pub description: Option<String>,
    /// Index into [`Service::handlers`].
    pub handler: HandlerId,
    /// Time budget for the handler in milliseconds.
    pub timeout_ms: u64,
    /// Where the blueprint declares the endpoint.
    pub span: Span,
    /// Path and query parameters: those declared, then undeclared path parameters as strings.
    pub parameters: Vec<Parameter>,
    /// The declared JSON request body schema, if any.
    pub request_body: Option<JsonSchema>,
    /// Declared responses by status, in blueprint order.
    pub responses: Vec<DeclaredResponse>,
    /// Whether declared integer/number/boolean parameters reach the handler converted; by
    /// default they arrive as strings, as in Node.
    pub typed_params: bool,
    /// Who may call it; [`Access::Public`] in a service without `auth:`.
    pub access: Access,
    /// The endpoint's own rate limit, checked after the service's.
    pub rate_limit: Option<RateLimit>,
}

/// A path or query parameter an operation declares.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The parameter's name.
    pub name: String,
    /// Where it is read from.
    pub location: ParamLocation,
    /// Its declared type.
    pub kind: ParamType,
    /// Whether a request without it is rejected (always true for path parameters).
    pub required: bool,
    /// Smallest accepted value, for numbers.
    pub minimum: Option<f64>,
    /// Largest accepted value, for numbers.
    pub maximum: Option<f64>,
    /// An ECMAScript regular expression the raw value must match.
    pub pattern: Option<String>,
    /// The accepted values, if restricted.
    pub allowed: Vec<serde_json::Value>,
    /// What the parameter means.
    pub description: Option<String>,
}

/// Where a parameter is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A `{name}` segment of the path.
    Path,
    /// `?name=` in the query string.
    Query,
}

impl ParamLocation {
    /// The OpenAPI name: `path` or `query`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
        }
    }
}

/// The type a parameter's text must parse as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    /// Any text.
    String,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
}

impl ParamType {
    /// The JSON Schema type name.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::Integer => "integer",
            ParamType::Number => "number",
            ParamType::Boolean => "boolean",
        }
    }
}

/// A response the blueprint declares for one status.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredResponse {
    /// The HTTP status.
    pub status: u16,
    /// The body's schema; its `description`, if any, describes the response.
    pub schema: JsonSchema,
}

/// Index of a handler module in [`Service::handlers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HandlerId(pub usize);

/// A JavaScript or TypeScript module that serves one or more operations.
#[derive(Debug, Clone, PartialEq)]
pub struct HandlerModule {
    /// Where the code comes from.
    pub origin: HandlerOrigin,
    /// The registered source text (diagnostics point into it).
    pub source: SourceId,
    /// The language, from the file extension or the endpoint's `runtime.language`.
    pub language: Language,
    /// Where the blueprint names this handler (first use).
    pub declared_at: Span,
    /// What its TypeScript annotations declare; filled in by the JavaScript crate after the
    /// blueprint is lowered (empty until then, and for JavaScript).
    pub types: HandlerTypes,
    /// What its code shows it reads and requires; filled in by the JavaScript crate after the
    /// blueprint is lowered (empty until then).
    pub inputs: HandlerInputs,
}

/// Where a handler module's code lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandlerOrigin {
    /// A file; the path is resolved (absolute or relative to the working directory).
    File(PathBuf),
    /// Written inline in the blueprint; the path is the blueprint's folder joined with a name
    /// unique to the endpoint, so relative `require`s resolve against the blueprint's folder.
    Inline(PathBuf),
}

impl HandlerOrigin {
    /// The path relative `require`s resolve against.
    pub fn path(&self) -> &PathBuf {
        match self {
            HandlerOrigin::File(path) | HandlerOrigin::Inline(path) => path,
        }
    }
}

/// The language a handler is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// JavaScript.
    JavaScript,
    /// TypeScript (types are stripped when compiling).
    TypeScript,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_in_axum_syntax() {
        let path = RoutePath {
            segments: vec![
                Segment::Literal("posts".into()),
                Segment::Param("id".into()),
                Segment::Literal("comments".into()),
            ],
        };
        assert_eq!(path.to_string(), "/posts/{id}/comments");
        assert_eq!(path.params().collect::<Vec<_>>(), ["id"]);
        assert_eq!(RoutePath { segments: vec![] }.to_string(), "/");
    }

    #[test]
    fn package_names_are_valid_cargo_package_names() {
        assert_eq!(package_name("blog-api"), "blog-api");
        assert_eq!(package_name("My Service!"), "my-service");
        assert_eq!(package_name("2fa"), "service-2fa");
        assert_eq!(package_name("***"), "service");
    }

    #[test]
    fn methods_parse_in_any_case() {
        assert_eq!(Method::parse("get"), Some(Method::Get));
        assert_eq!(Method::parse("Delete"), Some(Method::Delete));
        assert_eq!(Method::parse("FETCH"), None);
    }
}
