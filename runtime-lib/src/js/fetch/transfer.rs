//! One outgoing HTTP exchange of `fetch`, as plain `Send` data: what the request is, what came
//! back, and why it failed. This part runs on the server's multi-threaded runtime, never on the
//! loop thread; `mod.rs` turns its outcome into JS values there.
//!
//! ```text
//! Outgoing { method: "POST", url, headers, body, redirect: Follow }
//!   ─▶ reqwest (rustls, no OpenSSL) ─▶ 302 ─▶ GET /next ─▶ 200
//!   ─▶ Incoming { status: 200, status_text: "OK", url: "…/next", redirected: true, headers, body }
//! ```
//!
//! Redirects are followed here rather than by reqwest, to match the Fetch Standard as undici
//! (Node 20) applies it: at most 20; a 303 (and a 301/302 after a `POST`) turns into a `GET`
//! without body or body headers; `authorization`, `cookie` and `proxy-authorization` are dropped
//! when the origin changes; `redirect: "manual"` answers the 3xx itself and `"error"` fails.
//! A response body is read whole before the promise resolves (streams are not modelled), and
//! refused past [`MAX_BODY_BYTES`] so that one answer cannot exhaust the server's memory.

use std::sync::OnceLock;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// The largest response body a handler may receive: 64 MiB. Node has no such limit; a server
/// answering many requests at once cannot hold many unbounded bodies, so a larger one fails
/// the fetch (`TypeError: fetch failed`, cause `UND_ERR_RES_EXCEEDED_MAX_SIZE`, undici's code
/// for its own `maxResponseSize`).
pub const MAX_BODY_BYTES: usize = 64 << 20;

/// How long an exchange may take in all (undici's default headers and body timeouts are 300 s
/// each); the request's own deadline usually ends the wait long before.
const EXCHANGE_TIMEOUT: Duration = Duration::from_secs(300);

/// The most redirects followed, as the Fetch Standard says.
const MAX_REDIRECTS: usize = 20;

/// What `redirect:` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectMode {
    /// Follow up to 20 redirects.
    Follow,
    /// Answer a redirect response as it is.
    Manual,
    /// Fail on a redirect.
    Error,
}

/// A request ready to send: the URL already parsed and the header names and values checked
/// by the JS side (`Headers`).
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub method: String,
    pub url: String,
    /// Name/value pairs as sent, values as bytes (ByteStrings).
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Option<Vec<u8>>,
    pub redirect: RedirectMode,
}

/// What came back.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub status: u16,
    pub status_text: String,
    /// The URL of the last request made (after redirects).
    pub url: String,
    pub redirected: bool,
    /// Name/value pairs in the order received; values as bytes.
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
}

/// Why an exchange failed: the `cause` of Node's `TypeError: fetch failed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The cause's message (`connect ECONNREFUSED 127.0.0.1:9`, `unexpected redirect`).
    pub message: String,
    /// Its `code`, when Node gives one (`ECONNREFUSED`).
    pub code: Option<String>,
    /// For a failed connection: `syscall`, `address` and `port`, as Node's system errors have.
    pub connect: Option<(String, u16)>,
}

impl Failure {
    fn plain(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: None,
            connect: None,
        }
    }
}

/// The shared client: connection pooling across requests, no automatic redirects (handled
/// here), no proxy from the environment (a server's outgoing calls go where the handler says).
fn client() -> Result<&'static reqwest::Client, Failure> {
    static CLIENT: OnceLock<Result<reqwest::Client, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .no_proxy()
                .timeout(EXCHANGE_TIMEOUT)
                .build()
                .map_err(|error| error.to_string())
        })
        .as_ref()
        .map_err(|error| Failure::plain(error.clone()))
}

/// Sends `outgoing`, following redirects as its mode says.
pub async fn exchange(outgoing: Outgoing) -> Result<Incoming, Failure> {
    let client = client()?;
    let mut url = reqwest::Url::parse(&outgoing.url).map_err(|_| Failure::plain("invalid URL"))?;
    let mut method = outgoing.method.clone();
    let mut headers = outgoing.headers.clone();
    let mut body = outgoing.body.clone();
    let mut redirects = 0;
    loop {
        let response = send_once(client, &method, &url, &headers, body.clone()).await?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .map(|value| latin1(value.as_bytes()));
        let is_redirect = matches!(status, 301 | 302 | 303 | 307 | 308);
        let (true, Some(location)) = (is_redirect, location) else {
            return read(response, url, redirects > 0).await;
        };
        match outgoing.redirect {
            RedirectMode::Manual => return read(response, url, redirects > 0).await,
            RedirectMode::Error => return Err(Failure::plain("unexpected redirect")),
            RedirectMode::Follow => {}
        }
        if redirects >= MAX_REDIRECTS {
            return Err(Failure::plain("redirect count exceeded"));
        }
        let next = url
            .join(&location)
            .map_err(|_| Failure::plain("URL is invalid"))?;
        if !matches!(next.scheme(), "http" | "https") {
            return Err(Failure::plain("URL scheme must be a HTTP(S) scheme"));
        }
        if status == 303 && method != "GET" && method != "HEAD"
            || matches!(status, 301 | 302) && method == "POST"
        {
            method = "GET".to_string();
            body = None;
            headers.retain(|(name, _)| !is_body_header(name));
        }
        if next.origin() != url.origin() {
            headers.retain(|(name, _)| {
                !matches!(
                    name.as_str(),
                    "authorization" | "cookie" | "proxy-authorization" | "host"
                )
            });
        }
        url = next;
        redirects += 1;
    }
}

/// Headers that describe a request body, dropped with it when a redirect changes the method.
fn is_body_header(name: &str) -> bool {
    matches!(
        name,
        "content-encoding"
            | "content-language"
            | "content-location"
            | "content-type"
            | "content-length"
    )
}

async fn send_once(
    client: &reqwest::Client,
    method: &str,
    url: &reqwest::Url,
    headers: &[(String, Vec<u8>)],
    body: Option<Vec<u8>>,
) -> Result<reqwest::Response, Failure> {
    let method = reqwest::Method::from_bytes(method.as_bytes())
        .map_err(|_| Failure::plain("invalid method"))?;
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Failure::plain(format!("invalid header name {name}")))?;
        let value =
            HeaderValue::from_bytes(value).map_err(|_| Failure::plain("invalid header value"))?;
        map.append(name, value);
    }
    // The Fetch Standard sends `content-length: 0` for an empty body and for a `POST` or `PUT`
    // without one, as undici does; hyper would send no length for either.
    let empty = body
        .as_ref()
        .map_or(matches!(method.as_str(), "POST" | "PUT"), Vec::is_empty);
    if empty && !map.contains_key(reqwest::header::CONTENT_LENGTH) {
        map.insert(
            reqwest::header::CONTENT_LENGTH,
            HeaderValue::from_static("0"),
        );
    }
    let mut request = client.request(method, url.clone()).headers(map);
    if let Some(body) = body {
        request = request.body(body);
    }
    request.send().await.map_err(|error| describe(&error, url))
}

/// Reads the whole body of `response`, refusing one past [`MAX_BODY_BYTES`].
async fn read(
    mut response: reqwest::Response,
    url: reqwest::Url,
    redirected: bool,
) -> Result<Incoming, Failure> {
    let status = response.status();
    let status_text = match response.extensions().get::<hyper::ext::ReasonPhrase>() {
        Some(reason) => latin1(reason.as_bytes()),
        None => status.canonical_reason().unwrap_or_default().to_string(),
    };
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_string(), value.as_bytes().to_vec()))
        .collect();
    let too_large = || Failure {
        message: "Response content exceeded max size".to_string(),
        code: Some("UND_ERR_RES_EXCEEDED_MAX_SIZE".to_string()),
        connect: None,
    };
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(error) => return Err(describe(&error, &url)),
        }
    }
    // A response's URL is serialized without its fragment.
    let mut url = url;
    url.set_fragment(None);
    Ok(Incoming {
        status: status.as_u16(),
        status_text,
        url: url.to_string(),
        redirected,
        headers,
        body,
    })
}

/// Header bytes as a JS string, one character per byte (as undici decodes them).
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&byte| char::from(byte)).collect()
}

/// Node's wording of a failed exchange: the OS error's code and `connect <CODE> <addr>:<port>`
/// for connection failures, `getaddrinfo ENOTFOUND <host>` for unknown hosts, else reqwest's
/// description.
fn describe(error: &reqwest::Error, url: &reqwest::Url) -> Failure {
    let host = url.host_str().unwrap_or_default().to_string();
    let port = url.port_or_known_default().unwrap_or(80);
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = source {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            let code = match io.kind() {
                std::io::ErrorKind::ConnectionRefused => Some("ECONNREFUSED"),
                std::io::ErrorKind::ConnectionReset => Some("ECONNRESET"),
                std::io::ErrorKind::TimedOut => Some("ETIMEDOUT"),
                std::io::ErrorKind::HostUnreachable => Some("EHOSTUNREACH"),
                std::io::ErrorKind::NetworkUnreachable => Some("ENETUNREACH"),
                _ => None,
            };
            if let Some(code) = code {
                let address = host.trim_start_matches('[').trim_end_matches(']');
                return Failure {
                    message: format!("connect {code} {address}:{port}"),
                    code: Some(code.to_string()),
                    connect: Some((address.to_string(), port)),
                };
            }
        }
        source = current.source();
    }
    let details = format!("{error:?}");
    if details.contains("dns error") {
        // getaddrinfo's EAI_AGAIN reads "Temporary failure in name resolution"; Node names
        // every other lookup failure ENOTFOUND.
        let code = if details.contains("Temporary failure") {
            "EAI_AGAIN"
        } else {
            "ENOTFOUND"
        };
        return Failure {
            message: format!("getaddrinfo {code} {host}"),
            code: Some(code.to_string()),
            connect: None,
        };
    }
    if error.is_timeout() {
        return Failure {
            message: "Headers Timeout Error".to_string(),
            code: Some("UND_ERR_HEADERS_TIMEOUT".to_string()),
            connect: None,
        };
    }
    if error.is_body() || error.is_decode() {
        return Failure {
            message: "other side closed".to_string(),
            code: Some("UND_ERR_SOCKET".to_string()),
            connect: None,
        };
    }
    Failure::plain(error.to_string())
}
