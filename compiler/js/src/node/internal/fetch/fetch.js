// The `fetch` global, as JavaScript of our own (Node 20's undici) over one runtime intrinsic,
// `__node.fetch`, which sends the request from the server's I/O threads while this loop
// thread runs other requests (`runtime-lib/src/js/fetch/`).
//
//   const res = await fetch(`${base}/items`, { method: "POST", body: JSON.stringify(item),
//                                              headers: { "content-type": "application/json" } });
//   await fetch(url, { signal: AbortSignal.timeout(50) })  → rejects with the TimeoutError
//   await fetch("http://127.0.0.1:9/")                     → TypeError: fetch failed (cause: bad port)
//
// Argument errors reject (they come from `new Request`); an aborted signal rejects with its
// reason at once or as soon as it fires; a failed exchange rejects with
// `TypeError: fetch failed` whose `cause` is the runtime's description (`ECONNREFUSED`, …).
"use strict";

const { Request, outgoing } = require("node:internal/fetch/request");
const { received } = require("node:internal/fetch/response");

// The Fetch Standard's bad ports, which Node refuses before connecting.
const BAD_PORTS = [
  "1", "7", "9", "11", "13", "15", "17", "19", "20", "21", "22", "23", "25", "37", "42", "43", "53",
  "69", "77", "79", "87", "95", "101", "102", "103", "104", "109", "110", "111", "113", "115",
  "117", "119", "123", "135", "137", "139", "143", "161", "179", "389", "427", "465", "512",
  "513", "514", "515", "526", "530", "531", "532", "540", "548", "554", "556", "563", "587",
  "601", "636", "989", "990", "993", "995", "1719", "1720", "1723", "2049", "3659", "4045",
  "4190", "5060", "5061", "6000", "6566", "6665", "6666", "6667", "6668", "6669", "6679",
  "6697", "10080",
];

function failed(message) {
  return new TypeError("fetch failed", { cause: new Error(message) });
}

function fetch(input, init) {
  return new Promise((resolve, reject) => {
    const request = new Request(input, init);
    const sent = outgoing(request);
    const signal = sent.signal;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const url = new URL(sent.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      reject(failed("unknown scheme"));
      return;
    }
    if (BAD_PORTS.includes(url.port)) {
      reject(failed("bad port"));
      return;
    }
    let settled = false;
    const exchange = __node.fetch(sent.method, sent.url, sent.headers, sent.bytes, sent.redirect);
    const onAbort = () => {
      if (!settled) {
        settled = true;
        // The connection closes now rather than when the upstream answers.
        exchange.cancel();
        reject(signal.reason);
      }
    };
    signal.addEventListener("abort", onAbort, { once: true });
    exchange.response.then(
      (incoming) => {
        signal.removeEventListener("abort", onAbort);
        if (!settled) {
          settled = true;
          resolve(received(incoming));
        }
      },
      (cause) => {
        signal.removeEventListener("abort", onAbort);
        if (!settled) {
          settled = true;
          reject(new TypeError("fetch failed", { cause }));
        }
      },
    );
  });
}

module.exports = { fetch };
