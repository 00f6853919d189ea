//! Fetching an OpenID Connect issuer's keys over HTTP: the discovery document
//! (`{issuer}/.well-known/openid-configuration`, OpenID Connect Discovery 1.0 §4), whose
//! `issuer` must be exactly the configured one (§4.3: otherwise another issuer's keys could be
//! substituted), then its `jwks_uri`. Or the JWKS straight from `auth.jwt.jwks_url`.
//!
//! ```text
//! issuer https://id.example.com ─GET─▶ /.well-known/openid-configuration
//!        {"issuer": "https://id.example.com", "jwks_uri": "https://id.example.com/jwks"}
//!        ─GET─▶ /jwks  {"keys": [{kty, kid, n, e, …}, …]}  Cache-Control: max-age=600
//!        ─▶ Fetched { keys: [ … ], max_age: Some(600 s) }
//! ```
//!
//! Every request has a connect and an overall timeout, follows no redirect and reads at most
//! [`MAX_BODY`] bytes, so a slow or hostile endpoint costs a bounded wait, never a hung
//! request. Addresses must be `https://`; plain `http://` is accepted only for loopback hosts
//! (a provider on the same machine, and the tests), where nothing on the network can alter
//! the keys. The client is reqwest with rustls and the bundled Mozilla roots.

use std::time::Duration;

use reqwest::Url;
use serde_json::Value;

/// Time to establish a connection to the provider.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Time for a whole request, headers and body.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest discovery document or key set read (real ones are a few kilobytes).
const MAX_BODY: usize = 512 * 1024;

/// What one fetch found: the published keys (JWK objects, not yet checked) and how long the
/// provider says they may be cached.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub(crate) keys: Vec<Value>,
    pub(crate) max_age: Option<Duration>,
}

/// Fetches one issuer's keys.
pub(crate) struct Fetcher {
    client: reqwest::Client,
    issuer: String,
    /// The key set's address when the blueprint names it (no discovery).
    jwks_url: Option<Url>,
}

impl Fetcher {
    /// A fetcher for `issuer` (and `jwks_url`, skipping discovery); the error is one line.
    pub(crate) fn new(issuer: String, jwks_url: Option<&str>) -> Result<Fetcher, String> {
        checked_url(&issuer, "auth.jwt.issuer")?;
        let jwks_url = jwks_url
            .map(|url| checked_url(url, "auth.jwt.jwks_url"))
            .transpose()?;
        let client = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("backworks-runtime/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| format!("cannot build the HTTP client for the JWKS: {error}"))?;
        Ok(Fetcher {
            client,
            issuer,
            jwks_url,
        })
    }

    /// The issuer's current keys; the error says what failed (for the log, never a client).
    pub(crate) async fn fetch(&self) -> Result<Fetched, String> {
        let jwks_url = match &self.jwks_url {
            Some(url) => url.clone(),
            None => self.discover().await?,
        };
        let (document, max_age) = self.get_json(&jwks_url).await?;
        let Some(Value::Array(keys)) = document.get("keys") else {
            return Err(format!("{jwks_url} holds no \"keys\" array"));
        };
        Ok(Fetched {
            keys: keys.clone(),
            max_age,
        })
    }

    /// The `jwks_uri` of the issuer's discovery document.
    async fn discover(&self) -> Result<Url, String> {
        let address = format!(
            "{}/.well-known/openid-configuration",
            self.issuer.trim_end_matches('/')
        );
        let url = Url::parse(&address).map_err(|error| format!("{address}: {error}"))?;
        let (document, _) = self.get_json(&url).await?;
        let named = document.get("issuer").and_then(Value::as_str);
        if named != Some(self.issuer.as_str()) {
            return Err(format!(
                "{url} names the issuer {named:?}, not {:?}",
                self.issuer
            ));
        }
        let jwks_uri = document
            .get("jwks_uri")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{url} has no jwks_uri"))?;
        checked_url(jwks_uri, "the discovered jwks_uri")
    }

    /// GETs `url` as JSON, with the response's `Cache-Control: max-age`.
    async fn get_json(&self, url: &Url) -> Result<(Value, Option<Duration>), String> {
        let failed = |error: reqwest::Error| format!("GET {url}: {error}");
        let mut response = self
            .client
            .get(url.clone())
            .header("accept", "application/json")
            .send()
            .await
            .map_err(failed)?;
        if !response.status().is_success() {
            return Err(format!("GET {url}: status {}", response.status()));
        }
        let max_age = response
            .headers()
            .get_all("cache-control")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(max_age);
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(failed)? {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(format!("GET {url}: the body is over {MAX_BODY} bytes"));
            }
            body.extend_from_slice(&chunk);
        }
        let document = serde_json::from_slice(&body)
            .map_err(|error| format!("GET {url}: not JSON ({error})"))?;
        Ok((document, max_age))
    }
}

/// `max-age` of one `Cache-Control` value (`no-store`/`no-cache` count as zero).
fn max_age(value: &str) -> Option<Duration> {
    value.split(',').map(str::trim).find_map(|directive| {
        if directive.eq_ignore_ascii_case("no-store") || directive.eq_ignore_ascii_case("no-cache")
        {
            return Some(Duration::ZERO);
        }
        let (name, seconds) = directive.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| seconds.trim().trim_matches('"').parse().ok())
            .flatten()
            .map(Duration::from_secs)
    })
}

/// `text` as a URL the keys may be fetched from: `https://`, or `http://` on a loopback host.
pub(crate) fn checked_url(text: &str, what: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|_| format!("{what} ({text:?}) is not a URL"))?;
    let host = url.host_str().unwrap_or_default();
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback());
    match url.scheme() {
        "https" if !host.is_empty() => Ok(url),
        "http" if loopback => Ok(url),
        "http" => Err(format!(
            "{what} ({text:?}) must use https:// (plain http:// only on a loopback host)"
        )),
        _ => Err(format!("{what} ({text:?}) must be an https:// URL")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_control_gives_the_lifetime() {
        assert_eq!(
            max_age("public, max-age=600"),
            Some(Duration::from_secs(600))
        );
        assert_eq!(max_age("no-store"), Some(Duration::ZERO));
        assert_eq!(max_age("private"), None);
        assert_eq!(max_age("max-age=abc"), None);
    }

    #[test]
    fn plain_http_only_on_loopback() {
        assert!(checked_url("https://id.example.com", "x").is_ok());
        assert!(checked_url("http://127.0.0.1:9000", "x").is_ok());
        assert!(checked_url("http://localhost:9000/realms/a", "x").is_ok());
        assert!(checked_url("http://[::1]:9000", "x").is_ok());
        assert!(checked_url("http://id.example.com", "x").is_err());
        assert!(checked_url("ftp://id.example.com", "x").is_err());
        assert!(checked_url("id.example.com", "x").is_err());
    }
}
