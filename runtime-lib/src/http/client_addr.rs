//! Who the client is, by address: the TCP peer, or — when the peer is one of the service's
//! trusted proxies (`server.trusted_proxies`) — the address the proxies forwarded in
//! `X-Forwarded-For`. Rate limits `by: ip`, login throttling and the audit log's `ip` read the
//! result ([`client_ip`]); the per-address connection cap stays on the TCP peer, which is the
//! one thing a connection cannot lie about.
//!
//! ```text
//! trusted_proxies: [10.0.0.0/8]
//! peer 10.0.0.5, X-Forwarded-For: 6.6.6.6, 203.0.113.7, 10.0.0.9   ─▶ 203.0.113.7
//!   (right to left, the first address that is not itself a trusted proxy: what the client
//!    wrote on the left is its own claim, and a client can write anything)
//! peer 198.51.100.1 (not trusted), X-Forwarded-For: 1.2.3.4        ─▶ 198.51.100.1
//! ```
//!
//! With no trusted proxies (the default) the header is never read. A forwarded entry that is
//! not an address ends the walk at the last trusted hop, so garbage never becomes a client
//! address of its own (each would get a fresh rate-limit quota).

use std::net::{IpAddr, SocketAddr};

use axum::http::{Extensions, HeaderMap};

/// The client's address, put in each request's extensions by the accept loop: the peer, or
/// the address its trusted proxies forwarded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClientAddr(pub(crate) SocketAddr);

/// The client's address of a request: the accept loop's [`ClientAddr`], else the peer axum's
/// `ConnectInfo` names (a router served by `axum::serve`), else `None`.
pub(crate) fn client_ip(extensions: &Extensions) -> Option<IpAddr> {
    extensions
        .get::<ClientAddr>()
        .map(|addr| addr.0.ip())
        .or_else(|| {
            extensions
                .get::<axum::extract::ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip())
        })
}

/// One network: an address and how many leading bits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Network {
    address: IpAddr,
    prefix: u8,
}

impl Network {
    /// `10.0.0.0/8`, `2001:db8::/32`, or a bare address (all its bits); `None` when it is
    /// none of these or the prefix is longer than the address.
    pub(crate) fn parse(text: &str) -> Option<Network> {
        let (address, prefix) = match text.trim().split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text.trim(), None),
        };
        let address: IpAddr = address.parse().ok()?;
        let bits = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => bits,
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                digits.parse::<u8>().ok().filter(|prefix| *prefix <= bits)?
            }
            Some(_) => return None,
        };
        Some(Network { address, prefix })
    }

    fn contains(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        match (self.address, address) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => same_prefix(
                u128::from(u32::from(net)) << 96,
                u128::from(u32::from(ip)) << 96,
                self.prefix,
            ),
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                same_prefix(u128::from(net), u128::from(ip), self.prefix)
            }
            _ => false,
        }
    }
}

fn same_prefix(a: u128, b: u128, prefix: u8) -> bool {
    let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
    a & mask == b & mask
}

/// An IPv4-mapped IPv6 address (a dual-stack listener's view of an IPv4 peer) as IPv4.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

/// The proxies whose `X-Forwarded-For` the service believes.
#[derive(Debug, Clone, Default)]
pub(crate) struct TrustedProxies(Vec<Network>);

impl TrustedProxies {
    /// The networks `spec` lists; one that does not parse (the compiler refuses it, so only a
    /// hand-written spec) is logged and left out — trusting fewer proxies is the safe side.
    pub(crate) fn new(spec: &[&str]) -> TrustedProxies {
        TrustedProxies(
            spec.iter()
                .filter_map(|text| {
                    let network = Network::parse(text);
                    if network.is_none() {
                        tracing::error!(target: "backworks::server", "trusted proxy {text:?} is not an address or a CIDR network; ignored");
                    }
                    network
                })
                .collect(),
        )
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(address))
    }

    /// The client of a request from `peer` with `headers`.
    pub(crate) fn client(&self, peer: SocketAddr, headers: &HeaderMap) -> SocketAddr {
        if self.0.is_empty() || !self.trusts(peer.ip()) {
            return peer;
        }
        let mut client = peer.ip();
        // Every X-Forwarded-For header, in order, is one list (RFC 9110 §5.3).
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|value| value.to_str().unwrap_or("-").split(','))
            .collect();
        for hop in hops.iter().rev() {
            let Some(address) = forwarded_address(hop) else {
                break;
            };
            client = address;
            if !self.trusts(address) {
                break;
            }
        }
        SocketAddr::new(client, 0)
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:80`,
/// `[2001:db8::1]:80`).
fn forwarded_address(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(address) = hop.parse::<IpAddr>() {
        return Some(canonical(address));
    }
    hop.parse::<SocketAddr>()
        .ok()
        .map(|socket| canonical(socket.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(trusted: &[&str], peer: &str, forwarded: &[&str]) -> String {
        let mut headers = HeaderMap::new();
        for value in forwarded {
            headers.append("x-forwarded-for", value.parse().unwrap());
        }
        let peer = SocketAddr::new(peer.parse().unwrap(), 5000);
        TrustedProxies::new(trusted)
            .client(peer, &headers)
            .ip()
            .to_string()
    }

    #[test]
    fn networks_parse_and_contain() {
        let net = Network::parse("10.0.0.0/8").unwrap();
        assert!(net.contains("10.200.1.1".parse().unwrap()));
        assert!(!net.contains("11.0.0.1".parse().unwrap()));
        assert!(
            net.contains("::ffff:10.1.2.3".parse().unwrap()),
            "mapped IPv4"
        );
        let v6 = Network::parse("2001:db8::/32").unwrap();
        assert!(v6.contains("2001:db8:ffff::1".parse().unwrap()));
        assert!(!v6.contains("2001:db9::1".parse().unwrap()));
        assert!(
            Network::parse("0.0.0.0/0")
                .unwrap()
                .contains("8.8.8.8".parse().unwrap())
        );
        assert_eq!(Network::parse("127.0.0.1"), Network::parse("127.0.0.1/32"));
        for bad in [
            "10.0.0.0/33",
            "10.0.0/8",
            "10.0.0.0/",
            "10.0.0.0/+8",
            "fe80::/129",
            "x",
        ] {
            assert_eq!(Network::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let proxies = ["10.0.0.0/8"];
        assert_eq!(
            client(&proxies, "10.0.0.5", &["6.6.6.6, 203.0.113.7, 10.0.0.9"]),
            "203.0.113.7"
        );
        assert_eq!(
            client(&proxies, "10.0.0.5", &["6.6.6.6", "203.0.113.7:4711"]),
            "203.0.113.7"
        );
        assert_eq!(
            client(&proxies, "10.0.0.5", &[]),
            "10.0.0.5",
            "no header: the proxy"
        );
        assert_eq!(
            client(&proxies, "10.0.0.5", &["10.0.0.7, 10.0.0.8"]),
            "10.0.0.7",
            "every hop trusted: the first"
        );
        assert_eq!(
            client(&proxies, "10.0.0.5", &["6.6.6.6, garbage"]),
            "10.0.0.5",
            "garbage stops at the last trusted hop"
        );
        assert_eq!(
            client(&proxies, "198.51.100.1", &["1.2.3.4"]),
            "198.51.100.1",
            "untrusted peer"
        );
        assert_eq!(
            client(&[], "10.0.0.5", &["1.2.3.4"]),
            "10.0.0.5",
            "nobody trusted"
        );
    }
}
