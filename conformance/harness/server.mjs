// Serves Backworks handler modules in Node with the same request/response contract as a
// compiled Backworks server, so the two can be compared byte for byte.
//
// Usage: node server.mjs <routes.json> [port]   (default: $PORT)
// routes.json: [{ "method": "GET", "path": "/a/{id}", "module": "/abs/file.js" }]
//
// The contract itself (module shapes, `req`, the response rules, error replies) lives in
// contract.mjs, shared with the benchmark's adapters. What is the harness's own: bare node:http,
// its router (405 for a known path with another method), a clock and randomness frozen by
// freeze.mjs, a fresh `ctx` for every request, and awaiting every handler's result.

import http from "node:http";
import { readFileSync } from "node:fs";
import "./freeze.mjs";
import {
  contractRequest,
  createContext,
  errorReply,
  headerObject,
  loadHandler,
  resultReply,
  splitTarget,
  thrownReply,
} from "./contract.mjs";

const [routesFile, portArgument] = process.argv.slice(2);
const port = portArgument ?? process.env.PORT ?? 0;
const routes = JSON.parse(readFileSync(routesFile, "utf8"));

const table = [];
for (const route of routes) {
  table.push({ ...route, segments: route.path.split("/").filter(Boolean), handler: await loadHandler(route) });
}

function match(pathname) {
  const parts = pathname.split("/").filter(Boolean);
  const found = [];
  for (const route of table) {
    if (route.segments.length !== parts.length) continue;
    const params = [];
    const ok = route.segments.every((segment, i) => {
      if (segment.startsWith("{")) {
        params.push([segment.slice(1, -1), decodeURIComponent(parts[i])]);
        return true;
      }
      return segment === parts[i];
    });
    if (ok) found.push({ route, params });
  }
  return found;
}

function send(res, { status, headers, text }) {
  res.writeHead(status, headers);
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const raw = Buffer.concat(chunks).toString("utf8");
  const { path, query } = splitTarget(req.url);
  const matches = match(path);
  const entry = matches.find(({ route }) => route.method === req.method);
  if (!entry) {
    if (matches.length) return send(res, errorReply(405, "method_not_allowed", `${path} does not accept ${req.method}; see the Allow header`));
    return send(res, errorReply(404, "not_found", `no route matches ${req.method} ${path}`));
  }

  let request;
  try {
    const headers = headerObject(Object.entries(req.headers));
    request = contractRequest({ method: req.method, path, query, headers, params: Object.fromEntries(entry.params), raw });
  } catch (error) {
    return send(res, errorReply(400, "invalid_json", error.message));
  }

  let result;
  try {
    result = await entry.route.handler(request, createContext());
  } catch (error) {
    return send(res, thrownReply(error));
  }
  send(res, resultReply(result));
});

server.listen(Number(port), "127.0.0.1", () => {
  console.log(`node harness listening on http://127.0.0.1:${server.address().port}`);
});
