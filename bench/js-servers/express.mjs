// The benchmark's Node + Express server: Express 5 on Node 20 serving Backworks handler files
// with the handler contract of conformance/harness/contract.mjs, so it answers byte for byte as
// the compiled server does; only the HTTP framework differs.
//
// Usage: node express.mjs <routes.json>   (listens on $PORT, $HOST or 127.0.0.1)
// routes.json: [{ "method": "GET", "path": "/search", "module": "/abs/handlers/search.js" }]
//
// It does what the contract requires and nothing more: `ctx` is built once at start (the
// compiled server builds it only for handlers that read it, and none of the workloads does);
// Express's ETag and X-Powered-By are off, since the compiled server sends neither and hashing
// every body would charge Express for work the others skip.

import express from "express";
import { readFileSync } from "node:fs";
import {
  answer,
  colonPath,
  contractRequest,
  createContext,
  errorReply,
  headerObject,
  loadHandler,
  splitTarget,
} from "../../conformance/harness/contract.mjs";

const [routesFile] = process.argv.slice(2);
const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? "127.0.0.1";
const routes = JSON.parse(readFileSync(routesFile, "utf8"));
const ctx = createContext();

// Headers set one by one (not through writeHead) so that Node adds Content-Length at end().
function send(res, { status, headers, text }) {
  res.statusCode = status;
  for (const name in headers) res.setHeader(name, headers[name]);
  res.end(text);
}

// The raw body as text, whatever its type: the contract, not Express, decides how to parse it.
const rawBody = express.text({ type: () => true, limit: "64kb" });

function serve(handler) {
  return (req, res) => {
    let request;
    try {
      const { path, query } = splitTarget(req.originalUrl);
      const headers = headerObject(Object.entries(req.headers));
      const raw = typeof req.body === "string" ? req.body : "";
      request = contractRequest({ method: req.method, path, query, headers, params: req.params, raw });
    } catch (error) {
      return send(res, errorReply(400, "invalid_json", error.message));
    }
    const reply = answer(handler, request, ctx);
    if (reply instanceof Promise) reply.then((settled) => send(res, settled));
    else send(res, reply);
  };
}

const app = express();
app.set("etag", false);
app.disable("x-powered-by");
for (const route of routes) {
  app[route.method.toLowerCase()](colonPath(route.path), rawBody, serve(await loadHandler(route)));
}
app.use((req, res) => send(res, errorReply(404, "not_found", `no route matches ${req.method} ${req.path}`)));

const server = app.listen(port, host, () => {
  console.log(`node-express listening on http://${host}:${server.address().port}`);
});
