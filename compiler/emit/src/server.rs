//! The generated server: a standalone Cargo project under `OUT/server/`.
//!
//! ```text
//! server/Cargo.toml              from templates/server/Cargo.toml.j2
//! server/Cargo.lock              seeded with the versions Backworks was tested with (then cargo's,
//!                                until a Backworks with other versions seeds it again)
//! server/src/main.rs             the route table and service settings (quote → prettyplease)
//! server/src/js/mod.rs, <m>.rs   compiled handler modules
//! server/backworks-runtime/      the runtime crate, vendored so the project needs only crates.io
//! ```

use backworks_diagnostics::Diagnostic;
use backworks_ir::{ParamLocation, ParamType, Service};
use backworks_js::CompiledProgram;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde::Serialize;

use crate::embedded::{CARGO_LOCK, RUNTIME_FILES, RUNTIME_FINGERPRINT};
use crate::output::OutputTree;
use crate::routes::BoundOperation;
use crate::rust_file::format_rust_file;
use crate::templates;

#[derive(Serialize)]
struct ManifestContext<'a> {
    backworks_version: &'a str,
    blueprint: &'a str,
    crate_name: String,
    version: &'a str,
    description: Option<&'a str>,
    /// The runtime's features the service needs: `storage` (it has a database), `auth` (the
    /// blueprint declares `auth:`), `oidc` (its JWT keys are an issuer's, fetched at run time).
    features: Vec<&'static str>,
}

/// Adds the server project's files to `tree` under `server/`.
pub fn emit_server(
    service: &Service,
    program: &CompiledProgram,
    operations: &[BoundOperation],
    blueprint_name: &str,
    tree: &mut OutputTree,
) -> Result<(), Diagnostic> {
    let manifest = templates::render(
        "server/Cargo.toml.j2",
        ManifestContext {
            backworks_version: env!("CARGO_PKG_VERSION"),
            blueprint: blueprint_name,
            crate_name: backworks_ir::package_name(&service.name),
            version: &service.version,
            description: service.description.as_deref(),
            features: runtime_features(service),
        },
    )?;
    tree.add("server/Cargo.toml", manifest);
    tree.add(
        "server/.gitignore",
        templates::render("server/gitignore", ())?,
    );
    tree.seed("server/Cargo.lock", CARGO_LOCK);
    for (path, text) in RUNTIME_FILES {
        let text = if *path == "Cargo.toml" {
            vendored_manifest(text)
        } else {
            text.to_string()
        };
        tree.add(format!("server/backworks-runtime/{path}"), text);
    }

    crate::data_spec::add_migration_files(service, tree);
    tree.add(
        "server/src/main.rs",
        format_rust_file(main_rs(service, operations), blueprint_name)?,
    );
    let declarations = program.modules.iter().map(|module| {
        let name = format_ident!("{}", module.rust_name);
        quote! { pub mod #name; }
    });
    let support = &program.support;
    tree.add(
        "server/src/js/mod.rs",
        format_rust_file(
            quote! { #(#declarations)* #support },
            "compiled handler modules",
        )?,
    );
    crate::handler_files::add(service, tree)?;
    for module in &program.modules {
        let what = module.display_path.display().to_string();
        tree.add(
            format!("server/src/js/{}.rs", module.rust_name),
            format_rust_file(module.items.clone(), &what)?,
        );
    }
    Ok(())
}

/// `main.rs`: the service settings and route table, handed to the runtime's server.
pub(crate) fn main_rs(service: &Service, operations: &[BoundOperation]) -> TokenStream {
    let routes = operations.iter().map(|operation| {
        let method = operation.method.as_str();
        let path = &operation.path;
        let endpoint = &operation.endpoint;
        let timeout_ms = operation.timeout_ms;
        let module = format_ident!("{}", operation.module);
        let entry = format_ident!("{}", operation.entry);
        let enforced = match &operation.enforced_operation {
            Some(pointer) => quote! { Some(#pointer) },
            None => quote! { None },
        };
        let typed = operation.typed_params.iter().map(|(location, name, kind)| {
            let location = match location {
                ParamLocation::Path => quote! { ParamLocation::Path },
                ParamLocation::Query => quote! { ParamLocation::Query },
            };
            let kind = match kind {
                ParamType::Integer => quote! { ParamKind::Integer },
                ParamType::Number => quote! { ParamKind::Number },
                // Strings are never listed: they arrive as they are.
                ParamType::Boolean | ParamType::String => quote! { ParamKind::Boolean },
            };
            quote! { TypedParam { location: #location, name: #name, kind: #kind } }
        });
        let auth = crate::auth_spec::access(&operation.access);
        quote! {
            RouteSpec {
                method: #method,
                path: #path,
                endpoint: #endpoint,
                timeout_ms: #timeout_ms,
                handler: js::#module::#entry,
                operation: #enforced,
                typed_params: &[#(#typed),*],
                auth: #auth,
            }
        }
    });
    // Only servers with typed parameters name their types (no unused imports otherwise).
    let typed_imports = if operations
        .iter()
        .any(|operation| !operation.typed_params.is_empty())
    {
        quote! { use backworks_runtime::contract::{ParamKind, ParamLocation, TypedParam}; }
    } else {
        quote! {}
    };
    let headers = service
        .global_headers
        .iter()
        .map(|(name, value)| quote! { (#name, #value) });
    let name = &service.name;
    let version = &service.version;
    let host = &service.server.host;
    let port = service.server.port;
    let body_limit = usize::try_from(service.limits.body_size).unwrap_or(usize::MAX);
    let data_static = crate::data_spec::data_static(service);
    let data = if data_static.is_some() {
        quote! { Some(&DATA) }
    } else {
        quote! { None }
    };
    let auth_static = crate::auth_spec::auth_static(service);
    // Named by every route and by the auth spec; a service with neither leaves it out.
    let access_import = if operations.is_empty() && auth_static.is_none() {
        quote! {}
    } else {
        quote! { use backworks_runtime::auth::Access; }
    };
    let auth = if auth_static.is_some() {
        quote! { Some(&AUTH) }
    } else {
        quote! { None }
    };
    // `audit: { retain }`: set before serving, so the store opened at start purges on a timer.
    let retention = service
        .audit
        .as_ref()
        .and_then(|audit| audit.retain_ms)
        .map(|ms| {
            quote! {
                backworks_runtime::storage::audit::retain(std::time::Duration::from_millis(#ms));
            }
        });
    let transport_static = crate::transport_spec::transport_static(service, operations);
    let transport = if transport_static.is_some() {
        quote! { Some(&TRANSPORT) }
    } else {
        quote! { None }
    };
    let dashboard_static = crate::dashboard_spec::dashboard_static(&service.dashboard);
    let dashboard = quote! { Some(&DASHBOARD) };
    let (files_module, install_files) = crate::handler_files::main_items(service);
    quote! {
        //! The server for this blueprint: settings and routes; everything else is in
        //! `backworks-runtime` and the compiled handlers under `js/`.

        mod js;
        #files_module

        #access_import
        use backworks_runtime::http::{RouteSpec, ServiceSpec};
        #typed_imports

        static ROUTES: &[RouteSpec] = &[#(#routes),*];

        #data_static

        #auth_static

        #transport_static

        #dashboard_static

        static SERVICE: ServiceSpec = ServiceSpec {
            name: #name,
            version: #version,
            default_host: #host,
            default_port: #port,
            body_limit: #body_limit,
            global_headers: &[#(#headers),*],
            routes: ROUTES,
            openapi: Some(include_str!("../openapi.json")),
            data: #data,
            auth: #auth,
            transport: #transport,
            dashboard: #dashboard,
        };

        #[global_allocator]
        static ALLOCATOR: backworks_runtime::Allocator = backworks_runtime::ALLOCATOR;

        fn main() -> std::process::ExitCode {
            #install_files
            #retention
            backworks_runtime::http::serve(&SERVICE)
        }
    }
}

/// The runtime features `service` needs, in the manifest's order.
fn runtime_features(service: &Service) -> Vec<&'static str> {
    let discovers_keys = service
        .auth
        .as_ref()
        .and_then(|auth| auth.jwt.as_ref())
        .is_some_and(|jwt| matches!(jwt.keys, backworks_ir::JwtKeys::Discovered { .. }));
    [
        (service.database.is_some(), "storage"),
        (service.auth.is_some(), "auth"),
        (discovers_keys, "oidc"),
        (service.runtime_needs.intl, "intl"),
        (service.runtime_needs.fetch, "fetch"),
    ]
    .into_iter()
    .filter_map(|(needed, feature)| needed.then_some(feature))
    .collect()
}

/// The runtime's own tests do not ship: drop its `[dev-dependencies]` table so generated
/// servers never resolve test-only crates.
/// The runtime's manifest as vendored: without test-only dependencies, and with a version that
/// names the runtime's sources (`0.1.0+<hash>`). Cargo tells artifacts apart by package version,
/// not by path, so without it two servers vendoring different runtimes into one shared
/// `CARGO_TARGET_DIR` could link the other's stale build.
fn vendored_manifest(manifest: &str) -> String {
    let mut out = String::new();
    let mut section = String::new();
    for line in manifest.lines() {
        if line.starts_with('[') {
            section = line.trim().to_string();
        }
        if section == "[dev-dependencies]" {
            continue;
        }
        match line.strip_prefix("version = \"") {
            Some(rest) if section == "[package]" => {
                let version = rest.trim_end_matches('"');
                out.push_str(&format!("version = \"{version}+{RUNTIME_FINGERPRINT}\"\n"));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendored_manifest_drops_dev_dependencies_and_names_its_sources() {
        let manifest = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\na = \"1\"\n\n[dev-dependencies]\nb = \"1\"\n";
        assert_eq!(
            vendored_manifest(manifest),
            format!(
                "[package]\nname = \"x\"\nversion = \"0.1.0+{RUNTIME_FINGERPRINT}\"\n\n[dependencies]\na = \"1\"\n\n"
            )
        );
    }
}
