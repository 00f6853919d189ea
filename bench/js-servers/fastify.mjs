// The benchmark's Node + Fastify server: Fastify 5 on Node 20 serving Backworks handler files
// with the handler contract of conformance/harness/contract.mjs, so it answers byte for byte as
// the compiled server does; only the HTTP framework differs.
//
// Usage: node fastify.mjs <routes.json>   (listens on $PORT, $HOST or 127.0.0.1)
// routes.json: [{ "method": "GET", "path": "/search", "module": "/abs/handlers/search.js" }]
//
// Configured to do what the contract requires and nothing more: no logger; every body arrives
// as text, because the contract, not Fastify, decides how to parse it; Fastify's own query
// parsing is replaced by a constant, because the contract parses the target once (splitTarget)
// and a second parse would charge Fastify twice; `ctx` is built once at start (the compiled
// server builds it only for handlers that read it, and none of the workloads does). Replies are
// strings with their content type set, sent as they are.

import Fastify from "fastify";
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

const NO_QUERY = Object.freeze({});
const app = Fastify({
  logger: false,
  bodyLimit: 64 * 1024,
  routerOptions: { querystringParser: () => NO_QUERY },
});
app.removeAllContentTypeParsers();
app.addContentTypeParser("*", { parseAs: "string" }, (request, body, done) => done(null, body));

// Without a serializer of its own, Fastify appends `; charset=utf-8` to a JSON content type.
const asIs = (text) => text;

function send(reply, { status, headers, text }) {
  return reply.code(status).headers(headers).serializer(asIs).send(text);
}

function serve(handler) {
  return (req, reply) => {
    let request;
    try {
      const { path, query } = splitTarget(req.url);
      const headers = headerObject(Object.entries(req.headers));
      const raw = typeof req.body === "string" ? req.body : "";
      request = contractRequest({ method: req.method, path, query, headers, params: req.params, raw });
    } catch (error) {
      return send(reply, errorReply(400, "invalid_json", error.message));
    }
    const settled = answer(handler, request, ctx);
    if (settled instanceof Promise) return settled.then((done) => send(reply, done));
    return send(reply, settled);
  };
}

for (const route of routes) {
  app.route({ method: route.method, url: colonPath(route.path), handler: serve(await loadHandler(route)) });
}
app.setNotFoundHandler((req, reply) =>
  send(reply, errorReply(404, "not_found", `no route matches ${req.method} ${splitTarget(req.url).path}`)),
);

const address = await app.listen({ port, host });
console.log(`node-fastify listening on ${address}`);
