//! IR + compiled handlers → the output tree (`OUT/server/`, `OUT/openapi.json`), and the
//! migration planner whose files go into the project's `migrations/` folder.
//!
//! ```text
//! plan_migration(service)  ──▶ PlannedMigration { 0002_alter_books/{sqlite,postgres}.sql, schema.json }
//! emit(service, program)   ──▶ OutputTree { server/src/main.rs (routes, DataSpec), openapi.json,
//!                                           dashboard/ (pages + service.json), … }
//! ```
//!
//! Emitters only read the IR and the compiled program; nothing here parses YAML or JavaScript.

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
mod auth_spec;
mod dashboard;
mod dashboard_spec;
#[cfg(test)]
mod data_artifacts_tests;
mod data_spec;
#[cfg(test)]
mod fixtures;
mod handler_files;
mod migrations;
mod openapi;
mod openapi_accounts;
mod openapi_audit;
mod openapi_inputs;
mod openapi_list_grammar;
mod openapi_rate_limit;
mod openapi_resources;
mod openapi_security;
mod output;
mod routes;
mod rust_file;
mod server;
mod service_description;
mod templates;
mod transport_spec;
mod workflow_fields;
mod workflows_description;

pub use migrations::{PlannedMigration, plan as plan_migration, schema_json, target_snapshot};
pub use openapi::{document as openapi_document, operation_id};
pub use output::{OutputTree, WriteReport};
pub use routes::{BoundOperation, bind};
pub use rust_file::format_rust_file;
pub use workflow_fields::check_workflow_fields;

use backworks_diagnostics::Diagnostic;
use backworks_ir::Service;
use backworks_js::{CompiledProgram, ExportResponses, HandlerSource};

/// Every file of a build, ready to write under `OUT/`.
pub fn emit(
    service: &Service,
    program: &CompiledProgram,
    inferred: &[Vec<ExportResponses>],
    blueprint_name: &str,
    handlers: &[HandlerSource],
) -> Result<OutputTree, Vec<Diagnostic>> {
    let operations = bind(service, program)?;
    let mut tree = OutputTree::new();
    let document = openapi::document(service, inferred);
    let json = serde_json::to_string_pretty(&document).unwrap_or_default() + "\n";
    let yaml = serde_yaml::to_string(&document).unwrap_or_default();
    tree.add("openapi.json", json.clone());
    tree.add("openapi.yaml", yaml);
    // The server embeds its own copy so `server/` stays a self-contained project.
    tree.add("server/openapi.json", json);
    server::emit_server(service, program, &operations, blueprint_name, &mut tree)
        .map_err(|error| vec![error])?;
    dashboard::add(service, handlers, blueprint_name, &mut tree).map_err(|error| vec![error])?;
    Ok(tree)
}
