//! Typed blueprint + positioned YAML tree → validated [`Service`].
//!
//! Every semantic check lives here (paths, methods, duplicate routes, handler files, ports,
//! sizes; the data keys in [`crate::data`], the identity keys in [`crate::auth`]); each failure becomes a diagnostic and checking
//! goes on, so one run reports them all.
//!
//! ```text
//! endpoints:                            Route /posts/{id}
//!   a: { path: /posts/:id, method: GET }    GET    → a
//!   b: { path: /posts/{id}, methods: [DELETE] } DELETE → b
//! ```

use std::path::Path;

use backworks_diagnostics::{Diagnostic, SourceId, Sources, Span};
use backworks_ir::{
    DashboardSettings, DeclaredResponse, HandlerId, JsonSchema, Language, Limits, Method,
    Operation, Route, ServerSettings, Service,
};

use crate::audit::lower_audit;
use crate::auth::{
    USERS_RESOURCE, accounts_resource, check_account_routes, endpoint_access, lower_auth,
};
use crate::config::{Blueprint, Endpoint, Size};
use crate::data::lower_data;
use crate::diagnostics;
use crate::handlers::HandlerTable;
use crate::migrations;
use crate::parameters::lower_parameters;
use crate::parts::{Part, WellFormed};
use crate::paths::{parse_route_path, shape};
use crate::quantity::{self, DURATION_UNITS, SIZE_UNITS};
use crate::schemas::SchemaChecker;
use crate::yaml::{Node, NodeKind};

const DEFAULT_PORT: u16 = 3000;
const DEFAULT_HOST: &str = "127.0.0.1";
const DEFAULT_BODY_LIMIT: u64 = 1024 * 1024;
const DEFAULT_TIMEOUT_MS: u64 = 10_000;

/// Lowers the well-formed parts of a blueprint. Diagnostics (errors and warnings) go to
/// `diagnostics`; the service is returned only if lowering found no errors.
pub fn lower(
    parts: &WellFormed,
    root: &Node,
    source: SourceId,
    blueprint_path: &Path,
    project_root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Service> {
    let blueprint = &parts.blueprint;
    let mut lowerer = Lowerer {
        source,
        diagnostics,
        handlers: HandlerTable::new(source, blueprint_path, project_root, sources),
        schema_names: blueprint.schemas.keys().cloned().collect(),
    };

    let server = lowerer.server(blueprint, root);
    let mut dashboard = lowerer.dashboard(blueprint, root, server.port);
    let limits = lowerer.limits(blueprint, root);
    let global_headers = lowerer.global_headers(blueprint, root);
    let schemas = lowerer.named_schemas(root);
    let routes = lowerer.routes(&parts.endpoints, root, &limits);
    let auth = lower_auth(source, blueprint.auth.as_ref(), root, lowerer.diagnostics);
    let audit = lower_audit(source, blueprint.audit.as_ref(), root, lowerer.diagnostics);
    // `auth.users` keeps its accounts in a `users` resource of its own (unless the blueprint
    // declares one, which `lower_auth` reported), and serves `/auth/*` routes.
    let accounts_key = blueprint
        .auth
        .as_ref()
        .and_then(|auth| auth.users.as_ref())
        .and_then(|_| root.get("auth")?.key("users"));
    let implied = accounts_key
        .filter(|_| {
            root.get("resources")
                .and_then(|resources| resources.key(USERS_RESOURCE))
                .is_none()
        })
        .map(|key| {
            let span = Span::new(source, key.span.start, key.span.end);
            (accounts_resource(span), key)
        });
    if accounts_key.is_some() {
        check_account_routes(source, &routes, lowerer.diagnostics);
    }
    let transport = crate::transport::lower_transport(
        source,
        blueprint,
        &parts.resources,
        root,
        lowerer.diagnostics,
    );

    let Lowerer {
        handlers,
        diagnostics,
        ..
    } = lowerer;
    let HandlerTable {
        modules: handler_modules,
        sources,
        ..
    } = handlers;
    let data = lower_data(
        source,
        parts,
        root,
        &routes,
        implied,
        project_root,
        sources,
        diagnostics,
    );
    let migrations = migrations::read(project_root, sources, diagnostics);
    let context = crate::workflows::Context {
        source,
        root,
        enabled: dashboard.enabled,
        routes: &routes,
        resources: &data.resources,
        declared_resources: mapping_keys(root.get("resources")),
        declared_endpoints: mapping_keys(root.get("endpoints")),
        auth: auth.as_ref(),
    };
    (dashboard.theme, dashboard.workflows) =
        crate::workflows::lower_workflows(&context, blueprint, diagnostics);
    Some(Service {
        name: blueprint.name.clone(),
        description: blueprint.description.clone(),
        version: blueprint.version.clone().unwrap_or_else(|| "0.1.0".into()),
        server,
        dashboard,
        limits,
        global_headers,
        routes,
        handlers: handler_modules,
        schemas,
        type_schemas: Vec::new(),
        database: data.database,
        resources: data.resources,
        migrations,
        auth,
        audit,
        transport,
        runtime_needs: backworks_ir::RuntimeNeeds::default(),
        embedded_files: Vec::new(),
    })
}

/// The keys of a YAML mapping (none for anything else): what the blueprint declares even
/// where a part was left out for a shape error of its own.
fn mapping_keys(node: Option<&Node>) -> Vec<String> {
    match node.map(|node| &node.kind) {
        Some(NodeKind::Mapping(entries)) => entries
            .iter()
            .filter_map(|(key, _)| key.as_str().map(str::to_owned))
            .collect(),
        Some(NodeKind::Sequence(items)) => items
            .iter()
            .filter_map(|item| item.get("name")?.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

struct Lowerer<'a, 'd> {
    source: SourceId,
    diagnostics: &'d mut Vec<Diagnostic>,
    handlers: HandlerTable<'a>,
    /// Names under `schemas:`, which `$ref`s may point at.
    schema_names: Vec<String>,
}

/// What an endpoint declares about its requests and responses, shared by its operations.
struct Contract {
    parameters: Vec<backworks_ir::Parameter>,
    request_body: Option<JsonSchema>,
    responses: Vec<DeclaredResponse>,
}

/// An endpoint with the YAML nodes it came from.
struct EndpointSite<'n> {
    name: String,
    endpoint: &'n Endpoint,
    node: &'n Node,
    /// What to underline when the whole endpoint is meant: its key, or its `path` value.
    anchor: &'n Node,
}

impl Lowerer<'_, '_> {
    fn schema(&mut self, node: &Node) -> JsonSchema {
        let mut checker = SchemaChecker {
            source: self.source,
            names: &self.schema_names,
            diagnostics: Vec::new(),
        };
        let schema = checker.check(node);
        self.diagnostics.extend(checker.diagnostics);
        schema
    }

    fn named_schemas(&mut self, root: &Node) -> Vec<(String, JsonSchema)> {
        let Some(Node {
            kind: NodeKind::Mapping(entries),
            ..
        }) = root.get("schemas")
        else {
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|(name, schema)| Some((name.as_str()?.to_string(), self.schema(schema))))
            .collect()
    }

    fn contract(&mut self, site: &EndpointSite, path: &backworks_ir::RoutePath) -> Contract {
        let parameter_nodes: Vec<Node> = match site.node.get("parameters") {
            Some(Node {
                kind: NodeKind::Sequence(items),
                ..
            }) => items.clone(),
            _ => Vec::new(),
        };
        let parameters = lower_parameters(
            self.source,
            path,
            &site.endpoint.parameters,
            &parameter_nodes,
            self.diagnostics,
        );
        let request_body = site.node.get("request").map(|node| self.schema(node));
        let mut responses = Vec::new();
        if let Some(Node {
            kind: NodeKind::Mapping(entries),
            ..
        }) = site.node.get("responses")
        {
            for (status, schema) in entries {
                let text = status.as_str().unwrap_or_default();
                match text.parse::<u16>() {
                    Ok(code) if (100..=599).contains(&code) => responses.push(DeclaredResponse {
                        status: code,
                        schema: self.schema(schema),
                    }),
                    _ => self.diagnostics.push(
                        Diagnostic::error(
                            "invalid-status",
                            format!("`{text}` is not an HTTP status"),
                        )
                        .with_label(
                            Span::new(self.source, status.span.start, status.span.end),
                            "not a status code",
                        )
                        .with_help("key responses by status code, e.g. `200:` or `404:`"),
                    ),
                }
            }
        }
        Contract {
            parameters,
            request_body,
            responses,
        }
    }

    fn port(&mut self, value: Option<i64>, node: Option<&Node>) -> Option<u16> {
        let port = value?;
        match u16::try_from(port) {
            Ok(port) if port > 0 => Some(port),
            _ => {
                let range = node.map_or(0..0, |node| node.span.clone());
                self.diagnostics
                    .push(diagnostics::port_out_of_range(self.source, range, port));
                None
            }
        }
    }

    fn server(&mut self, blueprint: &Blueprint, root: &Node) -> ServerSettings {
        let config = blueprint.server.as_ref();
        let port_node = root.get("server").and_then(|server| server.get("port"));
        let port = self.port(config.and_then(|server| server.port), port_node);
        ServerSettings {
            host: config
                .and_then(|server| server.host.clone())
                .unwrap_or_else(|| DEFAULT_HOST.into()),
            port: port.unwrap_or(DEFAULT_PORT),
        }
    }

    fn dashboard(
        &mut self,
        blueprint: &Blueprint,
        root: &Node,
        server_port: u16,
    ) -> DashboardSettings {
        let config = blueprint.dashboard.as_ref();
        let port_node = root
            .get("dashboard")
            .and_then(|dashboard| dashboard.get("port"));
        let auth_variable = config
            .and_then(|dashboard| dashboard.auth.as_deref())
            .and_then(|text| {
                let variable = crate::auth::variable_reference(text);
                if variable.is_none() {
                    // Pointed at `dashboard:`: an excerpt of the value's line would print it.
                    let key = root.key("dashboard").map(|key| key.span.clone());
                    self.diagnostics
                        .push(diagnostics::dashboard::token_in_blueprint(
                            self.source,
                            key.unwrap_or(0..0),
                        ));
                }
                variable.map(str::to_owned)
            });
        let port = self.port(config.and_then(|dashboard| dashboard.port), port_node);
        if port == Some(server_port) {
            let range = port_node.map_or(0..0, |node| node.span.clone());
            self.diagnostics.push(diagnostics::dashboard::port_taken(
                self.source,
                range,
                server_port,
            ));
        }
        DashboardSettings {
            enabled: config
                .and_then(|dashboard| dashboard.enabled)
                .unwrap_or(true),
            port,
            auth_variable,
            theme: backworks_ir::Theme::default(),
            workflows: Vec::new(),
        }
    }

    fn limits(&mut self, blueprint: &Blueprint, root: &Node) -> Limits {
        let config = blueprint.limits.as_ref();
        let node = root.get("limits");
        Limits {
            body_size: self
                .quantity(
                    config.and_then(|limits| limits.body_size.as_ref()),
                    node.and_then(|limits| limits.get("body_size")),
                    SIZE_UNITS,
                )
                .unwrap_or(DEFAULT_BODY_LIMIT),
            timeout_ms: self
                .quantity(
                    config.and_then(|limits| limits.timeout.as_ref()),
                    node.and_then(|limits| limits.get("timeout")),
                    DURATION_UNITS,
                )
                .unwrap_or(DEFAULT_TIMEOUT_MS),
        }
    }

    fn quantity(
        &mut self,
        value: Option<&Size>,
        node: Option<&Node>,
        units: &[(&str, f64)],
    ) -> Option<u64> {
        match value? {
            Size::Number(number) => Some(*number),
            Size::Text(text) => {
                let parsed = quantity::parse(text, units);
                if parsed.is_none() {
                    let range = node.map_or(0..0, |node| node.span.clone());
                    self.diagnostics.push(diagnostics::invalid_quantity(
                        self.source,
                        range,
                        text,
                        &quantity::unit_names(units),
                    ));
                }
                parsed
            }
        }
    }

    fn global_headers(&mut self, blueprint: &Blueprint, root: &Node) -> Vec<(String, String)> {
        let nodes = root.get("global_headers");
        let mut headers = Vec::new();
        for (name, value) in &blueprint.global_headers {
            let name_ok = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            let value_ok = value
                .bytes()
                .all(|b| b == b'\t' || (b' '..=b'~').contains(&b));
            if name_ok && value_ok {
                headers.push((name.to_ascii_lowercase(), value.clone()));
            } else {
                let range = nodes
                    .and_then(|nodes| nodes.key(name))
                    .map_or(0..0, |key| key.span.clone());
                self.diagnostics
                    .push(diagnostics::invalid_header(self.source, range, name));
            }
        }
        headers
    }

    fn endpoint_sites<'n>(&self, parts: &'n [Part<'n, Endpoint>]) -> Vec<EndpointSite<'n>> {
        parts
            .iter()
            .map(|part| {
                let endpoint = &part.config;
                match part.key {
                    Some(key) => EndpointSite {
                        name: part.name().unwrap_or_default().to_string(),
                        endpoint,
                        node: part.node,
                        anchor: key,
                    },
                    None => EndpointSite {
                        name: endpoint.name.clone().unwrap_or_else(|| {
                            let method = endpoint.method.as_deref().unwrap_or("GET").to_uppercase();
                            format!("{method} {}", endpoint.path)
                        }),
                        endpoint,
                        node: part.node,
                        anchor: part.node.get("path").unwrap_or(part.node),
                    },
                }
            })
            .collect()
    }

    fn routes<'n>(
        &mut self,
        parts: &'n [Part<'n, Endpoint>],
        root: &Node,
        limits: &Limits,
    ) -> Vec<Route> {
        let sites = self.endpoint_sites(parts);
        // Counted in the YAML, not among the well-formed parts: a malformed endpoint is still
        // an endpoint, and resources serve routes of their own.
        let declared = |key: &str| match root.get(key) {
            None => false,
            Some(node) => match &node.kind {
                NodeKind::Sequence(items) => !items.is_empty(),
                NodeKind::Mapping(entries) => !entries.is_empty(),
                // A value of the wrong type is a shape error already.
                NodeKind::Scalar { .. } => {
                    node.scalar_type() != Some(crate::yaml::ScalarType::Null)
                }
            },
        };
        // `auth.users` serves the account routes.
        let accounts = root
            .get("auth")
            .and_then(|auth| auth.get("users"))
            .is_some();
        if !declared("endpoints") && !declared("resources") && !accounts {
            let range = root.key("endpoints").map_or(0..0, |key| key.span.clone());
            self.diagnostics
                .push(diagnostics::no_endpoints(self.source, range));
        }
        let mut routes: Vec<Route> = Vec::new();
        // Where each route's path was first written, to point at it in conflicts.
        let mut route_sites: Vec<std::ops::Range<usize>> = Vec::new();
        for site in &sites {
            let path_node = site.node.get("path").unwrap_or(site.anchor);
            let methods = self.methods(site);
            let handler = self.handler(site);
            let path =
                match parse_route_path(self.source, path_node.span.clone(), &site.endpoint.path) {
                    Ok(path) => path,
                    Err(errors) => {
                        self.diagnostics.extend(errors);
                        continue;
                    }
                };
            let timeout_ms = self
                .quantity(
                    site.endpoint.timeout.as_ref(),
                    site.node.get("timeout"),
                    DURATION_UNITS,
                )
                .unwrap_or(limits.timeout_ms);

            let index = match routes
                .iter()
                .position(|route| shape(&route.path) == shape(&path))
            {
                Some(index) if routes[index].path != path => {
                    self.diagnostics.push(diagnostics::conflicting_paths(
                        self.source,
                        path_node.span.clone(),
                        &site.endpoint.path,
                        route_sites[index].clone(),
                        &routes[index].path.to_string(),
                    ));
                    continue;
                }
                Some(index) => index,
                None => {
                    routes.push(Route {
                        path: path.clone(),
                        operations: Vec::new(),
                    });
                    route_sites.push(path_node.span.clone());
                    routes.len() - 1
                }
            };
            let contract = self.contract(site, &path);
            let access = endpoint_access(
                self.source,
                root.get("auth").is_some(),
                site.endpoint,
                site.node,
                self.diagnostics,
            );
            let rate_limit = match (&site.endpoint.rate_limit, site.node.get("rate_limit")) {
                (Some(config), Some(node)) => crate::rate_limit::lower_rate_limit(
                    self.source,
                    config,
                    node,
                    root.get("auth").is_some(),
                    self.diagnostics,
                ),
                _ => None,
            };
            let Some(handler) = handler else { continue };
            for (method, method_node) in methods {
                let route = &mut routes[index];
                if let Some(earlier) = route.operations.iter().find(|op| op.method == method) {
                    let earlier = earlier.span.start as usize..earlier.span.end as usize;
                    self.diagnostics.push(diagnostics::duplicate_route(
                        self.source,
                        method_node.span.clone(),
                        method.as_str(),
                        &path.to_string(),
                        earlier,
                    ));
                    continue;
                }
                route.operations.push(Operation {
                    method,
                    endpoint: site.name.clone(),
                    description: site.endpoint.description.clone(),
                    handler,
                    timeout_ms,
                    span: Span::new(self.source, method_node.span.start, method_node.span.end),
                    parameters: contract.parameters.clone(),
                    // A body schema concerns the methods that carry a body.
                    request_body: contract
                        .request_body
                        .clone()
                        .filter(|_| matches!(method, Method::Post | Method::Put | Method::Patch)),
                    responses: contract.responses.clone(),
                    typed_params: site.endpoint.typed_params.unwrap_or(false),
                    access: access.clone(),
                    rate_limit,
                });
            }
        }
        routes.retain(|route| !route.operations.is_empty());
        routes
    }

    /// The endpoint's methods with the node each was written at (GET when none is given).
    fn methods<'n>(&mut self, site: &EndpointSite<'n>) -> Vec<(Method, &'n Node)> {
        let endpoint = site.endpoint;
        if endpoint.method.is_some() && endpoint.methods.is_some() {
            self.diagnostics.push(diagnostics::method_and_methods(
                self.source,
                site.anchor.span.clone(),
            ));
        }
        let written: Vec<(&str, &'n Node)> = match (
            &endpoint.method,
            site.node.get("method"),
            site.node.get("methods"),
        ) {
            (Some(method), Some(node), _) => vec![(method.as_str(), node)],
            (
                _,
                _,
                Some(Node {
                    kind: NodeKind::Sequence(items),
                    ..
                }),
            ) => endpoint
                .methods
                .iter()
                .flatten()
                .map(String::as_str)
                .zip(items.iter())
                .collect(),
            _ => return vec![(Method::Get, site.anchor)],
        };
        let mut methods: Vec<(Method, &'n Node)> = Vec::new();
        for (name, node) in written {
            match Method::parse(name) {
                Some(method) if methods.iter().any(|(seen, _)| *seen == method) => {
                    self.diagnostics.push(diagnostics::repeated_method(
                        self.source,
                        node.span.clone(),
                        name,
                    ))
                }
                Some(method) => methods.push((method, node)),
                None => self.diagnostics.push(diagnostics::unknown_method(
                    self.source,
                    node.span.clone(),
                    name,
                )),
            }
        }
        methods
    }

    fn handler(&mut self, site: &EndpointSite) -> Option<HandlerId> {
        let endpoint = site.endpoint;
        let runtime_node = site.node.get("runtime");
        let (code, node, language) = match (&endpoint.handler, &endpoint.runtime) {
            (Some(_), Some(_)) => {
                self.diagnostics.push(diagnostics::two_handlers(
                    self.source,
                    site.anchor.span.clone(),
                    &site.name,
                ));
                return None;
            }
            (Some(code), None) => (code, site.node.get("handler")?, None),
            (None, Some(runtime)) => {
                let runtime_node = runtime_node?;
                let language = match runtime
                    .language
                    .as_deref()
                    .map(str::to_ascii_lowercase)
                    .as_deref()
                {
                    None | Some("javascript" | "js" | "node" | "nodejs") => None,
                    Some("typescript" | "ts") => Some(Language::TypeScript),
                    Some(other) => {
                        let range = runtime_node
                            .get("language")
                            .map_or(0..0, |node| node.span.clone());
                        self.diagnostics.push(diagnostics::unknown_language(
                            self.source,
                            range,
                            other,
                        ));
                        return None;
                    }
                };
                (&runtime.handler, runtime_node.get("handler")?, language)
            }
            (None, None) => {
                self.diagnostics.push(diagnostics::missing_handler(
                    self.source,
                    site.anchor.span.clone(),
                    &site.name,
                ));
                return None;
            }
        };
        match self.handlers.resolve(node, code, language, &site.name) {
            Ok(id) => Some(id),
            Err(diagnostic) => {
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }
}
