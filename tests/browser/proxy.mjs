// The browser test's origin: the built apps under /<framework>/ (`$DIST/<framework>/`), and
// everything else, WebSocket upgrades included, forwarded to the service at `backend`, so the
// apps reach the service on their own origin as an app served beside its API does.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

/** Static files of the built apps; anything else goes to the service. */
export function proxy(backend, dist) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://proxy");
    if (url.pathname === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const app = url.pathname.match(/^\/(react|vue|svelte)(\/.*)?$/);
    if (app) {
      const file = path.join(dist, app[1], !app[2] || app[2] === "/" ? "index.html" : path.normalize(app[2]));
      fs.readFile(file, (error, content) => {
        if (error) {
          response.writeHead(404).end();
        } else {
          response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(content);
        }
      });
      return;
    }
    const forwarded = http.request(
      { host: backend.hostname, port: backend.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on("error", () => response.writeHead(502).end());
    request.pipe(forwarded);
  });
  // A WebSocket upgrade: the request as it came, then bytes both ways.
  server.on("upgrade", (request, socket, head) => {
    const upstream = net.connect(Number(backend.port), backend.hostname, () => {
      let text = `${request.method} ${request.url} HTTP/1.1\r\n`;
      for (let index = 0; index < request.rawHeaders.length; index += 2) {
        text += `${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}\r\n`;
      }
      upstream.write(`${text}\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  return server;
}
