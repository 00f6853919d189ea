//! What the generated `main.rs` declares about the dashboard and the monitor (the blueprint's
//! `dashboard:` section), as plain `static` data like the rest of the spec:
//!
//! ```ignore
//! static DASHBOARD: DashboardSpec = DashboardSpec {
//!     enabled: true,
//!     port: Some(9091),                    // `dashboard.port`; `DASHBOARD_PORT` overrides it
//!     auth_variable: Some("DASHBOARD_TOKEN"), // `dashboard.auth: ${DASHBOARD_TOKEN}`
//!     app: Some(&DASHBOARD_APP),           // the pages (`crate::dashboard`)
//! };
//! ServiceSpec { …, dashboard: Some(&DASHBOARD) }   // None: DashboardSpec::DEFAULT
//! ```

/// The service's dashboard settings (`ServiceSpec::dashboard`).
#[derive(Debug)]
pub struct DashboardSpec {
    /// Whether the dashboard and its monitor routes (`/_backworks/monitor/*`) exist, and the
    /// recent-requests ring with them (`dashboard.enabled`). `false` leaves only the
    /// counters behind `/_backworks/metrics`.
    pub enabled: bool,
    /// A second port serving the dashboard, the monitor and the metrics instead of the main
    /// one (`dashboard.port`); the environment variable `DASHBOARD_PORT` overrides it.
    pub port: Option<u16>,
    /// The environment variable holding the token that opens the monitor and the metrics
    /// (`dashboard.auth: ${VAR}`); read at start, at least 16 bytes.
    pub auth_variable: Option<&'static str>,
    /// The dashboard's pages and service description, embedded by the generated `main.rs`
    /// (`crate::dashboard`); `None` serves no pages (the monitor's routes stay).
    pub app: Option<&'static crate::dashboard::DashboardApp>,
}

impl DashboardSpec {
    /// What a service gets when its spec names no dashboard settings: enabled, on the main
    /// port, no token.
    pub const DEFAULT: DashboardSpec = DashboardSpec {
        enabled: true,
        port: None,
        auth_variable: None,
        app: None,
    };

    /// The token `auth_variable` names, read through `lookup`; an error names what is wrong.
    pub(crate) fn token(
        &self,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Option<std::sync::Arc<str>>, String> {
        let Some(variable) = self.auth_variable else {
            return Ok(None);
        };
        let token = lookup(variable)
            .map(|token| token.trim().to_owned())
            .filter(|token| !token.is_empty())
            .ok_or_else(|| {
                format!("the environment variable {variable} (dashboard.auth) is not set")
            })?;
        if token.len() < super::access::MIN_TOKEN_BYTES {
            return Err(format!(
                "the environment variable {variable} (dashboard.auth) is {} bytes long; it needs at least {}",
                token.len(),
                super::access::MIN_TOKEN_BYTES
            ));
        }
        Ok(Some(token.into()))
    }

    /// The port the dashboard listens on apart, if any: `DASHBOARD_PORT`, else `port`.
    pub(crate) fn separate_port(&self) -> Result<Option<u16>, String> {
        match std::env::var("DASHBOARD_PORT") {
            Ok(text) => {
                text.trim().parse::<u16>().map(Some).map_err(|_| {
                    format!("DASHBOARD_PORT={text:?} is not a port number (0 to 65535)")
                })
            }
            Err(_) => Ok(self.port),
        }
    }
}
