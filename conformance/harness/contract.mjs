// The Backworks handler contract (DESIGN.md "Handler contract") in one place, for every
// JavaScript server that runs handler files: the conformance harness (server.mjs, bare
// node:http) and the benchmark's adapters (bench/js/: Bun.serve, Fastify, Express). Each of them
// only moves bytes between its HTTP framework and these functions, so all of them answer alike.
//
// It mirrors runtime-lib (`bridge.rs` and `http/`): req = { method, path, path_params,
// query_params (last value wins), headers, body }, ctx = { log, env, user }; a result with
// status/headers/body is a response, anything else is the body of a 200; string bodies are
// text/plain, others JSON; a throw is a 500 {"error":"handler_error","message":"Name: msg"}.
//
//   const handler = await loadHandler({ method: "GET", module: "/abs/search.js" });
//   const { path, query } = splitTarget("/search?q=x");
//   const request = contractRequest({ method, path, query, headers, params, raw });
//   const reply = answer(handler, request, ctx);   // { status, headers, text } or a promise of it

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname } from "node:path";
import Module from "node:module";

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

/** The function that serves `route.method` from the handler file `route.module`. */
export async function loadHandler(route) {
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

/** The handler's second argument. The compiled server builds it only for handlers that read
 * it; a long-running server can build it once, the harness builds one per request. */
export function createContext() {
  // `user` is the verified caller; these servers verify no tokens, so every caller is anonymous.
  return { log: (...args) => console.log(...args), env: { ...process.env }, user: null };
}

/** Blueprint paths use axum's `{id}`; Express, Fastify and Bun write `:id`. */
export function colonPath(path) {
  return path.replace(/\{([^}]+)\}/g, ":$1");
}

/** `req.path` and `req.query_params` of a request target (`/search?q=a&q=b` → q = "b"). */
export function splitTarget(target) {
  const url = new URL(target, "http://localhost");
  const query = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  return { path: url.pathname, query };
}

/** `req.body`: parsed JSON for a JSON content type, else the text; undefined when empty.
 * Throws the parser's SyntaxError for malformed JSON (the caller answers 400 invalid_json). */
export function parseBody(raw, contentTypeHeader) {
  if (raw.length === 0) return undefined;
  const contentType = (contentTypeHeader ?? "").split(";")[0].trim().toLowerCase();
  const isJson = contentType === "application/json" || contentType.endsWith("+json");
  return isJson ? JSON.parse(raw) : raw;
}

/** Lower-case header names to one string each (repeated headers joined with ", "). */
export function headerObject(entries) {
  const headers = {};
  for (const [key, value] of entries) headers[key] = Array.isArray(value) ? value.join(", ") : value;
  return headers;
}

/** The handler's `req`. `path` and `query` come from splitTarget; `headers` is a plain object
 * of lower-case names; `params` the path parameters the router matched; `raw` the body as
 * text. May throw as parseBody does. */
export function contractRequest({ method, path, query, headers, params, raw }) {
  return {
    method,
    path,
    path_params: { ...params },
    query_params: query,
    headers,
    body: parseBody(raw, headers["content-type"]),
  };
}

/** A JSON error reply, as runtime-lib's error responses are shaped. */
export function errorReply(status, error, message) {
  return { status, headers: { "content-type": "application/json" }, text: JSON.stringify({ error, message }) };
}

/** The reply for an error a handler threw (or a promise it returned rejected with). */
export function thrownReply(error) {
  const described = error instanceof Error ? `${error.name}: ${error.message}` : `Uncaught: ${String(error)}`;
  return errorReply(500, "handler_error", described);
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

/** The reply for what a handler returned: { status, headers (lower-case names), text }. */
export function resultReply(result) {
  try {
    let status = 200;
    const headers = {};
    let payload = result;
    if (isResponse(result)) {
      if (result.status !== undefined) {
        const number = Number(result.status);
        if (!Number.isInteger(number) || number < 100 || number > 999) throw new RangeError(`Invalid status code: ${result.status}`);
        status = number;
      }
      if (result.headers !== undefined && result.headers !== null) {
        for (const [name, value] of Object.entries(result.headers)) {
          if (value !== undefined) headers[name.toLowerCase()] = String(value);
        }
      }
      payload = result.body;
    }
    const { type, text } = bodyOf(payload);
    if (type && !("content-type" in headers)) headers["content-type"] = type;
    return { status, headers, text };
  } catch (error) {
    return errorReply(500, "handler_error", `${error.name}: ${error.message}`);
  }
}

/** Calls the handler and turns its result into a reply. A synchronous handler's reply comes back
 * directly, as the compiled server answers it without a task switch; a returned promise (an
 * async handler) gives a promise of the reply. */
export function answer(handler, request, ctx) {
  let result;
  try {
    result = handler(request, ctx);
  } catch (error) {
    return thrownReply(error);
  }
  if (result !== null && typeof result === "object" && typeof result.then === "function") {
    return Promise.resolve(result).then(resultReply, thrownReply);
  }
  return resultReply(result);
}
