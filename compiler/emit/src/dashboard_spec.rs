//! The dashboard part of the generated `main.rs`: the `DashboardSpec` static, when the
//! blueprint's `dashboard:` says anything but the defaults.
//!
//! ```text
//! dashboard: { enabled: false, port: 9091, auth: ${DASHBOARD_TOKEN} }
//!   ─▶ static DASHBOARD: DashboardSpec = DashboardSpec {
//!          enabled: false, port: Some(9091u16), auth_variable: Some("DASHBOARD_TOKEN") };
//! ```

use backworks_ir::DashboardSettings;
use proc_macro2::TokenStream;
use quote::quote;

/// The `DASHBOARD` static and its import; `None` for the defaults (`DashboardSpec::DEFAULT`,
/// which `dashboard: None` stands for).
pub(crate) fn dashboard_static(dashboard: &DashboardSettings) -> Option<TokenStream> {
    if dashboard.enabled && dashboard.port.is_none() && dashboard.auth_variable.is_none() {
        return None;
    }
    let enabled = dashboard.enabled;
    let port = match dashboard.port {
        Some(port) => quote! { Some(#port) },
        None => quote! { None },
    };
    let auth_variable = match &dashboard.auth_variable {
        Some(variable) => quote! { Some(#variable) },
        None => quote! { None },
    };
    Some(quote! {
        use backworks_runtime::monitor::DashboardSpec;

        static DASHBOARD: DashboardSpec = DashboardSpec {
            enabled: #enabled,
            port: #port,
            auth_variable: #auth_variable,
        };
    })
}
