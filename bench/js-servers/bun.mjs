// The benchmark's Bun server: `Bun.serve` with its built-in router serving Backworks handler
// files with the handler contract of conformance/harness/contract.mjs, so it answers byte for
// byte as the compiled server does; only the runtime and its HTTP server differ.
//
// Usage: bun bun.mjs <routes.json>   (listens on $PORT, $HOST or 127.0.0.1)
// routes.json: [{ "method": "GET", "path": "/search", "module": "/abs/handlers/search.js" }]
//
// It does what the contract requires and nothing more: the body is read only for methods that
// carry one, `ctx` is built once at start (the compiled server builds it only for handlers that
// read it, and none of the workloads does), and headers come from Bun's native `toJSON()`.

import { readFileSync } from "node:fs";
import {
  answer,
  colonPath,
  contractRequest,
  createContext,
  errorReply,
  loadHandler,
  splitTarget,
} from "../../conformance/harness/contract.mjs";

const [routesFile] = process.argv.slice(2);
const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? "127.0.0.1";
const routes = JSON.parse(readFileSync(routesFile, "utf8"));
const ctx = createContext();

function response({ status, headers, text }) {
  return new Response(text === "" ? null : text, { status, headers });
}

function reply(handler, req, raw) {
  let request;
  try {
    const { path, query } = splitTarget(req.url);
    request = contractRequest({ method: req.method, path, query, headers: req.headers.toJSON(), params: req.params, raw });
  } catch (error) {
    return response(errorReply(400, "invalid_json", error.message));
  }
  const settled = answer(handler, request, ctx);
  return settled instanceof Promise ? settled.then(response) : response(settled);
}

function serve(handler) {
  return (req) => {
    if (req.method === "GET" || req.method === "HEAD") return reply(handler, req, "");
    return req.text().then((raw) => reply(handler, req, raw));
  };
}

const table = {};
for (const route of routes) {
  const path = colonPath(route.path);
  table[path] ??= {};
  table[path][route.method] = serve(await loadHandler(route));
}

const server = Bun.serve({
  port,
  hostname: host,
  maxRequestBodySize: 64 * 1024,
  routes: table,
  fetch(req) {
    return response(errorReply(404, "not_found", `no route matches ${req.method} ${splitTarget(req.url).path}`));
  },
});
console.log(`bun listening on http://${host}:${server.port}`);
