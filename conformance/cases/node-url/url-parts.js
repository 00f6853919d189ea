// new URL: every component, relative resolution against a base, origins, and the
// normalisations of the WHATWG parser (case, default ports, dot segments, IDNA, encoding).
module.exports = () => {
  const url = new URL("https://user:pa ss@EXAMPLE.com:8080/a/./b/../c d?x=1&y=é#frag ment");
  const parts = (u) => ({
    href: u.href, origin: u.origin, protocol: u.protocol, username: u.username, password: u.password,
    host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash,
  });
  return {
    full: parts(url),
    relative: new URL("../up?q#h", "http://example.com/one/two/three").href,
    absoluteWins: new URL("https://other.org/x", "http://example.com/").href,
    baseUrlObject: new URL("/p", new URL("http://h.com/a/b")).href,
    defaultPort: new URL("http://example.com:80/").host,
    idna: new URL("http://bücher.de/").hostname,
    ipv4: new URL("http://0x7f.1/").hostname,
    fileUrl: parts(new URL("file:///tmp/a%20b.txt")),
    opaque: parts(new URL("mailto:someone@example.com")),
    emptyQuery: [new URL("http://a.com/?").search, new URL("http://a.com/?").href, new URL("http://a.com/#").hash],
    string: String(url),
    json: JSON.stringify({ url }),
    toJSON: url.toJSON(),
    canParse: [URL.canParse("http://x"), URL.canParse("nope"), URL.canParse("/p", "http://x")],
    instance: url instanceof URL,
  };
};
