//! A small blocking HTTP client over loopback for the tests: every status is returned, not
//! turned into an error, so tests can assert on 4xx and 5xx answers.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A response as the tests inspect it.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header names lower-cased, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl Response {
    /// The first value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The body parsed as JSON; panics with the body when it is not JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("body is not JSON ({error}): {}", self.body))
    }
}

/// Sends one request with `ureq` and returns whatever came back.
pub fn request(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Response {
    try_request(method, url, headers, body)
        .unwrap_or_else(|error| panic!("{method} {url} failed: {error}"))
}

/// As [`request`], but a connection that fails or breaks (a server killed mid-request) is an
/// `Err`, not a panic.
pub fn try_request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<Response, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let mut builder = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder
        .body(body.unwrap_or("").to_string())
        .expect("valid request");
    let mut response = agent.run(request).map_err(|error| error.to_string())?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_string(),
                value.to_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let body = response
        .body_mut()
        .read_to_string()
        .map_err(|error| error.to_string())?;
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// A response kept as it arrived: the body's bytes, and a redirect not followed.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// The status code.
    pub status: u16,
    /// Header names lower-cased, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body's bytes.
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The first value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The content type's media type (`application/json` of `application/json;
    /// charset=utf-8`), lower-cased; `None` without a content type.
    pub fn media_type(&self) -> Option<String> {
        self.header("content-type").map(|value| {
            value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
    }
}

/// Sends one request and returns the answer as it came: a 3xx is returned, not followed (its
/// `location` is what a test compares), and the body is bytes, not text.
pub fn request_raw(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> RawResponse {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let mut builder = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder
        .body(body.unwrap_or("").to_string())
        .expect("valid request");
    let mut response = agent
        .run(request)
        .unwrap_or_else(|error| panic!("{method} {url} failed: {error}"));
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_string(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = response
        .body_mut()
        .read_to_vec()
        .unwrap_or_else(|error| panic!("{method} {url}: the body could not be read: {error}"));
    RawResponse {
        status: response.status().as_u16(),
        headers,
        body,
    }
}

/// `GET url`.
pub fn get(url: &str) -> Response {
    request("GET", url, &[], None)
}

/// A JSON request with `body`.
pub fn send_json(method: &str, url: &str, body: &str) -> Response {
    request(
        method,
        url,
        &[("content-type", "application/json")],
        Some(body),
    )
}

/// Writes `raw` bytes to `host:port` and reads the whole answer, for requests a normal client
/// refuses to send (lying Content-Length and such).
pub fn raw(port: u16, raw: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("server accepts connections");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout settable");
    stream.write_all(raw).expect("request written");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}
