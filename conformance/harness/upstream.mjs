// The upstream HTTP server the `fetch/` cases call, shared by both sides: the runner starts it
// once and passes its base URL to the Node harness and to the compiled server as
// CONFORMANCE_UPSTREAM, so both fetch the same deterministic answers.
//
// Usage: node upstream.mjs [port]   (default: $PORT, else any free port)
// Prints "upstream listening on http://127.0.0.1:<port>".
//
//   ANY  /echo[/…]        → JSON { method, path, query, body, headers } (chosen request headers)
//   GET  /json            → a JSON document          GET /text      → text/plain
//   GET  /bad-json        → application/json that does not parse
//   GET  /bytes           → application/octet-stream, the bytes 0…255
//   GET  /status/<code>   → that status (and a body unless 204/304)
//   GET  /reason          → 299 with a custom reason phrase
//   ANY  /redirect/<n>    → 302 chains ending at /echo; /redirect-code/<code> → that redirect to /echo
//   GET  /slow?ms=<n>     → answers after n milliseconds (default 1000)
//   GET  /cookies         → two set-cookie headers and a repeated x-multi
//   GET  /closed-port     → JSON { port }: a loopback port nothing listens on (bound, then closed)
//
// Only request headers that every client sends alike are echoed: content-type,
// content-length, accept, authorization and x-* ones (never user-agent, accept-encoding,
// accept-language, sec-fetch-mode, connection, host: they name the client).

import http from "node:http";
import net from "node:net";

// A port that was free a moment ago and is closed now, for connection-refused cases.
const closedPort = await new Promise((resolve) => {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

const ECHOED = ["accept", "authorization", "content-length", "content-type"];

function echoedHeaders(req) {
  const out = {};
  for (const name of Object.keys(req.headers).sort()) {
    if (ECHOED.includes(name) || name.startsWith("x-")) out[name] = req.headers[name];
  }
  return out;
}

function json(res, status, value, extra = {}) {
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", ...extra });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString("utf8");
  const url = new URL(req.url, "http://upstream");
  const path = url.pathname;
  const query = Object.fromEntries(url.searchParams);

  if (path === "/echo" || path.startsWith("/echo/")) {
    return json(res, 200, { method: req.method, path, query, body, headers: echoedHeaders(req) });
  }
  if (path === "/json") {
    return json(res, 200, { hello: "world", n: [1, 2, 3], nested: { ok: true } });
  }
  if (path === "/text") {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    return res.end("hello from upstream ✓");
  }
  if (path === "/bad-json") {
    res.writeHead(200, { "content-type": "application/json" });
    return res.end('{"broken": ');
  }
  if (path === "/bytes") {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    return res.end(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
  }
  const status = path.match(/^\/status\/(\d+)$/);
  if (status) {
    const code = Number(status[1]);
    res.writeHead(code, { "content-type": "text/plain" });
    return res.end(code === 204 || code === 304 ? undefined : `status ${code}`);
  }
  if (path === "/reason") {
    res.writeHead(299, "Custom Thing", { "content-type": "text/plain" });
    return res.end("custom");
  }
  const chain = path.match(/^\/redirect\/(\d+)$/);
  if (chain) {
    const left = Number(chain[1]);
    const target = left <= 1 ? `/echo?from=redirect` : `/redirect/${left - 1}`;
    res.writeHead(302, { location: target, "content-type": "text/plain" });
    return res.end("moved");
  }
  const coded = path.match(/^\/redirect-code\/(\d+)$/);
  if (coded) {
    res.writeHead(Number(coded[1]), { location: "/echo?from=" + coded[1], "content-type": "text/plain" });
    return res.end("moved");
  }
  if (path === "/slow") {
    const ms = Number(query.ms ?? 1000);
    await new Promise((resolve) => setTimeout(resolve, ms));
    res.writeHead(200, { "content-type": "text/plain" });
    return res.end(`slept ${ms}`);
  }
  if (path === "/cookies") {
    res.setHeader("content-type", "text/plain");
    res.setHeader("set-cookie", ["a=1; Path=/", "b=2; HttpOnly"]);
    res.setHeader("x-multi", ["one", "two"]);
    res.setHeader("X-Mixed-Case", "Value");
    res.writeHead(200);
    return res.end("cookies");
  }
  if (path === "/closed-port") {
    return json(res, 200, { port: closedPort });
  }
  json(res, 404, { error: "not_found", path });
});

server.listen(Number(process.argv[2] ?? process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`upstream listening on http://127.0.0.1:${server.address().port}`);
});
