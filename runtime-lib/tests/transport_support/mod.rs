//! Shared by `http_rate_limit.rs` and `http_transport.rs`: a raw HTTP/1.1 client whose socket
//! is bound to a chosen loopback address (Linux routes all of 127/8 to `lo`), so one test can
//! be several clients, and counting helpers for concurrent load. Every connection stays on
//! loopback.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::Duration;

use socket2::{Domain, Socket, Type};

/// A connection from `from` (e.g. `127.0.0.2`) to `to`.
pub fn connect_from(from: &str, to: SocketAddr) -> TcpStream {
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).expect("a socket");
    let local: IpAddr = from.parse().expect("an address");
    socket
        .bind(&SocketAddr::new(local, 0).into())
        .expect("bind the client to a loopback address");
    socket.connect(&to.into()).expect("connect");
    let stream: TcpStream = socket.into();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    stream
}

/// A parsed response.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Sends one request (`Connection: close`) from `from` and reads the whole answer.
pub fn send_from(
    from: &str,
    to: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> Answer {
    send_body_from(from, to, method, path, headers, b"")
}

/// Like [`send_from`], with `body` (and its `content-length`) when it is not empty.
pub fn send_body_from(
    from: &str,
    to: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let mut stream = connect_from(from, to);
    let mut request = format!("{method} {path} HTTP/1.1\r\nhost: test\r\nconnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() {
        request.push_str(&format!("content-length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    stream.write_all(&bytes).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    parse(&raw)
}

fn parse(raw: &[u8]) -> Answer {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// `clients` threads each send `each` GETs of `path` (from 127.0.0.1, or the address of the
/// client's index in `spread`) to the addresses of `targets` in turn; returns every status.
pub fn hammer(targets: &[SocketAddr], path: &'static str, clients: usize, each: usize) -> Vec<u16> {
    let threads: Vec<_> = (0..clients)
        .map(|client| {
            let targets = targets.to_vec();
            std::thread::spawn(move || {
                (0..each)
                    .map(|n| {
                        let target = targets[(client + n) % targets.len()];
                        send_from("127.0.0.1", target, "GET", path, &[]).status
                    })
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    threads
        .into_iter()
        .flat_map(|thread| thread.join().expect("a client thread"))
        .collect()
}

/// How many of `statuses` are `status`.
pub fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|&&s| s == status).count()
}
