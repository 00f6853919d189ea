//! One HTTP/1.1 request over a fresh loopback connection, to check that the five servers give
//! the same answer before they are timed: the same status, the same headers apart from the
//! transport's own (`date`, `content-length`, `connection`, `keep-alive`, `transfer-encoding`),
//! the compiled server's `x-request-id` (a fresh id per request, which its log lines carry) and
//! its default security headers, and the same body bytes.
//!
//! ```text
//! probe(port, "POST", "/echo", Some(body))
//!   ─▶ Reply { status: 200, headers: [("content-type", "application/json"), ("x-echo-kind", "object")], body }
//! ```

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use anyhow::{Context, bail};

/// What came back, reduced to what the servers must agree on.
#[derive(Debug, PartialEq)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    /// Lower-case names, sorted; the transport's own headers left out.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

/// Headers each HTTP server writes its own way (or with the time or a fresh id in them), and
/// the security headers the compiled server adds to every response
/// (`runtime-lib/src/http/security_headers.rs`); not the handler's.
const TRANSPORT_HEADERS: [&str; 10] = [
    "date",
    "content-length",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "x-request-id",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
    "content-security-policy",
];

pub(crate) fn probe(
    port: u16,
    method: &str,
    target: &str,
    body: Option<&str>,
) -> anyhow::Result<Reply> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if let Some(body) = body {
        request.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ));
    } else {
        request.push_str("\r\n");
    }
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).context("reading the reply")?;
    parse(&String::from_utf8_lossy(&raw))
}

fn parse(raw: &str) -> anyhow::Result<Reply> {
    let (head, payload) = raw.split_once("\r\n\r\n").context("no end of headers")?;
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .context("no status line")?;
    let mut headers: Vec<(String, String)> = lines
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            Some((key.trim().to_ascii_lowercase(), value.trim().to_owned()))
        })
        .collect();
    let chunked = headers
        .iter()
        .any(|(key, value)| key == "transfer-encoding" && value.contains("chunked"));
    let body = if chunked {
        dechunk(payload)?
    } else {
        payload.to_owned()
    };
    headers.retain(|(key, _)| !TRANSPORT_HEADERS.contains(&key.as_str()));
    headers.sort();
    Ok(Reply {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &str) -> anyhow::Result<String> {
    let mut body = String::new();
    loop {
        let (size, after) = rest.split_once("\r\n").context("truncated chunk")?;
        let size = usize::from_str_radix(size.trim(), 16)?;
        if size == 0 {
            return Ok(body);
        }
        if after.len() < size + 2 {
            bail!("truncated chunk");
        }
        body.push_str(&after[..size]);
        rest = &after[size + 2..];
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_plain_and_chunked_replies() {
        let plain = super::parse(
            "HTTP/1.1 200 OK\r\nDate: Fri, 04 Dec 2026 13:44:42 GMT\r\nX-Echo-Kind: object\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        )
        .unwrap();
        assert_eq!(plain.status, 200);
        assert_eq!(
            plain.headers,
            [
                ("content-type".to_owned(), "application/json".to_owned()),
                ("x-echo-kind".to_owned(), "object".to_owned())
            ]
        );
        assert_eq!(plain.body, "{}");
        let chunked = super::parse(
            "HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!((chunked.status, chunked.body.as_str()), (404, "{}"));
    }
}
