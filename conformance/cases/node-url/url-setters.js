// URL setters, including ignored invalid values, and href reassignment.
export default function handler() {
  const url = new URL("http://example.com/path?a=1#top");
  const log = [];
  url.pathname = "/new path";
  log.push(url.href);
  url.search = "b=2 3";
  log.push(url.href);
  url.hash = "end";
  log.push(url.href);
  url.port = "8080";
  log.push(url.host);
  url.port = "99999";
  log.push(url.port);
  url.port = "";
  log.push(url.host);
  url.hostname = "other.org";
  url.protocol = "https";
  log.push(url.href);
  url.protocol = "mailto";
  log.push(url.protocol);
  url.username = "me";
  url.password = "p@ss";
  log.push(url.href);
  url.search = "";
  url.hash = "";
  log.push(url.href);
  url.href = "http://fresh.example/x";
  log.push(url.pathname);
  let error;
  try {
    url.href = "not a url";
  } catch (e) {
    error = `${e.name}: ${e.message} (${e.code})`;
  }
  return { log, error, after: url.href };
}
