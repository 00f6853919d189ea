// Serves Backworks handler modules in Node with the same request/response contract as a
// compiled Backworks server, so the two can be compared byte for byte.
//
// Usage: node server.mjs <routes.json> [port]   (default: $PORT)
// routes.json: [{ "method": "GET", "path": "/a/{id}", "module": "/abs/file.js" }]
//
// The contract mirrored here is runtime-lib's (`bridge.rs` and `http/`): req = { method, path,
// path_params, query_params (last value wins), headers, body }, ctx = { log, env }; a result
// with status/headers/body is a response, anything else is the body of a 200; string bodies
// are text/plain, others JSON; a throw is a 500 {"error":"handler_error","message":"Name: msg"}.

import http from "node:http";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname } from "node:path";
import Module from "node:module";
import "./freeze.mjs";

const [routesFile, portArgument] = process.argv.slice(2);
const port = portArgument ?? process.env.PORT ?? 0;
const routes = JSON.parse(readFileSync(routesFile, "utf8"));

// Handler modules come in three shapes: ES modules (`export function GET`, `export default`),
// CommonJS (`module.exports = …`, `exports.handler = …`), and plain scripts that declare
// `function handler` (as inline handlers do). ES modules load through `import()`; the other two
// are compiled as CommonJS with one line appended that exports a declared `handler` when
// nothing else was exported. As in the compiled server, a per-method export wins over the
// module's default handler.
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

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

function sendError(res, status, error, message) {
  send(res, status, { "content-type": "application/json" }, JSON.stringify({ error, message }));
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

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const raw = Buffer.concat(chunks).toString("utf8");
  const url = new URL(req.url, "http://localhost");
  const matches = match(url.pathname);
  const entry = matches.find(({ route }) => route.method === req.method);
  if (!entry) {
    if (matches.length) return sendError(res, 405, "method_not_allowed", `${url.pathname} does not accept ${req.method}; see the Allow header`);
    return sendError(res, 404, "not_found", `no route matches ${req.method} ${url.pathname}`);
  }

  const contentType = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  const isJson = contentType === "application/json" || contentType.endsWith("+json");
  let body;
  if (raw.length === 0) body = undefined;
  else if (isJson) {
    try {
      body = JSON.parse(raw);
    } catch (error) {
      return sendError(res, 400, "invalid_json", error.message);
    }
  } else body = raw;

  const query = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  const headers = {};
  for (const [key, value] of Object.entries(req.headers)) headers[key] = Array.isArray(value) ? value.join(", ") : value;
  const request = {
    method: req.method,
    path: url.pathname,
    path_params: Object.fromEntries(entry.params),
    query_params: query,
    headers,
    body,
  };
  const ctx = { log: (...args) => console.log(...args), env: { ...process.env } };

  let result;
  try {
    result = await entry.route.handler(request, ctx);
  } catch (error) {
    const described =
      error instanceof Error ? `${error.name}: ${error.message}` : `Uncaught: ${String(error)}`;
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
    send(res, status, out, text);
  } catch (error) {
    sendError(res, 500, "handler_error", `${error.name}: ${error.message}`);
  }
});

server.listen(Number(port), "127.0.0.1", () => {
  console.log(`node harness listening on http://127.0.0.1:${server.address().port}`);
});
