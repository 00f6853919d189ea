//! The dashboard in the output tree: the static pages embedded from `templates/dashboard/`
//! and the service description, written twice — `OUT/dashboard/` for people who host the
//! files themselves, and `OUT/server/dashboard/` for the generated `main.rs` to
//! `include_str!`, so `OUT/server` stays a self-contained project. `dashboard.enabled:
//! false` writes neither (and the server names no pages).
//!
//! ```text
//! templates/dashboard/index.html        ─▶ OUT/dashboard/index.html, OUT/server/dashboard/index.html
//! templates/dashboard/assets/app.js     ─▶ OUT/dashboard/assets/app.js, …
//! IR + handler sources                  ─▶ OUT/dashboard/service.json, …
//!                                        ─▶ OUT/server/src/dashboard.rs (`pub static APP`,
//!                                           one `include_str!` per file)
//! ```

use backworks_diagnostics::Diagnostic;
use backworks_ir::Service;
use backworks_js::HandlerSource;
use proc_macro2::TokenStream;
use quote::quote;

use crate::OutputTree;
use crate::embedded::TEMPLATES;

/// The dashboard's files, by their path under `templates/dashboard/`.
pub(crate) fn files() -> impl Iterator<Item = (&'static str, &'static str)> {
    TEMPLATES
        .iter()
        .filter_map(|(path, text)| path.strip_prefix("dashboard/").map(|path| (path, *text)))
}

/// Adds the pages and `service.json` to `tree` when the dashboard is enabled.
pub(crate) fn add(
    service: &Service,
    handlers: &[HandlerSource],
    blueprint_name: &str,
    tree: &mut OutputTree,
) -> Result<(), Diagnostic> {
    if !service.dashboard.enabled {
        return Ok(());
    }
    let description = crate::service_description::service_json(service, handlers, blueprint_name);
    for folder in ["dashboard", "server/dashboard"] {
        for (path, text) in files() {
            tree.add(format!("{folder}/{path}"), text.to_owned());
        }
        tree.add(format!("{folder}/service.json"), description.clone());
    }
    tree.add(
        "server/src/dashboard.rs",
        crate::format_rust_file(app_module(), "the dashboard's embedded files")?,
    );
    Ok(())
}

/// `server/src/dashboard.rs`, which `main.rs` names as `dashboard::APP`: every page file
/// and the description, included from `server/dashboard/`. A file of its own, so a page
/// added to the templates changes this listing and not every `main.rs`.
pub(crate) fn app_module() -> TokenStream {
    let files = files().map(|(path, _)| {
        let include = format!("../dashboard/{path}");
        quote! { (#path, include_str!(#include)) }
    });
    quote! {
        //! The dashboard's pages and the service description, embedded from `../dashboard/`.

        pub static APP: backworks_runtime::dashboard::DashboardApp =
            backworks_runtime::dashboard::DashboardApp {
                files: &[#(#files),*],
                service: include_str!("../dashboard/service.json"),
            };
    }
}
