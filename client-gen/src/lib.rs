//! `backworks-client-gen`: the typed TypeScript packages of a service, generated from the IR
//! and the OpenAPI document `backworks-emit` builds from it: the client, and React, Vue and
//! Svelte packages over its stores.
//!
//! ```text
//! Service + openapi.json ──▶ clients/client/
//!                              package.json   @<service>/client, the service's version, exports with types
//!                              index.js       one table entry per operation + createClient
//!                              index.d.ts     schemas, params and results, resources, Client
//!                              runtime.js     request building, auth, timeouts, result shaping
//!                              runtime.d.ts   the shared generic types
//!                              live.js        subscribe: live events over one WebSocket
//!                              store.js       createQuery / createMutation, framework-free
//!                              README.md      usage with this service's own operations
//!                        ─▶ clients/{react,vue,svelte}/
//!                              package.json   @<service>/<framework>, peer: the framework
//!                              index.js       one line per operation over runtime.js
//!                              index.d.ts     one declaration per operation
//! ```
//!
//! The document is the operations' final shape (operation ids, parameters, bodies, responses
//! with declared > annotated > inferred precedence), decided once by the emitter; it is a pure
//! function of the IR, so reading it keeps "emitters read only the IR" true without computing
//! that precedence twice. The IR supplies what the document does not say: the resources'
//! field types (for typed list filters) and the API key header. The crate depends on
//! `backworks-ir` only, never on the runtime.

mod declarations;
mod frameworks;
mod module;
mod names;
mod operations;
mod package;
mod react;
mod resources;
mod svelte;
mod types;
mod vue;

use std::collections::BTreeMap;

use backworks_ir::Service;
use serde_json::Value;

use crate::names::Names;
use crate::operations::Operation;
use crate::resources::ResourceClient;
use crate::types::TypeWriter;

/// Where the package goes, relative to the build's output folder.
pub const CLIENT_DIR: &str = "clients/client";

/// Where every package goes (`client/`, `react/`, `vue/`, `svelte/`), relative to the
/// build's output folder.
pub const CLIENTS_DIR: &str = "clients";

/// The files of the client package and of the React, Vue and Svelte packages built on it, by
/// path relative to [`CLIENTS_DIR`] (`client/index.js`, `react/index.js`, …).
pub fn client_packages(service: &Service, document: &Value) -> Vec<(String, String)> {
    let generated = Generated::new(service, document);
    let mut files: Vec<(String, String)> = client_files(&generated)
        .into_iter()
        .map(|(path, text)| (format!("client/{path}"), text))
        .collect();
    for (dir, package) in [
        ("react", react::package(&generated)),
        ("vue", vue::package(&generated)),
        ("svelte", svelte::package(&generated)),
    ] {
        files.extend(
            package
                .into_iter()
                .map(|(path, text)| (format!("{dir}/{path}"), text)),
        );
    }
    files
}

const RUNTIME_JS: &str = include_str!("../../templates/client/runtime.js");
const RUNTIME_D_TS: &str = include_str!("../../templates/client/runtime.d.ts");
const LIVE_JS: &str = include_str!("../../templates/client/live.js");
const LIVE_D_TS: &str = include_str!("../../templates/client/live.d.ts");
const STORE_JS: &str = include_str!("../../templates/client/store.js");
const STORE_D_TS: &str = include_str!("../../templates/client/store.d.ts");

/// The files of the client package, by path relative to [`CLIENT_DIR`], in a stable order.
pub fn client_package(service: &Service, document: &Value) -> Vec<(String, String)> {
    client_files(&Generated::new(service, document))
}

fn client_files(generated: &Generated) -> Vec<(String, String)> {
    vec![
        ("README.md".to_string(), package::readme(generated)),
        (
            "index.d.ts".to_string(),
            declarations::index_d_ts(generated),
        ),
        ("index.js".to_string(), module::index_js(generated)),
        ("live.d.ts".to_string(), LIVE_D_TS.to_string()),
        ("live.js".to_string(), LIVE_JS.to_string()),
        ("package.json".to_string(), package::package_json(generated)),
        ("runtime.d.ts".to_string(), RUNTIME_D_TS.to_string()),
        ("runtime.js".to_string(), RUNTIME_JS.to_string()),
        ("store.d.ts".to_string(), STORE_D_TS.to_string()),
        ("store.js".to_string(), STORE_JS.to_string()),
    ]
}

/// Everything the files are written from: the service, its named schemas and operations.
pub(crate) struct Generated<'a> {
    service: &'a Service,
    document: &'a Value,
    /// The first lines of every generated file.
    header: String,
    /// Each component schema's TypeScript name, by its name in the document.
    components: BTreeMap<String, String>,
    /// The named schemas, by TypeScript name, in document order.
    schemas: Vec<(String, Value)>,
    operations: Vec<Operation>,
    resources: Vec<ResourceClient>,
    /// Whether the server publishes live events: `/_backworks/ws` exists for a service with
    /// data (resources or a database), so only then does the client get `subscribe`.
    live: bool,
}

impl<'a> Generated<'a> {
    fn new(service: &'a Service, document: &'a Value) -> Generated<'a> {
        let mut types = Names::types();
        let mut members = Names::members();
        let mut components = BTreeMap::new();
        let mut schemas = Vec::new();
        if let Some(named) = document
            .pointer("/components/schemas")
            .and_then(Value::as_object)
        {
            for (name, schema) in named {
                let ts_name = types.fresh_schema(name);
                components.insert(name.clone(), ts_name.clone());
                schemas.push((ts_name, schema.clone()));
            }
        }
        let operations = operations::operations(document, &mut members, &mut types);
        let resources = resources::resources(service, &operations, &mut members, &mut types);
        let header = format!(
            "// Generated by Backworks from {} {}. Do not edit: run `backworks build` again.\n\n",
            service.name, service.version
        );
        Generated {
            service,
            document,
            header,
            components,
            schemas,
            operations,
            resources,
            live: service.database.is_some() || !service.resources.is_empty(),
        }
    }

    /// Whether `subscribe` offers the dashboard's request stream: the client has a socket
    /// (`live`) and the server serves the stream on it, which it does when the dashboard is on
    /// the service's own port. (A service without data serves the stream too, on a socket its
    /// client does not open; the dashboard reads it there.)
    fn request_stream(&self) -> bool {
        self.live && self.service.dashboard.enabled && self.service.dashboard.port.is_none()
    }

    fn writer(&self) -> TypeWriter<'_> {
        TypeWriter {
            components: &self.components,
        }
    }

    /// The document's schema named `name`.
    fn schema_source(&self, name: &str) -> Option<&'a Value> {
        self.document.pointer("/components/schemas")?.get(name)
    }

    /// The service's default address, for examples.
    fn example_base_url(&self) -> String {
        let host = match self.service.server.host.as_str() {
            "0.0.0.0" | "::" | "" => "localhost",
            host => host,
        };
        format!("http://{host}:{}", self.service.server.port)
    }
}

#[cfg(test)]
mod tests {
    use backworks_ir::{DashboardSettings, Limits, MigrationHistory, ServerSettings};
    use serde_json::json;

    use super::*;

    fn service(name: &str) -> Service {
        Service {
            name: name.to_string(),
            description: None,
            version: "1.0.0".to_string(),
            server: ServerSettings {
                host: "0.0.0.0".to_string(),
                port: 8080,
            },
            dashboard: DashboardSettings {
                enabled: false,
                port: None,
                auth_variable: None,
                theme: Default::default(),
                workflows: Vec::new(),
            },
            limits: Limits {
                body_size: 1024,
                timeout_ms: 1000,
            },
            global_headers: Vec::new(),
            routes: Vec::new(),
            handlers: Vec::new(),
            schemas: Vec::new(),
            type_schemas: Vec::new(),
            database: None,
            resources: Vec::new(),
            migrations: MigrationHistory::default(),
            auth: None,
            audit: None,
            transport: backworks_ir::Transport::default(),
            runtime_needs: backworks_ir::RuntimeNeeds::default(),
            embedded_files: Vec::new(),
        }
    }

    fn file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
        &files.iter().find(|(path, _)| path == name).unwrap().1
    }

    #[test]
    fn a_service_without_operations_still_gets_a_package() {
        let files = client_package(&service("Empty Service"), &json!({ "paths": {} }));
        let manifest: Value = serde_json::from_str(file(&files, "package.json")).unwrap();
        assert_eq!(manifest["name"], "@empty-service/client");
        assert!(file(&files, "README.md").contains("declares no operations"));
        // Without data the server publishes no live events: no `subscribe`.
        assert!(file(&files, "index.d.ts").contains("export interface Client {\n}"));
        assert!(
            !file(&files, "index.js").contains("subscribe"),
            "{}",
            file(&files, "index.js")
        );
        assert!(file(&files, "index.d.ts").contains("http://localhost:8080"));
    }

    #[test]
    fn every_framework_package_names_its_peer_and_the_client_beside_it() {
        let files = client_packages(&service("Empty Service"), &json!({ "paths": {} }));
        for (framework, peer) in [("react", "react"), ("vue", "vue"), ("svelte", "svelte")] {
            let manifest: Value =
                serde_json::from_str(file(&files, &format!("{framework}/package.json"))).unwrap();
            assert_eq!(manifest["name"], format!("@empty-service/{framework}"));
            assert_eq!(manifest["version"], "1.0.0");
            assert_eq!(
                manifest["dependencies"],
                json!({ "@empty-service/client": "file:../client" })
            );
            assert!(manifest["peerDependencies"][peer].is_string());
            assert!(
                file(&files, &format!("{framework}/client.js"))
                    .contains("\"@empty-service/client\"")
            );
        }
        assert!(file(&files, "client/package.json").contains("@empty-service/client"));
    }

    #[test]
    fn a_document_that_is_not_one_yields_an_empty_client() {
        // Generation never fails: what cannot be read is left out.
        let files = client_package(
            &service("odd"),
            &json!({ "paths": { "/x": 3, "/y": { "get": 1 } } }),
        );
        assert!(file(&files, "index.js").contains("const operations = {\n};"));
    }
}
