//! One HTTP/1.1 request over a fresh loopback connection, to check that the three servers give
//! the same answer before they are timed.
//!
//! ```text
//! probe(port, "POST", "/echo", Some(body)) ─▶ Reply { status: 200, content_type: "application/json", body }
//! ```

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use anyhow::{Context, bail};

/// What came back, reduced to what the servers must agree on.
#[derive(Debug, PartialEq)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: String,
    pub(crate) body: String,
}

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
    let header = |name: &str| {
        head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
    };
    let body = if header("transfer-encoding").is_some_and(|value| value.contains("chunked")) {
        dechunk(payload)?
    } else {
        payload.to_owned()
    };
    Ok(Reply {
        status,
        content_type: header("content-type").unwrap_or_default(),
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
        let plain =
            super::parse("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}").unwrap();
        assert_eq!(
            (
                plain.status,
                plain.content_type.as_str(),
                plain.body.as_str()
            ),
            (200, "application/json", "{}")
        );
        let chunked = super::parse(
            "HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!((chunked.status, chunked.body.as_str()), (404, "{}"));
    }
}
