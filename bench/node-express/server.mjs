// The Node baseline of the benchmarks: Express 5 serving Backworks handler files with the
// Backworks handler contract (DESIGN.md "Handler contract"), the same contract the conformance
// harness (conformance/harness/server.mjs) implements on bare node:http. Module loading, the
// request object and the response rules are that harness's, so the three servers of the
// benchmark answer byte for byte alike; only the HTTP framework differs.
//
// Usage: node server.mjs <routes.json>   (listens on $PORT, $HOST or 127.0.0.1)
// routes.json: [{ "method": "GET", "path": "/search", "module": "/abs/handlers/search.js" }]
//
// Express's ETag and X-Powered-By are switched off: the compiled server sends neither, and
// hashing every body would charge Node for work the others skip.

import express from "express";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname } from "node:path";
import Module from "node:module";

const [routesFile] = process.argv.slice(2);
const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? "127.0.0.1";
const routes = JSON.parse(readFileSync(routesFile, "utf8"));

// Three module shapes, as in the harness: ES modules load through import(); CommonJS and plain
// scripts declaring `function handler` are compiled as CommonJS with one appended line that
// exports the declared `handler` when nothing else was exported.
const commonJsCache = new Map();
function loadCommonJs(file) {
  if (commonJsCache.has(file)) return commonJsCache.get(file);
  const source = readFileSync(file, "utf8");
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  module._compile(
    `${source}\n;if (typeof handler === "function" && typeof module.exports === "object" && Object.keys(module.exports).length === 0) module.exports = handler;`,
    file,
  );
  commonJsCache.set(file, module.exports);
  return module.exports;
}

async function loadHandler(route) {
  const isEsm = /^\s*export\s/m.test(readFileSync(route.module, "utf8"));
  const namespace = isEsm ? await import(pathToFileURL(route.module).href) : {};
  const exports = isEsm ? namespace.default ?? {} : loadCommonJs(route.module);
  const perMethod = namespace[route.method] ?? exports[route.method];
  if (typeof perMethod === "function") return perMethod;
  if (typeof exports === "function") return exports;
  if (typeof exports.handler === "function") return exports.handler;
  if (typeof exports.default === "function") return exports.default;
  throw new Error(`${route.module} exports no handler for ${route.method}`);
}

function sendError(res, status, error, message) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ error, message }));
}

function isResponse(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype &&
    ("status" in value || "headers" in value || "body" in value)
  );
}

function bodyOf(value) {
  if (value === undefined || value === null) return { type: null, text: "" };
  if (typeof value === "string") return { type: "text/plain; charset=utf-8", text: value };
  const json = JSON.stringify(value);
  return json === undefined ? { type: null, text: "" } : { type: "application/json", text: json };
}

// The raw body as text, whatever its type: the contract, not Express, decides how to parse it.
const rawBody = express.text({ type: () => true, limit: "64kb" });

function contractRequest(req) {
  const raw = typeof req.body === "string" ? req.body : "";
  const contentType = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  const isJson = contentType === "application/json" || contentType.endsWith("+json");
  let body;
  if (raw.length === 0) body = undefined;
  else if (isJson) body = JSON.parse(raw);
  else body = raw;
  // As in the harness: a repeated query name keeps its last value.
  const url = new URL(req.originalUrl, "http://localhost");
  const query = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  const headers = {};
  for (const [key, value] of Object.entries(req.headers)) headers[key] = Array.isArray(value) ? value.join(", ") : value;
  return { method: req.method, path: url.pathname, path_params: { ...req.params }, query_params: query, headers, body };
}

function serve(handler) {
  return async (req, res) => {
    let request;
    try {
      request = contractRequest(req);
    } catch (error) {
      return sendError(res, 400, "invalid_json", error.message);
    }
    const ctx = { log: (...args) => console.log(...args), env: { ...process.env } };
    let result;
    try {
      result = await handler(request, ctx);
    } catch (error) {
      const described = error instanceof Error ? `${error.name}: ${error.message}` : `Uncaught: ${String(error)}`;
      return sendError(res, 500, "handler_error", described);
    }
    try {
      let status = 200;
      const out = {};
      let payload = result;
      if (isResponse(result)) {
        if (result.status !== undefined) {
          const number = Number(result.status);
          if (!Number.isInteger(number) || number < 100 || number > 999) throw new RangeError(`Invalid status code: ${result.status}`);
          status = number;
        }
        if (result.headers !== undefined && result.headers !== null) {
          for (const [name, value] of Object.entries(result.headers)) {
            if (value !== undefined) out[name.toLowerCase()] = String(value);
          }
        }
        payload = result.body;
      }
      const { type, text } = bodyOf(payload);
      if (type && !("content-type" in out)) out["content-type"] = type;
      res.statusCode = status;
      for (const [name, value] of Object.entries(out)) res.setHeader(name, value);
      res.end(text);
    } catch (error) {
      sendError(res, 500, "handler_error", `${error.name}: ${error.message}`);
    }
  };
}

const app = express();
app.set("etag", false);
app.disable("x-powered-by");
for (const route of routes) {
  // Blueprint paths use axum's `{id}`; Express 5 writes `:id`.
  const path = route.path.replace(/\{([^}]+)\}/g, ":$1");
  app[route.method.toLowerCase()](path, rawBody, serve(await loadHandler(route)));
}
app.use((req, res) => sendError(res, 404, "not_found", `no route matches ${req.method} ${req.path}`));

const server = app.listen(port, host, () => {
  console.log(`node-express listening on http://${host}:${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
