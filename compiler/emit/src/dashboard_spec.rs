//! The dashboard part of the generated `main.rs`: the `DashboardSpec` static (every server
//! has one: an enabled dashboard names its pages).
//!
//! ```text
//! dashboard: { enabled: false, port: 9091, auth: ${DASHBOARD_TOKEN} }
//!   ─▶ static DASHBOARD: DashboardSpec = DashboardSpec {
//!          enabled: false, port: Some(9091u16), auth_variable: Some("DASHBOARD_TOKEN"),
//!          app: None };
//! dashboard: {}  ─▶ mod dashboard; … app: Some(&dashboard::APP) };
//!                   (`src/dashboard.rs` includes the pages from `server/dashboard/`; see
//!                   `dashboard.rs`)
//! ```

use backworks_ir::DashboardSettings;
use proc_macro2::TokenStream;
use quote::quote;

/// The `DASHBOARD` static and its import (and, when enabled, the `dashboard` module holding
/// the pages, `dashboard::APP`).
pub(crate) fn dashboard_static(dashboard: &DashboardSettings) -> TokenStream {
    let (app, app_module) = if dashboard.enabled {
        (quote! { Some(&dashboard::APP) }, quote! { mod dashboard; })
    } else {
        (quote! { None }, quote! {})
    };
    let enabled = dashboard.enabled;
    let port = match dashboard.port {
        Some(port) => quote! { Some(#port) },
        None => quote! { None },
    };
    let auth_variable = match &dashboard.auth_variable {
        Some(variable) => quote! { Some(#variable) },
        None => quote! { None },
    };
    quote! {
        use backworks_runtime::monitor::DashboardSpec;

        static DASHBOARD: DashboardSpec = DashboardSpec {
            enabled: #enabled,
            port: #port,
            auth_variable: #auth_variable,
            app: #app,
        };

        #app_module
    }
}
